#!/usr/bin/env bash
# The control file's Depends: dpkg-shlibdeps found the linked libraries, and every Qt plugin that
# Podium loads at run time (which no ELF dependency reveals) is covered by the package that
# ships it on this system. Every dependency is satisfied here, so the package installs.
set -euo pipefail
deb=${PODIUM_PKG_ROOT:?}/podium.deb
fail() { echo "FAIL: $*"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:any//; s/ //g' | sort -u)
has() { grep -qx -- "$1" <<<"$names"; }

for lib in libc6 libqt6core6 libqt6widgets6; do
    has "$lib" || fail "$lib missing: dpkg-shlibdeps did not run"
done

plugins=$(qtpaths6 --query QT_INSTALL_PLUGINS)
for plugin in sqldrivers/libqsqlite.so platforms/libqxcb.so iconengines/libqsvgicon.so \
    imageformats/libqsvg.so tls/libqopensslbackend.so multimedia/libgstreamermediaplugin.so \
    multimedia/libffmpegmediaplugin.so; do
    owner=$(dpkg -S "$plugins/$plugin" | cut -d: -f1)
    has "$owner" || fail "$plugin is shipped by $owner, which the package does not depend on"
    echo "ok: $plugin <- $owner"
done
has libqt6sql6-sqlite || fail "libqt6sql6-sqlite (the QSQLITE driver) is not a dependency"

# Each group of alternatives needs one installed package that meets its version constraint.
while read -r group; do
    satisfied=no
    while read -r alt; do
        name=$(sed -E 's/ *\(.*//; s/:any//' <<<"$alt")
        installed=$(dpkg-query -W -f='${Status}|${Version}' "$name" 2>/dev/null || true)
        [[ $installed == "install ok installed|"* ]] || continue
        if [[ $alt =~ \((..?)\ *([^\)]*)\) ]]; then
            op=${BASH_REMATCH[1]}
            case $op in '>=') op=ge ;; '<=') op=le ;; '>>') op=gt ;; '<<') op=lt ;; '=') op=eq ;; esac
            dpkg --compare-versions "${installed#*|}" "$op" "${BASH_REMATCH[2]}" || continue
        fi
        satisfied=yes
    done < <(tr '|' '\n' <<<"$group" | sed -E 's/^ +| +$//g')
    [[ $satisfied == yes ]] || fail "dependency not satisfied on this system: $group"
done < <(tr ',' '\n' <<<"$depends" | sed -E 's/^ +| +$//g')

dpkg-deb -f "$deb" Recommends | grep -q qt6-wayland || fail "qt6-wayland is not recommended"
dpkg-deb -f "$deb" Recommends | grep -q fonts-wqy-microhei || fail "no CJK font is recommended for PDF reports"
dpkg-deb -f "$deb" Recommends | grep -q fonts-noto-core || fail "no font for Devanagari and other scripts is recommended"
dpkg-deb -f "$deb" Depends | grep -q fonts-dejavu-core || fail "no font for Arabic names is required"
echo "ok: every dependency is satisfied here"
