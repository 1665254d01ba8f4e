import Checks
import Diagnostics
import DraftDocument
import Errata
import PFKey
import SPDBridge
import Testing
import TrafficSelectors

/// Every code of every module error, with the exit code the command line gave it before
/// the errors shared the `Diagnostic` protocol (README "Exit codes"): the categories must
/// keep each special case (a missing document 66, an unwritable output 73, an unknown check 64).
@Suite struct ErrorCategoryTests {
    /// README "Exit codes", as `ExitStatus.code(for:)` maps them.
    static let exitCode: [DiagnosticCategory: Int32] = [
        .invalidUsage: 64, .invalidInput: 65, .missingInput: 66, .internalError: 70, .cannotWrite: 73,
    ]

    static let cases: [(String, any Diagnostic, Int32)] =
        PFKeyError.Code.allCodes.map { ("PFKeyError.\($0)", PFKeyError.code($0), 65) }
        + TSError.Code.allCodes.map { ("TSError.\($0)", TSError($0, ""), 65) }
        + [
            ("DocumentError.fileNotFound", DocumentError.fileNotFound, 66),
            ("DocumentError.unreadable", DocumentError.unreadable, 66),
            ("DocumentError.malformedXML", DocumentError.malformedXML, 65),
            ("DocumentError.notAnRFCDocument", DocumentError.notAnRFCDocument, 65),
            ("DocumentError.refusedUnsafe", DocumentError.refusedUnsafe, 65),
            ("DocumentError.notADocument", DocumentError.notADocument, 65),
            ("DocumentError.unsupportedStructure", DocumentError.unsupportedStructure, 65),
            ("DocumentError.sectionNotFound", DocumentError.sectionNotFound, 65),
            ("ErrataError.fileNotFound", ErrataError.fileNotFound, 66),
            ("ErrataError.unreadable", ErrataError.unreadable, 66),
            ("ErrataError.malformed", ErrataError.malformed, 65),
            ("ErrataError.sectionNotFound", ErrataError.sectionNotFound, 65),
            ("ErrataError.oldTextNotFound", ErrataError.oldTextNotFound, 65),
            ("ErrataError.oldTextAmbiguous", ErrataError.oldTextAmbiguous, 65),
            ("ErrataError.newTextMissing", ErrataError.newTextMissing, 65),
            ("ErrataError.unsupportedRange", ErrataError.unsupportedRange, 65),
            ("ErrataError.unwritableOutput", ErrataError.unwritableOutput, 73),
            ("CheckError.unknownCheck", CheckError.unknownCheck, 64),
            ("CheckError.setupFailed", CheckError.setupFailed, 70),
            ("CheckError.captureMissing", CheckError.captureMissing, 70),
            ("BridgeError.missingExtension", BridgeError.missingExtension, 70),
            ("BridgeError.kernelError", BridgeError.kernelError, 70),
        ]

    @Test func everyCodeKeepsItsExitCode() {
        for (name, error, expected) in Self.cases {
            #expect(Self.exitCode[error.category] == expected, "\(name)")
        }
    }

    /// The lines each type printed through the command line before (one format per type).
    @Test func reportLinesKeepEachTypesForm() {
        let pfkey = PFKeyError(.duplicateExtension, at: 40, source: "RFC 2367 2.3", "duplicate extension type 5")
        #expect(pfkey.reportLine == "error: invalid PF_KEY message: duplicateExtension: RFC 2367 2.3: duplicate extension type 5 at offset 40")
        #expect(pfkey.diagnosticLocation == .byteOffset(40) && pfkey.ruleBroken == "RFC 2367 2.3")
        let ts = TSError(.trailingBytes, "2 bytes after the payload", offset: 24, rule: "RFC 7296 3.13")
        #expect(ts.reportLine == "error: offset 24: 2 bytes after the payload (RFC 7296 3.13)")
        #expect(CheckError(.unknownCheck, "no check \"x\"").reportLine == "error: unknownCheck: no check \"x\"")
        let document = DocumentError(.malformedXML, "unclosed tag", at: SourceLocation(file: "d.xml", line: 3, column: 7))
        #expect(document.reportLine == "d.xml:3:7: error: unclosed tag")
        #expect(document.diagnosticLocation == .fileLineColumn(file: "d.xml", line: 3, column: 7))
        #expect(DocumentError(.fileNotFound, "x.xml: no such file").reportLine == "error: x.xml: no such file")
        #expect(ErrataError(.malformed, "no OLD:", file: "e.errata", line: 4).reportLine == "e.errata:4: error: no OLD:")
        #expect(ErrataError(.fileNotFound, "gone", file: "e.errata").reportLine == "e.errata: error: gone")
        #expect(ErrataError(.unwritableOutput, "full").reportLine == "error: full")
    }
}
