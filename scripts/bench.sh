#!/usr/bin/env bash
# Builds and runs every benchmark. Each prints its figures as a ratio against a baseline
# measured in the same run, beside its target. Benchmarks are not tests: they never fail a build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
shopt -s nullglob
for bench in "${PODIUM_BUILD_DIR:-build}"/bench/bench_*; do
    echo "== $(basename "$bench")"
    # The UI benchmark shows real windows: on the desktop's display, or else on Xvfb.
    if [[ $bench == */bench_ui && -z ${DISPLAY:-} ]] && command -v xvfb-run >/dev/null; then
        xvfb-run -a -s "-screen 0 1600x1000x24" "$bench"
    else
        "$bench"
    fi
done
