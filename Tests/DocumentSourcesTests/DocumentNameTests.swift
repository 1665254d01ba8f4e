import DocumentSources
import Testing

/// What a command line argument names, and where the names resolve.
struct DocumentNameTests {
    @Test(arguments: [
        ("rfc7296", DocumentName.rfc(7296)),
        ("RFC 7296", .rfc(7296)),
        ("RFC7296", .rfc(7296)),
        ("draft-ietf-ipsecme-ikev2bis", .draft(name: "draft-ietf-ipsecme-ikev2bis", revision: nil)),
        ("draft-ietf-ipsecme-ikev2bis-08", .draft(name: "draft-ietf-ipsecme-ikev2bis", revision: 8)),
        ("draft-ietf-ipsecme-ikev2bis-11", .draft(name: "draft-ietf-ipsecme-ikev2bis", revision: 11)),
        // A last part of other than two digits is part of the name (as "4301bis" is).
        ("draft-richardson-ipsecme-4301bis", .draft(name: "draft-richardson-ipsecme-4301bis", revision: nil)),
        ("https://example.org/a/b.xml", .url("https://example.org/a/b.xml")),
    ])
    func names(text: String, name: DocumentName) {
        #expect(DocumentName(parsing: text) == name)
    }

    /// Files and words that are not names stay files, so the reader says they are missing.
    @Test(arguments: ["rfc7296.txt", "drafts/x.xml", "rfc", "rfcabc", "draft-", "draft-x", "Draft-Ietf-X-Y", "draft-a--b", "ftp://example.org/x", "https://", "notes.txt"])
    func notNames(text: String) {
        #expect(DocumentName(parsing: text) == nil)
    }

    @Test func indexNames() {
        #expect(DocumentName.rfc(7296).description == "rfc7296")
        #expect(DocumentName.draft(name: "draft-a-b", revision: 3).description == "draft-a-b-03")
    }

    /// XML first where published, text otherwise; bases without their trailing slash.
    @Test func candidateURLsFollowThePublishedLayouts() {
        let settings = SourceSettings(rfcBase: "https://r.example/rfc/", draftBase: "https://d.example/id", cacheDirectory: "/tmp/x", environment: [:])
        #expect(settings.candidateURLs(for: .rfc(7296)) == ["https://r.example/rfc/rfc7296.xml", "https://r.example/rfc/rfc7296.txt"])
        #expect(settings.candidateURLs(for: .draft(name: "draft-a-b", revision: 8)) == ["https://d.example/id/draft-a-b-08.xml", "https://d.example/id/draft-a-b-08.txt"])
    }

    @Test func defaultsAndEnvironment() {
        let defaults = SourceSettings(environment: ["HOME": "/home/u"])
        #expect(defaults.rfcBase == "https://www.rfc-editor.org/rfc")
        #expect(defaults.draftBase == "https://www.ietf.org/archive/id")
        #expect(defaults.cacheDirectory == "/home/u/.cache/draftcheck")
        #expect(defaults.timeout == 30)
        let environment = SourceSettings(environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "/xdg", "DRAFTCHECK_RFC_BASE": "http://127.0.0.1:1/rfc", "DRAFTCHECK_DRAFT_BASE": "http://127.0.0.1:1/id"])
        #expect(environment.cacheDirectory == "/xdg/draftcheck")
        #expect(environment.rfcBase == "http://127.0.0.1:1/rfc")
        #expect(environment.draftBase == "http://127.0.0.1:1/id")
        #expect(SourceSettings(environment: ["XDG_CACHE_HOME": "/xdg", "DRAFTCHECK_CACHE": "/c"]).cacheDirectory == "/c")
        // A flag beats the environment.
        #expect(SourceSettings(rfcBase: "http://flag/rfc", environment: ["DRAFTCHECK_RFC_BASE": "http://env/rfc"]).rfcBase == "http://flag/rfc")
    }
}
