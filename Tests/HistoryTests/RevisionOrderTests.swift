import DraftDocument
import History
import Testing

/// Ordering revisions: within a draft series by -NN, RFCs by number, otherwise by the date
/// on the document; what nothing orders is an error that names both documents.
@Suite struct RevisionOrderTests {
    struct DateVector: CustomTestStringConvertible, Sendable {
        var text: String
        var date: DocumentDate?
        var testDescription: String { text }
    }

    @Test(arguments: [
        DateVector(text: "December 2005", date: DocumentDate(year: 2005, month: 12)),
        DateVector(text: "July 8, 2009", date: DocumentDate(year: 2009, month: 7, day: 8)),
        DateVector(text: "8 July 2009", date: DocumentDate(year: 2009, month: 7, day: 8)),
        DateVector(text: "March 2010", date: DocumentDate(year: 2010, month: 3)),
        DateVector(text: "2 March 2010", date: DocumentDate(year: 2010, month: 3, day: 2)),
        DateVector(text: "2010-03-02", date: DocumentDate(year: 2010, month: 3, day: 2)),
        DateVector(text: "Sept 2010", date: DocumentDate(year: 2010, month: 9)),
        DateVector(text: "2010", date: nil),
        DateVector(text: "March", date: nil),
        DateVector(text: "", date: nil),
    ])
    func datesAsFrontMatterWritesThem(_ v: DateVector) {
        #expect(DocumentDate(parsing: v.text) == v.date)
    }

    static func rfc(_ n: Int, _ date: String?) -> Metadata {
        Metadata(file: "rfc\(n).txt", format: .text, rfcNumber: n, title: "RFC \(n)", date: date)
    }

    static func draft(_ name: String, _ date: String?) -> Metadata {
        Metadata(file: name + ".txt", format: .text, docName: name, title: name, date: date)
    }

    @Test func theSeedSeriesSortsByDateAcrossSeriesAndByNumberWithin() throws {
        let given = [Self.rfc(7296, "October 2014"), Self.draft("draft-ietf-ipsecme-ikev2bis-08", "March 2010"),
                     Self.rfc(4306, "December 2005"), Self.rfc(5996, "September 2010"),
                     Self.draft("draft-ietf-ipsecme-ikev2bis-04", "July 8, 2009")]
        #expect(try RevisionOrder.sorted(given) == [2, 4, 1, 3, 0])
    }

    @Test func draftRevisionsNeedNoDateAndRFCsNoneEither() throws {
        #expect(try RevisionOrder.sorted([Self.draft("draft-a-b-10", nil), Self.draft("draft-a-b-02", nil), Self.draft("draft-a-b-09", nil)]) == [1, 2, 0])
        #expect(try RevisionOrder.sorted([Self.rfc(7296, nil), Self.rfc(4306, nil)]) == [1, 0])
    }

    @Test func aDraftComesBeforeTheRFCOfTheSameMonth() throws {
        #expect(try RevisionOrder.sorted([Self.rfc(5996, "September 2010"), Self.draft("draft-x-y-11", "September 2010")]) == [1, 0])
    }

    @Test func anotherSeriesWithoutADateCannotBeOrdered() {
        let error = #expect(throws: HistoryError.cannotOrder) {
            try RevisionOrder.sorted([Self.rfc(4306, "December 2005"), Self.draft("draft-ietf-ipsecme-ikev2bis-08", nil)])
        }
        #expect(error?.message == "cannot order draft-ietf-ipsecme-ikev2bis-08 and RFC 4306 (no date in draft-ietf-ipsecme-ikev2bis-08); give the revisions oldest first with --in-order")
    }

    @Test func aDateAgainstTheRevisionNumbersCannotBeOrdered() {
        // -05 dated before -04 and RFC 4306 between them: the revision numbers and the dates disagree.
        #expect(throws: HistoryError.cannotOrder) {
            try RevisionOrder.sorted([Self.draft("draft-a-b-05", "2001-01-01"), Self.rfc(4306, "December 2005"), Self.draft("draft-a-b-04", "2009-01-01")])
        }
    }

    @Test func theSameRevisionTwiceIsRefused() {
        #expect(throws: HistoryError.sameRevisionTwice) {
            try RevisionOrder.sorted([Self.draft("draft-a-b-05", nil), Self.draft("draft-a-b-05", "2001-01-01")])
        }
    }
}
