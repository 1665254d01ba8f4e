#!/usr/bin/env bash
# History: `draftcheck history` of the seed series (RFC 4306, draft-ietf-ipsecme-ikev2bis-04,
# the bundled -08, RFC 5996, RFC 7296), with and without following the bundled errata,
# side by side in one hyperfine run with `draftcheck check` of the same five documents
# (the same reading and linking, without the joining across revisions): the ratio is what
# the history adds. Target: history of the five under 1 s. Release build, whole processes.
#   scripts/bench history
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${DRAFTCHECK_CORPUS:-$PWD/../shared/corpus}
for f in rfc4306.txt draft-ietf-ipsecme-ikev2bis-04.txt rfc5996.txt rfc7296.txt; do
  [ -f "$corpus/$f" ] || { echo "CORPUS MISSING: $corpus/$f" >&2; exit 66; }
done
command -v hyperfine >/dev/null || { echo "hyperfine not installed (apt install hyperfine)" >&2; exit 69; }

bin=$(scripts/build-release --quiet draftcheck)/draftcheck
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
docs="$corpus/rfc4306.txt $corpus/draft-ietf-ipsecme-ikev2bis-04.txt drafts/draft-ietf-ipsecme-ikev2bis-08.xml $corpus/rfc5996.txt $corpus/rfc7296.txt"
errata=errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata

hyperfine -N --style basic --warmup 1 --runs "${RUNS:-10}" --export-json "$out/h.json" \
  -n "history (5 revisions)" "$bin history $docs --format json -o $out/h1.json" \
  -n "history --errata (5 revisions)" "$bin history $docs --errata $errata --format json -o $out/h2.json" \
  -n "check (the same 5, baseline)" "$bin check $docs --format json -o $out/c.json" \
  >/dev/null

python3 - "$out/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ms = lambda n: r[n]["mean"] * 1000
sd = lambda n: r[n]["stddev"] * 1000
h, he, c = "history (5 revisions)", "history --errata (5 revisions)", "check (the same 5, baseline)"
print(f"{'what':40} {'mean ms':>9} {'stddev':>8}")
for n in (h, he, c):
    print(f"{n:40} {ms(n):9.1f} {sd(n):8.1f}")
print(f"ratio history/check: {ms(h) / ms(c):.2f}x; with the errata: {ms(he) / ms(c):.2f}x")
ok = ms(h) < 1000 and ms(he) < 1000
print(f"target history of the five < 1000 ms (with and without --errata): {'met' if ok else 'NOT met'}")
sys.exit(0 if ok else 1)
PY
