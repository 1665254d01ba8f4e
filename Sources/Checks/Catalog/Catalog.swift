/// The check catalog: every executable check draftcheck runs, in report order.
public enum Catalog {
    public static var all: [Check] {
        NarrowingChecks.all + TSWireChecks.all + PFKeyExtensionChecks.all + PFKeyMessageChecks.all
            + SPDChecks.all + SeedChecks.all
    }

    /// The checks whose ids are given, in catalog order; unknown ids throw.
    public static func checks(ids: [String], in catalog: [Check] = all) throws(CheckError) -> [Check] {
        for id in ids where !catalog.contains(where: { $0.id == id }) {
            throw CheckError(.unknownCheck, "no check \"\(id)\" in the catalog")
        }
        return catalog.filter { ids.contains($0.id) }
    }
}

extension Claim {
    /// RFC 5996 and RFC 7296 carry the same text in the sections the catalog quotes (2.9,
    /// 3.13): one claim for each, so both documents are judged.
    static func ikev2(_ relation: Relation, section: String, _ quote: String, rationale: String? = nil) -> [Claim] {
        ["RFC 5996", "RFC 7296"].map { Claim(relation, $0, section: section, quote, rationale: rationale) }
    }
}
