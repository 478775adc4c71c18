#!/usr/bin/env bash
# Builds the libFuzzer targets (the sync decoders, the session file opener) with clang in
# build-fuzz/ and runs each for a bounded time (default 60 s) over a working copy of its corpus.
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
# The session file target also needs the store, the reducer and the plan code, Qt SQL and SQLite.
store_sources="$(ls core/model/*.cpp core/engine/*.cpp core/plan/*.cpp core/commands/*.cpp \
                   core/store/*.cpp)"
for target in frame message session_file; do
    echo "== fuzz_$target"
    if [ "$target" = session_file ]; then
        /usr/lib/qt6/libexec/moc core/engine/session_engine.h -o "$out/moc_session_engine.cpp"
        /usr/lib/qt6/libexec/rcc -name core resources/core.qrc -o "$out/qrc_core.cpp"
        target_sources="$store_sources $out/moc_session_engine.cpp $out/qrc_core.cpp"
        target_inc="-Icore $(pkg-config --cflags Qt6Core Qt6Sql)"
        target_libs="$(pkg-config --libs Qt6Core Qt6Sql sqlite3)"
    else
        target_sources="$sources"
        target_inc="$inc"
        target_libs="$libs"
    fi
    # shellcheck disable=SC2086
    clang++ $flags -fsanitize=fuzzer -DPODIUM_VERSION=\"fuzz\" $target_inc \
        tests/fuzz/fuzz_$target.cpp $target_sources $target_libs -o "$out/fuzz_$target"
    mkdir -p "$out/corpus_$target"
    cp -n tests/fuzz/corpus/$target/* "$out/corpus_$target/" 2>/dev/null || true
    ASAN_OPTIONS=detect_leaks=0 "$out/fuzz_$target" -max_total_time="$seconds" -max_len=70000 \
        "$out/corpus_$target"
done
