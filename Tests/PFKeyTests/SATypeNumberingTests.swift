import Testing
import PFKey

/// RFC 2367 3.4: the SA types' names are the same everywhere, their numbers are each
/// system's. The OpenBSD column is its sys/net/pfkeyv2.h.
@Suite struct SATypeNumberingTests {
    @Test(arguments: [
        (SAType.unspecified, UInt8(0), UInt8(0)),
        (.ah, 2, 1), (.esp, 3, 2), (.rsvp, 5, 3), (.ospfv2, 6, 4), (.ripv2, 7, 5), (.mip, 8, 6), (.ipcomp, 9, 9),
    ])
    func eachNameHasEachSystemsNumber(type: SAType, rfc: UInt8, openbsd: UInt8) {
        #expect(SATypeNumbering.rfc2367.number(of: type) == rfc)
        #expect(SATypeNumbering.openbsd.number(of: type) == openbsd)
        #expect(SATypeNumbering.rfc2367.saType(number: rfc) == type)
        #expect(SATypeNumbering.openbsd.saType(number: openbsd) == type)
    }

    @Test func theSameNumberIsAnotherTypeElsewhere() {
        #expect(SATypeNumbering.rfc2367.saType(number: 2)?.name == "ah")
        #expect(SATypeNumbering.openbsd.saType(number: 2)?.name == "esp")
        #expect(SATypeNumbering.openbsd.saType(number: 3)?.name == "rsvp")
        // OpenBSD's 7 and 8 (X_SATYPE_IPIP, X_SATYPE_TCPSIGNATURE) and RFC 2367's gaps name none.
        #expect(SATypeNumbering.openbsd.saType(number: 7) == nil)
        #expect(SATypeNumbering.openbsd.saType(number: 8) == nil)
        #expect(SATypeNumbering.rfc2367.saType(number: 1) == nil)
        #expect(SATypeNumbering.rfc2367.saType(number: 4) == nil)
        #expect(SATypeNumbering.openbsd.number(of: SAType(rawValue: 200)) == nil)
    }

    @Test func namesAreFoundInAnyCase() {
        #expect(SATypeNumbering.saType(named: "ESP") == .esp)
        #expect(SATypeNumbering.saType(named: "ospfv2") == .ospfv2)
        #expect(SATypeNumbering.saType(named: "ipip") == nil)
    }
}
