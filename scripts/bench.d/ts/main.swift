import Foundation
// Swift side of scripts/bench.d/ts.sh, compiled with -O together with
// Sources/TrafficSelectors (one module, like the fuzz harness). Same inputs as baseline.c:
// the same xorshift generator, seeds and draw order. Prints "name value unit" lines.

var rngState: UInt64 = 0
func nextRand() -> UInt64 {
    var x = rngState
    x ^= x << 13; x ^= x >> 7; x ^= x << 17
    rngState = x
    return x
}

/// Process CPU time, as in baseline.c: the machine is shared, so wall time would measure
/// the neighbours too.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func measure<T>(_ reps: Int = 5, _ body: () -> T) -> (seconds: Double, result: T) {
    var best = Double.infinity
    var result = body()
    for _ in 0..<reps {
        let start = cpuSeconds()
        result = body()
        best = min(best, cpuSeconds() - start)
    }
    return (best, result)
}

func makeV6(_ n: Int) -> [TrafficSelector] {
    let base = UInt128(0x20010db800000000) << 64
    return (0..<n).map { _ in
        let a = base + UInt128(nextRand() % 65536), len = UInt128(nextRand() % 4096)
        let p = nextRand() % 3
        let proto: IPProtocolRange = p == 0 ? .any : p == 1 ? .tcp : .udp
        let q = nextRand() % 3, lo = UInt16(nextRand() % 60000)
        let ports: PortRange = q == 0 ? .any : q == 1 ? .single(lo) : try! .range(lo, lo + 1000)
        return TrafficSelector(ipProtocol: proto, ports: ports, addresses: try! IPAddressRange(family: .ipv6, start: a, end: a + len))
    }
}

func makeV4(hosts: Bool) -> IPAddressRange {
    let r = nextRand()
    let plen = hosts ? 32 : 16 + Int(nextRand() % 13)
    let a = UInt128(0x0a000000 | UInt32(truncatingIfNeeded: r & 0xffffff))
    return try! IPAddressRange(family: .ipv4, address: a, prefixLength: plen)
}

// 1. Pairwise intersection.
rngState = 0x9e3779b97f4a7c15
let v6 = makeV6(2048)
let pairwise = measure {
    var hits = 0
    for a in v6 { for b in v6 where a.intersection(b) != nil { hits += 1 } }
    return hits
}
print(String(format: "pairwise_intersection_ns_per_pair %.3f ns (hits %d)", pairwise.seconds * 1e9 / Double(v6.count * v6.count), pairwise.result))

// 2. Narrowing 1,000 x 1,000.
rngState = 0x1234567
let proposal = (0..<1000).map { _ in TrafficSelector(addresses: makeV4(hosts: true)) }
let policySelectors = (0..<1000).map { _ in TrafficSelector(addresses: makeV4(hosts: false)) }
let policy = NarrowingPolicy(rules: [NarrowingRule(name: "p", remote: policySelectors, local: [.all(.ipv4)])])
for profile in [NarrowingProfile.strongswan, .rfc7296] {
    let r = measure(3) { Narrowing.narrow(proposedTSi: proposal, proposedTSr: [.all(.ipv4)], policy: policy, profile: profile) }
    print(String(format: "narrowing_1000x1000_ms_\(profile.rawValue) %.3f ms (kept %d)", r.seconds * 1e3, r.result.tsi.count))
}

// 3. SPD lookup, 100,000 entries.
rngState = 0xabcdef12345
var entries: [SPDEntry] = []
entries.reserveCapacity(100_000)
let localNet = try! IPAddressRange(parsing: "192.168.0.0/16")
for i in 0..<99_999 {
    let hosts = nextRand() % 2 == 1
    let remote = makeV4(hosts: hosts)
    let p = nextRand() % 3
    let proto: IPProtocolRange = p == 0 ? .any : p == 1 ? .tcp : .udp
    var ports = PortRange.any
    if nextRand() % 2 == 1 { ports = .single(UInt16(nextRand() % 1024)) }
    entries.append(SPDEntry(name: "e\(i)", selectorSets: [try! SPDSelectorSet(local: localNet, remote: remote, ipProtocol: proto, remotePorts: ports)], action: .protect))
}
entries.append(SPDEntry(name: "default", selectorSets: [try! SPDSelectorSet(local: .all(.ipv4), remote: .all(.ipv4))], action: .discard))
let build = measure(1) { SPD(entries: entries) }
let spd = build.result
var packets: [SPDPacket] = []
for _ in 0..<2000 {
    let e = entries[Int(nextRand() % 99_999)].selectorSets[0].remote
    let remote = e.start + UInt128(nextRand() % UInt64(e.end - e.start + 1))
    let local = UInt128(0xc0a80000) + UInt128(nextRand() % 65536)
    let proto: UInt8 = nextRand() % 2 == 1 ? 6 : 17
    let rport = UInt32(nextRand() % 1024)
    packets.append(SPDPacket(family: .ipv4, local: local, remote: remote, ipProtocol: proto, localPort: 0, remotePort: rport))
}
let indexed = measure {
    var sum = 0
    for _ in 0..<100 { for p in packets { sum &+= spd.lookup(p) ?? -1 } }
    return sum / 100
}
let linear = measure(1) { packets.reduce(0) { $0 + (spd.linearLookup($1) ?? -1) } }
print(String(format: "spd_build_100000_ms %.1f ms", build.seconds * 1e3))
print(String(format: "spd_lookup_100000_ns %.1f ns (indexed, checksum %d)", indexed.seconds * 1e9 / Double(packets.count * 100), indexed.result))
print(String(format: "spd_linear_lookup_100000_ns %.1f ns (linear scan, checksum %d)", linear.seconds * 1e9 / Double(packets.count), linear.result))

// 4. Decorrelation of overlapping entries.
for n in [100, 1000, 5000] {
    rngState = 0x5eed + UInt64(n)
    let list: [SPDEntry] = (0..<n).map { i in
        let plen = 16 + Int(nextRand() % 13)
        let remote = try! IPAddressRange(family: .ipv4, address: UInt128(0x0a000000 | UInt32(nextRand() & 0xffff)), prefixLength: plen)
        let local = nextRand() % 2 == 0 ? IPAddressRange.all(.ipv4) : try! IPAddressRange(parsing: "192.168.0.0/24")
        let p = nextRand() % 3
        let proto: IPProtocolRange = p == 0 ? .any : p == 1 ? .tcp : .udp
        let ports: PortRange = nextRand() % 2 == 0 ? .any : .single(UInt16(nextRand() % 16))
        return SPDEntry(name: "e\(i)", selectorSets: [try! SPDSelectorSet(local: local, remote: remote, ipProtocol: proto, remotePorts: ports)], action: SPDAction.allCases[i % 3])
    }
    let r = measure(n >= 5000 ? 1 : 3) { Decorrelation.decorrelate(list) }
    print(String(format: "decorrelation_%d_ms %.1f ms (fragments %d)", n, r.seconds * 1e3, r.result.fragments.count))
}
