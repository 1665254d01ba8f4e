import Foundation
import Testing
@testable import DraftDocument

/// A draft's Markdown source (kramdown-rfc, mmark) is refused with what to do instead:
/// read as plain text it was one untitled section of YAML. Other text that opens with a
/// rule or a "#" title stays text.
@Suite struct MarkdownSourceTests {
    static let kramdown = """
        ---
        title: "MLS for IPsec Group Key Exchange"
        abbrev: "MLS-GIKE"
        docname: draft-kohbrok-ipsecme-mls-gike-latest
        category: info

        --- abstract

        This document MUST be converted.

        --- middle

        # Introduction

        """

    static let mmark = """
        %%%
        title = "Using mmark"
        [seriesInfo]
        name = "Internet-Draft"
        value = "draft-example-mmark-00"
        %%%

        .# Abstract

        Text.

        """

    @Test(arguments: [(kramdown, "kramdown-rfc", "kramdown-rfc draft.md > draft.xml"),
                      (kramdown.replacingOccurrences(of: "\n", with: "\r\n"), "kramdown-rfc", "kramdown-rfc draft.md > draft.xml"),
                      ("\u{FEFF}\n\n" + mmark, "mmark", "mmark draft.md > draft.xml")])
    func aMarkdownSourceIsRefusedWithWhatToDo(_ source: String, _ kind: String, _ command: String) {
        do {
            _ = try DocumentReader.read(data: Data(source.utf8), path: "draft.md")
            Issue.record("read as a document")
        } catch let error as DocumentError {
            #expect(error.code == .notADocument)
            #expect(error.description == "draft.md:1:1: error: a \(kind) Markdown source, not a draft: convert it to xml2rfc XML first (\(command)) and read that")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Front matter that names no draft, or no "--- abstract" after it, a "#" title, and a
    /// text draft that opens with a rule are text.
    @Test(arguments: [
        "---\nlayout: post\n---\n\n--- abstract\n\nText.\n",
        "---\ntitle: A Post\n---\n\nText without the markers.\n",
        "# JA4: TLS Client Fingerprinting\n\nJA4 looks at the TLS Client Hello.\n",
        "---------------------------------------------\nNetwork Working Group                J. Doe\n\n1.  Introduction\n\n   Text.\n",
        "%%%\nkey = 1\n%%%\n\nText.\n",
    ])
    func otherTextIsReadAsText(_ source: String) throws {
        #expect(MarkdownSource.kind(Substring(source)) == nil)
        let document = try DocumentReader.read(data: Data(source.utf8), path: "t.txt")
        #expect(document.metadata.format == .text)
    }
}
