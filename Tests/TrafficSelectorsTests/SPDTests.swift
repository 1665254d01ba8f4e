import PropertyBased
import Testing
@testable import TrafficSelectors

/// RFC 4301 SPD: R10-R12 and the index.
@Suite struct SPDTests {
    /// R10 (RFC 7296 2.9.1): host A's policy sends 198.51.100.66 with AES and the rest of
    /// the /24 with 3DES; the 3DES SA may only be proposed for .0-.65 and .67-.255, which is
    /// what decorrelating A's SPD yields for that entry.
    @Test func R10_initiatorProposesOnlyWhatItsOwnPolicyAllows() throws {
        let spd = SPD(entries: [
            SPDEntry(name: "aes", selectorSets: [set("192.0.2.1", "198.51.100.66")], action: .protect),
            SPDEntry(name: "3des", selectorSets: [set("192.0.2.1", "198.51.100.0/24")], action: .protect),
        ])
        let d = try Decorrelation.decorrelate(spd)
        let tsr = d.fragments(of: 1).map(\.selectorSet.remoteSelector).sorted()
        #expect(tsr == [try TrafficSelector("198.51.100.0-198.51.100.65"), try TrafficSelector("198.51.100.67-198.51.100.255")])
        #expect(d.fragments(of: 0).map(\.selectorSet.remote) == [try IPAddressRange(parsing: "198.51.100.66")])
        // Proposing the whole /24 would let the peer use the 3DES SA for .66.
        #expect(SelectorSet(tsr).contains(SelectorPoint(family: .ipv4, address: 0xc6336442, ipProtocol: 6, port: 80)) == false)
    }

    /// R11: ordered entries, first match wins; ANY includes OPAQUE; one family per set.
    @Test func R11_orderedEntriesFirstMatchWins() throws {
        let spd = SPD(entries: [
            SPDEntry(name: "web", selectorSets: [set("10.0.0.0/24", "0.0.0.0/0", 6, "any", "80")], pfp: [.remoteAddress], action: .protect),
            SPDEntry(name: "no-telnet", selectorSets: [set("10.0.0.0/24", "0.0.0.0/0", 6, "any", "23"), set("10.0.0.0/24", "0.0.0.0/0", 17, "any", "23")], action: .discard),
            SPDEntry(name: "frag", selectorSets: [set("10.0.0.0/24", "0.0.0.0/0", 6, "any", "opaque")], action: .bypass),
            SPDEntry(name: "rest", selectorSets: [set("0.0.0.0/0", "0.0.0.0/0")], action: .protect),
        ])
        #expect(spd.lookup(packet("10.0.0.5", "203.0.113.9", 6, 5555, 80)) == 0)
        #expect(spd.lookup(packet("10.0.0.5", "203.0.113.9", 17, 5555, 23)) == 1)
        #expect(spd.lookup(packet("10.0.0.5", "203.0.113.9", 6, 5555, PortRange.opaquePoint)) == 2)
        #expect(spd.lookup(packet("10.9.0.5", "203.0.113.9", 6, 5555, 80)) == 3)
        #expect(spd.lookup(packet("2001:db8::1", "2001:db8::2")) == nil)
        #expect(PortRange.any.contains(PortRange.opaque))
        #expect(!PortRange.single(80).contains(PortRange.opaquePoint))
        #expect(throws: TSError.familyMismatch) { try SPDSelectorSet(local: "10.0.0.1", remote: "2001:db8::1") }
    }

