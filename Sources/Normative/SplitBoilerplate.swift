import DraftDocument

/// The requirements-language boilerplate cut in two by a page break the text reader could
/// not see through (or by a paragraph break in the source): the first part lists the
/// keywords and ends mid-sentence ("The key words "MUST", ... in this"), the next paragraph
/// says how they are interpreted ("document are to be interpreted as described in RFC 2119.").
/// Read as one paragraph, the boilerplate is recognised whole and its keywords are not
/// counted as requirements.
enum SplitBoilerplate {
    /// The two paragraphs joined with a space, when `first` ends in a keyword list without
    /// its interpretation and `second` begins with it; nil otherwise.
    static func joined(_ first: Paragraph, _ second: Paragraph) -> InlineText? {
        // Cheap tests first: this runs on every pair of paragraphs until the requirements
        // language is found, so most pairs must be turned away before any search.
        // "key word", "keyword" and "these words" all hold "word": most paragraphs have none.
        guard mentionsWord(first.content) else { return nil }
        let a = ExtractionRun.normalize(first.content).bytes
        guard let last = SentenceSegmenter.sentenceRanges(in: a).last else { return nil }
        // Cut mid-sentence: the list does not end with a full stop.
        guard let end = a[last].last, end != UInt8(ascii: "."), end != UInt8(ascii: "!"), end != UInt8(ascii: "?") else { return nil }
        let listing = Array(a[last])
        let keywords = KeywordScanner.occurrences(in: listing).count
        guard keywords >= 3, ExtractionRun.boilerplateForm(listing[...], keywords: keywords) == nil else { return nil }
        let lowerListing = LowercasedBytes(listing.map(Bytes.lower))
        guard ExtractionRun.namesKeyWords(lowerListing) || lowerListing.contains("these words") else { return nil }
        let b = ExtractionRun.normalize(second.content).bytes
        guard let next = SentenceSegmenter.sentenceRanges(in: b).first else { return nil }
        let lowerNext = LowercasedBytes(b[next].map(Bytes.lower))
        guard lowerNext.contains("interpreted as") || lowerNext.contains("described in") || lowerNext.contains("detailed in") else { return nil }
        var text = first.content
        let shift = text.plainText.utf8.count + 1
        text.append(Span(" "))
        text.append(contentsOf: second.content)
        if !first.content.lineStarts.isEmpty {
            text.lineStarts = first.content.lineStarts + second.content.lineStarts.map { .init(offset: $0.offset + shift, line: $0.line) }
        }
        return text
    }

    /// Whether "word" occurs in the text, any case, without building its plain text (a
    /// word cut between two spans counts).
    static func mentionsWord(_ text: InlineText) -> Bool {
        var finder = WordFinder()
        return text.spans.contains { span in
            if case .invisible = span.kind { return false }
            var t = span.text
            return t.withUTF8 { finder.feed($0) }
        }
    }

    /// Finds "word" in any case in bytes fed in pieces: every form of the boilerplate names
    /// its "key words", "keywords" or "these words".
    struct WordFinder {
        private static let word: [UInt8] = Array("word".utf8)
        private var matched = 0

        /// Whether "word" has ended in what was fed so far, this piece included.
        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < bytes.count {
                if matched == 0 {
                    // Nothing begun: straight on to the next "w" or "W" (this runs over
                    // every paragraph until the boilerplate is found).
                    while i < bytes.count, bytes[i] | 0x20 != 0x77 { i += 1 }
                    guard i < bytes.count else { return false }
                    matched = 1
                    i += 1
                    continue
                }
                let l = Bytes.lower(bytes[i])
                i += 1
                if l == Self.word[matched] {
                    matched += 1
                    if matched == Self.word.count { return true }
                } else {
                    matched = l == Self.word[0] ? 1 : 0
                }
            }
            return false
        }
    }
}
