// libFuzzer entry point for the TrafficSelectors module (compiled together with its
// sources by scripts/fuzz.d/ts.sh, so no import). Any input must decode or throw a
// TSError, never trap; what decodes must survive the engine's other paths and round-trip.

private let policy = NarrowingPolicy(rules: [
    NarrowingRule(name: "lan", remote: [TrafficSelector(addresses: try! IPAddressRange(parsing: "10.0.0.0/8"))],
                  local: [TrafficSelector(addresses: try! IPAddressRange(parsing: "192.0.2.0/24"))]),
    NarrowingRule(name: "v6", remote: [TrafficSelector(ipProtocol: .tcp, ports: .single(443), addresses: .all(.ipv6))],
                  local: [TrafficSelector(addresses: try! IPAddressRange(parsing: "2001:db8::/32"))]),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func ts_fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let payload: TSPayload
    do {
        payload = try TSPayload.decode(bytes)
    } catch is TSError {
        return 0
    } catch {
        fatalError("decode threw a non-TSError: \(error)")
    }
    // What decodes re-encodes to the same payload (RESERVED fields zeroed).
    guard let again = try? TSPayload.decode(try payload.encode()), again == payload else {
        fatalError("round trip changed \(payload)")
    }
    let selectors = Array(payload.addressSelectors.prefix(12))
    let set = SelectorSet(selectors)
    let half = SelectorSet(selectors.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
    if !half.isSubset(of: set) || !set.subtracting(half).isDisjoint(with: half) {
        fatalError("set algebra law broken for \(selectors)")
    }
    for profile in NarrowingProfile.allCases {
        let r = Narrowing.narrow(proposedTSi: payload, proposedTSr: payload, policy: policy, profile: profile)
        if !SelectorSet(r.tsi).isSubset(of: SelectorSet(payload.addressSelectors)) {
            fatalError("\(profile) narrowed outside the proposal")
        }
    }
    // Pairs of decoded selectors as SPD entries: decorrelation must keep first-match semantics.
    var entries: [SPDEntry] = []
    for (i, pair) in zip(selectors, selectors.dropFirst()).enumerated() where pair.0.family == pair.1.family {
        if let s = try? SPDSelectorSet(local: pair.0.addresses, remote: pair.1.addresses, ipProtocol: pair.0.ipProtocol, localPorts: pair.0.ports, remotePorts: pair.1.ports) {
            entries.append(SPDEntry(name: "e\(i)", selectorSets: [s], action: SPDAction.allCases[i % 3]))
        }
    }
    let spd = SPD(entries: entries)
    let d = Decorrelation.decorrelate(spd)
    for s in selectors {
        let p = SPDPacket(family: s.family, local: s.addresses.start, remote: s.addresses.end, ipProtocol: s.ipProtocol.lower, localPort: s.ports.lower, remotePort: s.ports.upper)
        if spd.lookup(p) != spd.linearLookup(p) || d.lookup(p)?.origin != spd.lookup(p) {
            fatalError("SPD lookup disagreement for \(p)")
        }
    }
    return 0
}
