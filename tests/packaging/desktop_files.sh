#!/usr/bin/env bash
# The installed launcher, AppStream metadata, icon and copyright: the validators pass, and the
# files name each other and the binary consistently (desktop id, icon name, release version).
set -euo pipefail
root=${PODIUM_PKG_ROOT:?}/root
id=io.github.podium.Podium
desktop=$root/usr/share/applications/$id.desktop
metainfo=$root/usr/share/metainfo/$id.metainfo.xml
fail() { echo "FAIL: $*"; exit 1; }

desktop-file-validate "$desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"

key() { sed -n "s/^$1=//p" "$desktop"; }
exec_binary=$(key Exec | cut -d' ' -f1)
[[ -x $root/usr/bin/$exec_binary ]] || fail "Exec=$exec_binary is not in usr/bin"
icon=$(key Icon)
icon_file=$root/usr/share/icons/hicolor/scalable/apps/$icon.svg
[[ -f $icon_file ]] || fail "Icon=$icon has no file in hicolor/scalable/apps"
xmllint --noout "$icon_file" || fail "the icon is not well-formed SVG"
grep -q '<svg' "$icon_file" || fail "the icon is not an SVG"

grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $id.desktop"
grep -q "<release version=\"${PODIUM_VERSION:?}\"" "$metainfo" ||
    fail "the metainfo has no release entry for version $PODIUM_VERSION"
shots=$(grep -cE '<screenshot( |>)' "$metainfo")
[[ $(grep -c '<caption>' "$metainfo") == "$shots" && $shots -gt 0 ]] || fail "a screenshot has no caption"
# The screenshots are the ones scripts/screenshots.sh takes into docs/screenshots/.
if [[ -d ${PODIUM_SOURCE_DIR:?}/docs/screenshots ]]; then
    for image in $(grep -oE '[a-z-]+\.png</image>' "$metainfo" | sed 's|</image>||'); do
        [[ -f $PODIUM_SOURCE_DIR/docs/screenshots/$image ]] || fail "no docs/screenshots/$image"
    done
else
    echo "note: docs/screenshots/ not taken yet; image names not checked"
fi

# Session files (*.podium) open in Podium: the MIME package compiles, and the launcher takes them.
mime=$(mktemp -d)
trap 'rm -rf "$mime"' EXIT
cp -r "$root/usr/share/mime/packages" "$mime/"
update-mime-database "$mime" 2>/dev/null || fail "update-mime-database rejects the MIME package"
grep -qx 'application/x-podium-session:\*\.podium' <(sed 's/^[0-9]*://' "$mime/globs2") ||
    fail "*.podium is not registered as application/x-podium-session"
grep -qx 'application/x-podium-session application/vnd.sqlite3' "$mime/subclasses" ||
    fail "a session is not declared a SQLite file"
[[ $(key MimeType) == *application/x-podium-session\;* ]] || fail "the launcher takes no sessions"
[[ $(key Exec) == *%f* ]] || fail "the launcher does not pass the file to podium"

copyright=$root/usr/share/doc/podium/copyright
grep -q 'GPL-3.0-or-later' "$copyright" || fail "no GPL-3.0-or-later copyright file"
echo "ok: launcher, metadata, icon and copyright"
