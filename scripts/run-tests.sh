#!/usr/bin/env bash
# README command 2: on a fresh Debian 12 machine, install what is needed, build from scratch
# with warnings as errors, and run every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev --parallel "$(nproc)"
scripts/with-test-session.sh ctest --preset dev --parallel "$(nproc)"
