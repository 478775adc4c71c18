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

# The cockpit, started on the demo from an empty working directory with a private home: it keeps
# the demo session under XDG_DATA_HOME (QStandardPaths), is still running once it has, and writes
# nothing into the working directory or the installed tree.
scratch=$(mktemp -d)
pid=
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime"
mkdir "$scratch/cwd"
before=$(cd "$root" && find . -printf '%p %s %T@\n' | sort)
(cd "$scratch/cwd" && exec env HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" \
    XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache" \
    XDG_RUNTIME_DIR="$scratch/runtime" "$podium" --demo) >"$scratch/out.log" 2>&1 &
pid=$!
session=
for _ in $(seq 200); do # the session file appears within a second; allow 20 on a busy machine
    session=$(find "$scratch/data" -name '*.podium' 2>/dev/null | head -1 || true)
    [[ -n $session ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
sleep 1 # its first passes of the event loop, where the sound system is asked for its outputs
running=yes
kill -0 "$pid" 2>/dev/null || running=no
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=
cat "$scratch/out.log"
[[ $running == yes ]] || fail "the cockpit exited on its own"
if grep -E -i "could not (load|find).*plugin|driver not loaded|cannot load library" "$scratch/out.log"; then
    fail "a runtime plugin is missing"
fi
# Without a sound server the cues are flashes, as the Sound menu says: no error-like line here.
if grep -q "PulseAudioService" "$scratch/out.log"; then fail "a sound-server warning on the terminal"; fi
[[ -n $session ]] || fail "no session file under XDG_DATA_HOME: $(cd "$scratch" && find . -type f)"
[[ $(head -c 15 "$session") == "SQLite format 3" ]] || fail "$session is not a SQLite file"
[[ -z $(ls -A "$scratch/cwd") ]] || fail "files written to the working directory: $(ls -A "$scratch/cwd")"
after=$(cd "$root" && find . -printf '%p %s %T@\n' | sort)
[[ $before == "$after" ]] || fail "the cockpit wrote into the installed tree: $(diff <(echo "$before") <(echo "$after"))"
echo "ok: $version; the demo session is ${session#"$scratch/"}"
