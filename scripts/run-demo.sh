#!/usr/bin/env bash
# README command 1: on a fresh Debian 12 machine, install what is needed, build, and run the
# app. Without a display it runs under a virtual one (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --parallel "$(nproc)"

app=(build/release/app/cqrs-desktop)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: running under Xvfb. Set DISPLAY to see the window."
    app=(xvfb-run -a "${app[@]}")
fi
"${app[@]}"
