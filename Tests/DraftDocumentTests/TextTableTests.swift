import DraftDocument
import Foundation
import Testing

/// Grid tables drawn in text (xml2rfc's `<texttable>` and `<table>` output): the figure
/// keeps the drawing, its `table` the cells, row by row.
@Suite struct TextTableTests {
    static func document(_ body: String) throws -> Document {
        let text = """
        Internet-Draft                  Tables                     March 2010


        1.  Introduction

        \(body)

        2.  Next

           Nothing here.
        """
        return try DocumentReader.read(data: Data(text.utf8), path: "tables.txt")
    }

    static func figure(_ document: Document) throws -> Figure {
        let blocks = try #require(document.allSections.first?.blocks)
        for case .figure(let f) in blocks { return f }
        Issue.record("no figure in \(blocks)")
        throw CancellationError()
    }

    static func texts(_ rows: [[InlineText]]) -> [[String]] { rows.map { $0.map(\.plainText) } }

    /// xml2rfc v3: "=" under the header, a rule between rows, a cell over three lines.
    @Test func ruledTableRowsAreBands() throws {
        let document = try Self.document("""
           +========+=======================+==================================+
           | Code   | Status                | Meaning                          |
           +========+=======================+==================================+
           | 011    | cancelled             | A new RECOGNIZE cancelled this   |
           |        |                       | one.                             |
           +--------+-----------------------+----------------------------------+
           | 012    | semantics-failure     | Recognition succeeded.  The      |
           |        |                       | event MUST contain the result    |
           |        |                       | with only input text.            |
           +--------+-----------------------+----------------------------------+
        """)
        let figure = try Self.figure(document)
        let table = try #require(figure.table)
        #expect(Self.texts(table.header) == [["Code", "Status", "Meaning"]])
        #expect(Self.texts(table.rows) == [
            ["011", "cancelled", "A new RECOGNIZE cancelled this one."],
            ["012", "semantics-failure", "Recognition succeeded.  The event MUST contain the result with only input text."],
        ])
        // Each cell knows the lines it is printed on.
        #expect(table.rows[1][2].line(atOffset: 0) == 12)
        #expect(table.rows[1][2].line(atOffset: 30) == 13)
        #expect(table.location == SourceLocation(file: "tables.txt", line: 6, column: 4))
        #expect(figure.verbatim.hasPrefix("+========+"))
    }

    /// A row of one empty cell, as xml2rfc 3 draws it: a border right under a border (RFC
    /// 9097 B.2, whose table of RFC 8085's requirements was no table, and its 42 rows no
    /// statements).
    @Test func anEmptyRowBetweenRulesIsNoRow() throws {
        let document = try Self.document("""
              +======+============================================+=========+
              | Yes? | Recommendation in RFC 8085                 | Section |
              +======+============================================+=========+
              | NA   | SHOULD use a full-featured transport       |         |
              |      | (e.g., TCP)                                |         |
              +------+--------------------------------------------+---------+
              +------+--------------------------------------------+---------+
              | Yes  | SHOULD control rate of transmission        | 3.1     |
              +------+--------------------------------------------+---------+
        """)
        let table = try #require(try Self.figure(document).table)
        #expect(Self.texts(table.header) == [["Yes?", "Recommendation in RFC 8085", "Section"]])
        #expect(Self.texts(table.rows) == [["NA", "SHOULD use a full-featured transport (e.g., TCP)", ""], ["Yes", "SHOULD control rate of transmission", "3.1"]])
    }

    /// xml2rfc v3 draws its header's borders with "=" and rules every row: a table of one
    /// row so drawn is one band a row, its first cell wrapped onto a second line one cell
    /// (xml2rfc's draft-v3-features Table 9: the statement was "lazy OPTIONAL dog.").
    @Test func aTableWithDoubledHeaderBordersIsRuled() throws {
        let document = try Self.document("""
            +=============================================+===================+
            | Column 1                                    | Line 1            |
            +=============================================+===================+
            | The quick brown fox jumps over the          | Paragraph 1       |
            | lazy OPTIONAL dog.                          |                   |
            +---------------------------------------------+-------------------+
        """)
        let table = try #require(try Self.figure(document).table)
        #expect(Self.texts(table.header) == [["Column 1", "Line 1"]])
        #expect(Self.texts(table.rows) == [["The quick brown fox jumps over the lazy OPTIONAL dog.", "Paragraph 1"]])
    }

    /// xml2rfc v2's "headers" style: no rule between rows; a row starts where the first
    /// column has text, and a line without is the row before it going on.
    @Test func unruledTableRowsStartAtTheFirstColumn() throws {
        let document = try Self.document("""
           +-------------+-----------------------------------------------------+
           | Algorithm   | Requirement                                         |
           +-------------+-----------------------------------------------------+
           | ECDHE_ECDSA | Certificate MUST contain an ECDSA- or EdDSA-capable |
           |             | public key.                                         |
           | ECDHE_RSA   | Certificate MUST contain an RSA public key.         |
           +-------------+-----------------------------------------------------+
        """)
        let table = try #require(try Self.figure(document).table)
        #expect(Self.texts(table.header) == [["Algorithm", "Requirement"]])
        #expect(Self.texts(table.rows) == [
            ["ECDHE_ECDSA", "Certificate MUST contain an ECDSA- or EdDSA-capable public key."],
            ["ECDHE_RSA", "Certificate MUST contain an RSA public key."],
        ])
    }

    /// Borders above and below only, no header: a row still starts at the first column.
    @Test func tableWithoutHeaderStartsRowsAtTheFirstColumn() throws {
        let document = try Self.document("""
           +------+------------------------------+
           | 0    | The peer MUST send value 0   |
           |      | now.                         |
           | 1    | The peer MUST send value 1.  |
           +------+------------------------------+
        """)
        let table = try #require(try Self.figure(document).table)
        #expect(table.header.isEmpty)
        #expect(Self.texts(table.rows) == [["0", "The peer MUST send value 0 now."], ["1", "The peer MUST send value 1."]])
    }

    /// Columns with no grid, a head over a rule, the last column a description going on
    /// under itself (RFC 4121 4.2.2): the cells are read, the requirement in a description
    /// with them.
    @Test func columnsWithADescriptionUnderItselfAreATable() throws {
        let document = try Self.document("""
                  Bit    Name             Description
                 --------------------------------------------------------------
                  0   SentByAcceptor   When set, this flag indicates the sender
                                       is the context acceptor.
                  1   Sealed           When set in Wrap tokens, this flag
                                       indicates confidentiality is provided
                                       for.  It SHALL NOT be set in MIC tokens.
        """)
        let table = try #require(try Self.figure(document).table)
        #expect(Self.texts(table.header) == [["Bit", "Name", "Description"]])
        #expect(Self.texts(table.rows) == [
            ["0", "SentByAcceptor", "When set, this flag indicates the sender is the context acceptor."],
            ["1", "Sealed", "When set in Wrap tokens, this flag indicates confidentiality is provided for.  It SHALL NOT be set in MIC tokens."],
        ])
    }

    /// RFC 2131's Table 4: rules of dashes alone, the column edges standing in the rows.
    @Test func aGridRuledWithDashesAloneIsATable() throws {
        let document = try Self.document("""
           ---------------------------------------------
           |              |INIT-REBOOT  |SELECTING     |
           ---------------------------------------------
           |broad/unicast |broadcast    |broadcast     |
           |server-ip     |MUST NOT     |MUST          |
           ---------------------------------------------
        """)
        let table = try #require(try Self.figure(document).table)
        #expect(Self.texts(table.header) == [["", "INIT-REBOOT", "SELECTING"]])
        #expect(Self.texts(table.rows) == [["broad/unicast", "broadcast", "broadcast"], ["server-ip", "MUST NOT", "MUST"]])
    }

    @Test(arguments: [
        ("a grid ruled with dashes alone whose rows' edges differ", """
           --------------------------
           | A       | B            |
           --------------------------
           | aa           | bb      |
           --------------------------
        """),
        ("a grid ruled with dashes alone, a rule longer than the rows", """
           ------------------------------
           | A       | B            |
           ------------------------------
        """),
        ("a cell spanning two columns", """
           +------+------+
           | A    | B    |
           +------+------+
           | both        |
           +------+------+
        """),
        ("a border out of line", """
           +------+------+
           | A    | B    |
           +-------+-----+
        """),
        ("no bottom border", """
           +------+------+
           | A    | B    |
        """),
        ("a diagram of boxes", """
           +------+      +------+
           | A    |----->| B    |
           +------+      +------+
        """),
        ("columns whose rows do not all reach the description's column", """
           Bit    Name             Description
           ---------------------------------------------
           0   SentByAcceptor   When set, this flag is
                                the sender's mark.
           1   Sealed
                                When set, the data is sealed.
        """),
        ("columns with more cells than the head", """
           Name             Description
           ---------------------------------------------
           0   Sent         When set, this flag is
                            the sender's mark.
        """),
    ])
    func otherDrawingsAreNoTables(_ rule: String, _ body: String) throws {
        let figure = try Self.figure(try Self.document(body))
        #expect(figure.table == nil, "\(rule)")
    }
}
