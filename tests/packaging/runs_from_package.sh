#!/usr/bin/env bash
# The packaged binary runs from the unpacked root against the system's Qt: --version prints the
# project version, --help lists the options, the cockpit starts, and nothing is written into the
# installed tree (preferences and data go to the XDG directories).
set -euo pipefail
root=${PODIUM_PKG_ROOT:?}/root
podium=$root/usr/bin/podium
fail() { echo "FAIL: $*"; exit 1; }

[[ -x $podium ]] || fail "no executable usr/bin/podium in the package"
if readelf -d "$podium" | grep -E 'R(UN)?PATH'; then
    fail "the packaged binary carries an rpath; it must use the system's libraries"
fi
if ldd "$podium" | grep 'not found'; then fail "unresolved libraries"; fi

version=$("$podium" --version)
[[ $version == "podium ${PODIUM_VERSION:?}" ]] || fail "--version printed '$version'"

help=$("$podium" --help)
for option in --help --version --demo; do
    grep -q -- "$option" <<<"$help" || fail "--help does not mention $option: $help"
done

# A short run of the cockpit with a private home: it must still be running when stopped (no
# crash, no missing plugin) and must leave the installed files untouched.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime"
before=$(cd "$root" && find . -printf '%p %s %T@\n' | sort)
set +e
HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data \
    XDG_CACHE_HOME=$scratch/cache XDG_RUNTIME_DIR=$scratch/runtime \
    timeout 5 "$podium" --demo >"$scratch/out.log" 2>&1
code=$?
set -e
cat "$scratch/out.log"
[[ $code == 124 ]] || fail "the cockpit exited with $code before it was stopped"
if grep -E -i "could not (load|find).*plugin|driver not loaded|cannot load library" "$scratch/out.log"; then
    fail "a runtime plugin is missing"
fi
after=$(cd "$root" && find . -printf '%p %s %T@\n' | sort)
[[ $before == "$after" ]] || fail "the cockpit wrote into the installed tree: $(diff <(echo "$before") <(echo "$after"))"
echo "ok: $version"
