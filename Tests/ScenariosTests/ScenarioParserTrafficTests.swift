import Foundation
import Scenarios
import Testing

/// The kernel `packet` item as traffic (ScenarioParser+Traffic): a size, a count, an
/// inbound direction; each bad form its own error at its field.
@Suite struct ScenarioParserTrafficTests {
    static let valid = """
    id: test.traffic
    title: Traffic items for the parser tests
    topic: spd
    claims:
      - document: RFC 4301
        section: "4.4.2"
        quote: "Each SA has an entry in the SAD."
        relation: supports
    steps:
      - kernel:
          sequence:
            - packet: {source: 10.0.0.1, destination: 10.0.0.2, length: 100, count: 3}
              expect: {action: protected, protected-count: 3, audit: []}
            - packet: {direction: inbound, spi: 4660, source: 192.168.2.7, destination: 10.0.0.1, protocol: 6}
              expect: {action: selector-mismatch, audit: {event: sequence-overflow, spi: 4660}}
    """

    @Test func theValidItemsParseWithTheirExpectations() throws {
        let s = try ScenarioParser.parse(Self.valid, file: "t.yaml")
        guard case .kernel(let step) = try #require(s.steps.first) else { Issue.record("not a kernel step"); return }
        guard case .traffic(let out) = step.items[0].action, case .traffic(let inb) = step.items[1].action else {
            Issue.record("not traffic items")
            return
        }
        #expect(!out.inbound && out.length == 100 && out.count == 3 && out.proto == 17)
        #expect(inb.inbound && inb.spi == 4660 && inb.saType == 3 && inb.outerDestination == nil && inb.count == 1)
        #expect(step.items[0].traffic?.protectedCount == 3)
        #expect(step.items[0].traffic?.audit?.isEmpty == true)
        #expect(step.items[1].packetAction == "selector-mismatch")
        #expect(step.items[1].traffic?.audit?.map(\.name) == ["event", "spi"])
    }

    @Test func aPlainPacketStaysAnSPDLookup() throws {
        let text = Self.valid.replacingOccurrences(of: ", length: 100, count: 3}", with: "}")
            .replacingOccurrences(of: "protected-count: 3, audit: []", with: "spi: 1")
        let s = try ScenarioParser.parse(text, file: "t.yaml")
        guard case .kernel(let step) = try #require(s.steps.first), case .packet = step.items[0].action else {
            Issue.record("not a plain packet")
            return
        }
    }

    @Test func anInboundPacketNeedsItsSPI() {
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "direction: inbound, spi: 4660, ", with: "direction: inbound, "))
        #expect(e == .missingField)
        #expect(e?.field == "steps[0].kernel.sequence[1].packet")
    }

    @Test func countIsForOutboundAndSPIForInbound() {
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "spi: 4660, source", with: "spi: 4660, count: 2, source"))
        #expect(e == .invalidValue)
        #expect(e?.field == "steps[0].kernel.sequence[1].packet.count")
        let f = scenarioRefusal(Self.valid.replacingOccurrences(of: "length: 100, count: 3", with: "length: 100, spi: 9"))
        #expect(f == .invalidValue)
        #expect(f?.field == "steps[0].kernel.sequence[0].packet.spi")
    }

    @Test func badLengthsCountsDirectionsAndAuditsAreRefused() {
        #expect(scenarioRefusal(Self.valid.replacingOccurrences(of: "length: 100", with: "length: 19")) == .invalidValue)
        #expect(scenarioRefusal(Self.valid.replacingOccurrences(of: "count: 3}", with: "count: 0}")) == .invalidValue)
        #expect(scenarioRefusal(Self.valid.replacingOccurrences(of: "direction: inbound", with: "direction: sideways")) == .invalidValue)
        #expect(scenarioRefusal(Self.valid.replacingOccurrences(of: "audit: []", with: "audit: [x]")) == .invalidValue)
        let e = scenarioRefusal(Self.valid.replacingOccurrences(of: "event: sequence-overflow", with: "when: now"))
        #expect(e == .unknownField)
        #expect(e?.field == "steps[0].kernel.sequence[1].expect.audit.when")
        #expect(scenarioRefusal(Self.valid.replacingOccurrences(of: "{action: selector-mismatch, ", with: "{action: dropped, ")) == .invalidValue)
    }
}
