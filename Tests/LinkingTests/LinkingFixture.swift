import Checks
import DraftDocument
import Foundation
import Linking

/// A small xml2rfc v3 draft and checks whose outcome is chosen: the real Linker runs over
/// real statements (Normative) of a real parsed document; only the checks are made up,
/// each a real `Check` whose body passes, fails, throws or records nothing.
enum LinkingFixture {
    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rfc docName="draft-test-linking-03" category="std" version="3" ipr="trust200902" submissionType="IETF">
      <front>
        <title>Linking Status Test</title>
        <author fullname="Test Author"><organization>Test</organization></author>
        <date year="2026" month="December" day="3"/>
        <abstract><t>A document for the linking tests.</t></abstract>
      </front>
      <middle>
        <section><name>Rules</name>
          <t>The sender MUST set the reserved field to zero. The receiver MUST ignore the reserved field on receipt. An implementation SHOULD log each unknown extension type it meets. The kernel MAY refuse a message whose length field disagrees with the bytes.</t>
          <t>A key manager MUST answer each \u{201C}acquire\u{201D} within thirty seconds. Peers MUST NOT send two selectors of one type.</t>
        </section>
        <section><name>Other</name>
          <t>Responders MUST reply with TS_UNACCEPTABLE when no selector is acceptable.</t>
        </section>
      </middle>
    </rfc>
    """

    static let document: Document = {
        // The fixture is fixed text: a failure to read it is a bug in the test itself.
        try! DocumentReader.read(data: Data(xml.utf8), path: "draft-test-linking-03.xml")
    }()

    static let reserved = "The sender MUST set the reserved field to zero."
    static let ignore = "The receiver MUST ignore the reserved field on receipt."
    static let log = "An implementation SHOULD log each unknown extension type it meets."
    static let refuse = "The kernel MAY refuse a message whose length field disagrees with the bytes."
    static let acquire = "A key manager MUST answer each \u{201C}acquire\u{201D} within thirty seconds."
    static let twoSelectors = "Peers MUST NOT send two selectors of one type."
    static let unacceptable = "Responders MUST reply with TS_UNACCEPTABLE when no selector is acceptable."

    enum Behaviour { case passes, fails, throwsError, recordsNothing }

    struct Thrown: Error {}

    static func check(_ id: String, _ behaviour: Behaviour, _ claims: [Claim]) -> Check {
        Check(id: id, title: id, topic: .pfkey, dialects: [], claims: claims) { ctx in
            switch behaviour {
            case .passes: ctx.expect("value", 1, equals: 1)
            case .fails: ctx.expect("value", 1, equals: 2)
            case .throwsError: throw Thrown()
            case .recordsNothing: ctx.note("nothing expected")
            }
        }
    }

    static func claim(_ relation: Claim.Relation, _ quote: String, section: String = "1", document: String = "draft-test-linking") -> Claim {
        Claim(relation, document, section: section, quote)
    }

    /// Links the fixture document against `checks`, run for real.
    static func link(_ checks: [Check]) -> LinkedDocument {
        Linker(run: CatalogRun.run(checks)).link(document)
    }

    static func status(of text: String, in linked: LinkedDocument) -> StatementStatus? {
        linked.statements.first { $0.statement.text == text }?.status
    }
}
