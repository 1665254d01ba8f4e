#!/usr/bin/env bash
# Fuzz the PF_KEY decoder: libFuzzer through swiftc -sanitize=fuzzer,address.
#   scripts/fuzz pfkey [SECONDS]     (default 600)
# Builds out/fuzz/pfkey/harness from the PFKey module + Fuzz/pfkey/Harness.swift, writes a
# seed corpus of valid messages (every message type of every dialect, the kernel shapes),
# and runs. A crash leaves its input in out/fuzz/pfkey/crash-*; turn it into a regression
# test in Tests/PFKeyTests (the input as a named vector).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
out=out/fuzz/pfkey
mkdir -p "$out/corpus" "$out/seeds"
source scripts/lib/swift-modules.sh
echo "==> building the seed writer"
swift_modules "$out/modules-seeds" -Onone -- Diagnostics WireCore PFKey PFKeyReference
swiftc -Onone -parse-as-library -I "$out/modules-seeds" -module-name PFKeySeeds Fuzz/pfkey/Seeds.swift "${module_objects[@]}" -o "$out/seeds-writer"
"$out/seeds-writer" "$out/seeds"
echo "==> building the harness (-sanitize=fuzzer,address)"
swift_modules "$out/modules" -O -sanitize=fuzzer,address -- Diagnostics WireCore PFKey
swiftc -O -parse-as-library -sanitize=fuzzer,address -I "$out/modules" -module-name PFKeyFuzz Fuzz/pfkey/Harness.swift "${module_objects[@]}" -o "$out/harness"
echo "==> fuzzing for ${seconds}s"
cd "$out"
./harness -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 -artifact_prefix=./ corpus seeds 2>&1 | tee fuzz.log | grep -E "^#[0-9]+.*(pulse|DONE|NEW)|stat::|ERROR|SUMMARY|Done" | tail -40
grep -E "stat::number_of_executed_units" fuzz.log
if ls crash-* leak-* timeout-* >/dev/null 2>&1; then echo "*** crashes found: $out/" >&2; exit 1; fi
