import Checks
import Scenarios
import Testing

/// The `sockets` step: refusals at the field at fault, and a run whose verdict rests on who
/// read what.
@Suite struct ScenarioParserSocketsTests {
    static let valid = """
    id: test.sockets
    title: Sockets for the parser tests
    topic: pfkey
    claims:
      - document: RFC 2367
        section: "3.1.9"
        quote: "The kernel will return an SADB_FLUSH message to all listening sockets."
        relation: supports
    steps:
      - sockets:
          dialect: rfc2367
          sockets: [km, watcher]
          sequence:
            - send: {type: FLUSH, satype: 0, seq: 1, pid: 7}
              from: km
              expect:
                delivered: {km: [FLUSH], watcher: [FLUSH]}
                socket: watcher
                fields: {pid: 7}
    """

    @Test func theValidScenarioParsesAndPasses() throws {
        let s = try ScenarioParser.parse(Self.valid, file: "t.yaml")
        guard case .sockets(let step) = s.steps.first else { Issue.record("not a sockets step"); return }
        #expect(step.sockets == ["km", "watcher"])
        #expect(step.items.first?.socket == 1)
        #expect(step.items.first?.delivered.map(\.socket) == [0, 1])
        #expect(ScenarioCatalog.check(s).run().outcome == .passed)
    }

    @Test func aDeliveryExpectationThatDoesNotHoldFails() throws {
        let s = try ScenarioParser.parse(Self.valid.replacingOccurrences(of: "watcher: [FLUSH]}", with: "watcher: []}"), file: "t.yaml")
        #expect(ScenarioCatalog.check(s).run().outcome == .failed)
    }

    @Test func anUnknownSocketIsRefusedWhereItIsNamed() {
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "from: km", with: "from: kmd"))
        #expect(e == .invalidValue)
        #expect(e?.reportLine.hasPrefix("t.yaml:15:17: error: invalidValue: steps[0].sockets.sequence[0].from: no socket \"kmd\" (sockets: km, watcher)") == true, "\(e?.reportLine ?? "")")
    }

    @Test func aSendWithoutItsSocketIsMissingAField() {
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "          from: km\n", with: ""))
        #expect(e == .missingField)
    }

    @Test func aSocketToReadWithNothingToReadIsMissingAnExpectation() {
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "\n            fields: {pid: 7}", with: ""))
        #expect(e == .missingExpectation)
        #expect(e?.field == "steps[0].sockets.sequence[0].expect.socket")
    }

    @Test func repeatedSocketNamesAreRefused() {
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "sockets: [km, watcher]", with: "sockets: [km, km]"))
        #expect(e == .invalidValue)
    }
}
