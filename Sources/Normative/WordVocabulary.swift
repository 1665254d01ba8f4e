/// Statements' words as small integers, for comparing their sets of words (Dice): the
/// words of the matching form (`StatementIdentity.matchingKey`: lowercase ASCII letters and
/// digits, one space between), each numbered when first seen.
struct WordVocabulary {
    private var ids: [String: Int] = [:]

    /// The words of `text`, numbered, in ascending order. The matching form is ASCII, so
    /// it is split at its spaces byte by byte (splitting a String at a Character compared
    /// grapheme clusters: half of `history` on a large draft).
    mutating func tokens(_ text: String) -> [Int] {
        var key = StatementIdentity.matchingKey(text)
        var out: [Int] = []
        key.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                if i > start { out.append(id(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))) }
                start = i + 1
            }
        }
        out.sort()
        return out
    }

    private mutating func id(_ word: String) -> Int {
        if let id = ids[word] { return id }
        let id = ids.count
        ids[word] = id
        return id
    }
}
