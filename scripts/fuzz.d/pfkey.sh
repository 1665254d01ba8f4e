#!/usr/bin/env bash
# Fuzz the PF_KEY decoder: libFuzzer through swiftc -sanitize=fuzzer,address.
#   scripts/fuzz pfkey [SECONDS]     (default 600)
# Builds out/fuzz/pfkey/harness from Sources/PFKey + Fuzz/pfkey/Harness.swift, writes a
# seed corpus of valid messages (every message type of every dialect, the kernel shapes),
# and runs. A crash leaves its input in out/fuzz/pfkey/crash-*; turn it into a regression
# test in Tests/PFKeyTests (the input as a named vector).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
out=out/fuzz/pfkey
mkdir -p "$out/corpus" "$out/seeds"
# The module's errors conform to Sources/Diagnostics' protocol: build it first, as a module of its own.
swiftc -O -parse-as-library -module-name Diagnostics -emit-library -static -emit-module \
  -emit-module-path "$out/modules/Diagnostics.swiftmodule" Sources/Diagnostics/*.swift -o "$out/libDiagnostics.a"
sources=$(find Sources/PFKey -name '*.swift' | sort)
echo "==> building the seed writer"
swiftc -Onone -parse-as-library -module-name PFKeySeeds $sources Fuzz/pfkey/Seeds.swift -I "$out/modules" "$out/libDiagnostics.a" -o "$out/seeds-writer"
"$out/seeds-writer" "$out/seeds"
echo "==> building the harness (-sanitize=fuzzer,address)"
swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name PFKeyFuzz $sources Fuzz/pfkey/Harness.swift -I "$out/modules" "$out/libDiagnostics.a" -o "$out/harness"
echo "==> fuzzing for ${seconds}s"
cd "$out"
./harness -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 -artifact_prefix=./ corpus seeds 2>&1 | tee fuzz.log | grep -E "^#[0-9]+.*(pulse|DONE|NEW)|stat::|ERROR|SUMMARY|Done" | tail -40
grep -E "stat::number_of_executed_units" fuzz.log
if ls crash-* leak-* timeout-* >/dev/null 2>&1; then echo "*** crashes found: $out/" >&2; exit 1; fi
