#!/usr/bin/env bash
# Runs a Windows program (or any command) under Wine the way the tests need it: quiet, with no
# .NET/Gecko install prompts or menu entries, in a throw-away prefix (WINEPREFIX, default
# build/wine-prefix) that wineboot creates on first use.
#   scripts/with-wine.sh wine path/to/test.exe
set -euo pipefail

export WINEPREFIX="${WINEPREFIX:-$(cd "$(dirname "$0")/.." && pwd)/build/wine-prefix}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe="
mkdir -p "$WINEPREFIX"
exec "$@"
