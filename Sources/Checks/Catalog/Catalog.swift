/// The check catalog: every executable check draftcheck runs, in report order.
public enum Catalog {
    public static var all: [Check] {
        NarrowingChecks.all + TSWireChecks.all + PFKeyExtensionChecks.all + PFKeyMessageChecks.all
            + SPDChecks.all + SPDPolicyChecks.all + SeedChecks.all
    }

    /// The checks whose ids are given, in catalog order; unknown ids throw.
    public static func checks(ids: [String], in catalog: [Check] = all) throws(CheckError) -> [Check] {
        for id in ids where !catalog.contains(where: { $0.id == id }) {
            let close = closest(to: id, in: catalog.map(\.id))
            let hint = close.isEmpty ? " (draftcheck checks lists them)" : "; did you mean \(close.map { "\"\($0)\"" }.joined(separator: ", "))?"
            throw CheckError(.unknownCheck, "no check \"\(id)\" in the catalog\(hint)")
        }
        return catalog.filter { ids.contains($0.id) }
    }

    /// Up to three ids within an edit distance of a third of `id`'s length, nearest first,
    /// or those `id` is a part of.
    static func closest(to id: String, in ids: [String]) -> [String] {
        let limit = max(2, id.count / 3)
        let scored = ids.compactMap { candidate -> (String, Int)? in
            if candidate.contains(id) || id.contains(candidate) { return (candidate, 0) }
            let d = editDistance(Array(id.utf8), Array(candidate.utf8), limit: limit)
            return d <= limit ? (candidate, d) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    /// Levenshtein distance, stopping early once every entry of a row exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if row.min()! > limit { return limit + 1 }
            previous = row
        }
        return previous[b.count]
    }
}

extension Claim {
    /// RFC 5996 and RFC 7296 carry the same text in the sections the catalog quotes (2.9,
    /// 3.13): one claim for each, so both documents are judged.
    static func ikev2(_ relation: Relation, section: String, _ quote: String, rationale: String? = nil) -> [Claim] {
        ["RFC 5996", "RFC 7296"].map { Claim(relation, $0, section: section, quote, rationale: rationale) }
    }
}
