#!/usr/bin/env bash
# Document reading, side by side with xml2rfc in one run (hyperfine):
#   draftcheck's parse + section tree (`draftcheck sections --format json`) against
#   `xml2rfc --text --no-network` on the same files: rfc9001.canonical.xml alone, then
#   every corpus XML document xml2rfc renders offline as it is (MANIFEST.tsv notes).
# Target: draftcheck at least 50x faster than xml2rfc on rfc9001.canonical.xml.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
corpus=${DRAFTCHECK_CORPUS:-$root/../shared/corpus}
xml2rfc=${DRAFTCHECK_VENV:-$root/.venv}/bin/xml2rfc
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt install hyperfine)" >&2; exit 69; }
[ -x "$xml2rfc" ] || { echo "xml2rfc missing: run scripts/test first" >&2; exit 69; }
[ -f "$corpus/rfc9001.canonical.xml" ] || { echo "corpus missing at $corpus" >&2; exit 66; }

dc=$(scripts/build-release --quiet draftcheck)/draftcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Offline-renderable documents, per the manifest notes.
mapfile -t docs < <(awk -F'\t' '$5 ~ /^xml-v/ && $8 ~ /--no-network: rendered OK/ {print $1}' "$corpus/MANIFEST.tsv")
printf '%s\n' "${docs[@]}" | sed 's/^/corpus document: /'

run_dc_all="for f in ${docs[*]}; do $dc sections $corpus/\$f --format json >/dev/null; done"
run_x2_all="cd $work && for f in ${docs[*]}; do $xml2rfc --quiet --text --no-network $corpus/\$f -o $work/out.txt; done"

# The single document runs without a shell (-N): both programs exec'd directly, so the
# ratio is theirs alone. The corpus loops need a shell, the same for both sides.
hyperfine -N --style basic --warmup 3 --runs "${RUNS:-20}" --export-json "$work/one.json" \
  -n "draftcheck rfc9001" "$dc sections $corpus/rfc9001.canonical.xml --format json" \
  -n "xml2rfc rfc9001" "$xml2rfc --quiet --text --no-network $corpus/rfc9001.canonical.xml -o $work/out.txt"
hyperfine --style basic --warmup 1 --runs 5 --export-json "$work/all.json" \
  -n "draftcheck corpus (${#docs[@]} docs)" "$run_dc_all" \
  -n "xml2rfc corpus (${#docs[@]} docs)" "$run_x2_all"

python3 - "$work/one.json" "$work/all.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for f in sys.argv[1:] for x in json.load(open(f))["results"]}
names = list(r)
one = r[names[1]] / r[names[0]]
all_ = r[names[3]] / r[names[2]]
print(f"\n{'what':34} {'draftcheck':>12} {'xml2rfc':>12} {'ratio':>8}")
print(f"{'rfc9001.canonical.xml':34} {r[names[0]]*1000:10.1f}ms {r[names[1]]*1000:10.1f}ms {one:7.1f}x")
print(f"{names[2].replace('draftcheck ', ''):34} {r[names[2]]*1000:10.1f}ms {r[names[3]]*1000:10.1f}ms {all_:7.1f}x")
print(f"target: >= 50x on rfc9001.canonical.xml: {'MET' if one >= 50 else 'NOT MET'}")
sys.exit(0 if one >= 50 else 1)
PY
