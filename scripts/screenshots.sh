#!/usr/bin/env bash
# Builds Podium and photographs it under Xvfb into docs/screenshots/: the three seats' layouts,
# the stage and audience displays, the dark theme and a right-to-left layout. Each shot starts
# from a fresh demo session in a private home folder, filled by a demo scene (--scene), so the
# user's own sessions and settings are never read or touched.
#   PODIUM_SKIP_BUILD=1   use the existing build   PODIUM_APP=path   photograph this binary
#   PODIUM_SHOT_DELAY=s   seconds to wait before each shot (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${PODIUM_BUILD_DIR:-build}
[ -n "${PODIUM_SKIP_BUILD:-}" ] || ./scripts/build.sh
app=$(realpath "${PODIUM_APP:-$build_dir/app/podium}")
out="$PWD/docs/screenshots"
mkdir -p "$out"
sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT

shoot() {
    local name=$1
    shift
    rm -rf "$sandbox/home" && mkdir -p "$sandbox/home/run" && chmod 700 "$sandbox/home/run"
    HOME="$sandbox/home" XDG_CONFIG_HOME="$sandbox/home/config" XDG_DATA_HOME="$sandbox/home/data" \
    XDG_CACHE_HOME="$sandbox/home/cache" XDG_RUNTIME_DIR="$sandbox/home/run" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
            app=$1; shot=$2; shift 2
            "$app" --demo "$@" >/dev/null 2>&1 &
            pid=$!
            sleep "${PODIUM_SHOT_DELAY:-4}"
            import -window root "$shot"
            # No window manager: the cockpit sits top left on black; keep only the window.
            convert "$shot" -bordercolor black -border 1 -trim +repage "$shot"
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true' _ "$app" "$out/$name.png" "$@"
    echo "$out/$name.png"
}

shoot moderator --scene live --role moderator
shoot online-moderator --scene live --role online-moderator
shoot rapporteur --scene live --role rapporteur
shoot stage-display --scene warning --stage
shoot stage-overtime --scene overtime --stage
shoot audience-display --scene live --audience
shoot dark-theme --scene live --role moderator --theme dark
shoot right-to-left --scene live --role moderator -reverse
