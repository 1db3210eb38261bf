#!/usr/bin/env bash
# Installs every Debian 12 package the build, the app, the tests and the packaging checks need.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config ccache clang-format
    # clang-tidy: tst_tidy over the parsers of stranger input, scripts/check-tidy.sh for the rest
    clang-tidy
    # Qt 6.4 (Widgets, Network, Sql, Test are in qt6-base-dev)
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-networkauth-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    # security and the server-stub's HTTP
    qtkeychain-qt6-dev libsecret-1-0 libssl-dev libargon2-dev libcpp-httplib-dev
    # the password strength meter (zxcvbn's C port, as KeePassXC uses)
    libzxcvbn-dev
    # running the app and its GUI tests without a display, and a real Secret Service for QtKeychain
    xvfb xauth dbus dbus-x11 gnome-keyring
    # the app read from outside as a screen reader sees it (tests/a11y): AT-SPI and a keyboard
    at-spi2-core python3-pyatspi xdotool
    # packaging checks
    wixl msitools desktop-file-utils appstream xdg-utils dpkg-dev file
    # Windows code for real: the MSI under Wine's msiexec (tst_msi_install) and the Win32
    # single-instance helper cross-compiled with mingw-w64 and run under Wine (tst_userpipe)
    g++-mingw-w64-x86-64 wine wine64
    # tests and benchmarks that talk HTTP like a browser or a load generator
    curl python3
    # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes
    clang libclang-rt-14-dev
    # a real authenticating HTTP proxy on loopback for the proxy tests (tst_proxy)
    tinyproxy
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
