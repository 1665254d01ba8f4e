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
        let fromXML = try Fixture.analyze(Self.xml, path: "t.xml")
        let fromText = try Fixture.analyze(Self.text, path: "t.txt")
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

    /// RFC 8221's tables give each algorithm's level in a column of levels: "MUST NOT"
    /// alone names nothing. A row with a cell that opens with a keyword is one statement,
    /// each cell after its column's name; from XML and from xml2rfc's text alike.
    static let levelsXML = """
        <?xml version="1.0" encoding="utf-8"?>
        <rfc version="3" number="9999" ipr="trust200902"><front><title>Levels</title></front><middle>
        <section><name>Algorithms</name>
        <table><thead><tr><th>Name</th><th>Status</th><th>Comment</th></tr></thead>
        <tbody>
        <tr><td>ENCR_DES </td><td><bcp14>MUST NOT</bcp14></td><td>Broken</td></tr>
        <tr><td>ENCR_NULL</td><td><bcp14>MAY</bcp14></td><td>An implementation <bcp14>SHOULD</bcp14> log its use.</td></tr>
        <tr><td>ENCR_AES_CBC</td><td>See below</td><td>A peer <bcp14>MUST</bcp14> check the IV.</td></tr>
        </tbody></table>
        </section></middle></rfc>
        """

    static let levelsText = """
        Internet Engineering Task Force (IETF)                         A. Author
        Request for Comments: 9999                                    March 2010
        Category: Standards Track


                                        Levels

        1.  Algorithms

           +==============+===========+==============================+
           | Name         | Status    | Comment                      |
           +==============+===========+==============================+
           | ENCR_DES     | MUST NOT  | Broken                       |
           +--------------+-----------+------------------------------+
           | ENCR_NULL    | MAY       | An implementation SHOULD log |
           |              |           | its use.                     |
           +--------------+-----------+------------------------------+
           | ENCR_AES_CBC | See below | A peer MUST check the IV.    |
           +--------------+-----------+------------------------------+
        """

    @Test func aRowOfLevelsIsOneStatementNamedByItsColumns() throws {
        let fromXML = try Fixture.analyze(Self.levelsXML, path: "t.xml")
        let fromText = try Fixture.analyze(Self.levelsText, path: "t.txt")
        let expected = [
            "Name: ENCR_DES; Status: MUST NOT; Comment: Broken",
            "Name: ENCR_NULL; Status: MAY; Comment: An implementation SHOULD log its use.",
            "Name: ENCR_NULL; Status: MAY; Comment: An implementation SHOULD log its use.",
            // No cell opens with a keyword: the sentence is a statement alone.
            "A peer MUST check the IV.",
        ]
        for analysis in [fromXML, fromText] {
            #expect(analysis.statements.map(\.text) == expected)
            #expect(analysis.statements.map { $0.levels.map(\.rawValue) } == [["MUST NOT"], ["MAY"], ["SHOULD"], ["MUST"]])
            #expect(analysis.keywordCount == 4)
        }
        #expect(fromXML.statements.map(\.id) == fromText.statements.map(\.id))
        #expect(fromText.statements.map(\.position.line) == [13, 15, 15, 18])
    }

    /// RFC 2131's tables 3 and 5: no grid, a rule of dashes per column under a head of one
    /// line or two, a cell going on under itself. Each row is read as one statement, as a grid table's is. A
    /// head whose rule is out of line with the rows (RFC 4254's opcodes) stays a drawing.
    static let ruled = """
        1.  Server

           Text.

        Option                    DHCPOFFER    DHCPACK            DHCPNAK
        ------                    ---------    -------            -------
        Requested IP address      MUST NOT     MUST NOT           MUST NOT
        IP address lease time     MUST         MUST (DHCPREQUEST) MUST NOT
                                               MUST NOT (DHCPINFORM)
        Vendor class identifier   MAY          MAY                MAY

        2.  Modes

                  opcode  mnemonic       description
                  ------  --------       -----------
                  30    IGNPAR      The ignore parity flag.  The parameter
                                     SHOULD be 0 if this flag is FALSE.

        3.  Client

        Option                     DHCPDISCOVER  DHCPREQUEST
                                   DHCPINFORM
        ------                     ------------  -----------
        Client identifier          MAY           MAY

        """

    @Test func aTableRuledColumnByColumnIsReadRowByRow() throws {
        let analysis = try Fixture.analyze(Self.ruled, path: "t.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.levels.map(\.rawValue)) \($0.text)" } == [
            "7 [\"MUST NOT\"] Option: Requested IP address; DHCPOFFER: MUST NOT; DHCPACK: MUST NOT; DHCPNAK: MUST NOT",
            "8 [\"MUST\"] Option: IP address lease time; DHCPOFFER: MUST; DHCPACK: MUST (DHCPREQUEST) MUST NOT (DHCPINFORM); DHCPNAK: MUST NOT",
            "8 [\"MUST NOT\"] Option: IP address lease time; DHCPOFFER: MUST; DHCPACK: MUST (DHCPREQUEST) MUST NOT (DHCPINFORM); DHCPNAK: MUST NOT",
            "10 [\"MAY\"] Option: Vendor class identifier; DHCPOFFER: MAY; DHCPACK: MAY; DHCPNAK: MAY",
            // A head of two lines over the rule (RFC 2131's table 5).
            "24 [\"MAY\"] Option: Client identifier; DHCPDISCOVER DHCPINFORM: MAY; DHCPREQUEST: MAY",
        ])
        #expect(analysis.keywordCount == 13)
    }

    /// A matrix leaves the corner over its rows' names empty (RFC 2131's Table 4): the
    /// other columns still name their cells.
    @Test func aMatrixWithAnEmptyCornerNamesItsCells() throws {
        let text = """
            1.  Client messages

               ---------------------------------------------
               |              |INIT-REBOOT  |SELECTING     |
               ---------------------------------------------
               |broad/unicast |broadcast    |broadcast     |
               |requested-ip  |MUST         |MUST NOT      |
               ---------------------------------------------

            """
        let analysis = try Fixture.analyze(text, path: "t.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.levels.map(\.rawValue)) \($0.text)" } == [
            "7 [\"MUST\"] requested-ip; INIT-REBOOT: MUST; SELECTING: MUST NOT",
            "7 [\"MUST NOT\"] requested-ip; INIT-REBOOT: MUST; SELECTING: MUST NOT",
        ])
    }
}
