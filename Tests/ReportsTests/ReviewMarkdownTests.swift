import DraftDocument
import Foundation
import Normative
import Reports
import Testing

/// `review --format markdown`: the exact text (the escapes, the tags, the findings table,
/// the summary), whole and streamed in pieces.
@Suite struct ReviewMarkdownTests {
    static let source = """
        <?xml version="1.0" encoding="utf-8"?>
        <rfc version="3" docName="draft-x-md-00" ipr="trust200902"><front><title>Marks_and *stars*</title></front><middle>
        <section><name>SADB_ACQUIRE [PFKEY]</name>
        <t>The kernel MUST send SADB_ACQUIRE (see [PFKEY] and `x` &lt;y&gt; #1) — café_é.</t>
        <t>The peer SHOULD NOT narrow TSi, and it MAY send TSr.</t>
        </section></middle></rfc>
        """

    static let expected = """
        # Review of draft-x-md-00

        Marks\\_and \\*stars\\* (`t.xml`, xml-v3). BCP 14 keywords outside the boilerplate: 3.

        ## 1 SADB\\_ACQUIRE \\[PFKEY\\]

        - Section 1, paragraph 1 (line 4) **MUST** `pfkey` `draft-x-md/1/ce0e02`  
          The kernel **MUST** send SADB\\_ACQUIRE (see \\[PFKEY\\] and \\`x\\` \\<y\\> \\#1) — café\\_é.
        - Section 1, paragraph 2 (line 5) **SHOULD NOT** `ts` `draft-x-md/1/9fdb0f`  
          The peer **SHOULD NOT** narrow TSi, and it MAY send TSr.
        - Section 1, paragraph 2 (line 5) **MAY** `ts` `draft-x-md/1/5e1c7d`  
          The peer SHOULD NOT narrow TSi, and it **MAY** send TSr.

        ## Findings

        | line | severity | code | message |
        |---|---|---|---|
        | 4 | warning | `boilerplateMissing` | BCP 14 keywords are used but the requirements-language boilerplate (RFC 8174 section 2) is missing |
        | 4 | warning | `requirementsReferenceMissing` | BCP 14 keywords are used but RFC 2119 is not referenced |

        ## Summary

        3 statements: MUST 1, SHOULD NOT 1, MAY 1; topics: pfkey 1, ts 2; findings: 2.

        """

    @Test func theReviewAsMarkdown() throws {
        let analysis = StatementExtractor().analyze(try DocumentReader.read(data: Data(Self.source.utf8), path: "t.xml"))
        #expect(ReviewMarkdownFormat.render(ReviewReport(analysis)) == Self.expected)
        var pieces: [String] = []
        try ReviewReport.write(analysis, as: .markdown) { pieces.append($0) }
        #expect(pieces.joined() == Self.expected)
    }
}
