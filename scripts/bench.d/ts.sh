#!/usr/bin/env bash
# Traffic Selector engine beside our C baseline, one run, same inputs (same generator):
#   scripts/bench ts
# Builds scripts/bench.d/ts/baseline.c (gcc -O2) and scripts/bench.d/ts/main.swift with
# Sources/TrafficSelectors (swiftc -O -wmo, one module over the WireCore module: no package
# build needed), runs
# both, prints a table with ratios and targets. Times are process CPU time.
# The package-benchmark suite (Benchmarks/Benchmarks/TrafficSelectorBenchmarks) measures
# the same operations through the library product: (cd Benchmarks && swift package benchmark --target TrafficSelectorBenchmarks).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=out/bench/ts
mkdir -p "$out"
gcc -O2 -o "$out/baseline" scripts/bench.d/ts/baseline.c
source scripts/lib/swift-modules.sh
swift_modules "$out/modules" -O -- Diagnostics WireCore
mapfile -t sources < <(find Sources/TrafficSelectors -name '*.swift' | sort)
swiftc -O -wmo -package-name draftcheck -I "$out/modules" -module-name TSBench "${sources[@]}" scripts/bench.d/ts/main.swift "${module_objects[@]}" -o "$out/bench"
"$out/baseline" > "$out/c.txt"
"$out/bench" > "$out/swift.txt"
python3 - "$out/c.txt" "$out/swift.txt" <<'PY'
import re, sys
def read(path):
    return {l.split()[0]: (float(l.split()[1]), l.split(None, 3)[3].strip() if len(l.split()) > 3 else "") for l in open(path) if l.strip()}
c, s = read(sys.argv[1]), read(sys.argv[2])
rows = [
    ("pairwise intersection (IPv6, ns/pair)", "pairwise_intersection_ns_per_pair", "pairwise_intersection_ns_per_pair", "within 2x of C", lambda sv, cv: sv <= 2 * cv),
    ("narrowing 1000x1000 strongswan (ms)", "narrowing_1000x1000_ms", "narrowing_1000x1000_ms_strongswan", "< 10 ms", lambda sv, cv: sv < 10),
    ("narrowing 1000x1000 rfc7296 (ms)", "narrowing_1000x1000_ms", "narrowing_1000x1000_ms_rfc7296", "< 10 ms", lambda sv, cv: sv < 10),
    ("SPD lookup, 100000 entries (ns; C = linear scan)", "spd_lookup_100000_ns", "spd_lookup_100000_ns", "< 1000 ns", lambda sv, cv: sv < 1000),
    ("SPD linear scan, 100000 entries (ns)", "spd_lookup_100000_ns", "spd_linear_lookup_100000_ns", "(reference)", None),
]
print(f"{'measurement':50} {'swift':>12} {'C':>12} {'swift/C':>8}  target")
ok = True
for name, ck, sk, target, check in rows:
    sv, cv = s[sk][0], c[ck][0]
    verdict = "" if check is None else ("met" if check(sv, cv) else "MISSED")
    ok = ok and verdict != "MISSED"
    print(f"{name:50} {sv:12.3f} {cv:12.3f} {sv / cv:8.2f}  {target} {verdict}")
for k, (v, note) in s.items():
    if k.startswith("decorrelation") or k.startswith("spd_build"):
        print(f"{k:50} {v:12.1f}   {note}")
if c["spd_lookup_100000_ns"][1].split("checksum")[1] != s["spd_lookup_100000_ns"][1].split("checksum")[1]:
    print("MISMATCH: Swift and C SPD lookups found different entries"); ok = False
sys.exit(0 if ok else 1)
PY
