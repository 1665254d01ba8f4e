import DraftDocument
import Linking

/// A document's date as its front matter writes it ("December 2005", "July 8, 2009",
/// "8 July 2009", "March 2010", "2010-03-02"), reduced to what orders revisions.
public struct DocumentDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// Nil when only the month is given (RFCs).
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"]

    /// Nil when the text names no month and year.
    public init?(parsing text: String) {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        // ISO form first: 2010-03-02.
        if words.count == 3, words[0].count == 4, let y = Int(words[0]), let m = Int(words[1]), let d = Int(words[2]), (1...12).contains(m), (1...31).contains(d) {
            self.init(year: y, month: m, day: d)
            return
        }
        var year: Int?, month: Int?, day: Int?
        for w in words {
            if let n = Int(w) {
                if w.count == 4, n >= 1900, n < 3000 { year = n } else if (1...31).contains(n), day == nil { day = n }
            } else if w.count >= 3, let i = Self.months.firstIndex(where: { $0.hasPrefix(w) }) {
                month = i + 1
            }
        }
        guard let year, let month else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (a: DocumentDate, b: DocumentDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }

    /// "2009-07-08", "2005-12".
    public var description: String {
        let ym = "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
        guard let day else { return ym }
        return ym + "-" + (day < 10 ? "0" : "") + "\(day)"
    }
}

/// Puts the revisions of one document series in order: within one draft series by the
/// draft's -NN, RFCs by number, otherwise by date (a draft before the RFC of the same
/// month: an RFC is published after its last draft). A pair none of these orders (another
/// series and a date missing), or that they order against each other, is an error: the
/// reader gives the order with `--in-order`.
public enum RevisionOrder {
    struct Key {
        var identity: DocumentIdentity
        var date: DocumentDate?
        var rfc: Int?
        var draftRevision: Int?
        var name: String
    }

    static func key(_ metadata: Metadata) -> Key {
        let identity = DocumentIdentity(metadata)
        return Key(identity: identity, date: metadata.date.flatMap(DocumentDate.init(parsing:)), rfc: metadata.rfcNumber,
                   draftRevision: metadata.rfcNumber == nil ? identity.revision.flatMap { Int($0) } : nil,
                   name: identity.description)
    }

    /// True when `a` comes before `b`, false when after, nil when nothing says.
    static func precedes(_ a: Key, _ b: Key) -> Bool? {
        if let ra = a.draftRevision, let rb = b.draftRevision, a.identity.series == b.identity.series, ra != rb { return ra < rb }
        if let na = a.rfc, let nb = b.rfc, na != nb { return na < nb }
        if let da = a.date, let db = b.date {
            if da != db { return da < db }
            if (a.rfc == nil) != (b.rfc == nil) { return a.rfc == nil }
        }
        return nil
    }

    /// The indices of `metadata` oldest first. Throws `cannotOrder` or `sameRevisionTwice`.
    public static func sorted(_ metadata: [Metadata]) throws -> [Int] {
        try checkDistinct(metadata)
        let keys = metadata.map(key)
        var order: [Int] = []
        // Insertion: each document goes before the first placed one it precedes; then every
        // pair is checked, so a date that contradicts a revision number is caught.
        for i in keys.indices {
            var position = order.count
            for (p, j) in order.enumerated() {
                guard let before = precedes(keys[i], keys[j]) else {
                    throw cannotOrder(keys[i], keys[j])
                }
                if before { position = p; break }
            }
            order.insert(i, at: position)
        }
        for (p, i) in order.enumerated() {
            for j in order[(p + 1)...] {
                guard let before = precedes(keys[i], keys[j]) else { throw cannotOrder(keys[i], keys[j]) }
                guard before else {
                    throw HistoryError(.cannotOrder, "cannot order \(keys[i].name) and \(keys[j].name): their dates and numbers disagree; give the revisions oldest first with --in-order")
                }
            }
        }
        return order
    }

    /// Throws `sameRevisionTwice` when two documents are the same revision.
    public static func checkDistinct(_ metadata: [Metadata]) throws {
        let keys = metadata.map(key)
        for i in keys.indices {
            for j in keys.indices where j > i && keys[i].identity == keys[j].identity {
                throw HistoryError(.sameRevisionTwice, "\(keys[i].name) is given twice (\(metadata[i].file), \(metadata[j].file)); give each revision once")
            }
        }
    }

    static func cannotOrder(_ a: Key, _ b: Key) -> HistoryError {
        let missing = [a, b].filter { $0.date == nil }.map(\.name)
        let why = missing.isEmpty ? "same date, no revision or RFC number between them" : "no date in \(missing.joined(separator: " and "))"
        return HistoryError(.cannotOrder, "cannot order \(a.name) and \(b.name) (\(why)); give the revisions oldest first with --in-order")
    }
}
