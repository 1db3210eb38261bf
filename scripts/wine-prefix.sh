#!/usr/bin/env bash
# Makes or removes the throw-away Wine prefix in which tests run Windows programs (the MSI under
# msiexec, cross-compiled unit tests). Usage, with the environment cmake/CqrsWine.cmake sets
# (WINEPREFIX and the rest):
#   wine-prefix.sh create   a fresh 64-bit prefix, replacing any left by an interrupted run
#   wine-prefix.sh remove   stops the prefix's wineserver and deletes the prefix
set -euo pipefail

: "${WINEPREFIX:?set WINEPREFIX to the prefix folder}"
# No display: Wine must not open windows or talk to an X server on a CI machine.
unset DISPLAY WAYLAND_DISPLAY

if ! command -v wine >/dev/null || ! command -v wineserver >/dev/null; then
    echo "wine-prefix: Wine is not installed: run scripts/install-deps.sh" >&2
    exit 1
fi

case "${1:-}" in
create)
    wineserver -k 2>/dev/null || true
    rm -rf "$WINEPREFIX"
    wineboot --init
    # wineboot returns before the prefix is written out; the server exits once it is.
    wineserver -w
    ;;
remove)
    wineserver -k 2>/dev/null || true
    rm -rf "$WINEPREFIX"
    ;;
*)
    echo "usage: $0 create|remove" >&2
    exit 2
    ;;
esac
