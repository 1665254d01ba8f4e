import DraftDocument
import Foundation
import Normative
import Testing

/// A requirement in a table cell is a statement from text as from XML, with one id: the
/// same table read from xml2rfc v3 source and from the text xml2rfc makes of it.
@Suite struct TableStatementTests {
    static let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE rfc SYSTEM "rfc2629-xhtml.ent">
        <rfc version="3" number="9999" ipr="trust200902"><front><title>Tables</title></front><middle>
        <section><name>Introduction</name>
        <t>The IN&nbhy;PROGRESS request MUST&nbsp;be answered.</t>
        <table><thead><tr><th>Code</th><th>Meaning</th></tr></thead>
        <tbody><tr><td>012</td><td>Recognition succeeded. The event MUST contain the result.</td></tr></tbody></table>
        </section></middle></rfc>
        """

    static let text = """
        Internet Engineering Task Force (IETF)                         A. Author
        Request for Comments: 9999                                    March 2010
        Category: Standards Track


                                        Tables

        1.  Introduction

           The IN-PROGRESS request MUST be answered.

           +======+=======================================+
           | Code | Meaning                               |
           +======+=======================================+
           | 012  | Recognition succeeded.  The event     |
           |      | MUST contain the result.              |
           +------+---------------------------------------+
        """

    @Test func tableCellsGiveTheSameStatementsFromXMLAndText() throws {
        let fromXML = StatementExtractor().analyze(try DocumentReader.read(data: Data(Self.xml.utf8), path: "t.xml"))
        let fromText = StatementExtractor().analyze(try DocumentReader.read(data: Data(Self.text.utf8), path: "t.txt"))
        #expect(fromText.statements.map(\.text) == [
            "The IN-PROGRESS request MUST be answered.",
            "The event MUST contain the result.",
        ])
        #expect(fromText.statements[1].position.line == 15)
        #expect(fromText.statements[1].position.section == "1")
        // The XML keeps the no-break hyphen in the text; the ids agree.
        #expect(fromXML.statements.map(\.text) == ["The IN\u{2011}PROGRESS request MUST be answered.", "The event MUST contain the result."])
        #expect(fromXML.statements.map(\.id) == fromText.statements.map(\.id))
        // The cell's keyword is counted once, with the drawing.
        #expect(fromText.keywordCount == 2)
        #expect(fromXML.keywordCount == 2)
    }
}
