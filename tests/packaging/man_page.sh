#!/usr/bin/env bash
# The installed man page is gzip-compressed, renders without warnings, carries the version, and
# documents every option that `podium --help` lists.
set -euo pipefail
root=${PODIUM_PKG_ROOT:?}/root
page=$root/usr/share/man/man1/podium.1.gz
fail() { echo "FAIL: $*"; exit 1; }

gzip -t "$page" || fail "man page missing or not gzip"
zcat "$page" | grep -q "^\.TH PODIUM 1 .*\"Podium ${PODIUM_VERSION:?}\"" || fail "man page version"
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
[[ -z $warnings ]] || fail "man reports: $warnings"
text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$page" 2>/dev/null | col -b)

options=$("$root/usr/bin/podium" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
for option in $options; do
    grep -q -- "$option" <<<"$text" || fail "the man page does not document $option"
done
echo "ok: documents $(wc -w <<<"$options") options"
