import Benchmark
import TrafficSelectors

// The operations of scripts/bench.d/ts.sh through the library product (inputs of the same
// shape; the side-by-side run with the C baseline is scripts/bench ts).
private struct XorShift {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}

private func v4(_ rng: inout XorShift, hosts: Bool) -> IPAddressRange {
    let r = rng.next()
    let plen = hosts ? 32 : 16 + Int(rng.next() % 13)
    return try! IPAddressRange(family: .ipv4, address: UInt128(0x0a00_0000 | UInt32(truncatingIfNeeded: r & 0xff_ffff)), prefixLength: plen)
}

let benchmarks: @Sendable () -> Void = {
    var rng = XorShift(state: 0x9e37_79b9_7f4a_7c15)
    let base = UInt128(0x2001_0db8_0000_0000) << 64
    let v6: [TrafficSelector] = (0..<512).map { _ in
        let a = base + UInt128(rng.next() % 65536)
        return TrafficSelector(addresses: try! IPAddressRange(family: .ipv6, start: a, end: a + UInt128(rng.next() % 4096)))
    }
    Benchmark("TS pairwise intersection 512x512 IPv6", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations {
            var hits = 0
            for a in v6 { for b in v6 where a.intersection(b) != nil { hits += 1 } }
            blackHole(hits)
        }
    }

    rng = XorShift(state: 0x123_4567)
    let proposal = (0..<1000).map { _ in TrafficSelector(addresses: v4(&rng, hosts: true)) }
    let policy = NarrowingPolicy(rules: [NarrowingRule(name: "p", remote: (0..<1000).map { _ in TrafficSelector(addresses: v4(&rng, hosts: false)) }, local: [.all(.ipv4)])])
    for profile in NarrowingProfile.allCases {
        Benchmark("TS narrowing 1000x1000 \(profile.rawValue)", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Narrowing.narrow(proposedTSi: proposal, proposedTSr: [.all(.ipv4)], policy: policy, profile: profile))
            }
        }
    }

    rng = XorShift(state: 0xabc_def1_2345)
    let localNet = try! IPAddressRange(parsing: "192.168.0.0/16")
    var entries = (0..<99_999).map { i in
        SPDEntry(name: "e\(i)", selectorSets: [try! SPDSelectorSet(local: localNet, remote: v4(&rng, hosts: rng.next() % 2 == 1), ipProtocol: rng.next() % 2 == 0 ? .tcp : .udp)], action: .protect)
    }
    entries.append(SPDEntry(name: "default", selectorSets: [try! SPDSelectorSet(local: .all(.ipv4), remote: .all(.ipv4))], action: .discard))
    let spd = SPD(entries: entries)
    let packets: [SPDPacket] = (0..<1000).map { _ in
        let e = entries[Int(rng.next() % 99_999)].selectorSets[0].remote
        return SPDPacket(family: .ipv4, local: 0xc0a8_0001, remote: e.start + UInt128(rng.next() % UInt64(e.end - e.start + 1)), ipProtocol: 6, localPort: 1234, remotePort: 80)
    }
    Benchmark("TS SPD lookup, 100000 entries (1000 packets)", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations {
            for p in packets { blackHole(spd.lookup(p)) }
        }
    }

    for n in [100, 1000, 5000] {
        var r = XorShift(state: 0x5eed + UInt64(n))
        let list: [SPDEntry] = (0..<n).map { i in
            let remote = try! IPAddressRange(family: .ipv4, address: UInt128(0x0a00_0000 | UInt32(r.next() & 0xffff)), prefixLength: 16 + Int(r.next() % 13))
            return SPDEntry(name: "e\(i)", selectorSets: [try! SPDSelectorSet(local: .all(.ipv4), remote: remote, remotePorts: r.next() % 2 == 0 ? .any : .single(UInt16(r.next() % 16)))], action: SPDAction.allCases[i % 3])
        }
        Benchmark("TS decorrelation \(n) entries", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Decorrelation.decorrelate(list).fragments.count)
            }
        }
    }
}
