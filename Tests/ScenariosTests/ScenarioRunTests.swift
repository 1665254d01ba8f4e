import Checks
import DraftDocument
import Foundation
import Scenarios
import Testing
import TestSupport

/// Scenarios run over the reference code: a right expectation passes, a wrong one fails
/// (with what was decoded as the actual value), a missing capture errors.
@Suite struct ScenarioRunTests {
    static func scenario(_ steps: String) throws -> Check {
        let text = """
        id: test.run
        title: t
        topic: pfkey
        claims:
          - {document: RFC 2367, section: "2.1", quote: "This MUST be set to PF_KEY_V2.", relation: supports}
        steps:
        \(steps)
        """
        return ScenarioCatalog.check(try ScenarioParser.parse(text, file: "run.yaml"))
    }

    static let getSPI = """
      - kernel:
          sequence:
            - send:
                type: GETSPI
                satype: 3
                seq: 7
                pid: 2112
                extensions:
                  - {type: ADDRESS_SRC, address: 10.0.0.1, prefixlen: 32}
                  - {type: ADDRESS_DST, address: 10.0.0.2, prefixlen: 32}
                  - {type: SPIRANGE, min: 4096, max: 4096}
              expect:
                fields: {errno: ERRNO, "extensions[SA].spi": 4096}
                sa-state: larval
    """

    @Test func aKernelReplyIsReadFromTheDecodedBytes() throws {
        let passing = try Self.scenario(Self.getSPI.replacingOccurrences(of: "ERRNO", with: "0")).run()
        #expect(passing.outcome == .passed, "\(passing.evidence.unmet)")
        #expect(passing.evidence.observations.map(\.label) == ["step 1.1: reply: errno", "step 1.1: reply: extensions[SA].spi", "step 1.1: reply: SA state"])
        #expect(passing.evidence.hexDumps.map(\.label) == ["step 1.1: request", "step 1.1: reply"])
        let failing = try Self.scenario(Self.getSPI.replacingOccurrences(of: "ERRNO", with: "22")).run()
        #expect(failing.outcome == .failed)
        #expect(failing.evidence.unmet.map { "\($0.expected) \($0.actual)" } == ["22 0"])
    }

    @Test func aRejectionIsJudgedByCodeAndOffset() throws {
        let step = """
          - pfkey:
              hex: "0203000303000000070000004008000000000000000000000000"
              expect:
                rejected: {code: CODE, offset: OFFSET}
        """
        let right = try Self.scenario(step.replacingOccurrences(of: "CODE", with: "lengthMismatch").replacingOccurrences(of: "OFFSET", with: "4")).run()
        #expect(right.outcome == .passed, "\(right.evidence.observations)")
        let wrongOffset = try Self.scenario(step.replacingOccurrences(of: "CODE", with: "lengthMismatch").replacingOccurrences(of: "OFFSET", with: "5")).run()
        #expect(wrongOffset.outcome == .failed)
        let wrongCode = try Self.scenario(step.replacingOccurrences(of: "CODE", with: "badVersion").replacingOccurrences(of: "OFFSET", with: "4")).run()
        #expect(wrongCode.evidence.unmet.map(\.actual) == ["rejected with lengthMismatch"])
    }

    @Test func anAcceptedMessageExpectedRejectedFails() throws {
        let check = try Self.scenario("""
          - pfkey:
              message: {type: FLUSH, satype: 0, seq: 1, pid: 7}
              expect:
                rejected: {code: badVersion}
        """)
        let result = check.run()
        #expect(result.outcome == .failed)
        #expect(result.evidence.unmet.map(\.actual) == ["accepted"])
    }

    @Test func aMissingCaptureErrors() throws {
        let result = try Self.scenario("""
          - capture:
              scenario: no-such-capture
              type: ACQUIRE
              expect: {fields: {pid: 0}}
        """).run()
        #expect(result.outcome == .errored)
        #expect(result.error?.contains("captureMissing") == true)
    }

