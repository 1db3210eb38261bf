#!/usr/bin/env bash
# Builds the `fuzz` preset (clang, libFuzzer, ASan + UBSan) and runs every target in fuzz/ in
# turn for a fixed time, one at a time and niced, because the machine is shared.
#   scripts/fuzz.sh [seconds per target, default 300] [target ...]
# New interesting inputs go to build/fuzz/corpus/<target>/ (kept between runs, never checked in);
# a crash, leak or hang is saved in build/fuzz/findings/<target>/ and the script fails. Copy a
# finding into fuzz/regressions/<target>/ once it is fixed: the replay tests then run it forever.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true
targets=(fuzz_registrationlink fuzz_stub_jsonbody fuzz_idtoken fuzz_jwks fuzz_passwordpolicy)
if [ "$#" -gt 0 ]; then
    targets=("$@")
fi

cmake --preset fuzz >/dev/null
nice cmake --build --preset fuzz --parallel 2

status=0
for target in "${targets[@]}"; do
    work="build/fuzz/corpus/$target"
    findings="build/fuzz/findings/$target"
    mkdir -p "$work" "$findings"
    echo "== $target: ${seconds}s"
    # -timeout: one input taking more than 10 s is a hang; -rss_limit_mb: a runaway allocation.
    if ! nice "build/fuzz/fuzz/$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" \
        "$work" "fuzz/corpus/$target" "fuzz/regressions/$target" \
        2>"build/fuzz/$target.log"; then
        status=1
        echo "   FOUND something: see build/fuzz/$target.log and $findings/"
    fi
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' \
        "build/fuzz/$target.log" | sed 's/^/   /' || true
done
exit "$status"
