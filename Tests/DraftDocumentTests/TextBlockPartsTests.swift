import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// A large text document's section bodies are built into blocks on several cores
/// (TextBlockParts); the document must be exactly the one a single thread builds.
@Suite struct TextBlockPartsTests {
    static let onePart = TextBlockParts.Policy(workers: 1, minimumPartLines: 1)
    static let manyParts = TextBlockParts.Policy(workers: 4, minimumPartLines: 1)

    static func read(_ data: Data, _ path: String, _ policy: TextBlockParts.Policy) throws -> Document {
        try TextDocumentReader.read(data: data, path: path, blockParts: policy)
    }

    @Test func partsAreContiguousAndCoverTheBodiesInOrder() {
        let sizes = [40, 10, 10, 10, 200, 5, 5, 30]
        let parts = ContiguousParts.split(sizes: sizes, workers: 3, minimumPart: 1)
        #expect(parts == [0..<5, 5..<6, 6..<8])
        // Too few lines for a second part: one.
        #expect(ContiguousParts.split(sizes: sizes, workers: 3, minimumPart: 200) == [0..<8])
        #expect(ContiguousParts.split(sizes: [5], workers: 4, minimumPart: 1) == [0..<1])
    }

    /// Front notes, sections, a list, a figure and references, each body its own part.
    @Test func aDocumentInPartsIsTheOneBuild() throws {
        let text = """
        Abstract

           This document MUST be read.

        1.  Introduction

           The first section has a paragraph that SHOULD be kept.

           o  an item
           o  another item

        2.  Layout

              +-----+
              | box |
              +-----+

        3.  References

           [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate
                      Requirement Levels", BCP 14, RFC 2119, March 1997.

        """
        let data = Data(text.utf8)
        let one = try Self.read(data, "parts.txt", Self.onePart)
        let many = try Self.read(data, "parts.txt", Self.manyParts)
        #expect(one == many)
        #expect(many.allSections.map(\.title) == ["Introduction", "Layout", "References"])
        #expect(many.allSections.map(\.blocks.count) == [2, 1, 1])
        guard case .paragraph(let abstract)? = many.abstract.first else { Issue.record("no abstract paragraph"); return }
        #expect(abstract.content.plainText == "This document MUST be read.")
    }

    /// Real documents of every era: the same document, block for block.
    @Test func corpusDocumentsInPartsAreTheOneBuild() throws {
        let names = ["rfc7296.txt", "rfc2367.txt", "rfc4301.txt", "draft-ietf-ipsecme-ikev2bis-04.txt"]
        let old = CorpusWide.documents.filter { $0.hasSuffix(".txt") && ($0.hasPrefix("rfc7") || $0.hasPrefix("rfc9") || $0.hasPrefix("rfc1")) && $0.count <= 11 }
        var compared = 0
        for name in names + old {
            guard let path = Corpus.path(name) ?? CorpusWide.path(name) else {
                if TestEnvironment.isStrict { Issue.record(Comment(rawValue: Absence.corpus(name, neededFor: "the block parts comparison"))) }
                continue
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(try Self.read(data, path, Self.onePart) == Self.read(data, path, Self.manyParts), "\(name)")
            compared += 1
        }
        if TestEnvironment.isStrict { #expect(compared == names.count + old.count) }
    }

    /// A part built on another thread reads lines moved onto a copy of their own: the same
    /// lines (content, line as printed, numbers, runs), on storage no other part counts on; a
    /// tab-expanded line, cut from a text of its own, keeps it.
    @Test func linesMovedOntoTheirOwnCopyAreTheSameLines() {
        var lines = TextLines.split("Head\n   4.1. Title   Words of the body, long enough\n\n\tTabbed line that is long enough  |\n   last line\n").lines
        let content = lines[1].content
        lines[1].narrow(to: content[content.index(content.startIndex, offsetBy: 13)...])
        let parts = [lines[1..<3], lines[3..<5]]
        let moved = TextLine.onOwnCopy(parts)
        #expect(moved.map(\.count) == [2, 2])
        let before = parts.joined().map { [$0.content, $0.raw] }
        let after = moved.joined().map { [$0.content, $0.raw] }
        #expect(after == before)
        #expect(after.map { $0.map(String.init) } == [["Words of the body, long enough", "   4.1. Title   Words of the body, long enough"], ["", ""],
                                                       ["Tabbed line that is long enough  |", "        Tabbed line that is long enough  |"], ["last line", "   last line"]])
        #expect(moved.joined().map(\.number) == [2, 3, 4, 5])
        #expect(moved.joined().map(\.indent) == [3, 0, 8, 3])
        let original = lines[0].storageAddress
        let copies = [moved[0].first!, moved[1].last!].map(\.storageAddress)
        #expect(original != nil && copies[0] != nil)
        #expect(copies[0] != original)
        #expect(copies[0] == copies[1])
        #expect(moved[1].first!.storageAddress == lines[3].storageAddress)
    }

    /// The line as printed is found from its content: it stays whole when the content is
    /// narrowed (a run-in heading's words taken off its front, a change bar off its end),
    /// and tabs are expanded in both.
    @Test func theLineAsPrintedStaysWhole() {
        var lines = TextLines.split("   4.1. Title   Words of the body\n\tTabbed  |\n").lines
        #expect(lines.map(\.raw) == ["   4.1. Title   Words of the body", "        Tabbed  |"])
        #expect(lines.map(\.indent) == [3, 8])
        let content = lines[0].content
        lines[0].narrow(to: content[content.index(content.startIndex, offsetBy: 13)...])
        #expect(lines[0].content == "Words of the body")
        #expect(lines[0].raw == "   4.1. Title   Words of the body")
        lines[1].narrow(to: lines[1].content.dropLast(3))
        #expect(lines[1].content == "Tabbed")
        #expect(lines[1].raw == "        Tabbed")
        lines[1].makeBlank()
        #expect(lines[1].kind == .blank && lines[1].raw.isEmpty && lines[1].content.isEmpty)
    }
}
