import Dispatch
import DraftDocument

/// One document's pass: collects statements, counts and findings.
struct ExtractionRun {
    let document: Document
    let topics: TopicTable
    let matcher: TopicMatcher
    let series: String
    let tagged: Bool
    var statements: [Statement] = []
    var keywordCount = 0
    var keywordCounts = KeywordTally()
    var findings: [NormativeFinding] = []
    var lowercaseCandidates: [NormativeFinding] = []
    var requirementsLanguage: RequirementsLanguage?
    var firstKeywordLocation: SourceLocation?
    /// Each statement's id as a number, for numbering repeats: the section key's number
    /// (`sectionNumbers`) and the 24-bit hash, which together are the id (the series is the
    /// document's own).
    var idKeys: [UInt64] = []
    /// How many statements have each id key (after `numberRepeatedIDs`).
    var repeats: [UInt64: Int] = [:]
    var sectionNumbers: [String: Int] = [:]
    /// Whether a split boilerplate pair was joined (only done until the boilerplate is found).
    var joinedSplitBoilerplate = false
    /// `<series>/<section>/` of the section being walked (every statement id starts with
    /// it), and that section key's number.
    var idPrefix: (section: String, text: String, number: Int) = ("", "", -1)

    struct Context {
        var section: String
        var title: String
        var paragraph: Int
        var sentence: Int
        /// The sentence ending in a colon that introduces the list being walked, or the
        /// term whose definition is being walked (`leadInIsTerm`).
        var leadIn: String? = nil
        var leadInIsTerm = false
    }

    init(document: Document, topics: TopicTable) {
        self.document = document
        self.topics = topics
        self.matcher = TopicMatcher(topics)
        self.series = document.metadata.seriesName
        self.tagged = Self.usesTags(document)
    }

