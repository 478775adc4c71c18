#!/usr/bin/env bash
# Installs the Debian 12 packages Podium needs to build, test and run, when they are missing.
set -euo pipefail
packages=(
    cmake ninja-build g++ pkg-config qt6-base-dev libqt6opengl6-dev qt6-multimedia-dev
    qt6-charts-dev qt6-svg-dev qt6-tools-dev
    qt6-httpserver-dev libqrencode-dev # the room's voting page and its QR code
    qt6-websockets-dev # Qt6HttpServer's CMake files need it; Debian's package does not say so
    qt6-l10n-tools libqt6sql6-sqlite catch2
    libsqlite3-dev sqlite3 xvfb xauth imagemagick poppler-utils desktop-file-utils appstream
    faketime # a host whose clock is ahead, for the ctl tests
    zbar-tools # reads back the QR code the audience display shows
    clang-format dpkg-dev man-db bsdextrautils libxml2-utils binutils shared-mime-info
    fonts-dejavu-core  # Latin, Cyrillic, Arabic and Hebrew glyphs, as the package requires
    fonts-wqy-microhei # CJK glyphs for names in PDF reports (DejaVu covers Latin and Arabic)
    clang libclang-rt-14-dev # libFuzzer for scripts/fuzz.sh only (the build uses g++)
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
