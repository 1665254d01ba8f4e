import DraftDocument
import Foundation
import Normative
import Testing

/// A list item with no subject of its own ("MUST be able to ...") reads on from the
/// sentence that introduces its list; the statement keeps its own text and id, and says
/// its lead-in.
@Suite struct LeadInTests {
    static let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <rfc version="3" docName="draft-test-leadin-00" ipr="trust200902"><front><title>Lead-ins</title></front><middle>
        <section><name>Requirements</name>
        <t>See the list. A server compliant with this specification:</t>
        <ol>
        <li>MUST be able to parse the general form.</li>
        <li>The server SHOULD log each request.</li>
        <li>rejects a bad one; it MUST NOT crash.</li>
        <li><t>serves clients. A client:</t><ul><li>MAY retry once.</li></ul></li>
        </ol>
        <t>Nothing introduces this list.</t>
        <ul><li>MUST stand alone.</li></ul>
        </section></middle></rfc>
        """

    static let text = """
        1.  Requirements

           A server compliant with this specification:

              1. MUST be able to receive and parse the general form of an
                 extended response
              2. The server SHOULD log each request.

           A generator compliant with this specification:

              o  SHOULD generate words in upper case

        """

    @Test func anItemWithNoSubjectNamesItsListsLeadIn() throws {
        let analysis = try Fixture.analyze(Self.xml, path: "lead.xml")
        #expect(analysis.statements.map(\.text) == [
            "MUST be able to parse the general form.",
            "The server SHOULD log each request.",
            "rejects a bad one; it MUST NOT crash.",
            "MAY retry once.",
            "MUST stand alone.",
        ])
        #expect(analysis.statements.map(\.leadIn) == [
            "A server compliant with this specification:",
            nil,
            "A server compliant with this specification:",
            "A client:",
            nil,
        ])
        // The lead-in is no part of the id: the same item under another lead-in keeps it.
        let plain = try Fixture.analyze(Self.xml.replacingOccurrences(of: "A server compliant with this specification:", with: "Servers."), path: "lead.xml")
        #expect(plain.statements.map(\.id) == analysis.statements.map(\.id))
        #expect(plain.statements[0].leadIn == nil)
    }

    @Test func theTextReadersListsTakeTheirLeadInsToo() throws {
        let analysis = try Fixture.analyze(Self.text, path: "lead.txt")
        #expect(analysis.statements.map { "\($0.leadIn ?? "-") | \($0.text)" } == [
            "A server compliant with this specification: | MUST be able to receive and parse the general form of an extended response",
            "- | The server SHOULD log each request.",
            "A generator compliant with this specification: | SHOULD generate words in upper case",
        ])
    }

    /// A sentence its list goes on, no stop before the list (RFC 1812 4.2.3.1: "... is an IP
    /// broadcast.  A router" over "(1) MUST treat as IP broadcasts ..."), is the items'
    /// lead-in; a paragraph ending in a stop is none.
    @Test func aSentenceCutByItsListIsTheLeadIn() throws {
        let text = """
            1.  Broadcasts

               Some addresses indicate that a packet is an IP broadcast.  A router

               (1) MUST treat as IP broadcasts packets addressed to
                   255.255.255.255.

               (2) SHOULD silently discard on receipt any packet addressed to
                   0.0.0.0.

               Nothing introduces this list.

               (1) MUST stand alone.

            """
        let analysis = try Fixture.analyze(text, path: "cut.txt")
        #expect(analysis.statements.map { "\($0.leadIn ?? "-") | \($0.text)" } == [
            "A router | MUST treat as IP broadcasts packets addressed to 255.255.255.255.",
            "A router | SHOULD silently discard on receipt any packet addressed to 0.0.0.0.",
            "- | MUST stand alone.",
        ])
    }

    /// A defined term is the lead-in of its definition ("REQUIRED." under "grant_type",
    /// RFC 6749), a label the paragraph opens with is the lead-in of its later sentences
    /// ("Critical (1 bit) - ... MUST be set to one ...", RFC 7296 3.2), and a keyword alone
    /// said of nothing (RFC 1938 lists "- MUST" over its definition) is counted but is no
    /// statement. A term that states a requirement is read as prose (RFC 9513 2's `<dt>`
    /// over an empty `<dd>`); a keyword that is part of a name ("PASSWORD-REQUIRED", an
    /// error code of RFC 9271) is counted and requires nothing, as is a term with no words
    /// of prose ("MAY ( cn $", the half of an LDAP definition).
    static let terms = """
        <?xml version="1.0" encoding="utf-8"?>
        <rfc version="3" docName="draft-test-terms-00" ipr="trust200902"><front><title>Terms</title></front><middle>
        <section><name>Parameters</name>
        <t>The client sends the following parameters:</t>
        <dl><dt>grant_type</dt><dd>REQUIRED.  Value MUST be set to "password".</dd><dt>5</dt><dd>may-postdate MUST be set.</dd><dt>Other flags are reserved. They MUST be set to 0.</dt><dd/><dt>PASSWORD-REQUIRED</dt><dd>The client has not sent one.</dd><dt>MAY ( cn $</dt><dd>description )</dd></dl>
        <ul><li>Critical (1 bit) - MUST be set to zero if the sender wants the recipient to skip this payload.  MUST be set to one otherwise.</li></ul>
        <t>These words are:</t>
        <ul><li>MUST</li><li>SHOULD</li></ul>
        </section></middle></rfc>
        """

    @Test func termsAndLabelsAreLeadInsAndAKeywordAloneIsNoStatement() throws {
        let analysis = try Fixture.analyze(Self.terms, path: "terms.xml")
        #expect(analysis.statements.map { "\($0.leadIn ?? "-") | \($0.text)" } == [
            "grant_type | REQUIRED.",
            "- | Value MUST be set to \"password\".",
            // A term with no letter is no subject: the list's lead-in stands.
            "The client sends the following parameters: | may-postdate MUST be set.",
            "- | They MUST be set to 0.",
            "- | Critical (1 bit) - MUST be set to zero if the sender wants the recipient to skip this payload.",
            "Critical (1 bit) | MUST be set to one otherwise.",
        ])
        #expect(analysis.keywordCount == 10)
    }
}