    mutating func walkDocument(_ policy: SectionParts.Policy = .machine) {
        var ctx = Context(section: "abstract", title: "Abstract", paragraph: 0, sentence: 0)
        walkBlocks(document.abstract, &ctx)
        for note in document.notes {
            var c = Context(section: Self.slug(note.title ?? "note"), title: note.title ?? "Note", paragraph: 0, sentence: 0)
            walkBlocks(note.blocks, &c)
        }
        let sections = document.allSections
        let sizes = sections.map(SectionParts.size)
        let parts = SectionParts.split(sizes: sizes, policy)
        // Room for every statement the whole document may hold goes to the run that keeps
        // them all in the end (this one, or the first part), so they are written once where
        // they stay: grown by doubling, an array is copied at every step into memory the
        // kernel must clear first, and joining the parts was one more copy of them all.
        let wholeDocument = Self.statementCapacity(proseBytes: sizes.reduce(0, +)) + statements.count
        guard parts.count > 1 else {
            statements.reserveCapacity(wholeDocument)
            walkSections(sections[...])
            numberRepeatedIDs()
            return
        }
        // Sections are walked apart (each starts its own paragraph and sentence count), each
        // part numbering its own repeated ids, and joined in order: the first part continues
        // this run, the others start empty.
        let runs = SectionParts.Results(count: parts.count)
        let first = self
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            var run = i == 0 ? first : first.emptied()
            run.statements.reserveCapacity(i == 0 ? wholeDocument : Self.statementCapacity(proseBytes: sizes[parts[i]].reduce(0, +)))
            run.walkSections(sections[parts[i]])
            run.numberRepeatedIDs()
            runs.set(i, run)
        }
        var joined = (0..<parts.count).map { runs.take($0) }
        for i in 1..<parts.count where joined[i].joinedSplitBoilerplate {
            // A part that joined a split boilerplate pair before finding the boilerplate
            // itself: walked again knowing the boilerplate an earlier part found, as one
            // walk from the start would have (pairs are joined only until it is found).
            guard let found = joined[..<i].lazy.compactMap(\.requirementsLanguage).first else { continue }
            var run = emptied()
            run.requirementsLanguage = found
            run.walkSections(sections[parts[i]])
            run.numberRepeatedIDs()
            joined[i] = run
        }
        // Each part is taken out of the list before it is joined: the first one's statements
        // are then this run's alone, and the others' are appended in the room made for them,
        // where a copy would first retain every field of every one (871,200 statements in a
        // 50 MB draft, half of them a part on two cores).
        let total = joined.reduce(0) { $0 + $1.statements.count }
        joined.reverse()
        self = joined.removeLast()
        statements.reserveCapacity(total)
        while let run = joined.popLast() { absorb(run) }
    }

    /// A document that names no topic but by its common words ("selector", "narrowing"),
    /// and is not about IPsec by its title, its name or its statements, does not mean
    /// them so (a TLSA record's "selector field", RFC 6698): those mentions are dropped, and
    /// the statements only about them (no keyword) with them. Every mention is in some
    /// statement (a sentence with one is a statement), so the statements tell what the
    /// document names. RFC 3948 ("UDP Encapsulation of IPsec ESP Packets") keeps its "QM
    /// selector".
    mutating func dropMentionsOutOfContext() {
        let topics = self.topics
        func isContextual(_ s: Statement, _ r: Range<Int>) -> Bool {
            let u = s.text.utf8
            guard r.upperBound <= u.count else { return false }
            let lower = u.index(u.startIndex, offsetBy: r.lowerBound), upper = u.index(u.startIndex, offsetBy: r.upperBound)
            return topics.needsContext(s.text[lower..<upper])
        }
        guard statements.contains(where: { !$0.topicRanges.isEmpty }) else { return }
        let named = statements.contains { s in s.topicRanges.contains { !isContextual(s, $0) } }
        let metadata = document.metadata
        guard !named, !Self.namesIPsec(metadata.title), !Self.namesIPsec(metadata.docName ?? ""),
              !statements.contains(where: { Self.namesIPsec($0.text) }) else { return }
        statements.removeAll { $0.levels.isEmpty && !$0.topicRanges.isEmpty }
        for i in statements.indices where !statements[i].topicRanges.isEmpty {
            statements[i].topics = []
            statements[i].topicRanges = []
        }
    }

    /// "IPsec" in any case, or "IKE" / "IKEv2" as a word.
    static func namesIPsec(_ text: String) -> Bool {
        let u = Array(text.utf8)
        if LowercasedBytes(u.map(Bytes.lower)).contains("ipsec") { return true }
        for i in u.indices where u[i] == UInt8(ascii: "I") && i + 3 <= u.count && u[i + 1] == UInt8(ascii: "K") && u[i + 2] == UInt8(ascii: "E") {
            guard i == 0 || !Bytes.isWord(u[i - 1]) else { continue }
            let after = i + 3 < u.count ? u[i + 3] : 0x20
            if !Bytes.isWord(after) || after == UInt8(ascii: "v") { return true }
        }
        return false
    }

    /// Statements to make room for in this much prose (`SectionParts.size`): one every 32
    /// bytes is more than dense normative text holds (three keywords in a sentence of 170
    /// bytes, the 50 MB draft of scripts/hostile, is one every 57), so the array seldom
    /// grows; room never written is address space, not memory.
    static func statementCapacity(proseBytes: Int) -> Int { proseBytes / 32 }

    mutating func walkSections(_ sections: ArraySlice<Section>) {
        for section in sections {
            let key = section.number ?? section.anchor ?? Self.slug(section.title)
            var c = Context(section: key, title: section.title, paragraph: 0, sentence: 0)
            if !section.titleOpensBody {
                let title = Array(section.title.utf8)
                countKeywords(in: title)
                // RFC 2180 titles its options as requirements ("3.1. The server MAY fail
                // the DELETE/RENAME command of a multi-accessed mailbox"): such a title
                // is the section's first statement. (A title carries no <bcp14> tags:
                // in a document that tags its keywords, it would read as untagged.)
                if !tagged, Self.isRequirementTitle(title) {
                    unit(InlineText(plain: section.title), at: section.location, &c, counted: true, oneSentence: true)
                }
            }
            walkBlocks(section.blocks, &c)
        }
    }

    /// This run's document and tables with nothing collected yet.
    func emptied() -> ExtractionRun {
        var run = self
        run.statements = []
        run.idKeys = []
        run.repeats = [:]
        run.keywordCount = 0
        run.keywordCounts = KeywordTally()
        run.findings = []
        run.lowercaseCandidates = []
        run.requirementsLanguage = nil
        run.firstKeywordLocation = nil
        run.sectionNumbers = [:]
        run.idPrefix = ("", "", -1)
        run.joinedSplitBoilerplate = false
        return run
    }

    /// `later`'s findings appended to this run's, as if one run had walked on: its ids
    /// that repeat one of this run's (a section key in both) numbered on from this run's.
    mutating func absorb(_ later: consuming ExtractionRun) {
        var numbers = [UInt64](repeating: 0, count: later.sectionNumbers.count)
        var shared = false
        for (key, local) in later.sectionNumbers {
            if let n = sectionNumbers[key] {
                numbers[local] = UInt64(n)
                shared = true
            } else {
                let n = sectionNumbers.count
                sectionNumbers[key] = n
                numbers[local] = UInt64(n)
            }
        }
        var moved = later.statements
        later.statements = []
        var seen: [UInt64: Int] = [:]
        idKeys.reserveCapacity(idKeys.count + later.idKeys.count)
        for (i, localKey) in later.idKeys.enumerated() {
            let key = numbers[Int(localKey >> 24)] << 24 | localKey & 0xFF_FFFF
            // The k-th of this id in `later` follows the ones already given here.
            if shared, let given = repeats[key] {
                let k = seen[key, default: 0] + 1
                seen[key] = k
                let base = k == 1 ? moved[i].id : String(moved[i].id.dropLast("-\(k)".count))
                moved[i].id = base + "-\(given + k)"
            }
            idKeys.append(key)
        }
        for (localKey, count) in later.repeats {
            let key = numbers[Int(localKey >> 24)] << 24 | localKey & 0xFF_FFFF
            repeats[key, default: 0] += count
        }
        statements.append(contentsOf: moved)
        keywordCount += later.keywordCount
        keywordCounts.add(later.keywordCounts)
        findings.append(contentsOf: later.findings)
        lowercaseCandidates.append(contentsOf: later.lowercaseCandidates)
        requirementsLanguage = requirementsLanguage ?? later.requirementsLanguage
        firstKeywordLocation = firstKeywordLocation ?? later.firstKeywordLocation
        // The id prefix is per run: the next section walked makes its own.
        idPrefix = ("", "", -1)
    }

    /// A repeat of an id gets "-2", "-3" in document order; `repeats` keeps how many of
    /// each there are, for a later part to number on from.
    mutating func numberRepeatedIDs() {
        repeats.reserveCapacity(idKeys.count)
        for i in statements.indices {
            let n = repeats[idKeys[i], default: 0] + 1
            repeats[idKeys[i]] = n
            if n > 1 { statements[i].id += "-\(n)" }
        }
    }

    mutating func walkBlocks(_ blocks: [Block], _ ctx: inout Context) {
        var k = 0
        while k < blocks.count {
            ctx.paragraph += 1
            ctx.sentence = 0
            if requirementsLanguage == nil, k + 1 < blocks.count, case .paragraph(let a) = blocks[k], case .paragraph(let b) = blocks[k + 1],
               let joined = SplitBoilerplate.joined(a, b) {
                joinedSplitBoilerplate = true
                unit(joined, at: a.location, &ctx)
                k += 2
                continue
            }
            walk(blocks[k], after: k > 0 ? blocks[k - 1] : nil, &ctx)
            k += 1
        }
    }

    /// The word characters of a sentence besides its keywords at `ranges` (absolute
    /// offsets, ascending): how many, how many are letters, how many capitals.
    static func besideKeywords(_ sentence: ArraySlice<UInt8>, _ ranges: [Range<Int>]) -> (word: Int, letters: Int, capitals: Int) {
        var word = 0, letters = 0, capitals = 0, k = 0
        let start = sentence.startIndex
        Self.byteKinds.withUnsafeBufferPointer { kinds in
            sentence.withUnsafeBufferPointer { bytes in
                // The bytes up to the next keyword are counted, the keyword passed over; a
                // range that starts behind the place reached (none does: they are in order)
                // would leave the rest of the sentence counted.
                var i = 0
                let n = bytes.count
                while i < n {
                    let next = k < ranges.count ? ranges[k].lowerBound - start : n
                    let stop = next >= i ? min(n, next) : n
                    while i < stop {
                        let kind = kinds[Int(bytes[i])]
                        word += Int(kind & 1)
                        letters += Int(kind >> 1 & 1)
                        capitals += Int(kind >> 2)
                        i += 1
                    }
                    if i < n {
                        i = ranges[k].upperBound - start
                        k += 1
                    }
                }
            }
        }
        return (word, letters, capitals)
    }

    /// For each byte, as `besideKeywords` counts it: 1 a word character (`Bytes.isWord`),
    /// 2 an ASCII letter, 4 a capital. A table, not three tests: it runs over every byte of
    /// every sentence with a keyword.
    static let byteKinds: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        let b = UInt8(b)
        return (Bytes.isWord(b) ? 1 : 0) | (Bytes.isUpper(b) || Bytes.isLower(b) ? 2 : 0) | (Bytes.isUpper(b) ? 4 : 0)
    }

    /// A block's content; nested blocks belong to the same top-level paragraph.
    mutating func walk(_ block: Block, _ ctx: inout Context) {
        switch block {
        case .paragraph(let p):
            unit(p.content, at: p.location, &ctx)
        case .list(let list):
            for item in list.items {
                // A defined term is the lead-in of its definition's sentences with no
                // subject ("grant_type" over "REQUIRED. Value MUST be set to ...").
                let outer = (ctx.leadIn, ctx.leadInIsTerm)
                if let term = item.term {
                    let bytes = Self.normalize(term).bytes
                    // A term that states a requirement is read as prose is ("Other flags
                    // are not defined ... They MUST be set to 0 on transmission", a `<dt>`
                    // over an empty `<dd>`, RFC 9513 2; "REQUIRED untagged response:" over
                    // "CAPABILITY", RFC 9051 6.1.1): its keywords were counted and lost.
                    // It has words of prose beside them: "MAY ( serialNumber $" over the
                    // rest of an LDAP definition (RFC 4519) says nothing.
                    if KeywordScanner.occurrences(in: bytes).contains(where: \.isUsed), Self.proseWords(bytes) >= 2 {
                        unit(term, at: item.location, &ctx)
                    } else {
                        countKeywords(in: bytes)
                    }
                    if bytes.contains(where: Bytes.isLetter), let first = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 }) {
                        (ctx.leadIn, ctx.leadInIsTerm) = (String(decoding: bytes[first...last], as: UTF8.self), true)
                    }
                }
                for (k, b) in item.blocks.enumerated() { walk(b, after: k > 0 ? item.blocks[k - 1] : nil, &ctx) }
                (ctx.leadIn, ctx.leadInIsTerm) = outer
            }
        case .blockquote(let c), .aside(let c):
            for b in c.blocks { walk(b, &ctx) }
        case .table(let t):
            cells(of: t, &ctx)
            caption(t.title, at: t.location, &ctx)
        case .figure(let f):
            let keywords = countKeywords(in: Array(f.verbatim.utf8))
            // A grid table drawn in text: its cells are read as a table's are (their
            // keywords were counted with the drawing).
            if let t = f.table { cells(of: t, &ctx, counted: true) } else { proseOfCode(in: f, hasKeyword: keywords > 0, &ctx) }
            caption(f.title, at: f.titleLocation ?? f.location, &ctx)
        case .references:
            break
        }
    }

    /// A figure's or table's caption is read as a section's title is: its keywords count,
    /// and one that states a requirement is a statement ("Table 7.1.1-2: Options which
    /// SHOULD be sent in the client-request-options option in a BNDUPD message",
    /// draft-ietf-dhc-failover-12). Its keywords were lost with it.
    mutating func caption(_ title: String?, at location: SourceLocation, _ ctx: inout Context) {
        guard let title, !title.isEmpty else { return }
        let bytes = Array(title.utf8)
        countKeywords(in: bytes)
        if !tagged, Self.isRequirementTitle(bytes) {
            unit(InlineText(plain: title), at: location, &ctx, counted: true, oneSentence: true)
        }
    }

    /// A title that states a requirement: five words or more, a keyword after its subject
    /// and a lower-case word after the keyword ("The server MAY fail ..."); not a title
    /// that names one ("Server Failure (OPTIONAL)", "DNS IPv6 Transport RECOMMENDED
    /// Guidelines", "MUST  This word ...").
    static func isRequirementTitle(_ title: [UInt8]) -> Bool {
        guard title.split(separator: 0x20).count >= 5 else { return false }
        return KeywordScanner.occurrences(in: title).contains { o in
            let after = o.range.upperBound
            return o.range.lowerBound > 0 && o.isUsed && after + 1 < title.count && title[after] == 0x20 && Bytes.isLower(title[after + 1])
        }
    }

    /// Counts the keywords of `bytes`; how many there were.
    @discardableResult
    mutating func countKeywords(in bytes: [UInt8]) -> Int {
        let occurrences = KeywordScanner.occurrences(in: bytes)
        for occurrence in occurrences {
            keywordCount += 1
            keywordCounts[occurrence.keyword, default: 0] += 1
        }
        return occurrences.count
    }

    /// One run of prose (a paragraph, a list item's paragraph, a table cell). `counted`:
    /// its keywords are already in the counts.
    /// `oneSentence`: the run is one sentence whatever its stops (a table row).
    /// `inCode`: the run is code's (a comment, a module's description), which no markup
    /// can reach: its keywords are requirements in a document that tags the others with
    /// `<bcp14>` too (RFC 7991 allows no element in `<sourcecode>` or `<artwork>`).
    mutating func unit(_ content: InlineText, at location: SourceLocation, _ ctx: inout Context, counted: Bool = false, oneSentence: Bool = false, inCode: Bool = false) {
        let norm = Self.normalize(content)
        let bytes = norm.bytes
        guard !bytes.isEmpty else { return }
        let occurrences = KeywordScanner.occurrences(in: bytes)
        let mentions = matcher.mentions(in: bytes)
        // The sentences come in order, and so do the keywords, mentions and tags: each
        // sentence takes its own from where the one before stopped (filtering all of them
        // for every sentence was quadratic: 65,536 sentences in one paragraph took 3.3 s).
        var nextOccurrence = 0, nextMention = 0, nextTag = 0
        // A paragraph that opens with a label ("Critical (1 bit) - MUST be set to zero
        // ...", RFC 7296 3.2) names the subject of its later sentences that have none.
        let label = Self.runInLabel(bytes)
        var firstSentence = true
        var afterBoilerplate = false
        for range in oneSentence ? [0..<bytes.count] : SentenceSegmenter.sentenceRanges(in: bytes) {
            defer { firstSentence = false }
            ctx.sentence += 1
            let here = SourceLocation(file: location.file, line: norm.line(at: range.lowerBound, first: location.line), column: 1)
            let inSentence = Self.starting(in: range, occurrences, from: &nextOccurrence) { $0.range.lowerBound }
            let sentenceBytes = bytes[range]
            // The boilerplate's paragraph may go on to define a key word of its own in terms
            // of the others: "The key word "SUGGESTED" signifies a strength between MAY and
            // SHOULD" (RFC 2874 1) names them and requires nothing.
            let definesKeyWord = afterBoilerplate && !inSentence.isEmpty && Self.namesKeyWords(LowercasedBytes(sentenceBytes.map(Bytes.lower)))
            if definesKeyWord || requirementsLanguage == nil || !inSentence.isEmpty,
               let form = definesKeyWord ? .rfc2119 : Self.boilerplateForm(sentenceBytes, keywords: inSentence.count) {
                afterBoilerplate = true
                if requirementsLanguage == nil {
                    requirementsLanguage = RequirementsLanguage(form: form, text: String(decoding: sentenceBytes, as: UTF8.self), location: here, section: ctx.section)
                }
                // Counted with its figure: the boilerplate a YANG module's description
                // repeats names the keywords and requires nothing.
                if counted {
                    for o in inSentence {
                        keywordCount -= 1
                        keywordCounts[o.keyword, default: 1] -= 1
                    }
                }
                continue
            }
            for o in inSentence where !counted {
                keywordCount += 1
                keywordCounts[o.keyword, default: 0] += 1
                if firstKeywordLocation == nil { firstKeywordLocation = here }
            }

            var uses: [(keyword: BCP14Keyword, range: Range<Int>)] = []
            if tagged, !inCode {
                for t in Self.starting(in: range, norm.tagged, from: &nextTag, at: \.lowerBound) {
                    let phrase = String(decoding: bytes[t], as: UTF8.self)
                    guard let keyword = BCP14Keyword(phrase: phrase) else { continue }
                    let quoted = Bytes.quoteEnding(bytes, at: t.lowerBound) && Bytes.quoteStarting(bytes, at: t.upperBound)
                    // "<bcp14>MUST</bcp14>-level requirement" (RFC 9325 A) names a level.
                    if !quoted, !Bytes.isHyphenated(bytes, t) { uses.append((keyword, t)) }
                }
                for o in inSentence where o.isUsed && !Self.overlapsAny(norm.tagged, o.range) {
                    let line = norm.line(at: o.range.lowerBound, first: location.line)
                    findings.append(NormativeFinding(
                        code: .untaggedKeyword, severity: .warning,
                        message: "\"\(o.keyword.rawValue)\" in capitals outside <bcp14> in a document that tags its keywords",
                        location: SourceLocation(file: location.file, line: line), section: ctx.section))
                }
            } else {
                uses = inSentence.filter(\.isUsed).map { ($0.keyword, $0.range) }
            }
            let topicHits = Self.starting(in: range, mentions, from: &nextMention) { $0.range.lowerBound }
            if uses.isEmpty {
                if let candidate = Self.lowercaseRequirement(sentenceBytes) {
                    lowercaseCandidates.append(NormativeFinding(
                        code: .lowercaseKeyword, severity: .advisory,
                        message: "lowercase \"\(candidate)\" reads as a requirement; BCP 14 keywords count only in capitals (RFC 8174)",
                        location: here, section: ctx.section))
                }
                // A label alone ("sadb_x_sa2_len:" over its definition, a blank line
                // between) names a topic but says nothing of it: no statement.
                if topicHits.isEmpty || Self.isLabel(sentenceBytes) { continue }
            }

            var levels: [BCP14Keyword] = []
            for u in uses where !levels.contains(u.keyword) { levels.append(u.keyword) }
            var statementTopics: [Topic] = []
            for t in topics.topics where topicHits.contains(where: { $0.topic == t }) { statementTopics.append(t) }
            let text = String(decoding: sentenceBytes, as: UTF8.self)
            let base = range.lowerBound
            let keywordRanges = uses.map { ($0.range.lowerBound - base)..<($0.range.upperBound - base) }
            let topicRanges = topicHits.map { ($0.range.lowerBound - base)..<($0.range.upperBound - base) }
            let identityHash = StatementIdentity.FNV1a().adding(StatementIdentity.identityText(text))
            let position = StatementPosition(section: ctx.section, sectionTitle: ctx.title, paragraph: ctx.paragraph, sentence: ctx.sentence, location: here)
            if idPrefix.number < 0 || idPrefix.section != ctx.section {
                let number = sectionNumbers[ctx.section] ?? sectionNumbers.count
                sectionNumbers[ctx.section] = number
                idPrefix = (ctx.section, "\(series)/\(ctx.section)/", number)
            }
            // A statement with no subject of its own ("MUST be able to ...", "the Source
            // Port ... MUST be ...") reads on from its lead-in: after its paragraph's first
            // sentence, the label the paragraph opens with; else its term or list's.
            let opensWithoutSubject = inSentence.first?.range.lowerBound == range.lowerBound || (!range.isEmpty && Bytes.isLower(bytes[range.lowerBound]))
            // A sentence in capitals ("IN NO EVENT SHALL THE COPYRIGHT OWNER ...", a
            // licence in a code component: twenty letters or more besides its keywords,
            // nine in ten capitals) uses no keyword as BCP 14 means it: counted as
            // written, no statement.
            let beside = uses.isEmpty ? (word: 0, letters: 0, capitals: 0) : Self.besideKeywords(sentenceBytes, uses.map(\.range))
            if beside.letters >= 20, beside.capitals * 10 >= beside.letters * 9 { continue }
            let labelled = !firstSentence && label != nil
            let leadIn = opensWithoutSubject ? (labelled ? label : ctx.leadIn) : nil
            // A keyword alone ("MUST" over its definition in RFC 1938's list of the
            // words) requires nothing, unless it is said of a term ("REQUIRED." under
            // "grant_type"): its keyword is counted, it is no statement.
            let saidOfTerm = leadIn != nil && (labelled || ctx.leadInIsTerm)
            if !uses.isEmpty, !saidOfTerm, beside.word == 0 { continue }
            for level in levels.isEmpty ? [nil] : levels.map(Optional.some) {
                // Several keywords: each statement hashes the sentence, U+001F and its keyword.
                let hash = levels.count > 1 ? identityHash.adding(0x1F).adding(level?.rawValue ?? "") : identityHash
                let id = idPrefix.text + StatementIdentity.hex(hash)
                idKeys.append(UInt64(idPrefix.number) << 24 | UInt64(hash.folded))
                let own = levels.count == 1 ? keywordRanges : level.map { l in zip(uses, keywordRanges).filter { $0.0.keyword == l }.map(\.1) } ?? []
                statements.append(Statement(id: id, document: series, position: position, levels: level.map(Self.levelArray) ?? [], topics: statementTopics, text: text, keywordRanges: own, topicRanges: topicRanges, leadIn: leadIn))
            }
        }
    }

    /// Words of two lower-case letters or more, maybe followed by punctuation.
    static func proseWords(_ bytes: [UInt8]) -> Int {
        bytes.split(separator: 0x20).count { word in
            let letters = word.prefix(while: Bytes.isLower)
            return letters.count >= 2 && word.dropFirst(letters.count).allSatisfy { ",.:;)".utf8.contains($0) }
        }
    }

    /// One word and maybe a colon: a term or a field's name standing alone.
    static func isLabel(_ sentence: ArraySlice<UInt8>) -> Bool {
        !sentence.contains(0x20)
    }

    /// The items (in ascending order of `start`) that start inside `range`, looked for from
    /// `cursor` on; the cursor is left after them, for the next range further on.
    static func starting<T>(in range: Range<Int>, _ items: [T], from cursor: inout Int, at start: (T) -> Int) -> ArraySlice<T> {
        while cursor < items.count, start(items[cursor]) < range.lowerBound { cursor += 1 }
        var end = cursor
        while end < items.count, start(items[end]) < range.upperBound { end += 1 }
        defer { cursor = end }
        return items[cursor..<end]
    }

    /// Whether `range` overlaps any of `sorted` (ascending, not overlapping one another).
    static func overlapsAny(_ sorted: [Range<Int>], _ range: Range<Int>) -> Bool {
        // The first that ends after `range` starts: the only one that can overlap it first.
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo].overlaps(range)
    }

    /// One keyword as a statement's `levels`: one shared array per keyword, not one per statement.
    static let levelArrays: [[BCP14Keyword]] = BCP14Keyword.allCases.map { [$0] }
    static func levelArray(_ keyword: BCP14Keyword) -> [BCP14Keyword] { levelArrays[keyword.ordinal] }

    mutating func finish() -> NormativeAnalysis {
        // Keywords used as requirements: a statement's, or an untagged one in a document
        // that tags them. Counted capitals that require nothing (a flag's name,
        // "MAY-POSTDATE"; ASN.1's "OPTIONAL" in a module the text does not set apart, RFC
        // 1510; quotations; a licence in capitals) ask for no boilerplate and no citation.
        let usesKeywords = statements.contains { !$0.levels.isEmpty } || findings.contains { $0.code == .untaggedKeyword }
        if usesKeywords {
            findings.append(contentsOf: lowercaseCandidates)
            let at = firstKeywordLocation ?? SourceLocation(file: document.metadata.file, line: 1)
            if let rl = requirementsLanguage {
                if rl.form == .rfc2119 {
                    findings.append(NormativeFinding(code: .boilerplatePre8174, severity: .advisory,
                        message: "the requirements-language boilerplate is the RFC 2119 form; RFC 8174 adds \"when, and only when, they appear in all capitals\"",
                        location: rl.location, section: rl.section))
                }
            } else {
                findings.append(NormativeFinding(code: .boilerplateMissing, severity: .warning,
                    message: "BCP 14 keywords are used but the requirements-language boilerplate (RFC 8174 section 2) is missing",
                    location: at))
            }
            let refs = Self.references(document)
            let cites2119 = (refs.isEmpty ? (requirementsLanguage.map { $0.text.contains("[") } ?? false) : refs.contains { Self.names($0, rfc: 2119) })
                || Self.listsRFC2119(document)
            if !cites2119 {
                findings.append(NormativeFinding(code: .requirementsReferenceMissing, severity: .warning,
                    message: "BCP 14 keywords are used but RFC 2119 is not referenced", location: requirementsLanguage?.location ?? at,
                    section: requirementsLanguage?.section))
            }
            // "Only when they appear in all upper case" before RFC 8174 existed (RFC 6811,
            // RFC 7313) is its form, but cites RFC 2119 alone.
            if let rl = requirementsLanguage, rl.form == .rfc8174, rl.text.contains("8174"), !refs.isEmpty,
               !refs.contains(where: { Self.names($0, rfc: 8174) }) {
                findings.append(NormativeFinding(code: .requirementsReferenceMissing, severity: .warning,
                    message: "the boilerplate cites RFC 8174 but RFC 8174 is not referenced", location: rl.location, section: rl.section))
            }
        }
        findings.sort { ($0.location.line, $0.code.rawValue) < ($1.location.line, $1.code.rawValue) }
        return NormativeAnalysis(metadata: document.metadata, statements: statements, keywordCount: keywordCount,
                                 keywordCounts: keywordCounts.dictionary, usesBCP14Tags: tagged,
                                 requirementsLanguage: requirementsLanguage, findings: findings)
    }

    // MARK: - Helpers

    /// The boilerplate sentence: three or more keywords, "key words"/"keywords"/"these
    /// words", and "interpreted as" (or "with") / "described in" / "detailed in" (RFC 2119, its older
    /// paraphrases such as RFC 2367's, and RFC 8174 section 2), or the list sentence of the
    /// form that names the keywords first and interprets them in the next sentence ("...
    /// shall use the keywords "MUST", ... to describe requirements", RFC 4251 section 3).
    /// With fewer than three keywords, or none, the sentence names "key words" and cites
    /// the RFC that defines them: "The key word "SHOULD" in this document is to be
    /// interpreted as described in BCP 14, RFC 2119" (RFC 3425), "The key words "REQUIRED"
    /// and "MAY" ... RFC-2119" (draft-ietf-idn-vidn-00), "Imperative keywords defined in
    /// [RFC2119] are used in this document" (RFC 4373).
    static func boilerplateForm(_ sentence: ArraySlice<UInt8>, keywords: Int) -> RequirementsLanguage.Form? {
        // Most sentences have neither "word" nor a citation of the RFCs (those with fewer
        // than three keywords need both): turned away before a lowercase copy.
        var finder = SplitBoilerplate.WordFinder()
        guard sentence.withUnsafeBufferPointer({ keywords >= 3 ? finder.feed($0) || Self.citesKeywordRFC($0) : Self.citesKeywordRFC($0) && finder.feed($0) }) else {
            return nil
        }
        // Byte search: Foundation's String.contains (NSString) was a third of a 50 MB review.
        let lower = LowercasedBytes(sentence.map(Bytes.lower))
        // "... are to be interpreted with the meaning of the key word ("MUST", "SHOULD",
        // "MAY", etc.) used in introducing the algorithm" (draft-ietf-httpbis-rfc6265bis 2.1,
        // after the boilerplate): the imperative's reading, in the same terms.
        let keyWords = (lower.contains("interpreted as") || lower.contains("interpreted with") || lower.contains("described in") || lower.contains("detailed in")
                || lower.contains("use the key word") || lower.contains("use the keyword"))
            && (namesKeyWords(lower) || lower.contains("these words"))
        // Older wordings name no "key words" but list the keywords and cite the RFC that
        // defines them: "The use herein of MUST, SHOULD, MAY, MUST NOT, and SHOULD NOT is
        // as defined in [RFC 2119]", "the requirements terminology (specifically, the
        // words MUST, SHOULD, and MAY) defined in RFC 2119".
        let citesDefinition = (lower.contains("2119") || lower.contains("8174") || lower.contains("bcp 14") || lower.contains("bcp14"))
            && (lower.contains("defined in") || lower.contains("described in") || lower.contains("interpreted"))
        if keywords < 3 {
            guard citesDefinition, namesKeyWords(lower) else { return nil }
        } else {
            guard keyWords || citesDefinition else { return nil }
        }
        return lower.contains("8174") || lower.contains("only when") ? .rfc8174 : .rfc2119
    }

    /// "key word" or "keyword" in text already lowercased.
    static func namesKeyWords(_ lower: LowercasedBytes) -> Bool {
        lower.contains("key word") || lower.contains("keyword")
    }

    /// "2119", "8174" or "BCP" (any case) somewhere in `bytes`.
    static func citesKeywordRFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for i in 0...(bytes.count - 3) {
            // Only "b", "B", "2" and "8" can start one (it runs on every sentence): `| 0x20`
            // is `Bytes.lower` for these letters and leaves no other byte on them.
            let a = bytes[i]
            if a | 0x20 == 0x62 {
                if bytes[i + 1] | 0x20 == 0x63, bytes[i + 2] | 0x20 == 0x70 { return true }
            } else if a == 0x32 || a == 0x38, i + 3 < bytes.count, bytes[i + 1] == 0x31 {
                let c = bytes[i + 2], d = bytes[i + 3]
                if (a == 0x32 && c == 0x31 && d == 0x39) || (a == 0x38 && c == 0x37 && d == 0x34) { return true }
            }
        }
        return false
    }

    static let actors: Set<String> = [
        "implementation", "implementations", "implementer", "implementers", "implementor", "implementors",
        "initiator", "initiators", "responder", "responders", "sender", "senders", "receiver", "receivers",
        "recipient", "recipients", "peer", "peers", "node", "nodes", "endpoint", "endpoints", "host", "hosts",
        "gateway", "gateways", "router", "routers", "client", "clients", "server", "servers", "kernel",
        "application", "applications", "it", "they", "payload", "payloads", "field", "fields", "value", "values",
        "message", "messages", "sa", "sas", "party", "side", "user", "entity", "speaker", "system", "systems",
        "daemon", "ike", "ikev2", "packet", "packets", "selector", "selectors", "entry", "entries",
    ]

    /// "the responder must", "it should not", "peers may not": a lowercase BCP 14 word right
    /// after a protocol actor. "may" counts only when not followed by "be"/"have"/"also"
    /// (those read as possibility).
    static func lowercaseRequirement(_ sentence: ArraySlice<UInt8>) -> String? {
        sentence.withUnsafeBufferPointer(lowercaseRequirement)
    }

    /// The scan keeps three words at a time (the one before, the one at hand, the next),
    /// as ranges: a String is made only of a modal word's neighbours. It runs on every
    /// sentence without a keyword; an array of every word's range was 6% of a review.
    static func lowercaseRequirement(_ sentence: UnsafeBufferPointer<UInt8>) -> String? {
        let n = sentence.count
        var i = 0
        func nextWord() -> Range<Int>? {
            while i < n, !Bytes.isLetter(sentence[i]) { i += 1 }
            let start = i
            while i < n, Bytes.isLetter(sentence[i]) { i += 1 }
            return start < i ? start..<i : nil
        }
        func word(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: sentence[r]), as: UTF8.self) }
        var previous = nextWord()
        var current = nextWord()
        while let before = previous, let r = current {
            let following = nextWord()
            if r.count >= 3, r.count <= 6, sentence[r.lowerBound] == 0x6D || sentence[r.lowerBound] == 0x73,
               let w = modals.first(where: { sentence[r].elementsEqual($0.utf8) }),
               actors.contains(word(before).lowercased()) {
                let next = following.map(word) ?? ""
                if !(w == "may" && ["be", "have", "also", "well", "or", "and"].contains(next)) {
                    return next == "not" ? "\(w) not" : w
                }
            }
            previous = current
            current = following
        }
        return nil
    }

    static let modals = ["must", "should", "may", "shall"]

    static func references(_ document: Document) -> [Reference] {
        var out: [Reference] = []
        func group(_ g: ReferenceGroup) {
            out.append(contentsOf: g.entries)
            g.groups.forEach(group)
        }
        func blocks(_ bs: [Block]) {
            for b in bs {
                switch b {
                case .references(let g): group(g)
                case .blockquote(let c), .aside(let c): blocks(c.blocks)
                default: break
                }
            }
        }
        document.allSections.forEach { blocks($0.blocks) }
        return out
    }

    /// Whether a references section lists RFC 2119 in a form the readers do not take apart
    /// into entries, its text naming it: "RFC 2119 - S. Bradner, "Key words for use in RFCs
    /// ..."" (draft-ietf-dnsind-tkey-01), "BCP 14: Bradner, S., ..., BCP 14, RFC 2119"
    /// (draft-ietf-dnsind-rfc2052bis-02), "[1] Bradner, S., ...".
    static func listsRFC2119(_ document: Document) -> Bool {
        document.allSections.contains { section in
            let title = section.title.lowercased()
            guard title.contains("reference") || title.contains("bibliograph") else { return false }
            return section.paragraphs.contains { paragraph in
                let text = paragraph.content.plainText.lowercased()
                return text.contains(rfc2119Title) || text.contains("rfc 2119") || text.contains("rfc2119")
            }
        }
    }

    /// RFC 2119's title, lower-cased, as far as it is told apart from others.
    static let rfc2119Title = "key words for use in rfcs"

    static func names(_ ref: Reference, rfc: Int) -> Bool {
        let n = String(rfc)
        if ref.anchor.uppercased() == "RFC\(n)" || ref.seriesInfo.contains(where: { $0.replacingSpaces == "RFC\(n)" }) { return true }
        guard let title = ref.title?.lowercased() else { return false }
        switch rfc {
        case 2119: return title.contains(rfc2119Title)
        case 8174: return title.contains("ambiguity of uppercase vs lowercase")
        default: return false
        }
    }

    /// Whether the document tags its keywords with `<bcp14>`: a tag outside the
    /// requirements-language boilerplate. A template's boilerplate comes tagged in drafts
    /// whose own text tags nothing (draft-ietf-httpbis-http2bis: its 293 keywords were all
    /// "untagged", and it had no statement at all).
    static func usesTags(_ document: Document) -> Bool {
        func inline(_ t: InlineText) -> Bool { t.spans.contains { $0.kind == .bcp14 } }
        func block(_ b: Block) -> Bool {
            switch b {
            case .paragraph(let p):
                guard inline(p.content) else { return false }
                let tags = p.content.spans.lazy.filter { $0.kind == .bcp14 }.count
                return boilerplateForm(Array(p.content.plainText.utf8)[...], keywords: tags) == nil
            case .list(let l): return l.items.contains { ($0.term.map(inline) ?? false) || $0.blocks.contains(where: block) }
            case .blockquote(let c), .aside(let c): return c.blocks.contains(where: block)
            case .table(let t): return (t.header + t.rows).contains { $0.contains(where: inline) }
            case .figure, .references: return false
            }
        }
        return document.abstract.contains(where: block)
            || document.notes.contains { $0.blocks.contains(where: block) }
            || document.allSections.contains { $0.blocks.contains(where: block) }
    }

    static func slug(_ title: String) -> String {
        let words = title.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        return words.isEmpty ? "untitled" : words.joined(separator: "-")
    }

    /// Inline text as one UTF-8 run: white space folded, a hyphen at a line break rejoined
    /// with the lowercase word after it, `<bcp14>` spans kept as byte ranges, and line
    /// breaks remembered so each sentence knows its source line.
    struct Normalized {
        var bytes: [UInt8] = []
        var tagged: [Range<Int>] = []
        /// (offset in `bytes`, line breaks before it), ascending.
        var breaks: [(offset: Int, newlines: Int)] = []
        /// For text joined from source lines (`InlineText.lineStarts`): (offset in `bytes`
        /// where a line's text begins, its line number), ascending.
        var lines: [(offset: Int, line: Int)] = []

        /// The source line of `bytes[offset]`, for a unit that starts on line `first`.
        func line(at offset: Int, first: Int) -> Int {
            guard !lines.isEmpty else { return first + newlines(before: offset) }
            var lo = 0, hi = lines.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if lines[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? lines[0].line : lines[lo - 1].line
        }

        func newlines(before offset: Int) -> Int {
            var lo = 0, hi = breaks.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if breaks[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? 0 : breaks[lo - 1].newlines
        }
    }

    static func normalize(_ inline: InlineText) -> Normalized {
        let text = inline.scriptsShown
        // The output is never longer than the input (runs of white space fold to one
        // space, U+00A0's two bytes and U+2028's three to one): it is written in place
        // into room for all of the input, over unsafe buffers, with no copy of each span's
        // bytes.
        let capacity = text.spans.reduce(0) { $0 + $1.text.utf8.count }
        var tagged: [Range<Int>] = []
        var breaks: [(offset: Int, newlines: Int)] = []
        var lines: [(offset: Int, line: Int)] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var c = 0
            var pendingSpace = false
            var pendingNewlines = 0
            var total = 0
            let lineStarts = text.lineStarts
            var nextLine = 0
            var nextLineOffset = lineStarts.first?.offset ?? Int.max
            var pendingLine: Int?
            var plainOffset = 0
            for span in text.spans {
                if case .invisible = span.kind { continue }
                let isTag = span.kind == .bcp14
                var start: Int?
                var spanText = span.text
                spanText.withUTF8 { utf8 in
                    var k = 0
                    while k < utf8.count {
                        while plainOffset + k >= nextLineOffset {
                            pendingLine = lineStarts[nextLine].line
                            nextLine += 1
                            nextLineOffset = nextLine < lineStarts.count ? lineStarts[nextLine].offset : Int.max
                        }
                        var b = utf8[k]
                        k += 1
                        // U+00A0 NO-BREAK SPACE (C2 A0) is white space like any other, and so
                        // is U+2028 LINE SEPARATOR (E2 80 A8), a forced line break (`<br/>`,
                        // `<vspace/>`): where xml2rfc's text breaks the line, a sentence may end.
                        if b == 0xC2, k < utf8.count, utf8[k] == 0xA0 {
                            k += 1
                            b = 0x20
                        } else if b == 0xE2, k + 1 < utf8.count, utf8[k] == 0x80, utf8[k + 1] == 0xA8 {
                            k += 2
                            b = 0x20
                        } else if (b == 0xE2 && k + 1 < utf8.count && ((utf8[k] == 0x81 && utf8[k + 1] == 0xA0) || (utf8[k] == 0x80 && utf8[k + 1] == 0x8B)))
                                    || (b == 0xC2 && k < utf8.count && utf8[k] == 0xAD) {
                            // U+2060 WORD JOINER, U+200B ZERO WIDTH SPACE and U+00AD SOFT
                            // HYPHEN (xml2rfc's &wj;, &zwsp;, &shy;) show as nothing in text
                            // ("ELI/&wj;EL", RFC 8662): a statement's text leaves them out.
                            k += b == 0xE2 ? 2 : 1
                            continue
                        }
                        if Bytes.isSpace(b) {
                            if c > 0 { pendingSpace = true }
                            if b == 0x0A { pendingNewlines += 1 }
                            continue
                        }
                        if pendingSpace || pendingNewlines > 0 {
                            let rejoin = pendingNewlines > 0 && c >= 2 && out[c - 1] == 0x2D
                                && (Bytes.isLetter(out[c - 2]) || Bytes.isDigit(out[c - 2]))
                                && (Bytes.isLower(b) || Bytes.isDigit(b))
                            if pendingSpace, !rejoin { out[c] = 0x20; c += 1 }
                            if pendingNewlines > 0 {
                                total += pendingNewlines
                                breaks.append((c, total))
                            }
                            pendingSpace = false
                            pendingNewlines = 0
                        }
                        if isTag, start == nil { start = c }
                        if let line = pendingLine {
                            lines.append((c, line))
                            pendingLine = nil
                        }
                        out[c] = b
                        c += 1
                        // The rest of a run of printable ASCII (nothing to fold, drop or
                        // rejoin, no line starting inside it) is copied as it stands: byte
                        // by byte through the tests above it was a tenth of a large review.
                        let runEnd = min(utf8.count, nextLineOffset - plainOffset)
                        var j = k
                        while j < runEnd, utf8[j] &- 0x21 < 0x5F { j += 1 }
                        if j > k {
                            (out.baseAddress! + c).initialize(from: utf8.baseAddress! + k, count: j - k)
                            c += j - k
                            k = j
                        }
                    }
                    plainOffset += utf8.count
                }
                if isTag, let start { tagged.append(start..<c) }
            }
            count = c
        }
        return Normalized(bytes: bytes, tagged: tagged, breaks: breaks, lines: lines)
    }
}

private extension String {
    var replacingSpaces: String { filter { $0 != " " }.uppercased() }
}

