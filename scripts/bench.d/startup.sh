#!/usr/bin/env bash
# Start-up and the floor of XML reading (issue 17 section 4), side by side in one run:
#   draftcheck --version           against /bin/true            (target: within 2 ms)
#   draftcheck sections rfc9001    against xmllint --noout       (target: within 1.3x;
#                                   libxml2's own parser in C, the floor for anything on it)
#   review --format jsonl of every corpus-wide document, in MB/s (one process, every core)
# hyperfine -N (no shell) on the static release binary; RUNS overrides the run count.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${DRAFTCHECK_CORPUS:-$PWD/../shared/corpus}
wide=${DRAFTCHECK_CORPUS_WIDE:-$PWD/../shared/corpus-wide}
runs=${RUNS:-30}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt install hyperfine)" >&2; exit 69; }
if ! command -v xmllint >/dev/null && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libxml2-utils >/dev/null || true
fi
command -v xmllint >/dev/null || { echo "PEER MISSING: xmllint (apt install libxml2-utils)" >&2; exit 69; }
doc=$corpus/rfc9001.canonical.xml
[ -f "$doc" ] || { echo "CORPUS MISSING: $doc" >&2; exit 66; }

swift build -c release --static-swift-stdlib --product draftcheck >/dev/null
bin=$(swift build -c release --show-bin-path)/draftcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

hyperfine -N --style basic --warmup 5 --runs "$runs" --export-json "$work/start.json" \
  -n "draftcheck --version" "$bin --version" \
  -n "/bin/true" "/bin/true" \
  -n "draftcheck sections rfc9001" "$bin sections $doc" \
  -n "xmllint --noout rfc9001" "xmllint --noout $doc" >/dev/null

wide_files=()
if [ -d "$wide" ]; then
  mapfile -t wide_files < <(find "$wide" -maxdepth 1 \( -name '*.txt' -o -name '*.xml' \) | sort)
fi
if [ ${#wide_files[@]} -gt 0 ]; then
  bytes=$(cat "${wide_files[@]}" | wc -c)
  hyperfine -N --style basic --warmup 1 --runs 5 --ignore-failure --export-json "$work/corpus.json" \
    -n "review --format jsonl corpus-wide" "$bin review --format jsonl ${wide_files[*]}" >/dev/null
else
  bytes=0
  echo '{"results": []}' > "$work/corpus.json"
fi

python3 - "$work/start.json" "$work/corpus.json" "$bytes" "${#wide_files[@]}" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ms = lambda k: r[k]["median"] * 1000
version, true = ms("draftcheck --version"), ms("/bin/true")
sections, xmllint = ms("draftcheck sections rfc9001"), ms("xmllint --noout rfc9001")
print(f"{'what':36} {'draftcheck':>11} {'peer':>11} {'difference':>11}")
print(f"{'--version vs /bin/true':36} {version:9.2f}ms {true:9.2f}ms {version - true:+9.2f}ms  target <= 2 ms: {'MET' if version - true <= 2 else 'NOT MET'}")
print(f"{'sections rfc9001 vs xmllint --noout':36} {sections:9.2f}ms {xmllint:9.2f}ms {sections / xmllint:10.2f}x  target <= 1.3x: {'MET' if sections / xmllint <= 1.3 else 'NOT MET'}")
c = json.load(open(sys.argv[2]))["results"]
if c:
    secs = c[0]["median"]
    mb = int(sys.argv[3]) / 1e6
    print(f"{'corpus-wide, ' + sys.argv[4] + ' documents, jsonl':36} {secs:10.2f}s {mb:9.1f}MB {mb / secs:8.1f}MB/s  target: whole corpus < 2 s: {'MET' if secs < 2 else 'NOT MET'}")
PY
