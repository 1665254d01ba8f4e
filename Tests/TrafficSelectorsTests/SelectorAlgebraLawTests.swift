import PropertyBased
import Testing
@testable import TrafficSelectors

/// The set algebra's laws over random selector sets, checked both as identities and point
/// by point (membership of random packets).
@Suite struct SelectorAlgebraLawTests {
    @Test func intersectionIsCommutative() async {
        await propertyCheck(count: 200, input: Gens.set, Gens.set) { a, b in
            #expect(a.intersection(b) == b.intersection(a))
        }
    }

    @Test func unionIsCommutativeAndAssociative() async {
        await propertyCheck(count: 150, input: Gens.set, Gens.set, Gens.set) { a, b, c in
            #expect(a.union(b) == b.union(a))
            #expect(a.union(b).union(c) == a.union(b.union(c)))
        }
    }

    @Test func operationsAgreeWithMembership() async {
        await propertyCheck(count: 200, input: Gens.set, Gens.set, Gens.points) { a, b, points in
            let u = a.union(b), i = a.intersection(b), d = a.subtracting(b)
            for p in points {
                #expect(u.contains(p) == (a.contains(p) || b.contains(p)), "union at \(p)")
                #expect(i.contains(p) == (a.contains(p) && b.contains(p)), "intersection at \(p)")
                #expect(d.contains(p) == (a.contains(p) && !b.contains(p)), "difference at \(p)")
            }
        }
    }

    @Test func differenceAndIntersectionPartition() async {
        await propertyCheck(count: 200, input: Gens.set, Gens.set) { a, b in
            #expect(a.subtracting(b).union(a.intersection(b)) == a)
            #expect(a.subtracting(b).isDisjoint(with: b))
            #expect(a.intersection(b).isSubset(of: a))
            #expect(a.isSubset(of: a.union(b)))
        }
    }

    @Test func subsetMeansUnionAbsorbs() async {
        await propertyCheck(count: 200, input: Gens.set, Gens.set) { a, b in
            #expect(a.isSubset(of: b) == (a.union(b) == b))
            #expect(a.isSubset(of: b) == (a.intersection(b) == a))
        }
    }

    @Test func normalFormIsDisjointAndMerged() async {
        await propertyCheck(count: 200, input: Gens.selector.array(of: 0...6)) { list in
            let s = SelectorSet(list).selectors
            for i in s.indices {
                for j in s.indices where i < j {
                    #expect(!s[i].intersects(s[j]), "\(s[i]) overlaps \(s[j])")
                    #expect(s[i].merged(with: s[j]) == nil, "\(s[i]) and \(s[j]) should have been merged")
                }
            }
        }
    }

    @Test func selectorIntersectionIsTheLargestCommonPart() async {
        await propertyCheck(count: 300, input: Gens.selector, Gens.selector, Gens.points) { a, b, points in
            let i = a.intersection(b)
            #expect((i != nil) == a.intersects(b))
            for p in points {
                #expect((i?.contains(p) ?? false) == (a.contains(p) && b.contains(p)))
            }
        }
    }

    @Test func encodableSelectorsRoundTripThroughTheWire() async throws {
        await propertyCheck(count: 200, input: Gens.selector.array(of: 1...5)) { list in
            let wire = list.filter(\.isEncodable)
            guard !wire.isEmpty else { return }
            let bytes = try TSPayload(wire).encode()
            let back = try TSPayload.decode(bytes)
            #expect(back.addressSelectors == wire)
            #expect(try back.encode() == bytes)
        }
    }
}
