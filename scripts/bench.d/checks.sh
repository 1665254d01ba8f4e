#!/usr/bin/env bash
# Review with checks of RFC 7296 and RFC 2367, end to end through the release binary: read the text
# RFC, extract its statements, run the whole check catalog, link claims, write the JSON
# report. Targets: under 1 second for each document; the catalog itself (the bundled
# -08 excerpt: a few statements, every check run) under 200 ms. Side by side in the same run, the parse-only
# baseline (`draftcheck sections`) on the same file, so the cost of statements + checks +
# linking shows as a ratio. Wall-clock times, median of 7 runs each.
#   scripts/bench checks
# The package-benchmark suite measures the library path (no process start):
#   (cd Benchmarks && swift package benchmark --target CheckBenchmarks)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${DRAFTCHECK_CORPUS:-../shared/corpus}
doc=$corpus/rfc7296.txt
doc2367=$corpus/rfc2367.txt
for d in "$doc" "$doc2367"; do [ -f "$d" ] || { echo "CORPUS MISSING: $d" >&2; exit 66; }; done
bin=$(scripts/build-release draftcheck)/draftcheck
out=out/bench/checks
mkdir -p "$out"

median_ms() {  # command... -> median wall-clock milliseconds of 7 runs
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p | awk '{printf "%.1f", $1 / 1000}'
}

check_ms=$(median_ms "$bin" check "$doc" --format json -o "$out/rfc7296.json")
check2367_ms=$(median_ms "$bin" check "$doc2367" --format json -o "$out/rfc2367.json")
parse_ms=$(median_ms "$bin" sections "$doc")
catalog_only_ms=$(median_ms "$bin" check "drafts/draft-ietf-ipsecme-ikev2bis-08.xml" --format json -o "$out/bundled.json")
statements=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['documents'][0]['summary']['statements'], d['summary']['checks'])" "$out/rfc7296.json")
read -r nstatements nchecks <<< "$statements"
n2367=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['documents'][0]['summary']['statements'])" "$out/rfc2367.json")
python3 - "$check_ms" "$parse_ms" "$catalog_only_ms" "$nstatements" "$nchecks" "$check2367_ms" "$n2367" <<'PY'
import sys
check, parse, bundled, n, c, check2367, n2367 = map(float, sys.argv[1:])
print(f"{'measurement':62} {'ms':>9}")
print(f"{'draftcheck check rfc7296.txt --format json (' + str(int(c)) + ' checks, ' + str(int(n)) + ' statements)':62} {check:9.1f}")
print(f"{'draftcheck check rfc2367.txt --format json (' + str(int(n2367)) + ' statements)':62} {check2367:9.1f}")
print(f"{'draftcheck sections rfc7296.txt (parse only, baseline)':62} {parse:9.1f}")
print(f"{'draftcheck check on the bundled -08 excerpt (catalog + start)':62} {bundled:9.1f}")
ok = check < 1000 and check2367 < 1000 and bundled < 200
print(f"ratio check/parse (RFC 7296): {check / parse:.2f}x; targets: RFC 7296 and RFC 2367 < 1000 ms each, catalog < 200 ms: {'met' if ok else 'MISSED'}")
sys.exit(0 if ok else 1)
PY
