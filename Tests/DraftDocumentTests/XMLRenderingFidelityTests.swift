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
