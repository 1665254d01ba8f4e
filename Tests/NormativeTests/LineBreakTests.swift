import DraftDocument
import Foundation
import Normative
import Testing

/// A forced line break (`<br/>` in v3, `<vspace/>` in v2) is where xml2rfc's text breaks
/// the line: a sentence may end there, as it may at the end of a text line. Found on
/// draft-ietf-ipsecme-diet-esp, whose XML gave one statement where its text gave two.
@Suite struct LineBreakTests {
    static let v3 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rfc version="3" docName="draft-x-breaks-00" ipr="trust200902"><front><title>Breaks</title></front><middle>
        <section><name>Selectors</name>
        <t>The initiator MUST send one Traffic Selector, see Section 3.13.1.<br/>The ability to derive it from the Traffic Selectors is shown by a flag.</t>
        </section></middle></rfc>
        """

    static let v2 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rfc docName="draft-x-breaks-00" ipr="trust200902"><front><title>Breaks</title></front><middle>
        <section title="Selectors">
        <t>The initiator MUST send one Traffic Selector, see Section 3.13.1.<vspace/>The ability to derive it from the Traffic Selectors is shown by a flag.</t>
        </section></middle></rfc>
        """

    static let text = """
        Internet-Draft                                                 A. Author
        Intended status: Standards Track                              March 2010


                                        Breaks
                                   draft-x-breaks-00

        1.  Selectors

           The initiator MUST send one Traffic Selector, see Section 3.13.1.
           The ability to derive it from the Traffic Selectors is shown by a flag.
        """

    @Test(arguments: [("t.xml", v3), ("t2.xml", v2), ("t.txt", text)])
    func aForcedLineBreakEndsASentence(path: String, source: String) throws {
        let analysis = try Fixture.analyze(source, path: path)
        #expect(analysis.statements.map(\.text) == [
            "The initiator MUST send one Traffic Selector, see Section 3.13.1.",
            "The ability to derive it from the Traffic Selectors is shown by a flag.",
        ])
        #expect(analysis.statements.map(\.position.sentence) == [1, 2])
        #expect(analysis.statements.map(\.topics) == [[.ts], [.ts]])
    }

    @Test func theBreakIsWhiteSpaceInTheStatementsText() throws {
        let source = Self.v3.replacingOccurrences(of: "see Section 3.13.1.<br/>The", with: "see<br/>Section 3.13.1. The")
        let analysis = try Fixture.analyze(source, path: "t.xml")
        #expect(analysis.statements.first?.text == "The initiator MUST send one Traffic Selector, see Section 3.13.1.")
    }
}
