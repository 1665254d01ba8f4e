import Checks
import Diagnostics
import Foundation
import Scenarios
import Testing

/// A bad scenario file is refused with FILE:LINE:COL, the field at fault and its own code;
/// never a crash, never a silent pass.
@Suite struct ScenarioParserTests {
    /// A valid scenario; the tests below break one thing in it at a time.
    static let valid = """
    id: test.scenario
    title: A scenario for the parser tests
    topic: pfkey
    claims:
      - document: RFC 2367
        section: "2.1"
        quote: "This MUST be set to PF_KEY_V2."
        relation: supports
    steps:
      - pfkey:
          hex: "0203000302000000070000004008000000"
          expect:
            rejected: {code: lengthMismatch, offset: 4}
    """

    func refusal(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(text, file: "t.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func theValidScenarioParses() throws {
        let s = try ScenarioParser.parse(Self.valid, file: "t.yaml")
        #expect(s.id == "test.scenario")
        #expect(s.claims.map(\.quote) == ["This MUST be set to PF_KEY_V2."])
        #expect(s.claimLocations == [.fileLineColumn(file: "t.yaml", line: 7, column: 12)])
        #expect(s.steps.count == 1)
    }

    @Test func aClaimNamesItsDecisiveClauseFromItsQuote() throws {
        let text = Self.valid.replacingOccurrences(of: "    relation: supports", with: "    relation: supports\n    clause: \"set to PF_KEY_V2\"")
        let s = try ScenarioParser.parse(text, file: "t.yaml")
        #expect(s.claims.map(\.clause) == ["set to PF_KEY_V2"])
    }

    @Test func aClauseThatIsNotWordsOfTheQuoteIsRefusedAtIt() {
        let text = Self.valid.replacingOccurrences(of: "    relation: supports", with: "    relation: supports\n    clause: \"set to PF_KEY_V3\"")
        let e = refusal(text)
        #expect(e == .invalidValue)
        #expect(e?.reportLine.hasPrefix("t.yaml:9:13: error: invalidValue: claims[0].clause: clause must be words of the quote") == true, "\(e?.reportLine ?? "")")
    }

    @Test func notYAMLIsASyntaxErrorAtItsPosition() {
        let e = refusal("id: [unclosed\ntitle: x\n")
        #expect(e == .syntax)
        #expect(e?.location == .fileLineColumn(file: "t.yaml", line: 2, column: 6))
    }

    @Test func anUnknownStepKindIsNamedAtItsKey() {
        let e = refusal(Self.valid.replacingOccurrences(of: "  - pfkey:", with: "  - pfkye:"))
        #expect(e == .unknownStepKind)
        #expect(e?.field == "steps[0].pfkye")
        #expect(e?.reportLine.hasPrefix("t.yaml:10:5: error: unknownStepKind: steps[0].pfkye: unknown step kind \"pfkye\"") == true, "\(e?.reportLine ?? "")")
    }

    @Test func aStepWithoutExpectIsAMissingExpectation() {
        let text = Self.valid.replacingOccurrences(of: "      expect:\n        rejected: {code: lengthMismatch, offset: 4}", with: "")
        let e = refusal(text)
        #expect(e == .missingExpectation)
        #expect(e?.field == "steps[0].pfkey")
    }

    @Test func anExpectThatAsksNothingIsAMissingExpectation() {
        let e = refusal(Self.valid.replacingOccurrences(of: "rejected: {code: lengthMismatch, offset: 4}", with: "{}"))
        #expect(e == .missingExpectation)
        #expect(e?.field == "steps[0].pfkey.expect")
    }

    @Test func aMissingFieldIsNamed() {
        let e = refusal(Self.valid.replacingOccurrences(of: "    relation: supports\n", with: ""))
        #expect(e == .missingField)
        #expect(e?.field == "claims[0]")
        #expect(e?.message.contains("\"relation\"") == true)
    }

    @Test func anUnknownFieldPointsAtItsLine() {
        let e = refusal(Self.valid.replacingOccurrences(of: "topic: pfkey", with: "topic: pfkey\ntopci: ts"))
        #expect(e == .unknownField)
        #expect(e?.field == "topci")
        #expect(e?.location == .fileLineColumn(file: "t.yaml", line: 4, column: 1))
    }

    @Test func aWrongTypeIsNamed() {
        let e = refusal(Self.valid.replacingOccurrences(of: "steps:\n", with: "steps: 3\nx:\n"))
        #expect(e == .wrongType || e == .unknownField)
        let list = refusal(Self.valid.replacingOccurrences(of: "claims:\n", with: "claims: {}\nclaimz:\n"))
        #expect(list != nil)
        let number = refusal(Self.valid.replacingOccurrences(of: "offset: 4", with: "offset: four"))
        #expect(number == .wrongType)
        #expect(number?.field == "steps[0].pfkey.expect.rejected.offset")
    }

    @Test func aBadValueIsInvalid() {
        #expect(refusal(Self.valid.replacingOccurrences(of: "topic: pfkey", with: "topic: ipsec")) == .invalidValue)
        #expect(refusal(Self.valid.replacingOccurrences(of: "relation: supports", with: "relation: agrees")) == .invalidValue)
        let hex = refusal(Self.valid.replacingOccurrences(of: "\"0203000302000000070000004008000000\"", with: "\"02zz\""))
        #expect(hex == .invalidValue)
        #expect(hex?.field == "steps[0].pfkey.hex")
    }

    @Test func everyErrorIsInvalidInputSoTheCommandLineExits65() {
        for code: ScenarioError.Code in [.syntax, .wrongType, .missingField, .unknownField, .invalidValue, .unknownStepKind, .missingExpectation, .duplicateID, .quoteNotFound] {
            #expect(ScenarioError(code, "x").category == .invalidInput)
        }
        #expect(ScenarioError(.directoryMissing, "x").category == .missingInput)
    }
}
