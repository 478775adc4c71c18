#!/usr/bin/env bash
# Builds Podium and runs every test with CTest; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
ctest --test-dir "${PODIUM_BUILD_DIR:-build}" --output-on-failure --parallel 2
