import Checks
import Scenarios
import Testing

/// `capture: {mutation: ...}`: a malformed request of the differential, judged by what
/// Linux 6.1 answered (as recorded) and by the strict codec on the same bytes.
@Suite struct DifferentialCaptureTests {
    static func scenario(_ capture: String) -> String {
        """
        id: test.differential
        title: t
        topic: pfkey
        claims:
          - {document: RFC 2367, section: "2.1", quote: "EMSGSIZE MUST be returned if the verification fails.", relation: supports}
        steps:
          - capture:
        \(capture)
        """
    }

    @Test func theRecordedAnswerAndTheCodecsVerdictAreExpectations() throws {
        let s = try ScenarioParser.parse(Self.scenario("""
                  mutation: add/msg-len-plus-1
                  expect: {linux: "send:90", rejected: {code: lengthMismatch, offset: 4}}
            """), file: "d.yaml")
        let result = ScenarioCatalog.check(s).run()
        #expect(result.outcome == .passed, "\(result.evidence.unmet)")
        #expect(result.evidence.observations.map(\.label) == ["step 1: real kernel answered", "step 1: strict codec: verdict", "step 1: strict codec: rejection offset"])
        #expect(result.evidence.observations.map(\.actual) == ["send:90", "rejected with lengthMismatch", "4"])
        #expect(result.evidence.kernelCaptures == ["differential"])
        // Linux answered the key-bits-0 ADD with an EINVAL reply, not a send() error.
        let other = try ScenarioParser.parse(Self.scenario("""
                  mutation: key-bits-0
                  expect: {linux: "send:90"}
            """), file: "d.yaml")
        let failed = ScenarioCatalog.check(other).run()
        #expect(failed.outcome == .failed)
        #expect(failed.evidence.unmet.map(\.actual) == ["errno:22"])
    }

    @Test func anUnknownMutationErrorsAndAnEmptyExpectationIsRefused() throws {
        let unknown = try ScenarioParser.parse(Self.scenario("""
                  mutation: no-such-mutation
                  expect: {linux: ok}
            """), file: "d.yaml")
        let result = ScenarioCatalog.check(unknown).run()
        #expect(result.outcome == .errored)
        #expect(result.error?.contains("the differential has no mutation no-such-mutation") == true)
        // bitflip-4-4 was applied to the ADD, the X_SPDADD and the GETSPI: the base must be named.
        let ambiguous = try ScenarioParser.parse(Self.scenario("""
                  mutation: bitflip-4-4
                  expect: {linux: "send:90"}
            """), file: "d.yaml")
        let refused = ScenarioCatalog.check(ambiguous).run()
        #expect(refused.outcome == .errored)
        #expect(refused.error?.contains("mutation bitflip-4-4 was applied to add, spdadd, getspi: name it BASE/bitflip-4-4") == true, "\(refused.error ?? "")")
        let named = try ScenarioParser.parse(Self.scenario("""
                  mutation: getspi/bitflip-4-4
                  expect: {linux: "send:90", rejected: {code: lengthMismatch, offset: 4}}
            """), file: "d.yaml")
        #expect(ScenarioCatalog.check(named).run().outcome == .passed)
        do {
            _ = try ScenarioParser.parse(Self.scenario("""
                      mutation: msg-len-plus-1
                      expect: {fields: {seq: 1}}
                """), file: "d.yaml")
            Issue.record("a mutation expecting only fields was accepted")
        } catch {
            #expect(error.code == .missingExpectation)
            #expect(error.reportLine.hasPrefix("d.yaml:9:15: error: missingExpectation: steps[0].capture.expect: a mutation's \"expect\" gives linux"), "\(error.reportLine)")
        }
    }
}
