import Checks
import Diagnostics
import PFKey
import Scenarios
import Testing

/// The `pfkey` step's `satype-numbering` and `satype-name` (RFC 2367 3.4).
@Suite struct ScenarioParserSATypeNumberingTests {
    static func scenario(_ step: String) -> String {
        """
        id: test.satype
        title: SA types by name
        topic: pfkey
        claims:
          - document: RFC 2367
            section: "3.4"
            quote: "Applications SHOULD use the symbolic name in order to have maximum portability across different implementations."
            relation: supports
        steps:
          - pfkey:
        \(step)
        """
    }

    @Test func aNameIsWrittenAsTheSystemsNumber() throws {
        let s = try ScenarioParser.parse(Self.scenario("""
                  dialect: kame
                  satype-numbering: openbsd
                  message: {type: REGISTER, satype: esp, seq: 1, pid: 1}
                  expect:
                    satype-name: esp
          """), file: "t.yaml")
        guard case .pfkey(let step) = try #require(s.steps.first) else { Issue.record("not a pfkey step"); return }
        #expect(step.saTypeNumbering == .openbsd)
        #expect(step.expectSATypeName == "esp")
        guard case .fields(let tree) = step.input else { Issue.record("not fields"); return }
        #expect(tree["satype"] == .number(2))
    }

    @Test(arguments: [
        ("      message: {type: REGISTER, satype: 3, seq: 1, pid: 1}\n      expect:\n        satype-name: esp",
         "t.yaml:13:22: error: invalidValue: steps[0].pfkey.expect.satype-name: \"satype-name\" needs the step's \"satype-numbering\""),
        ("      satype-numbering: openbsd\n      message: {type: REGISTER, satype: 3, seq: 1, pid: 1}\n      expect:\n        satype-name: esp",
         "t.yaml:12:41: error: invalidValue: steps[0].pfkey.message.satype: with \"satype-numbering\", the message's satype is a name"),
        ("      satype-numbering: openbsd\n      message: {type: REGISTER, satype: ipip, seq: 1, pid: 1}\n      expect:\n        satype-name: esp",
         "t.yaml:12:41: error: invalidValue: steps[0].pfkey.message.satype: with \"satype-numbering\", the message's satype is a name"),
        ("      satype-numbering: netbsd\n      hex: \"02070003020000000100000001000000\"\n      expect:\n        satype-name: esp",
         "t.yaml:11:25: error: invalidValue: steps[0].pfkey.satype-numbering:"),
        ("      satype-numbering: openbsd\n      setkey: \"get 10.0.0.1 10.0.0.2 esp 0x1000;\"\n      expect:\n        satype-name: esp",
         "t.yaml:11:25: error: invalidValue: steps[0].pfkey.satype-numbering: \"satype-numbering\" takes a message given as fields"),
    ])
    func refusals(step: String, report: String) {
        let e = scenarioRefusal(Self.scenario(step))
        #expect(e == .invalidValue)
        #expect(e?.reportLine.hasPrefix(report) == true, "\(e?.reportLine ?? "accepted")")
    }
}
