import Foundation
import Scenarios
import Testing

/// The `spd` step's PFP flags and SAD expectations (RFC 4301 4.4.2.2): each bad form its
/// own error at its field.
@Suite struct ScenarioParserSPDTests {
    static let valid = """
    id: test.spd
    title: An SPD step for the parser tests
    topic: spd
    claims:
      - document: RFC 4301
        section: "4.4.1"
        quote: "Otherwise, the SA should take its value(s) for X from the value(s) in the SPD entry."
        relation: supports
    steps:
      - spd:
          entries:
            - {name: a, action: PROTECT, pfp: [remoteAddress], selectors: [{local: 10.0.0.0/24, remote: 192.0.2.0/24}]}
          packet: {local: 10.0.0.5, remote: 192.0.2.3}
          expect:
            sad-selectors: {remote: 192.0.2.3}
            fragments: {a: 1}
    """

    func refusal(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(text, file: "t.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func theValidStepParsesWithItsExpectations() throws {
        let s = try ScenarioParser.parse(Self.valid, file: "t.yaml")
        guard case .spd(let step) = try #require(s.steps.first) else { Issue.record("not an spd step"); return }
        #expect(step.entries.map(\.pfp) == [["remoteAddress"]])
        guard case .selectors(let fields) = try #require(step.expectSAD) else { Issue.record("not selectors"); return }
        #expect(fields.map(\.name) == ["remote"] && fields.map(\.value) == ["192.0.2.3"])
        #expect(step.expectFragments.map(\.entry) == ["a"] && step.expectFragments.map(\.count) == [1])
    }

    @Test func discardIsAnSADExpectation() throws {
        let s = try ScenarioParser.parse(Self.valid.replacingOccurrences(of: "sad-selectors: {remote: 192.0.2.3}", with: "sad-selectors: discard"), file: "t.yaml")
        guard case .spd(let step) = try #require(s.steps.first), case .discard? = step.expectSAD else { Issue.record("not discard"); return }
    }

    @Test func anUnknownPFPFlagIsInvalidAtItsField() {
        let e = refusal(Self.valid.replacingOccurrences(of: "pfp: [remoteAddress]", with: "pfp: [remotePrefix]"))
        #expect(e == .invalidValue)
        #expect(e?.field == "steps[0].spd.entries[0].pfp[0]")
    }

    @Test func anUnknownSADSelectorIsAnUnknownField() {
        let e = refusal(Self.valid.replacingOccurrences(of: "{remote: 192.0.2.3}", with: "{remote: 192.0.2.3, name: x}"))
        #expect(e == .unknownField)
        #expect(e?.field == "steps[0].spd.expect.sad-selectors.name")
    }

    @Test func emptySADAndFragmentExpectationsAskNothing() {
        #expect(refusal(Self.valid.replacingOccurrences(of: "sad-selectors: {remote: 192.0.2.3}", with: "sad-selectors: {}")) == .missingExpectation)
        let e = refusal(Self.valid.replacingOccurrences(of: "fragments: {a: 1}", with: "fragments: {}"))
        #expect(e == .missingExpectation)
        #expect(e?.field == "steps[0].spd.expect.fragments")
        #expect(refusal(Self.valid.replacingOccurrences(of: "fragments: {a: 1}", with: "fragments: {a: one}")) == .wrongType)
    }
}

/// The `ts-narrow` step's responder SPD: either a policy or an SPD, never both.
@Suite struct ScenarioParserNarrowSPDTests {
    static let valid = """
    id: test.narrow-spd
    title: A ts-narrow step with an SPD
    topic: spd
    claims:
      - document: RFC 4301
        section: "4.4.1"
        quote: "If the responder has a correlated SPD, then it SHOULD match the proposals against the correlated entries."
        relation: supports
    steps:
      - ts-narrow:
          spd:
            decorrelated: true
            entries:
              - {name: a, action: PROTECT, selectors: [{local: 10.0.0.0/24, remote: 192.0.2.0/24}]}
          tsi: [{address: 192.0.2.0/24}]
          tsr: [{address: 10.0.0.0/24}]
          expect: {notify: none}
    """

    func refusal(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(text, file: "t.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func anSPDTakesThePlaceOfThePolicy() throws {
        let s = try ScenarioParser.parse(Self.valid, file: "t.yaml")
        guard case .tsNarrow(let step) = try #require(s.steps.first) else { Issue.record("not ts-narrow"); return }
        #expect(step.rules.isEmpty)
        #expect(step.spd?.entries.map(\.name) == ["a"] && step.spd?.decorrelated == true)
    }

    @Test func aPolicyBesideTheSPDIsInvalid() {
        let text = Self.valid.replacingOccurrences(of: "  - ts-narrow:\n", with: "  - ts-narrow:\n      policy: []\n")
        #expect(refusal(text) == .invalidValue)
    }

    @Test func neitherPolicyNorSPDIsAMissingField() {
        let text = Self.valid.replacingOccurrences(of: "spd:\n        decorrelated", with: "spdx:\n        decorrelated")
        #expect(refusal(text) == .unknownField)
        var lines = Self.valid.components(separatedBy: "\n")
        lines.removeAll { $0.contains("spd:") || $0.contains("decorrelated: true") || $0.contains("entries:") || $0.contains("{name: a") }
        #expect(refusal(lines.joined(separator: "\n")) == .missingField)
    }
}
