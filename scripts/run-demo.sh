#!/usr/bin/env bash
# Builds Podium and opens the cockpit on the built-in demo session, as host.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting the cockpit under Xvfb (screenshots only)." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "${PODIUM_BUILD_DIR:-build}/app/podium" --demo --host "$@"
fi
exec "${PODIUM_BUILD_DIR:-build}/app/podium" --demo --host "$@"
