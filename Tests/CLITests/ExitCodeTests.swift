import Foundation
import Testing
import TestSupport

@Suite struct ExitCodeTests {
    @Test func missingFileExits66() throws {
        let result = try runDraftcheck(["sections", "/nonexistent/draft-none-00.xml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/draft-none-00.xml: no such file"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try runDraftcheck(["no-such-command"])
        #expect(result.status == 64)
        #expect(result.stderr == "Error: Unexpected argument 'no-such-command'\nUsage: draftcheck <subcommand>\n  See 'draftcheck --help' for more information.\n")
    }

    @Test func aValueOutsideTheChoicesIsAUsageError() throws {
        let result = try runDraftcheck(["ts", "decode", "--format", "yaml", "00"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            Error: The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' or 'json'.
            Usage: draftcheck ts decode [<options>] <hex>
              See 'draftcheck ts decode --help' for more information.

            """)
    }

    @Test func versionAndHelpGoToStandardOutput() throws {
        let version = try runDraftcheck(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        let help = try runDraftcheck(["help", "ts", "decode"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Decode one TSi/TSr payload given as hex, from its generic payload\nheader on.\n"))
        #expect(help.stdout.contains("\nUSAGE: draftcheck ts decode [<options>] <hex>\n"))
        #expect(help.stdout.contains("  --kind <kind>           Which payload it is (the header does not say): tsi or\n"))
        #expect(help.stderr.isEmpty)
    }

    /// libxml2 prints conversion errors to standard error itself unless a handler takes
    /// them: the one line on standard error is draftcheck's own, with the place.
    @Test func undecodableBytesGiveOneErrorLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("enc.xml")
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<rfc>".utf8)
        bytes += [0xFF, 0xFF, 0xFF, 0xFF] + Array("</rfc>".utf8)
        try Data(bytes).write(to: file)
        let result = try runDraftcheck(["review", file.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(file.path):2:6: error: bytes not valid in the document's declared encoding: input conversion failed due to input error, bytes 0xFF 0xFF 0xFF 0xFF\n")
    }
}
