#!/usr/bin/env bash
# Configures and builds Podium into build/ (or $PODIUM_BUILD_DIR), installing dependencies first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
build_dir=${PODIUM_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${PODIUM_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build_dir" --parallel 2