    /// R12: correlation and decorrelation of the RFC 4301 Appendix B kind: fragments are
    /// pairwise uncorrelated, each linked to its entry, and an overridden entry vanishes.
    @Test func R12_decorrelationSplitsCorrelatedEntries() throws {
        let entries = [
            SPDEntry(name: "host", selectorSets: [set("10.0.0.1", "192.0.2.0/24", 6)], action: .bypass),
            SPDEntry(name: "net", selectorSets: [set("10.0.0.0/24", "192.0.2.0/24")], action: .protect),
            SPDEntry(name: "shadowed", selectorSets: [set("10.0.0.0/25", "192.0.2.0/25")], action: .discard),
        ]
        #expect(entries[0].isCorrelated(with: entries[1]))
        #expect(SPD(entries: entries).correlatedPairs().count == 3)
        let d = try Decorrelation.decorrelate(SPD(entries: entries))
        #expect(d.fragments(of: 2).isEmpty)
        #expect(d.fragments(of: 0).count == 1)
        let net = d.fragments(of: 1)
        #expect(net.allSatisfy { $0.originName == "net" && $0.action == .protect })
        for i in d.fragments.indices {
            for j in d.fragments.indices where i < j {
                #expect(!d.fragments[i].selectorSet.intersects(d.fragments[j].selectorSet))
            }
        }
        // The fragments of "net" cover exactly net minus host.
        let p = packet("10.0.0.1", "192.0.2.7", 17, 1, 2)
        #expect(d.lookup(p)?.originName == "net")
        #expect(d.lookup(packet("10.0.0.1", "192.0.2.7", 6, 1, 2))?.originName == "host")
    }

    /// Past its bounds decorrelation refuses the SPD, naming the entry, instead of running
    /// on (the bounds are small here; the real ones are in Decorrelation).
    @Test func decorrelationRefusesAnSPDPastItsBounds() throws {
        let entries = [
            SPDEntry(name: "host", selectorSets: [set("10.0.0.1", "192.0.2.0/24", 6)], action: .bypass),
            SPDEntry(name: "net", selectorSets: [set("10.0.0.0/24", "192.0.2.0/24")], action: .protect),
        ]
        // "net" less "host": 10.0.0.0, 10.0.0.2-255, and 10.0.0.1 for protocols 0-5 and 7-255.
        #expect(try Decorrelation.decorrelate(entries, maximumPieces: 4, maximumFragments: 5).fragments.count == 5)
        func refusal(pieces: Int, fragments: Int) -> TSError? {
            do {
                _ = try Decorrelation.decorrelate(entries, maximumPieces: pieces, maximumFragments: fragments)
                return nil
            } catch { return error }
        }
        let pieces = try #require(refusal(pieces: 3, fragments: 5))
        #expect(pieces == TSError.tooManyFragments)
        #expect(pieces.description == "decorrelating entry net (number 2) cuts it into more than 3 pieces: the entries before it overlap it in too many selectors (RFC 4301 Appendix B)")
        let fragments = try #require(refusal(pieces: 4, fragments: 4))
        #expect(fragments == TSError.tooManyFragments)
        #expect(fragments.description == "decorrelating the SPD makes more than 4 fragments (at entry net, number 2) (RFC 4301 Appendix B)")
    }

    /// The index agrees with walking the list, for random SPDs and packets.
    @Test func indexedLookupEqualsLinearLookup() async {
        await propertyCheck(count: 300, input: Gens.spd, Gens.packet.array(of: 30)) { spd, packets in
            for p in packets { #expect(spd.lookup(p) == spd.linearLookup(p), "\(p)") }
        }
    }

    /// R12 property: for random packets, the ordered lookup on the original equals the one
    /// match in the decorrelated set (same entry, same action).
    @Test func R12_orderedLookupEqualsTheSingleDecorrelatedMatch() async {
        await propertyCheck(count: 300, input: Gens.spd, Gens.packet.array(of: 30)) { spd, packets in
            let d = try Decorrelation.decorrelate(spd)
            for p in packets {
                let matches = d.allMatches(p)
                #expect(matches.count <= 1, "\(p) matches \(matches.count) fragments")
                #expect(matches.first?.origin == spd.lookup(p), "\(p)")
                #expect(d.lookup(p)?.origin == spd.lookup(p), "\(p)")
                if let m = matches.first { #expect(m.action == spd.entries[m.origin].action) }
            }
        }
    }
}
