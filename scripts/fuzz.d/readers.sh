#!/usr/bin/env bash
# libFuzzer over the document side: scripts/fuzz xml|text|errata|compare [SECONDS] (default 600).
# Builds Fuzz/readers (a package target only when DRAFTCHECK_FUZZ=1) with SwiftPM's
# fuzzer and address sanitizers into .build-fuzz, seeds each area from ../shared/corpus,
# ../shared/corpus-wide and the project's own drafts and errata, and runs with a per-input
# timeout and a memory limit. A crash, timeout or out-of-memory input is left in
# out/fuzz/AREA/ and becomes a regression input under Tests/Fixtures/fuzz/AREA/.
set -euo pipefail
cd "$(dirname "$0")/../.."
area=${1:?usage: readers.sh xml|text|errata|compare [SECONDS]}
seconds=${2:-600}
corpus=${DRAFTCHECK_CORPUS:-../shared/corpus}
wide=${DRAFTCHECK_CORPUS_WIDE:-../shared/corpus-wide}
out=out/fuzz/$area
mkdir -p "$out/corpus" "$out/seeds"

echo "==> building Fuzz/readers (-sanitize=fuzzer,address, release)"
DRAFTCHECK_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product fuzz-readers \
  --sanitize fuzzer --sanitize address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table 2>&1 | grep -vE "Cannot export local symbol" | tail -3
harness=$(DRAFTCHECK_FUZZ=1 swift build -c release --scratch-path .build-fuzz --sanitize fuzzer --sanitize address --show-bin-path)/fuzz-readers

echo "==> seeds"
seed() { cp -- "$1" "$out/seeds/$(basename "$1")"; }
case $area in
  xml)
    # Whole documents are cut to a few sections and references so that they fit in
    # max_len and stay well-formed (a document cut at a byte count is only a parse error).
    python3 - "$out/seeds" 65536 "$corpus"/*.xml "$wide"/*.xml drafts/*.xml Tests/Fixtures/*/*.xml <<'PY'
import sys, pathlib, xml.dom.minidom as md
out, limit = pathlib.Path(sys.argv[1]), int(sys.argv[2])
def prune(node, keep):
    kids = [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE and c.tagName in ("section", "reference", "referencegroup")]
    for c in kids[keep:]:
        node.removeChild(c)
    for c in node.childNodes:
        if c.nodeType == c.ELEMENT_NODE:
            prune(c, keep)
for name in sys.argv[3:]:
    p = pathlib.Path(name)
    if not p.is_file():
        continue
    data = p.read_bytes()
    for keep in (None, 4, 2, 1):
        if keep is not None:
            try:
                doc = md.parseString(data)
            except Exception:
                break
            prune(doc.documentElement, keep)
            data = doc.toxml("utf-8")
        if len(data) <= limit:
            (out / p.name).write_bytes(data)
            break
PY
    max_len=65536 ;;
  text)
    for f in "$corpus"/*.txt "$wide"/*.txt; do [ -f "$f" ] && seed "$f"; done
    max_len=65536 ;;
  errata)
    while IFS= read -r f; do seed "$f"; done < <(find errata Tests/Fixtures -name '*.errata')
    max_len=16384 ;;
  compare)
    # Two revisions in one input, split at a NUL byte: the first 24 KB of each document of a
    # pair that really is one series, and of some that are not.
    python3 - "$out/seeds" "$corpus" <<'PY'
import sys, pathlib
out, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pairs = [("rfc4306.txt", "draft-ietf-ipsecme-ikev2bis-04.txt"), ("draft-ietf-ipsecme-ikev2bis-04.txt", "rfc5996.txt"),
         ("rfc5996.txt", "rfc7296.txt"), ("rfc2367.txt", "rfc4301.txt")]
for i, (a, b) in enumerate(pairs):
    pa, pb = corpus / a, corpus / b
    if pa.exists() and pb.exists():
        (out / f"pair-{i}").write_bytes(pa.read_bytes()[:24576] + b"\0" + pb.read_bytes()[:24576])
PY
    max_len=65536 ;;
  *) echo "unknown area $area" >&2; exit 64 ;;
esac
[ -d Tests/Fixtures/fuzz/$area ] && cp Tests/Fixtures/fuzz/$area/* "$out/seeds/" 2>/dev/null || true
echo "$(ls "$out/seeds" | wc -l) seeds"

echo "==> fuzzing $area for ${seconds}s"
draft=$PWD/drafts/draft-ietf-ipsecme-ikev2bis-08.xml
cd "$out"
SWIFT_BACKTRACE=enable=no DRAFTCHECK_FUZZ_AREA=$area DRAFTCHECK_FUZZ_DRAFT=$draft "$harness" corpus seeds \
  -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix=./ 2>&1 | tee fuzz.log \
  | grep -E "^#[0-9]+.*(pulse|DONE|INITED)|stat::|ERROR|SUMMARY|Test unit written" | tail -20
grep -E "stat::number_of_executed_units" fuzz.log
if ls crash-* leak-* timeout-* oom-* >/dev/null 2>&1; then echo "*** findings in $out/" >&2; exit 1; fi
