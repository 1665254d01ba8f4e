import Foundation
import Testing
import TestSupport
@testable import DraftDocument

/// Renderings checked against xml2rfc 3.34.1: every expected text below is what
/// `xml2rfc --text --no-pagination` printed for the same source.
@Suite struct XMLRenderingFidelityTests {
    /// Section 1 of a v3 document whose only section holds `body`, rendered.
    static func renderSection(_ body: String, back: String = "") throws -> String {
        let doc = try parseXML("""
        <rfc version="3"><front><title>T</title><author fullname="A B"/></front>
        <middle><section anchor="s1"><name>S</name>\(body)</section></middle><back>\(back)</back></rfc>
        """)
        return TextRenderer.render(try #require(doc.sections.first), includeSubsections: false)
    }

    struct Vector: CustomTestStringConvertible, Sendable {
        var rule: String
        var body: String
        var back: String = ""
        var expected: String
        var testDescription: String { rule }
    }

    static let inline: [Vector] = [
        Vector(rule: "tt is shown as its bare text, without quotes", body: "<t>Code <tt>foo</tt> and <tt>a <em>b</em></tt>.</t>", expected: """
        1.  S

           Code foo and a _b_.
        """),
        Vector(rule: "sup and sub take parentheses unless one signed word or already parenthesised", body: """
        <t>Sup x<sup>2</sup> y<sup>n+1</sup> z<sup>a.0</sup> w<sup>(n)</sup> v<sup>a_b</sup> q<sup>-1</sup> r<sup><sub>c</sub></sup> s<sup>1.5e</sup> p<sup>-(k-1)</sup>.</t>
        <t>Sub x<sub>2</sub> y<sub>n+1</sub> z<sub>(_c)</sub>.</t>
        """, expected: """
        1.  S

           Sup x^2 y^(n+1) z^(a.0) w^(n) v^(a_b) q^-1 r^(_c) s^1.5e p^-(k-1).

           Sub x_2 y_(n+1) z_(_c).
        """),
        Vector(rule: "u expands to literal, name and code point as its format says", body: """
        <t>U: <u>Δ</u> and <u format="char-num">Δ</u> and <u format="num-lit">é</u> and <u format="name-num">Δ</u> and <u format="num-ascii" ascii="D">Δ</u>.</t>
        <t>Use the <u format="{num} character ({name})">Δ</u>; tab: <u format="num-name">&#9;</u>; <u format="num">ᏚᎢ</u>.</t>
        """, expected: """
        1.  S

           U: "Δ" (GREEK CAPITAL LETTER DELTA, U+0394) and Δ (U+0394) and U+00E9
           ("é") and GREEK CAPITAL LETTER DELTA (U+0394) and U+0394 ("D").

           Use the U+0394 character (GREEK CAPITAL LETTER DELTA); tab: U+0009
           (U+0009); U+13DA U+13A2.
        """),
        Vector(rule: "a non-Latin contact name is followed by its ASCII form; an organisation stands for a nameless contact", body: """
        <t>Thanks to <contact fullname="ანა კიკაბიძე" asciiFullname="Ana Kikabidze"/>, <contact fullname="Jane Doe"/> and Org: <contact><organization>TEST</organization></contact>.</t>
        """, expected: """
        1.  S

           Thanks to ანა კიკაბიძე (Ana Kikabidze), Jane Doe and Org: TEST.
        """),
    ]

    static let blocks: [Vector] = [
        Vector(rule: "a displayed cref starts a line of its own with //, its source on a last line; display=false hides it", body: """
        <t>Before <cref anchor="c1">a short comment</cref> after the comment.</t>
        <t>Text <cref source="JD">This is a long comment line which extends well beyond the 72-character page width and wraps.</cref></t>
        <t><cref>Alone.</cref></t>
        <t>Hidden <cref display="false">not shown</cref> end.</t>
        <dl><dt>Term</dt><dd>Def <cref>in dd</cref></dd></dl>
        """, expected: """
        1.  S

           Before
           // a short comment after the comment.

           Text
           // This is a long comment line which extends well beyond the
           // 72-character page width and wraps.
           //
           // -- JD


           // Alone.

           Hidden end.

           Term  Def
              // in dd
        """),
        Vector(rule: "br breaks the line; two breaks leave an empty line, a leading one an empty first line", body: """
        <t>a<br/><br/>b</t><t><br/>x</t><t>y<br/></t>
        """, expected: """
        1.  S

           a

           b


           x

           y
        """),
        Vector(rule: "dl: a list opens on the next line, a nested dl shares the term's line, newline and compact spacing, indent, a first word too long for the term's line", body: """
        <dl><dt>Term</dt><dd><ul><li>x</li></ul></dd><dt>T2</dt><dd><dl><dt>Inner</dt><dd>Def.</dd></dl></dd><dt>T3</dt><dd><t>para one</t><t>para two</t></dd></dl>
        <dl newline="true" spacing="compact"><dt>Term1</dt><dd>Description one.</dd><dt>Term2</dt><dd>Description two.</dd></dl>
        <dl indent="8"><dt>A</dt><dd>short</dd><dt>Averyveryverylongterm</dt><dd>text</dd></dl>
        <dl><dt>Term</dt><dd>Supercalifragilisticexpialidocious-and-then-some-more-words-making-it-very-long</dd></dl>
        <ul spacing="compact"><li>one</li><li>two</li></ul>
        <ol spacing="compact" indent="6"><li>one</li><li>two</li></ol>
        """, expected: """
        1.  S

           Term
              *  x

           T2  Inner  Def.

           T3  para one

              para two

           Term1
              Description one.
           Term2
              Description two.

           A       short

           Averyveryverylongterm  text

           Term
              Supercalifragilisticexpialidocious-and-then-some-more-words-
              making-it-very-long

           *  one
           *  two

           1.    one
           2.    two
        """),
    ]

    static let figures: [Vector] = [
        Vector(rule: "tables are centred with a caption below; a table narrower than its caption is centred under it; figures get a centred caption; artwork is aligned, tab-expanded, and pulled left when wider than the page; code markers", body: """
        <table><thead><tr><th>A</th><th>Bee</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
        <table anchor="t2"><name>A named table</name><thead><tr><th>Column one</th><th>Column two</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
        <table align="left"><name>Left</name><tbody><tr><td>x</td></tr></tbody></table>
        <figure><name>The art</name><artwork><![CDATA[
        +--+
        |  |
        +--+
        ]]></artwork></figure>
        <figure><artwork align="center"><![CDATA[
        \ttab\tx
           
          indented
        ]]></artwork></figure>
        <figure><name>A very long figure title that goes on and on and on to show how xml2rfc folds a caption</name><artwork><![CDATA[
        012345678901234567890123456789012345678901234567890123456789012345678901234
        ]]></artwork></figure>
        <sourcecode markers="true" name="f.c">int x;</sourcecode>
        """, expected: """
        1.  S

                                        +===+=====+
                                        | A | Bee |
                                        +===+=====+
                                        | 1 | 2   |
                                        +---+-----+

                                          Table 1

                                +============+============+
                                | Column one | Column two |
                                +============+============+
                                | 1          | 2          |
                                +------------+------------+

                                   Table 2: A named table

               +---+
               | x |
               +---+

           Table 3: Left

           +--+
           |  |
           +--+

                                     Figure 1: The art

                                             tab     x

                                       indented

                                          Figure 2

        012345678901234567890123456789012345678901234567890123456789012345678901234

           Figure 3: A very long figure title that goes on and on and on to
                           show how xml2rfc folds a caption

           <CODE BEGINS> file "f.c"
           int x;
           <CODE ENDS>
        """),
    ]

    static let tables: [Vector] = [
        Vector(rule: "table columns as wide as their longest word, padded widest first, a tight column without spaces, right and centred cells, th in body rows ruled with =", body: """
        <table><name>Row headers, right alignment and a tight column</name><thead><tr><th>Value</th><th>Extension Name</th><th>TLS 1.3</th><th>Recommended</th><th>Reference</th></tr></thead>
        <tbody><tr><td align="right">57</td><td>quic_transport_parameters</td><td>CH, EE</td><td>Y</td><td>This document</td></tr></tbody></table>
        <table><thead><tr><th>Level</th><th align="center">Meaning</th></tr></thead><tbody>
        <tr><th>Low</th><td align="center">A rather long explanation of what this level means, long enough to wrap over several lines of the table</td></tr>
        <tr><th>High</th><td align="center">short</td></tr></tbody></table>
        """, expected: """
        1.  S

            +=======+===========================+===+=============+===========+
            | Value | Extension Name            |TLS| Recommended | Reference |
            |       |                           |1.3|             |           |
            +=======+===========================+===+=============+===========+
            |    57 | quic_transport_parameters |CH,| Y           | This      |
            |       |                           |EE |             | document  |
            +-------+---------------------------+---+-------------+-----------+

                  Table 1: Row headers, right alignment and a tight column

              +=======+=====================================================+
              | Level |                       Meaning                       |
              +=======+=====================================================+
              | Low   | A rather long explanation of what this level means, |
              |       | long enough to wrap over several lines of the table |
              +=======+-----------------------------------------------------+
              | High  |                        short                        |
              +=======+-----------------------------------------------------+

                                          Table 2
        """),
    ]

    @Test(arguments: tables) func tableLayouts(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    static let quotes: [Vector] = [
        Vector(rule: "blockquote with quotedFrom and cite, aside, blank lines keep their bar; SVG art replaced by where to see it", body: """
        <blockquote quotedFrom="Abraham Lincoln" cite="http://www.abrahamlincolnonline.org/lincoln/speeches/gettysburg.htm"><t>Four score and seven years ago.</t><t>Second.</t></blockquote>
        <aside><t>One.</t><t>Two.</t></aside>
        <figure><name>Logo</name><artwork type="svg" src="logo.svg"/></figure>
        """, expected: """
        1.  S

           |  Four score and seven years ago.
           |\u{20}\u{20}
           |  Second.
           |\u{20}\u{20}
           |  -- Abraham Lincoln
           |     http://www.abrahamlincolnonline.org/lincoln/speeches/
           |     gettysburg.htm

              |  One.
              |\u{20}\u{20}
              |  Two.

           (Artwork only available as SVG: see
           https://www.ietf.org/archive/id/None.html)

                                       Figure 1: Logo
        """),
    ]

    static let art: [Vector] = [
        Vector(rule: "art keeps a blank first line but no blank last line; in a list item it sits 3 in from the list, and an item opening with art has no marker", body: """
        <t>Before.</t>
        <artwork><![CDATA[
           \u{20}
        +--+
        |  |
           \u{20}
        ]]></artwork>
        <t>After.</t>
        <ol><li><t>Item text.</t><artwork><![CDATA[
          art in li
        ]]></artwork></li><li><artwork>first art</artwork></li></ol>
        """, expected: """
        1.  S

           Before.


           +--+
           |  |

           After.

           1.  Item text.

                art in li

              first art
        """),
    ]

    @Test(arguments: art) func artworkLayout(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    @Test(arguments: quotes) func quotesAndUnshowableArt(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    @Test(arguments: figures) func figuresAndTables(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    @Test(arguments: blocks) func blockRenderings(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    /// xml2rfc's derived text for every kind of xref target: nested paragraphs and items
    /// numbered as its preptool numbers them ("Paragraph 3.1", "Item 1.2.1"), a term by
    /// its section, comments, the abstract, a references section by the number xrefs keep
    /// when its heading is unnumbered, unnumbered appendices, displayreference names and
    /// markup in the xref's text.
    @Test func crossReferencesToEveryKindOfTarget() throws {
        let doc = try parseXML("""
        <rfc version="3"><front><title>T</title><author fullname="A B"/><abstract anchor="abs"><t>Abstract.</t></abstract></front>
        <middle><section><name>S</name>
        <t>Intro.</t>
        <ol type="REQ%d:"><li><t>outer</t><ol type="%p%d"><li anchor="inner">inner one</li><li>inner two</li></ol></li></ol>
        <blockquote><t anchor="bq1">quoted</t><ul anchor="bql"><li anchor="bqli">x</li></ul></blockquote>
        <dl><dt anchor="term">Term</dt><dd>Def <cref anchor="c1">a comment</cref></dd></dl>
        <t>Refs: <xref target="inner"/>; <xref target="bq1"/>; <xref target="bql"/>; <xref target="bqli"/>; <xref target="term"/>; <xref target="term" format="counter"/>; <xref target="term" format="title"/>; <xref target="c1"/>; <xref target="c1" format="title"/>; <xref target="abs"/>; <xref target="abs" format="title"/>; <xref target="refs"/>; <xref target="refs" format="title"/>; <xref target="ack"/>; <xref target="ack" format="title"/>; <xref target="R1"/>; <xref target="R1">the <em>ref</em></xref>; <xref target="sec2"/>.</t>
        </section>
        <section anchor="sec2" numbered="false"><name>Unnumbered</name><t>x</t></section>
        </middle><back>
        <displayreference target="R1" to="ONE"/>
        <references anchor="refs"><name>References</name><reference anchor="R1"><front><title>Ref one</title></front></reference></references>
        <section anchor="ack" numbered="false"><name>Acknowledgements</name><t>thanks</t></section>
        </back></rfc>
        """)
        let last = try #require(doc.sections.first?.blocks.last)
        #expect(TextRenderer.render(last) == """
           Refs: Section 1, Paragraph 2, Item 1.2.1; Section 1, Paragraph 3.1;
           Section 1, Paragraph 3.2; Section 1, Paragraph 3, Item 2.1;
           Section 1; 1; term; Comment c1; c1; Abstract; Abstract; Section 3;
           References; Appendix "Acknowledgements"; Acknowledgements; [ONE]; the
           _ref_ [ONE]; Section "Unnumbered".
        """)
        // The comment is no part of the running text.
        guard case .list(let dl)? = doc.sections.first?.blocks.dropLast().last, case .paragraph(let dd)? = dl.items.first?.blocks.first else {
            Issue.record("no definition list before the last paragraph")
            return
        }
        #expect(dd.content.plainText.whitespaceNormalized == "Def")
    }

    /// Authors first-name-last for the last, "Ed.", "and"; a non-Latin name with its ASCII
    /// form; RFC 1272 and earlier keep one initial; links derived from the series; drafts
    /// are "Work in Progress"; displayreference names; quoteTitle="false"; long labels on
    /// a line of their own.
    @Test func referenceEntriesAsXml2rfcListsThem() throws {
        let doc = try parseXML("""
        <rfc version="3"><front><title>T</title><author fullname="A B"/></front>
        <middle><section><name>S</name><t>See <xref target="NOQ"/>.</t></section></middle><back>
        <displayreference target="NOQ" to="DISPLAYED"/>
        <references><name>References</name>
        <reference anchor="ONE" target="https://www.rfc-editor.org/info/rfc5116"><front><title>An Interface and Algorithms for Authenticated Encryption</title><author initials="D." surname="McGrew" fullname="David McGrew"/><date year="2008" month="January"/></front><seriesInfo name="RFC" value="5116"/><seriesInfo name="DOI" value="10.17487/RFC5116"/></reference>
        <reference anchor="TWO"><front><title>ChaCha20 and Poly1305 for IETF Protocols</title><author initials="Y." surname="Nir"/><author initials="A." surname="Langley"/><date year="2018" month="6"/></front><seriesInfo name="RFC" value="8439"/></reference>
        <reference anchor="THREE"><front><title>QUIC Loss Detection</title><author initials="J." surname="Iyengar" role="editor"/><author fullname="Ian Swett" role="editor"/><author fullname="Jane Q Public"/><date year="2021" month="May" day="7"/></front><refcontent>Some report</refcontent><seriesInfo name="Internet-Draft" value="draft-ietf-quic-recovery-34"/><annotation>This is a note.</annotation></reference>
        <reference anchor="ORG" target="https://example.org/a-very-long/path/that-goes-on"><front><title>Org Document</title><author><organization>Example Org</organization></author><date/></front></reference>
        <reference anchor="I-D.ietf-quic-tls"><front><title>Using TLS</title><author fullname="奥 一穂" asciiFullname="Kazuho Oku"/><date year="2020"/></front></reference>
        <reference anchor="RFC0791"><front><title>Internet Protocol</title><author initials="J.B." surname="Postel"/><date year="1981" month="September"/></front><seriesInfo name="RFC" value="791"/></reference>
        <reference anchor="VERYLONGANCHORNAME"><front><title>Long</title><author fullname="X Y"/><date year="2000"/></front></reference>
        <reference anchor="NOQ" quoteTitle="false"><front><title>Unquoted</title><author fullname="Solo"/><date year="1999"/></front></reference>
        </references></back></rfc>
        """)
        let references = try #require(doc.section(numbered: "2"))
        #expect(TextRenderer.render(references) == """
        2.  References

           [ONE]      McGrew, D., "An Interface and Algorithms for Authenticated
                      Encryption", RFC 5116, DOI 10.17487/RFC5116, January 2008,
                      <https://www.rfc-editor.org/info/rfc5116>.

           [TWO]      Nir, Y. and A. Langley, "ChaCha20 and Poly1305 for IETF
                      Protocols", RFC 8439, June 2018,
                      <https://www.rfc-editor.org/rfc/rfc8439>.

           [THREE]    Iyengar, J., Ed., Swett, I., Ed., and J. Q Public, "QUIC
                      Loss Detection", Some report, Work in Progress, Internet-
                      Draft, draft-ietf-quic-recovery-34, 7 May 2021,
                      <https://datatracker.ietf.org/doc/html/draft-ietf-quic-
                      recovery-34>.  This is a note.

           [ORG]      Example Org, "Org Document",
                      <https://example.org/a-very-long/path/that-goes-on>.

           [I-D.ietf-quic-tls]
                      奥 一穂 (Oku, K.), "Using TLS", 2020.

           [RFC0791]  Postel, J., "Internet Protocol", RFC 791, September 1981,
                      <https://www.rfc-editor.org/rfc/rfc791>.

           [VERYLONGANCHORNAME]
                      Y, X, "Long", 2000.

           [DISPLAYED]
                      Solo, Unquoted, 1999.
        """)
        #expect(doc.sections.first?.paragraphs.first?.content.normalizedText == "See [DISPLAYED].")
    }

    @Test(arguments: inline) func inlineElements(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    static let orderedLists: [Vector] = [
        Vector(rule: "ol group numbers on across lists; start restarts it; the indent leaves room for the item count", body: """
        <ol group="g"><li>one</li><li>two</li></ol>
        <ol group="g"><li anchor="three">three</li></ol>
        <ol group="g" start="17"><li>seventeen</li><li>eighteen</li></ol>
        <ol group="g"><li>nineteen</li></ol>
        <t>Counter: <xref target="three" format="counter"/>.</t>
        """, expected: """
        1.  S

           1.  one

           2.  two

           3.  three

           17. seventeen

           18. eighteen

           19. nineteen

           Counter: 3.
        """),
        Vector(rule: "ol type templates (%c, %i) with start and group; a counter xref shows the label", body: """
        <ol type="REC%c" start="5"><li anchor="recf">e</li><li>f</li></ol>
        <ol type="(%i)" group="r"><li>i</li></ol>
        <ol type="(%i)" group="r"><li anchor="rii">ii</li></ol>
        <t>Counters: <xref target="recf" format="counter"/>, <xref target="rii" format="counter"/>.</t>
        """, expected: """
        1.  S

           RECe  e

           RECf  f

           (i)  i

           (ii) ii

           Counters: RECe, (ii).
        """),
        Vector(rule: "%p in a nested ol's type is the enclosing item's label", body: """
        <ol type="REQ%d:"><li><t>outer</t><ol type="%p%d"><li anchor="inner">inner one</li><li>inner two</li></ol></li></ol>
        <t>Counter: <xref target="inner" format="counter"/>; default: <xref target="inner"/>.</t>
        """, expected: """
        1.  S

           REQ1:  outer

                  REQ1:1  inner one

                  REQ1:2  inner two

           Counter: REQ1:1; default: Section 1, Paragraph 1, Item 1.2.1.
        """),
    ]

    @Test(arguments: orderedLists) func orderedListCounters(_ v: Vector) throws {
        #expect(try Self.renderSection(v.body, back: v.back) == v.expected)
    }

    @Test func v2ListCounterContinuesAcrossListsAndSections() throws {
        let doc = try parseXML("""
        <rfc><front><title>T</title></front><middle>
        <section title="A"><t>First: <list counter="reqs" hangIndent="4" style="format R%d"><t>#1</t><t>#2</t></list></t></section>
        <section title="B"><t>Then: <list counter="reqs" style="format R%d"><t>#3</t><t>#4</t><t>#5</t><t>#6</t><t>#7</t><t>#8</t><t>#9</t><t>#10</t></list></t></section>
        </middle></rfc>
        """)
        #expect(TextRenderer.render(doc.sections[0]) == """
        1.  A

           First:

           R1  #1

           R2  #2
        """)
        guard case .list(let list)? = doc.sections[1].blocks.last else {
            Issue.record("no list in section 2")
            return
        }
        #expect(list.items.map(\.marker) == ["R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"])
        // xml2rfc drops hangIndent on <ol>: the indent is room for "R" plus one digit.
        #expect(TextRenderer.render(.list(list), indent: 3).hasSuffix("   R9  #9\n\n   R10 #10"))
    }

    @Test func v2SpanxStylesMapAsXml2rfcConvertsThem() throws {
        let doc = try parseXML("""
        <rfc><front><title>T</title></front><middle><section title="S">
        <t>Verb <spanx style="verb">foo</spanx> and emph <spanx>bar</spanx> strong <spanx style="strong">baz</spanx> vbare <spanx style="vbare">q</spanx>.</t>
        </section></middle></rfc>
        """)
        #expect(TextRenderer.render(try #require(doc.sections.first)) == """
        1.  S

           Verb foo and emph _bar_ strong *baz* vbare _q_.
        """)
    }
}
