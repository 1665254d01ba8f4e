import DraftDocument
import Foundation
import Normative
import Testing

/// Requirements written as comments in code (ASN.1's "-- If present, version MUST be v2 or
/// v3" in RFC 5280, C's "/* ... */"): each run of comment lines is a statement, said of the
/// code it follows, its keyword counted once, with the figure.
@Suite struct CodeCommentTests {
    static let text = """
        1.  Module

           The module follows.

              TBSCertificate  ::=  SEQUENCE  {
                   issuerUniqueID  [1]  IMPLICIT UniqueIdentifier OPTIONAL,
                                        -- If present, version MUST be v2 or v3
                   extensions      [3]  EXPLICIT Extensions OPTIONAL
                                        -- if present, MUST be v3
                   }
                   -- REQUIRED for entries
              BulkPDU ::=                -- MUST be identical in
                  SEQUENCE {             -- structure to PDU
                  }

              /* The sender MUST NOT
               * send it twice */
              /* IN NO EVENT SHALL THE AUTHORS BE LIABLE */
              A ---> B     // see http://example.com/MUST

        """

    @Test func commentsInCodeAreStatementsSaidOfTheirCode() throws {
        let analysis = try Fixture.analyze(Self.text, path: "asn.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.leadIn ?? "-") | \($0.text)" } == [
            "7 - | If present, version MUST be v2 or v3",
            "9 extensions [3] EXPLICIT Extensions OPTIONAL | if present, MUST be v3",
            // After "}" nothing is named.
            "11 - | REQUIRED for entries",
            "12 BulkPDU ::= | MUST be identical in structure to PDU",
            "16 - | The sender MUST NOT send it twice",
        ])
        // Every keyword of the figure once: the OPTIONALs, the licence's and the address's too.
        #expect(analysis.keywordCount == 9)
    }

    /// ABNF's comments run from ";" (or ";;") to the line's end (RFC 5234 3.1): read in a
    /// grammar, not in C, where ";" ends a statement. A bare ";" spacing comments (RFC 9073
    /// 6.5) is a comment line, not a C statement's end.
    @Test func abnfCommentsAreStatementsAndCsSemicolonsAreNot() throws {
        let text = """
            1.  Grammar

               The grammar follows.

                  authcid   = 1*SAFE    ; MUST accept up to 255 octets
                  body-ext  = nstring
                                ; MUST NOT be returned on non-extensible
                                ; "BODY" fetch

                  ;; At least one of <a> or <b> MUST be present.
                  ;
                  value     = "a;b" / %x3B ; A value SHOULD be short

               And in C:

                  x = 1; y = 2 ; MUST be code
                  if (x) { f(); }

               The older BNF of RFC 2060 9 writes "::=" and names with "_":

               body_extension  ::= nstring / number
                                   ;; Future expansion.  Client implementations
                                   ;; MUST accept body_extension fields.

            """
        let analysis = try Fixture.analyze(text, path: "abnf.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.leadIn ?? "-") | \($0.text)" } == [
            "5 authcid = 1*SAFE | MUST accept up to 255 octets",
            "7 body-ext = nstring | MUST NOT be returned on non-extensible \"BODY\" fetch",
            "10 - | At least one of <a> or <b> MUST be present.",
            // A comment with a subject of its own needs no lead-in.
            "12 - | A value SHOULD be short",
            "22 - | Client implementations MUST accept body_extension fields.",
        ])
        #expect(analysis.keywordCount == 6)
    }

    /// A comment cut by a page break inside its structure is one sentence (RFC 4556 3.2.3:
    /// "-- If this field is omitted then the serverDHNonce" at a page's foot, "-- field MUST
    /// also be omitted." at the next page's head); read as two figures, the statement was
    /// "field MUST also be omitted.".
    @Test func aCommentCutByAPageBreakIsOneSentence() throws {
        let text = "1.  Reply\n\n   The reply is:\n\n"
            + "       KDCDHKeyInfo ::= SEQUENCE {\n"
            + "          subjectPublicKey        [0] BIT STRING,\n"
            + "                   -- If this field is omitted then the serverDHNonce\n\n\n\n"
            + "Zhu & Tung                  Standards Track                    [Page 20]\n\u{0C}\n"
            + "RFC 4556                         PKINIT                        June 2006\n\n\n"
            + "                   -- field MUST also be omitted.\n"
            + "          ...\n"
            + "       }\n\n"
            // Filled to 72 columns, as the page is.
            + "   The content of the AS-REP is otherwise unchanged from [RFC4120].  The\n"
            + "   KDC encrypts the reply as usual.\n"
        let analysis = try Fixture.analyze(text, path: "asn1.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.text)" } == ["7 If this field is omitted then the serverDHNonce field MUST also be omitted."])
    }
}
