import Foundation
import Testing
import TestSupport
import Checks
@testable import Errata

/// The errata file format (README "## Errata"): what it reads, and each rejection with the
/// line it names.
@Suite struct ErrataFileTests {
    static let header = """
    ---
    document: draft-ietf-ipsecme-ikev2bis-08
    section: "2.9"
    type: technical
    reporter: A. Reviewer <a@example.org>
    date: 2010-03-02
    checks: [pfkey.one, spd.two]
    ---
    """

    @Test func readsHeaderBlocksAndNotes() throws {
        let text = Self.header + """

        NOTES:

           Why.

           More why.

        Section 2.9, paragraph 1

        OLD:

           Old words
           continue here.

        NEW:

           New words.

        NOTES:

           Block note.

        Section 3, paragraphs 2 - 3:
        OLD:
        x
        NEW:
        y
        """
        let errata = try ErrataFile.parse(text, file: "t.errata")
        #expect(errata.document == "draft-ietf-ipsecme-ikev2bis-08")
        #expect(errata.section == "2.9")
        #expect(errata.type == .technical)
        #expect(errata.reporter == "A. Reviewer <a@example.org>")
        #expect(errata.date == "2010-03-02")
        #expect(errata.checks == ["pfkey.one", "spd.two"])
        #expect(errata.notes == "Why.\n\nMore why.")
        #expect(errata.changes.count == 2)
        #expect(errata.changes[0].section == "2.9")
        #expect(errata.changes[0].paragraphLabel == "paragraph 1")
        #expect(errata.changes[0].old.text == "Old words\ncontinue here.")
        #expect(errata.changes[0].old.paragraphs == ["Old words continue here."])
        #expect(errata.changes[0].new.paragraphs == ["New words."])
        #expect(errata.changes[0].notes == "Block note.")
        #expect(errata.changes[0].line == 15)
        #expect(errata.changes[1].section == "3")
        #expect(errata.changes[1].paragraphLabel == "paragraphs 2-3")
        #expect(errata.changes[1].heading == "Section 3, paragraphs 2-3")
    }

    @Test func headerOnlyFileHasNoBlocks() throws {
        let errata = try ErrataFile.parse(Self.header + "\n")
        #expect(errata.changes.isEmpty)
        #expect(errata.notes.isEmpty)
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var line: Int
        var testDescription: String { rule }
    }

    static let malformed: [Malformed] = [
        Malformed(rule: "no header", text: "Section 2.9\nOLD:\nx\nNEW:\ny\n", line: 1),
        Malformed(rule: "header not closed", text: "---\ndocument: rfc5996\n", line: 1),
        Malformed(rule: "YAML does not parse", text: "---\ndocument: rfc5996\nsection: [2.9\n---\n", line: 4),
        Malformed(rule: "missing required key names the closing line", text: "---\ndocument: rfc5996\nsection: \"2.9\"\ntype: editorial\ndate: 2010-01-01\n---\n", line: 6),
        Malformed(rule: "unknown key", text: "---\ndocument: rfc5996\nsection: \"2.9\"\ntype: editorial\nreporter: x\ndate: 2010-01-01\ncolour: red\n---\n", line: 7),
        Malformed(rule: "type neither technical nor editorial", text: "---\ndocument: rfc5996\nsection: \"2.9\"\ntype: typo\nreporter: x\ndate: 2010-01-01\n---\n", line: 4),
        Malformed(rule: "document without revision", text: "---\ndocument: draft-ietf-ipsecme-ikev2bis\nsection: \"2.9\"\ntype: technical\nreporter: x\ndate: 2010-01-01\n---\n", line: 2),
        Malformed(rule: "date not YYYY-MM-DD", text: "---\ndocument: rfc5996\nsection: \"2.9\"\ntype: technical\nreporter: x\ndate: March 2010\n---\n", line: 6),
        Malformed(rule: "section not a number", text: "---\ndocument: rfc5996\nsection: Traffic Selectors\ntype: technical\nreporter: x\ndate: 2010-01-01\n---\n", line: 3),
        Malformed(rule: "OLD before any block", text: header + "\nOLD:\n   x\n", line: 9),
        Malformed(rule: "text outside a part", text: header + "\nstray words\n", line: 9),
        Malformed(rule: "block without NEW", text: header + "\nSection 2.9\n\nOLD:\n   x\n", line: 9),
        Malformed(rule: "block without OLD", text: header + "\nSection 2.9\nNOTES:\n   x\n", line: 9),
        Malformed(rule: "NEW before OLD", text: header + "\nSection 2.9\nNEW:\n   y\nOLD:\n   x\n", line: 10),
        Malformed(rule: "second OLD in a block", text: header + "\nSection 2.9\nOLD:\n   x\nOLD:\n   z\nNEW:\n   y\n", line: 12),
        Malformed(rule: "empty OLD", text: header + "\nSection 2.9\nOLD:\n\nNEW:\n   y\n", line: 10),
        Malformed(rule: "text before OLD in a block", text: header + "\nSection 2.9\n   words\nOLD:\n   x\nNEW:\n   y\n", line: 10),
    ]

