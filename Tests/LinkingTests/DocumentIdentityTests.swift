import Linking
import Testing

/// Every form README "Checks" lists for naming a document, and what is not a document.
@Suite struct DocumentIdentityTests {
    static let forms: [(String, String, String?)] = [
        ("RFC 5996", "rfc5996", nil),
        ("rfc5996", "rfc5996", nil),
        ("RFC5996", "rfc5996", nil),
        ("rfc-5996", "rfc5996", nil),
        ("[RFC5996]", "rfc5996", nil),
        ("rfc5996.txt", "rfc5996", nil),
        ("../shared/corpus/rfc5996.txt", "rfc5996", nil),
        ("https://www.rfc-editor.org/rfc/rfc5996.txt", "rfc5996", nil),
        ("https://www.rfc-editor.org/rfc/rfc5996.html#section-2.9", "rfc5996", nil),
        ("https://www.rfc-editor.org/info/rfc5996", "rfc5996", nil),
        ("https://datatracker.ietf.org/doc/rfc5996/", "rfc5996", nil),
        ("https://datatracker.ietf.org/doc/html/rfc5996", "rfc5996", nil),
        ("draft-ietf-ipsecme-ikev2bis", "draft-ietf-ipsecme-ikev2bis", nil),
        ("draft-ietf-ipsecme-ikev2bis-08", "draft-ietf-ipsecme-ikev2bis", "08"),
        ("Draft-IETF-IPsecME-IKEv2bis-04.txt", "draft-ietf-ipsecme-ikev2bis", "04"),
        ("drafts/draft-ietf-ipsecme-ikev2bis-08.xml", "draft-ietf-ipsecme-ikev2bis", "08"),
        ("https://datatracker.ietf.org/doc/draft-ietf-ipsecme-ikev2bis/", "draft-ietf-ipsecme-ikev2bis", nil),
        ("https://datatracker.ietf.org/doc/draft-ietf-ipsecme-ikev2bis/08/", "draft-ietf-ipsecme-ikev2bis", "08"),
        ("https://datatracker.ietf.org/doc/html/draft-ietf-ipsecme-ikev2bis-08", "draft-ietf-ipsecme-ikev2bis", "08"),
        ("https://www.ietf.org/archive/id/draft-ietf-ipsecme-ikev2bis-08.txt", "draft-ietf-ipsecme-ikev2bis", "08"),
    ]

    @Test(arguments: 0..<forms.count)
    func parses(index: Int) throws {
        let (raw, series, revision) = Self.forms[index]
        let identity = try #require(DocumentIdentity(parsing: raw), "\(raw)")
        #expect(identity.series == series, "\(raw)")
        #expect(identity.revision == revision, "\(raw)")
    }

    @Test func theRFCFormsAreOneDocument() {
        let all = Self.forms.filter { $0.1 == "rfc5996" }.compactMap { DocumentIdentity(parsing: $0.0) }
        #expect(Set(all).count == 1)
        #expect(all.first?.description == "RFC 5996")
    }

    @Test func twoRevisionsAreOneSeriesAndTwoDocuments() throws {
        let a = try #require(DocumentIdentity(parsing: "draft-ietf-ipsecme-ikev2bis-08"))
        let b = try #require(DocumentIdentity(parsing: "draft-ietf-ipsecme-ikev2bis-04"))
        #expect(a.isSameSeries(as: b))
        #expect(a != b)
        #expect(a.description == "draft-ietf-ipsecme-ikev2bis-08")
        #expect(!a.isSameSeries(as: try #require(DocumentIdentity(parsing: "RFC 7296"))))
    }

    @Test(arguments: ["", "   ", "hello", "rfc", "rfc0", "RFC X", "https://example.com/", "ietf.org/some/page"])
    func namesNoDocument(raw: String) {
        #expect(DocumentIdentity(parsing: raw) == nil, "\(raw)")
    }

    @Test func aParsedDocumentIsIdentifiedByItsMetadata() {
        let identity = DocumentIdentity(LinkingFixture.document.metadata)
        #expect(identity == DocumentIdentity(series: "draft-test-linking", revision: "03"))
    }
}
