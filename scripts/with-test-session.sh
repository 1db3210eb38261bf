#!/usr/bin/env bash
# Runs a command the way the test suite needs the desktop to be: a throw-away HOME and XDG
# folders (so nothing touches the real user's settings or keyring), a private D-Bus session
# with gnome-keyring unlocked as the Secret Service QtKeychain talks to, and the offscreen
# Qt platform unless a display is asked for.
set -euo pipefail

if [ "${CQRS_TEST_SESSION:-}" != "inside" ]; then
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/cqrs-test-session.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
    export XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime"
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    export CQRS_TEST_SESSION=inside
    status=0
    dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the private session bus: start an unlocked keyring holding only test secrets.
eval "$(printf '%s' 'cqrs-test-keyring' \
    | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
exec "$@"