    @Test(arguments: malformed)
    func rejectsWithLine(_ vector: Malformed) throws {
        let error = #expect(throws: ErrataError.malformed) { try ErrataFile.parse(vector.text, file: "bad.errata") }
        #expect(error?.line == vector.line, "\(error?.description ?? "")")
        #expect(error?.file == "bad.errata")
    }

    @Test func missingFileIsFileNotFound() {
        #expect(throws: ErrataError.fileNotFound) { try ErrataFile.read(path: "/nonexistent/x.errata") }
    }

    /// The bundled proposal: the seed's replacement, word for word, as its NEW text.
    @Test func bundledFileHoldsTheSeedReplacement() throws {
        guard SeedText.available() else { return }
        let path = TestEnvironment.packageRoot.appendingPathComponent("errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata").path
        let errata = try ErrataFile.read(path: path)
        #expect(errata.document == "draft-ietf-ipsecme-ikev2bis-08")
        #expect(errata.type == .technical)
        #expect(errata.changes.count == 1)
        #expect(errata.changes[0].new.paragraphs == SeedText.replacementParagraphs)
        #expect(errata.changes[0].old.paragraphs[0] == SeedText.quotedOldParagraph)
        #expect(errata.notes.contains("SADB_ACQUIRE"))
        #expect(errata.notes.contains("ports 0"))
        #expect(errata.notes.contains("only through the KAME/Linux extension SADB_X_EXT_POLICY"))
        // The motivating checks are the catalog's own.
        let catalog = Set(Catalog.all.map(\.id))
        #expect(!errata.checks.isEmpty)
        for id in errata.checks { #expect(catalog.contains(id), "\(id) is not in the check catalog") }
    }

    /// Writing a file and reading it back gives the same value.
    @Test func formattedTextParsesBack() throws {
        let errata = ErrataFile(
            document: "rfc5996", section: "2.9", type: .editorial, reporter: "R: Eviewer", date: "2024-01-02",
            checks: ["a.b"], source: "mail #1", notes: "Why:\n\nbecause.",
            changes: [Change(section: "2.9", paragraphLabel: "paragraph 2", old: Passage("one\ntwo"), new: Passage("three"), notes: "n")])
        let parsed = try ErrataFile.parse(errata.formatted)
        #expect(parsed.document == errata.document)
        #expect(parsed.reporter == errata.reporter)
        #expect(parsed.source == errata.source)
        #expect(parsed.notes == errata.notes)
        #expect(parsed.checks == errata.checks)
        #expect(parsed.changes.map(\.old) == errata.changes.map(\.old))
        #expect(parsed.changes.map(\.new) == errata.changes.map(\.new))
        #expect(parsed.changes.map(\.notes) == errata.changes.map(\.notes))
        #expect(parsed.changes.map(\.paragraphLabel) == errata.changes.map(\.paragraphLabel))
    }
}

/// The seed's text (../shared/seed/000_07ad7ac2c68d7429.txt), read from the seed itself.
enum SeedText {
    static let seed: String = {
        let url = TestEnvironment.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seed/000_07ad7ac2c68d7429.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The reviewer's replacement for the first two paragraphs, as in the mail.
    static let replacement: String = {
        guard let intro = seed.range(of: "replacement first two\nparagraphs:\n\n"), let end = seed.range(of: "\n\nThanks,") else { return "" }
        return String(seed[intro.upperBound..<end.lowerBound])
    }()

    /// False (said loudly, and recorded as a failure with CI=true) when the seed is absent.
    static func available() -> Bool {
        guard seed.isEmpty else { return true }
        let message = Absence.corpus("../seed/000_07ad7ac2c68d7429.txt", neededFor: "the seed comparison")
        if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
        return false
    }

    static var replacementParagraphs: [String] { Passage(replacement).paragraphs }

    /// The -08 paragraph the reviewer quotes.
    static let quotedOldParagraph: String = {
        guard let start = seed.range(of: "Even as of draft-08, section 2.9:\n\n"), let end = seed.range(of: "\n\nis entirely incorrect") else { return "" }
        return Passage(String(seed[start.upperBound..<end.lowerBound])).paragraphs.first ?? ""
    }()
}