    @Test func aScenarioWhoseClaimIsInNoDocumentOfItsSeriesIsRefused() throws {
        guard let path = Corpus.path("rfc2367.txt") else {
            let m = Absence.corpus("rfc2367.txt", neededFor: "the quote audit test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let document = try DocumentReader.read(path: path)
        let good = try ScenarioParser.parse(ScenarioParserTests.valid, file: "good.yaml")
        try ClaimAudit.verify([good], against: [document])
        let bad = try ScenarioParser.parse(ScenarioParserTests.valid.replacingOccurrences(of: "This MUST be set to PF_KEY_V2.", with: "Nothing of the kind is written in this document at all."), file: "bad.yaml")
        #expect(throws: ScenarioError.quoteNotFound) { try ClaimAudit.verify([bad], against: [document]) }
        do { try ClaimAudit.verify([bad], against: [document]) } catch {
            #expect(error.reportLine.hasPrefix("bad.yaml:7:12: error: quoteNotFound: claims.quote:"), "\(error.reportLine)")
        }
        // A near miss is found fuzzily: a stale claim in the report, not a refused input.
        let nearMiss = try ScenarioParser.parse(ScenarioParserTests.valid.replacingOccurrences(of: "set to PF_KEY_V2", with: "set to PF_KEY_V3"), file: "near.yaml")
        try ClaimAudit.verify([nearMiss], against: [document])
        // A claim of a series that was not read is not judged here.
        let other = try ScenarioParser.parse(ScenarioParserTests.valid.replacingOccurrences(of: "RFC 2367", with: "RFC 7296").replacingOccurrences(of: "set to PF_KEY_V2", with: "nowhere"), file: "o.yaml")
        try ClaimAudit.verify([other], against: [document])
    }

    @Test func aDuplicateIDAndAMissingDirectoryAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-dup-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let swiftID = try #require(Catalog.all.first?.id)
        try Data(ScenarioParserTests.valid.replacingOccurrences(of: "test.scenario", with: swiftID).utf8).write(to: dir.appendingPathComponent("a.yaml"))
        #expect(throws: ScenarioError.duplicateID) { try ScenarioCatalog.load(directories: [dir.path], bundled: false) }
        #expect(throws: ScenarioError.directoryMissing) { try ScenarioCatalog.load(directories: [dir.path + "/nope"], bundled: false) }
    }
}

/// setkey(8) commands as scenario input: built into the message setkey would send, refused
/// word by word otherwise.
@Suite struct SetkeyInputTests {
    @Test func anAddCommandBuildsTheSameBytesAsItsFieldTree() throws {
        let check = try ScenarioRunTests.scenario("""
          - pfkey:
              setkey: add 10.0.0.1 10.0.0.2 esp 0x1234 -m transport -E aes-cbc 0x5152535455565758595a5b5c5d5e5f60 -A hmac-sha1 0x1112131415161718191a1b1c1d1e1f2021222324;
              direction: request
              expect:
                fields: {type: ADD, satype: 3, seq: 1, pid: 4242, "extensions[SA].spi": 4660, "extensions[SA].auth": 3, "extensions[SA].encrypt": 12, "extensions[KEY_AUTH].bits": 160, "extensions[X_SA2].mode": 1}
                extension-types: [SA, ADDRESS_SRC, ADDRESS_DST, KEY_AUTH, KEY_ENCRYPT, X_SA2]
        """)
        let result = check.run()
        #expect(result.outcome == .passed, "\(result.error ?? "") \(result.evidence.unmet)")
    }

    @Test func anSpdaddCommandBecomesAPolicyTheKernelStores() throws {
        let check = try ScenarioRunTests.scenario("""
          - kernel:
              sequence:
                - setkey: spdadd 10.0.0.0/24[any] 192.0.2.0/24[443] tcp -P out ipsec esp/tunnel/10.0.0.1-192.0.2.1/require;
                  expect:
                    fields: {errno: 0, seq: 1, "extensions[ADDRESS_DST].prefixlen": 24, "extensions[ADDRESS_DST].port": 443, "extensions[ADDRESS_SRC].proto": 6, "extensions[X_POLICY].requests[0].mode": 2, "extensions[X_POLICY].requests[0].level": 2}
        """)
        let result = check.run()
        #expect(result.outcome == .passed, "\(result.error ?? "") \(result.evidence.unmet)")
    }

    @Test(arguments: [
        ("add 10.0.0.1 10.0.0.2 esp 1 -E rot13 0x00;", "unknown encryption algorithm \"rot13\""),
        ("add 10.0.0.1 10.0.0.300 esp 1;", "\"10.0.0.300\" is not an IPv4 or IPv6 address"),
        ("spdadd 10.0.0.1 10.0.0.2 any -P up none;", "the direction after -P is in, out or fwd"),
        ("setkey -F;", "unknown setkey command \"setkey\" (known: add, get, delete, spdadd, flush, dump)"),
    ])
    func aWrongWordIsRefusedAtTheCommand(command: String, message: String) throws {
        let text = ScenarioParserTests.valid.replacingOccurrences(of: "hex: \"0203000302000000070000004008000000\"", with: "setkey: \(command)")
        do {
            _ = try ScenarioParser.parse(text, file: "s.yaml")
            Issue.record("accepted \(command)")
        } catch {
            #expect(error == .invalidValue)
            #expect(error.field == "steps[0].pfkey.setkey")
            #expect(error.location == .fileLineColumn(file: "s.yaml", line: 11, column: 15))
            #expect(error.message == message)
        }
    }
}
