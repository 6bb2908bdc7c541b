#!/usr/bin/env bash
# Builds Centrale (Release) and opens it on the per-user store, created with the demo
# organisation on first run. Extra arguments go to the application: --store PATH, --lang fr|nl|en.
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_packages "${CENTRALE_DEBIAN_PACKAGES[@]}"
configure_and_build "$CENTRALE_ROOT/build" -DCMAKE_BUILD_TYPE=Release -DCENTRALE_BUILD_TESTS=OFF

case "$(uname -s)" in
Linux*)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        say "Centrale is built: $CENTRALE_ROOT/build/bin/centrale"
        say "There is no display to open its window on. Run it under a virtual display instead:"
        say "  apt-get install -y xvfb && xvfb-run -a $CENTRALE_ROOT/build/bin/centrale $*"
        say "or use the command line: $CENTRALE_ROOT/build/bin/centrale-cli --help"
        exit 1
    fi
    ;;
esac
exec "$CENTRALE_ROOT/build/bin/centrale" "$@"
