import DraftDocument
import Foundation
import Normative
import Testing

/// The description strings of modules are prose: a MIB object's DESCRIPTION clause (RFC
/// 2578) and a YANG node's description statement (RFC 7950) say what an implementation
/// MUST do, though the figure around them is code.
@Suite struct ModuleDescriptionTests {
    /// A MIB module printed in text: the first object's description has two paragraphs, so
    /// blank lines fall inside its string (two of them: the figure keeps one, and each line
    /// keeps its own number in the source).
    static let mib = """
        1.  Definitions

           spdEgressPolicy OBJECT-TYPE
               SYNTAX      SpdPolicyGroupName
               MAX-ACCESS  read-write
               STATUS      current
               DESCRIPTION
                   "This object indicates the policy group applied
                    to egress packets.  An implementation MUST apply it
                    before any interface policy.


                    A value of zero SHOULD be read as no policy."
               DEFVAL { "" }
               ::= { spdConfigObjects 1 }

           SpdTime ::= TEXTUAL-CONVENTION
               STATUS      current
               DESCRIPTION
                   "A time of day -- not a comment.
                    It MAY be empty."
               SYNTAX      OCTET STRING (SIZE (0..16))

        """

    @Test func mibDescriptionsAreStatementsAcrossBlankLines() throws {
        let analysis = try Fixture.analyze(Self.mib, path: "mib.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.text)" } == [
            "9 An implementation MUST apply it before any interface policy.",
            "13 A value of zero SHOULD be read as no policy.",
            "21 It MAY be empty.",
        ])
        #expect(analysis.keywordCount == 3)
        // The object is one figure, its blank line kept, shown as printed.
        let document = try DocumentReader.read(data: Data(Self.mib.utf8), path: "mib.txt")
        guard case .figure(let figure)? = document.sections[0].blocks.first else {
            Issue.record("no figure: \(document.sections[0].blocks)")
            return
        }
        #expect(figure.verbatim.split(separator: "\n", omittingEmptySubsequences: false).count == 12)
        #expect(figure.verbatim.hasSuffix("      A value of zero SHOULD be read as no policy.\"\n    DEFVAL { \"\" }\n    ::= { spdConfigObjects 1 }"))
    }

    /// A page break inside a description's paragraph joins its lines as in a paragraph of
    /// prose: the sentence over it is one (the line above the break is short enough to
    /// have ended a paragraph, so the break ends the chunk and the string joins it).
    @Test func aPageBreakInsideADescriptionJoinsItsSentence() throws {
        let text = """
            Internet-Draft              Example MIB                    December 2010


            1.  Definitions

               fooObject OBJECT-TYPE
                   SYNTAX      Integer32
                   DESCRIPTION
                       "The first paragraph.

                        If an implementation keeps counters per entry (i.e., not
                        broken out per interface), the



            Doe                       Expires June 2011                 [Page 1]
            \u{0C}
            Internet-Draft              Example MIB                    December 2010


                        value MUST be the sum of the entries."
                   ::= { x 1 }

            """
        let analysis = try Fixture.analyze(text, path: "page.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.text)" } == [
            "11 If an implementation keeps counters per entry (i.e., not broken out per interface), the value MUST be the sum of the entries.",
        ])
    }

    /// A quote no later chunk closes joins nothing, and prose out at the object's margin
    /// ends the search even when it holds a quote: the chunks stay as they were.
    @Test func aStringNeverClosedJoinsNothing() throws {
        let text = """
            1.  Definitions

               fooObject OBJECT-TYPE
                   SYNTAX      Integer32
                   DESCRIPTION
                       "Unclosed.

               The peer MUST send "it".

                       And then "this".

            """
        let analysis = try Fixture.analyze(text, path: "open.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.text)" } == ["8 The peer MUST send \"it\"."])
    }

    /// YANG: double-quoted strings with escapes, single-quoted ones, strings joined with "+",
    /// comments; a description's subject is the statement whose block holds it.
    static let yang = """
        module ietf-example {
          yang-version 1.1;
          namespace "urn:ietf:params:xml:ns:yang:ietf-example";
          prefix ex;
          container flows {
            description
              "Flows protected by IPsec.";
            leaf enable {
              type boolean;
              default "true";
              description
                "Enables the flows.  When 'false', the server MUST drop
                 every packet of the flow.

                 A client SHOULD NOT set it to 'false' during a rekey.";
            }
            leaf-list selector {
              type string { pattern '[a-z]+"'; }
              description
                'Traffic Selectors; "any" MUST NOT appear.';
            }
            leaf note {
              type string;
              description "The server " +
                "MAY ignore the \\"note\\" leaf.";
              // The server MUST keep this comment.
            }
          }
        }
        """

    @Test func yangDescriptionsAreReadWithTheirNode() {
        let read = ModuleStringScanner.descriptions(in: Self.yang)
        #expect(read.map { $0.subject ?? "-" } == ["container flows", "leaf enable", "leaf-list selector", "leaf note"])
        #expect(read.map { $0.paragraphs.map(\.text) } == [
            ["Flows protected by IPsec."],
            ["Enables the flows.  When 'false', the server MUST drop every packet of the flow.",
             "A client SHOULD NOT set it to 'false' during a rekey."],
            ["Traffic Selectors; \"any\" MUST NOT appear."],
            ["The server MAY ignore the \"note\" leaf."],
        ])
        #expect(read[1].paragraphs.map(\.line) == [11, 14])
        #expect(read[1].paragraphs[0].lineStarts.map(\.line) == [11, 12])
    }

    /// A v3 draft: `prose`, then the module in a `<sourcecode>`.
    static func xmlDraft(prose: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc docName="draft-example-yang-00" version="3">
          <front><title>YANG</title></front>
          <middle>
            <section><name>Module</name>
              \(prose)
              <sourcecode type="yang" markers="true" name="ietf-example@2020-12-01.yang"><![CDATA[
        \(Self.yang)
        ]]></sourcecode>
            </section>
          </middle>
        </rfc>
        """
    }

    @Test func yangInXMLSourcecodeIsReadInSourceOrder() throws {
        let xml = Self.xmlDraft(prose: "<t>The server MUST load the module.</t>")
        let analysis = try Fixture.analyze(xml, path: "yang.xml")
        #expect(analysis.statements.map { "\($0.position.line) \($0.text)" } == [
            "6 The server MUST load the module.",
            "19 When 'false', the server MUST drop every packet of the flow.",
            "22 A client SHOULD NOT set it to 'false' during a rekey.",
            "27 Traffic Selectors; \"any\" MUST NOT appear.",
            "31 The server MAY ignore the \"note\" leaf.",
            "33 The server MUST keep this comment.",
        ])
        #expect(analysis.keywordCount == 6)
    }

    /// A document that tags its keywords with `<bcp14>` cannot tag those of code: its
    /// comments and descriptions are requirements all the same, and no keyword of theirs is
    /// "outside <bcp14>".
    @Test func codeInATaggedDocumentNeedsNoTags() throws {
        let xml = Self.xmlDraft(prose: "<t>The server <bcp14>MUST</bcp14> load the module; a MAY here is untagged.</t>")
        let analysis = try Fixture.analyze(xml, path: "tagged.xml")
        #expect(analysis.statements.map { "\($0.position.line) \($0.levels.map(\.rawValue)) \($0.text)" } == [
            "6 [\"MUST\"] The server MUST load the module; a MAY here is untagged.",
            "19 [\"MUST\"] When 'false', the server MUST drop every packet of the flow.",
            "22 [\"SHOULD NOT\"] A client SHOULD NOT set it to 'false' during a rekey.",
            "27 [\"MUST NOT\"] Traffic Selectors; \"any\" MUST NOT appear.",
            "31 [\"MAY\"] The server MAY ignore the \"note\" leaf.",
            "33 [\"MUST\"] The server MUST keep this comment.",
        ])
        #expect(analysis.findings.filter { $0.code == .untaggedKeyword }.map(\.location.line) == [6])
    }

    /// A description is prose whatever it holds: a paragraph about the SPD is a topical
    /// statement, and a lowercase "should" is pointed out as it is in prose.
    @Test func descriptionsAreProseWithoutKeywordsToo() throws {
        let text = """
            1.  Introduction

               The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL
               NOT", "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED",
               "MAY", and "OPTIONAL" in this document are to be interpreted as
               described in BCP 14 [RFC2119] [RFC8174] when, and only when, they
               appear in all capitals, as shown here.

            2.  Module

               The server MUST implement the module.

                 leaf spd-entry {
                   type string;
                   description
                     "The name of the SPD entry.

                      An implementation should keep it short.";
                 }

            """
        let analysis = try Fixture.analyze(text, path: "spd.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.topics.map(\.rawValue)) \($0.text)" } == [
            "11 [] The server MUST implement the module.",
            "16 [\"spd\"] The name of the SPD entry.",
        ])
        #expect(analysis.findings.filter { $0.code == .lowercaseKeyword }.map(\.location.line) == [18])
        #expect(analysis.keywordCount == 1)
    }

    /// The requirements-language boilerplate a YANG module's description repeats names the
    /// keywords and requires nothing: its keywords are not counted (the figure's were).
    @Test func theBoilerplateInAModuleIsNotCounted() throws {
        let text = """
            1.  Module

               module ietf-x {
                 description
                   "This module defines x.

                    The key words 'MUST', 'MUST NOT', 'REQUIRED', 'SHALL', 'SHALL
                    NOT', 'SHOULD', 'SHOULD NOT', 'RECOMMENDED', 'NOT RECOMMENDED',
                    'MAY', and 'OPTIONAL' in this document are to be interpreted as
                    described in BCP 14 (RFC 2119) (RFC 8174) when, and only when,
                    they appear in all capitals, as shown here.";
                 leaf a {
                   description
                     "A server MUST keep it.";
                 }
               }

            """
        let analysis = try Fixture.analyze(text, path: "bp.txt")
        #expect(analysis.statements.map { "\($0.position.line) \($0.text)" } == ["14 A server MUST keep it."])
        #expect(analysis.keywordCount == 1)
        #expect(analysis.requirementsLanguage?.form == .rfc8174)
    }

    /// SMI's strings hold no escapes and no single-quoted strings ("'0F'H" is a value);
    /// "--" outside a string starts a comment, whose quotes open nothing.
    @Test func smiStringsAndComments() {
        let module = """
            ipsecGroup OBJECT-GROUP
                -- the "groups" of "this module
                OBJECTS { a, b }
                STATUS  current
                DESCRIPTION "Path C:\\ MUST be 'quoted'."
                ::= { 1 }
            MODULE-COMPLIANCE
                GROUP ipsecGroup
                DESCRIPTION
                    "This group is REQUIRED."
            """
        let read = ModuleStringScanner.descriptions(in: module)
        #expect(read.map { $0.subject ?? "-" } == ["ipsecGroup OBJECT-GROUP", "GROUP ipsecGroup"])
        #expect(read.map { $0.paragraphs.map(\.text) } == [["Path C:\\ MUST be 'quoted'."], ["This group is REQUIRED."]])
    }
}
