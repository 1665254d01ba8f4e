@testable import Checks
import Testing

/// The divergences of the real kernel from RFC 2367, decoded from the committed captures.
@Suite struct KernelDivergencesTests {
    @Test func linuxSendsPortZeroInEveryACQUIRE() throws {
        let ports = try #require(KernelDivergences.all.first { $0.source == "RFC 2367 2.3.3" && $0.capture != "differential" })
        #expect(ports.count == 2)
        #expect(ports.examples == ["acquire-pfkey-policy-flow", "acquire-ip-xfrm-policy"])
    }

    /// Linux ignores the reserved fields of extensions the strict codec refuses: the
    /// differential's bit flips in sadb_address_reserved and the like.
    @Test func theKernelAcceptsNonZeroReservedFields() throws {
        let reserved = try #require(KernelDivergences.all.first { $0.specification.contains("extensionReservedNotZero") })
        #expect(reserved.source == "RFC 2367 2.1")
        #expect(reserved.linux == "accepts it (no error reply)")
        #expect(reserved.count == 76)
        #expect(reserved.capture == "differential")
    }

    /// RFC 2367 3.1.3: an ADD must carry a MATURE SA; Linux accepted the one with state 3.
    @Test func linuxAcceptsAnAddWhoseStateIsNotMature() throws {
        let state = try #require(KernelDivergences.all.first { $0.source == "RFC 2367 3.1.3" })
        #expect(state.count == 1)
        #expect(state.examples == ["add/bitflip-25-1 with state 3"])
        #expect(state.capture == "differential, kernel verdicts")
        #expect(state.linux == "accepts an SADB_ADD whatever its sadb_sa_state (no error reply)")
    }

    /// Every mutation is counted at most once, and only where the two verdicts differ: the
    /// differential recorded 287 agreements of 378.
    @Test func onlyDisagreementsAreListed() {
        let differential = KernelDivergences.all.filter { $0.capture == "differential" }
        #expect(differential.map(\.count).reduce(0, +) == 378 - 287)
    }

    @Test func kernelVerdicts() {
        #expect(KernelDivergences.describe(kernelVerdict: "errno:22") == "a reply with errno 22")
        #expect(KernelDivergences.describe(kernelVerdict: "send:90") == "send(2) fails with errno 90")
        #expect(KernelDivergences.describe(kernelVerdict: "ok") == "ok")
    }
}
