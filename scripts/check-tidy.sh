#!/usr/bin/env bash
# Runs clang-tidy with the checked-in .clang-tidy over the C++ files the build compiles (never
# the generated moc and resource files) and fails on any finding. Slow (about 16 s of CPU per
# file, docs/development.md "Style checks"), so it is not part of CTest. Run it after a build:
#   scripts/check-tidy.sh                                    # build/dev, every file, all cores
#   JOBS=1 FILES='server-stub/storage/' scripts/check-tidy.sh   # some files, one at a time
#   BUILD_DIR=build/asan scripts/check-tidy.sh -checks='-*,performance-*'
# Arguments are options for run-clang-tidy.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build/dev}
if [ ! -f "$build_dir/compile_commands.json" ]; then
    echo "check-tidy: no $build_dir/compile_commands.json; configure and build first" \
        "(cmake --preset dev && cmake --build --preset dev)" >&2
    exit 2
fi

# run-clang-tidy picks files by (Python) regular expressions on the paths in
# compile_commands.json; FILES narrows the choice to paths that also contain it.
root=$(pwd -P | sed 's/[][\.*^$+?(){}|]/\\&/g')
exec nice run-clang-tidy -quiet -p "$build_dir" -j "${JOBS:-$(nproc)}" "$@" \
    "^$root/(?=.*(${FILES:-}))(app|bench|core|server-stub|tests|ui)/"
