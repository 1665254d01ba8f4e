import Foundation
import Testing
import TestSupport

/// Issue 17 section 2 through the command line: each hostile input gets its documented
/// exit code and a message naming the place. The full-size cases are in scripts/hostile.
@Suite struct HostileInputCLITests {
    static let draft = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"
    static let errata = "errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// D5: standard output on a full disk was exit 0 with the output lost.
    @Test func aFullDiskOnStandardOutputIsExit74() throws {
        let result = try runProcess("/bin/sh", ["-c", "exec \"$0\" review \"$1\" > /dev/full", TestEnvironment.draftcheckBinary.path, Self.draft],
                                    currentDirectory: TestEnvironment.packageRoot.path)
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("error: standard output: No space left on device"), "\(result.stderr)")
    }

    /// D5: a reader that stops early (| head) ends the run quietly, with no crash.
    @Test func aReaderThatStopsEarlyEndsTheRunQuietly() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = (0..<20_000).map { "   line \($0) of a paragraph that goes on MUST be read" }.joined(separator: "\n")
        try Data(("Network Working Group\n\n1.  Introduction\n\n" + lines + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/long.txt"))
        let result = try runProcess("/bin/bash", ["-c", "set -o pipefail; \"$0\" render \"$1\" | head -c 20", TestEnvironment.draftcheckBinary.path, dir + "/long.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.count == 20)
    }

    /// D3: check -o onto a FIFO writes into it.
    @Test func checkWritesItsReportIntoAFIFO() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/report"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try runProcess("/bin/bash", ["-c", "cat \"$2\" > \"$2.copy\" & \"$0\" check \"$1\" -o \"$2\"; s=$?; wait; exit $s",
                                                  TestEnvironment.draftcheckBinary.path, Self.draft, fifo],
                                    currentDirectory: TestEnvironment.packageRoot.path)
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try String(contentsOfFile: fifo + ".copy", encoding: .utf8).contains("Section 2.9"))
    }

    /// D4: errata --write through a symbolic link to a 0640 file.
    @Test func errataWriteKeepsTheLinkAndTheMode() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: TestEnvironment.packageRoot.path + "/" + Self.draft, toPath: dir + "/real.xml")
        chmod(dir + "/real.xml", 0o640)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.xml", withDestinationPath: "real.xml")
        let result = try runDraftcheck(["errata", Self.errata, "--draft", dir + "/link.xml", "--write"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.xml") == "real.xml")
        var status = stat()
        stat(dir + "/real.xml", &status)
        #expect(status.st_mode & 0o7777 == 0o640)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/real.xml")) != Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(Self.draft)))
    }

    /// D11: exit codes of small bad inputs.
    @Test func emptyPFKeyInputIsExit65() throws {
        let result = try runDraftcheck(["pfkey", "decode", ""])
        #expect(result.status == 65)
        #expect(result.stderr == "error: invalid PF_KEY message: messageTooShort: RFC 2367 2.1: empty input: no message (a message is at least 16 bytes) at offset 0\n")
    }

    @Test func oddHexInTSDecodeIsExit65WithTheOffset() throws {
        let result = try runDraftcheck(["ts", "decode", "0000001801000000070000100000ffffc0000200c00002f"])
        #expect(result.status == 65)
        #expect(result.stderr == "error: odd number of hex digits at offset 46: 47 digits, and a byte is two\n")
    }

    @Test func errataCompareWithABinaryIsExit65() throws {
        let result = try runDraftcheck(["errata", Self.errata, "--compare-with", TestEnvironment.draftcheckBinary.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(TestEnvironment.draftcheckBinary.path + ":1:"))
        #expect(result.stderr.contains("error: binary content, not a text document"))
    }

    @Test func anErrataDateThatIsNoDayIsExit65WithItsLine() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: TestEnvironment.packageRoot.path + "/" + Self.errata, encoding: .utf8).replacingOccurrences(of: "date: 2010-03-02", with: "date: 2010-13-45")
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/bad.errata"))
        let result = try runDraftcheck(["errata", dir + "/bad.errata"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix(dir + "/bad.errata:6: error: \"date: 2010-13-45\" is not a day of the calendar"), "\(result.stderr)")
    }

    /// D1, D8: documents that exhaust libxml2 or the reader are refused with their place.
    @Test func anEntityBombIsExit65WithItsLine() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rfc [\n<!ENTITY a \"<em>\(String(repeating: "A", count: 10_000))</em>\">\n<!ENTITY b \"\(String(repeating: "&a;", count: 2_000))\">\n]>\n<rfc version=\"3\"><front><title>T</title></front><middle>\n<section><name>S</name><t>&b;</t></section></middle></rfc>\n"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: dir + "/bomb.xml"))
        let result = try runDraftcheck(["review", dir + "/bomb.xml"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix(dir + "/bomb.xml:7:"), "\(result.stderr)")
        #expect(result.stderr.contains("entity-expansion bomb"))
    }
}
