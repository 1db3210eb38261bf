#!/usr/bin/env bash
# Fails when a C++ file in the repository is not formatted as .clang-format says, naming each
# file and line. Fast (a few seconds), so it runs with the tests (CTest's tst_style).
# Fix with: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -d '' files < <(git ls-files -z -- '*.cpp' '*.h')
else
    # An exported source tree without .git: the same folders the build compiles.
    mapfile -d '' files < <(find app bench core server-stub tests ui \
        \( -name '*.cpp' -o -name '*.h' \) -print0)
fi

if clang-format --dry-run --Werror "${files[@]}"; then
    echo "check-style: ${#files[@]} C++ files formatted as .clang-format says"
else
    echo "check-style: run clang-format -i on the files named above" >&2
    exit 1
fi
