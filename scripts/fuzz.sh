#!/usr/bin/env bash
# Builds the sync decoders' libFuzzer targets with clang in build-fuzz/ and runs each for a
# bounded time (default 60 s) over a working copy of its corpus.
#   scripts/fuzz.sh [seconds]
# Needs clang and libclang-rt-14-dev (scripts/deps.sh installs them). Debian's Qt is not
# instrumented: our code is built with -fsanitize=fuzzer-no-link,address,undefined and only the
# target links -fsanitize=fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v clang++ >/dev/null || { echo "clang++ is not installed (scripts/deps.sh)"; exit 1; }
out=build-fuzz
mkdir -p "$out"
flags="-std=c++20 -g -O1 -fPIC -fsanitize=address,undefined -fno-sanitize-recover=undefined"
inc="-Icore -Icore/sync $(pkg-config --cflags Qt6Core Qt6Network)"
libs="$(pkg-config --libs Qt6Core Qt6Network)"
sources="core/sync/protocol.cpp core/sync/frame_reader.cpp core/model/event.cpp
         core/model/action.cpp core/model/codec.cpp core/model/state.cpp core/model/types.cpp
         core/model/timer.cpp core/commands/command.cpp core/sync/peer_info.cpp"
for target in frame message; do
    echo "== fuzz_$target"
    # shellcheck disable=SC2086
    clang++ $flags -fsanitize=fuzzer -DPODIUM_VERSION=\"fuzz\" $inc \
        tests/fuzz/fuzz_$target.cpp $sources $libs -o "$out/fuzz_$target"
    mkdir -p "$out/corpus_$target"
    cp -n tests/fuzz/corpus/$target/* "$out/corpus_$target/" 2>/dev/null || true
    ASAN_OPTIONS=detect_leaks=0 "$out/fuzz_$target" -max_total_time="$seconds" -max_len=70000 \
        "$out/corpus_$target"
done
