#!/usr/bin/env bash
# Builds the Debian package podium_<version>_<arch>.deb into build-package/ (or
# $PODIUM_PACKAGE_DIR) and prints its path. Install it with: apt install ./<that path>
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
build_dir=${PODIUM_PACKAGE_DIR:-build-package}
# Debian's own build flags, hardening included (stack protector, fortify, relro, bindnow).
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
    -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" \
    -DPODIUM_BUILD_TESTS=OFF -DPODIUM_BUILD_BENCHMARKS=OFF "$@" >/dev/null
cmake --build "$build_dir" --parallel 2
(cd "$build_dir" && cpack -G DEB >cpack.log 2>&1) || { cat "$build_dir/cpack.log"; exit 1; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
deb=$build_dir/podium_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || { echo "no package at $deb" >&2; exit 1; }
echo "$deb"
