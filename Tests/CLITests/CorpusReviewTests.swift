import Foundation
import Testing
import TestSupport

/// `review --format jsonl FILE...`: one record per document, in the order given.
@Suite struct CorpusReviewTests {
    @Test func oneRecordPerDocumentInOrderAndErrorsAsRecords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.xml")
        try "<rfc><front>".write(to: bad, atomically: true, encoding: .utf8)
        let draft = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"
        let result = try runDraftcheck(["review", "--format", "jsonl", draft, bad.path, draft])
        #expect(result.status == 65, "a document that cannot be read makes the run 65")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.map { $0["file"] as? String } == [draft, bad.path, draft])
        let review = try #require(records[0]["review"] as? [String: Any])
        #expect(review["keywordCount"] != nil)
        #expect(lines[0] == lines[2], "the same document gives the same record")
        let error = try #require(records[1]["error"] as? [String: Any])
        #expect(error["code"] as? String == "malformedXML")
        #expect(error["exit"] as? Int == 65)
        #expect(error["message"] as? String == "\(bad.path):1:13: error: Premature end of data in tag front line 1")
        // The record is the review JSON on one line.
        let single = try runDraftcheck(["review", "--format", "json", draft])
        let pretty = try #require(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? NSDictionary)
        #expect(pretty == (review as NSDictionary))
    }

    @Test func severalDocumentsNeedJSONL() throws {
        let draft = "drafts/draft-ietf-ipsecme-ikev2bis-08.xml"
        let result = try runDraftcheck(["review", draft, draft])
        #expect(result.status == 64)
        #expect(result.stderr.contains("several documents need --format jsonl."))
    }
}
