#!/usr/bin/env bash
# libFuzzer over the TS payload decoder and the engine behind it.
#   scripts/fuzz ts [SECONDS]      (default 600)
# Builds Fuzz/ts/Harness.swift together with Sources/TrafficSelectors over the WireCore module (no package build),
# seeds the corpus with the committed fixtures, and leaves crashes in out/fuzz/ts/.
# A crash becomes a regression test in Tests/TrafficSelectorsTests (the input as a named vector).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
out=out/fuzz/ts
mkdir -p "$out/corpus"
source scripts/lib/swift-modules.sh
swift_modules "$out/modules" -sanitize=fuzzer,address -O -g -- Diagnostics WireCore
mapfile -t sources < <(find Sources/TrafficSelectors -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -package-name draftcheck -I "$out/modules" -module-name TSFuzz \
  "${sources[@]}" Fuzz/ts/Harness.swift "${module_objects[@]}" -o "$out/harness" 2> >(grep -v "Cannot export local symbol" >&2)
# Seeds: every payload hex string in the fixtures, as raw bytes.
if [ -f Tests/Fixtures/ts/vectors.json ]; then
  python3 - "$out/corpus" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
for i, v in enumerate(json.load(open("Tests/Fixtures/ts/vectors.json"))["vectors"]):
    (out / f"seed-{i:03d}").write_bytes(bytes.fromhex(v["hex"]))
PY
fi
"$out/harness" "$out/corpus" -max_total_time="$seconds" -artifact_prefix="$out/" -print_final_stats=1 -max_len=4096 2>&1 | tee "$out/fuzz.log" | grep -E "^#[0-9]+ +(DONE|pulse|NEW)|stat::|ERROR|SUMMARY|Test unit written" | tail -40
grep -E "stat::number_of_executed_units" "$out/fuzz.log" || true
