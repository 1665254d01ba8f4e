#!/usr/bin/env bash
# Plain-text reader: draftcheck (release) reads RFC 7296 (354 KB) side by side with id2xml
# converting the same text, in one run; prints the median times and the ratio.
# Target: draftcheck at least 20x faster than id2xml.
#   scripts/bench text            (DRAFTCHECK_CORPUS, DRAFTCHECK_VENV, RUNS=N to override)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${DRAFTCHECK_CORPUS:-$PWD/../shared/corpus}
venv=${DRAFTCHECK_VENV:-$PWD/.venv}
runs=${RUNS:-20}
peer_runs=${PEER_RUNS:-3}
src=$corpus/rfc7296.txt
[ -f "$src" ] || { echo "CORPUS MISSING: $src" >&2; exit 66; }
[ -x "$venv/bin/id2xml" ] || { echo "PEER MISSING: $venv/bin/id2xml (run scripts/test)" >&2; exit 69; }

bin=$(scripts/build-release --quiet draftcheck)/draftcheck

# id2xml 1.6.0 stops at RFC 7296's "STD: 79" header line; both sides read the same copy
# without that line (named rfc7296.txt: id2xml wants the document's name).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^STD: 79 ' "$src" > "$tmp/rfc7296.txt"
input=$tmp/rfc7296.txt

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

"$bin" sections "$input" >/dev/null   # warm the page cache
dc=()
for _ in $(seq "$runs"); do
  s=$(now); "$bin" sections "$input" >/dev/null; e=$(now); dc+=($(( (e - s) / 1000 )))
done
peer=()
for i in $(seq "$peer_runs"); do
  s=$(now); "$venv/bin/id2xml" -q -3 -o "$tmp/out-$i.xml" "$input" >/dev/null 2>&1; e=$(now)
  [ -s "$tmp/out-$i.xml" ] || { echo "id2xml failed on $input" >&2; exit 70; }
  peer+=($(( (e - s) / 1000 )))
done
dc_med=$(printf '%s\n' "${dc[@]}" | median)
peer_med=$(printf '%s\n' "${peer[@]}" | median)
sections=$("$bin" sections "$input" | wc -l)
printf '%-44s %12s %8s\n' "rfc7296.txt ($(wc -c < "$input") bytes)" "median" "runs"
printf '%-44s %10.2f ms %8d\n' "draftcheck sections (release, $sections sections)" "$(echo "$dc_med / 1000" | bc -l)" "$runs"
printf '%-44s %10.2f ms %8d\n' "id2xml -3 (the IETF's text-to-XML converter)" "$(echo "$peer_med / 1000" | bc -l)" "$peer_runs"
ratio=$(echo "$peer_med / $dc_med" | bc -l)
printf 'ratio: draftcheck is %.1fx faster than id2xml (target >= 20x)\n' "$ratio"
awk -v r="$ratio" 'BEGIN { exit (r >= 20) ? 0 : 1 }' || { echo "below target" >&2; exit 1; }
