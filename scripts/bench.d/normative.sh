#!/usr/bin/env bash
# Normative: `draftcheck review` (parse + statements, JSON out) of rfc7296.txt and
# rfc9001.canonical.xml, side by side in one hyperfine run with xml2rfc's text render of the
# same XML (the peer's cheapest full pass over it). Target: draftcheck < 50 ms each.
# Times are whole processes (start-up included) on the release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${DRAFTCHECK_CORPUS:-$PWD/../shared/corpus}
xml2rfc=${DRAFTCHECK_VENV:-$PWD/.venv}/bin/xml2rfc
for f in rfc7296.txt rfc9001.canonical.xml; do
  [ -f "$corpus/$f" ] || { echo "CORPUS MISSING: $corpus/$f" >&2; exit 66; }
done
[ -x "$xml2rfc" ] || { echo "PEER MISSING: $xml2rfc (run scripts/test)" >&2; exit 69; }
command -v hyperfine >/dev/null || { echo "hyperfine not installed (apt install hyperfine)" >&2; exit 69; }

bin=$(scripts/build-release --quiet draftcheck)/draftcheck
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# -N: each program exec'd directly, no shell in the timings.
hyperfine -N --style basic --warmup 3 --runs "${RUNS:-20}" --export-json "$out/h.json" \
  -n "draftcheck review rfc7296.txt" "$bin review $corpus/rfc7296.txt --format json" \
  -n "draftcheck review rfc9001.canonical.xml" "$bin review $corpus/rfc9001.canonical.xml --format json" \
  -n "xml2rfc --text rfc9001.canonical.xml" "$xml2rfc --text --no-network -q $corpus/rfc9001.canonical.xml -o $out/r.txt" \
  >/dev/null

python3 - "$out/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ms = lambda n: r[n]["mean"] * 1000
sd = lambda n: r[n]["stddev"] * 1000
txt, xml, peer = "draftcheck review rfc7296.txt", "draftcheck review rfc9001.canonical.xml", "xml2rfc --text rfc9001.canonical.xml"
print(f"{'what':45} {'mean ms':>9} {'stddev':>8}")
for n in (txt, xml, peer):
    print(f"{n:45} {ms(n):9.1f} {sd(n):8.1f}")
print(f"ratio xml2rfc / draftcheck on rfc9001.canonical.xml: {ms(peer) / ms(xml):.1f}x")
ok = ms(txt) < 50 and ms(xml) < 50
print(f"target < 50 ms each: {'met' if ok else 'NOT met'}")
sys.exit(0 if ok else 1)
PY
