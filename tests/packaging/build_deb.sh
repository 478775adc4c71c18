#!/usr/bin/env bash
# Builds podium_<version>_<arch>.deb with CPack from the finished build tree into a directory of
# its own, then unpacks it (files and control) into a scratch root for the other tests.
set -euo pipefail
build_dir=$1
root=${PODIUM_PKG_ROOT:?}
rm -rf "$root"
mkdir -p "$root/out"
if ! cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$root/out" >"$root/cpack.log" 2>&1; then
    cat "$root/cpack.log"
    exit 1
fi
deb=$root/out/podium_${PODIUM_VERSION:?}_$(dpkg --print-architecture).deb
if [[ ! -f $deb ]]; then
    echo "expected $deb; CPack made:" && ls "$root/out"
    exit 1
fi
dpkg-deb -x "$deb" "$root/root"
dpkg-deb -e "$deb" "$root/control"
ln -s "$deb" "$root/podium.deb"
echo "built and unpacked $deb"
