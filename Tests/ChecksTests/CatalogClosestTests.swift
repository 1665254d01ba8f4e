@testable import Checks
import Testing

/// An unknown check id is answered with the ids close to it.
@Suite struct CatalogClosestTests {
    @Test func editDistance() {
        #expect(Catalog.editDistance(Array("kitten".utf8), Array("sitting".utf8), limit: 5) == 3)
        #expect(Catalog.editDistance(Array("".utf8), Array("abc".utf8), limit: 5) == 3)
        #expect(Catalog.editDistance(Array("abc".utf8), Array("".utf8), limit: 5) == 3)
        // Past the limit the answer is limit + 1, whatever the distance.
        #expect(Catalog.editDistance(Array("aaaaaaaa".utf8), Array("bbbbbbbb".utf8), limit: 2) == 3)
    }

    @Test func closestIdsNearestFirstAtMostThree() {
        let ids = ["ts.narrow.r1", "ts.narrow.r2", "ts.narrow.r3", "ts.narrow.r4", "pfkey.msg.flush"]
        #expect(Catalog.closest(to: "ts.narrow.r9", in: ids) == ["ts.narrow.r1", "ts.narrow.r2", "ts.narrow.r3"])
        #expect(Catalog.closest(to: "pfkey.msg.flsuh", in: ids) == ["pfkey.msg.flush"])
        #expect(Catalog.closest(to: "flush", in: ids) == ["pfkey.msg.flush"])
        #expect(Catalog.closest(to: "something.else.entirely", in: ids).isEmpty)
    }
}
