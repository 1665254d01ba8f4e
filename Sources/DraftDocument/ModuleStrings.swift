/// The description strings of the modules documents hold in figures: SMI's `DESCRIPTION
/// "..."` clause in a MIB module (RFC 2578 3, 7.1.7; strings in double quotes, no quote
/// inside, may run over several lines and paragraphs) and YANG's `description` statement
/// (RFC 7950 6.1.3, 7.21.3; a string in double quotes with backslash escapes, or in single
/// quotes, and strings joined with "+"). These are the prose of a module: "This object
/// MUST be persistent" is a requirement although the figure around it is code.
///
/// The scanner is fed one line at a time: the text reader asks whether a string is still
/// open at the end of a chunk (a description's paragraphs are set apart by blank lines),
/// and extraction reads the descriptions of a whole figure.
public struct ModuleStringScanner {
    /// One description: the object, type or node it describes ("spdEgressPolicy
    /// OBJECT-TYPE", "leaf enable-nacm") and its paragraphs.
    public struct Description: Equatable, Sendable {
        public var subject: String?
        public var paragraphs: [Paragraph]
    }

    /// A paragraph of a description: its text, lines joined with single spaces, and where
    /// each line's part starts in it (`line` from 0, the figure's first line).
    public struct Paragraph: Equatable, Sendable {
        public var text: String
        public var lineStarts: [InlineText.LineStart]
        public var line: Int { lineStarts.first?.line ?? 0 }
    }

    private enum State {
        case code
        /// In a string opened by `quote`; `description` when it is a description's.
        case string(quote: UInt8, description: Bool)
        case blockComment
    }

    public private(set) var descriptions: [Description] = []
    private var state = State.code
    private var line = -1
    /// A YANG module ("module" or "submodule" opening a line, or a `description` keyword in
    /// lower case seen): strings may be single-quoted, "\" escapes in double quotes, and
    /// "//" and "/*" start comments; SMI's comments start with "--".
    private var yang = false
    /// The description keyword was read and its string not yet opened: whether it was SMI's.
    private var pendingSMI: Bool?
    /// A YANG description's string closed; a "+" would join the next string to it.
    private var joinable = false
    private var joining = false
    private var current: Description?
    private var paragraph: [UInt8] = []
    private var lineStarts: [InlineText.LineStart] = []
    /// YANG: the statements whose blocks are open ("container nacm", "leaf enable-nacm"),
    /// and the statement read since the last ";", "{" or "}".
    private var blocks: [String] = []
    private var statement: [UInt8] = []
    /// SMI: the last macro invocation ("spdEgressPolicy OBJECT-TYPE") or compliance clause
    /// ("GROUP ipsecGroup") a line opened.
    private var smiSubject: String?

    public init() {}

    /// The quote that would close the open description's string, nil when none is open.
    public var openQuote: UInt8? {
        if case .string(let quote, true) = state { return quote }
        return nil
    }

    /// Whether `text` holds "DESCRIPTION" or "description": a cheap look before a scan.
    public static func mayDescribe<S: StringProtocol>(_ text: S) -> Bool {
        guard text.utf8.count >= 11 else { return false }
        return text.utf8.withContiguousStorageIfAvailable { u in
            let hay = UnsafeRawBufferPointer(u)
            return upper.withUnsafeBytes { ByteSearch.first($0, in: hay) != nil } || lower.withUnsafeBytes { ByteSearch.first($0, in: hay) != nil }
        } ?? (text.contains("DESCRIPTION") || text.contains("description"))
    }

    private static let upper = Array("DESCRIPTION".utf8), lower = Array("description".utf8)

    /// The descriptions of `verbatim`, a figure's text.
    public static func descriptions(in verbatim: String) -> [Description] {
        guard mayDescribe(verbatim) else { return [] }
        var scanner = ModuleStringScanner()
        for line in verbatim.split(separator: "\n", omittingEmptySubsequences: false) { scanner.feed(line) }
        return scanner.finished()
    }

    /// The descriptions read (one still open is left out).
    public mutating func finished() -> [Description] {
        if joinable { close() }
        return descriptions
    }

    private static let smiMacros: Set<String> = [
        "OBJECT-TYPE", "OBJECT-IDENTITY", "MODULE-IDENTITY", "NOTIFICATION-TYPE", "TRAP-TYPE", "TEXTUAL-CONVENTION",
        "OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE", "AGENT-CAPABILITIES",
    ]

    public mutating func feed(_ text: Substring) {
        line += 1
        let u = Array(text.utf8)
        if case .code = state { noteSubject(u) }
        var i = 0
        // Where the open string's text starts on this line.
        var stringStart = 0
        while i < u.count {
            let b = u[i]
            switch state {
            case .blockComment:
                if b == UInt8(ascii: "*"), i + 1 < u.count, u[i + 1] == UInt8(ascii: "/") { state = .code; i += 2 } else { i += 1 }
            case .string(let quote, let description):
                if yang, quote == UInt8(ascii: "\""), b == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if b == quote {
                    state = .code
                    if description {
                        take(u[stringStart..<i], wholeLine: false)
                        // SMI has no joined strings: the description is whole.
                        if yang { joinable = true } else { close() }
                    }
                }
                i += 1
            case .code:
                if b == 0x20 || b == 0x09 { statement.append(0x20); i += 1; continue }
                if joinable {
                    if b == UInt8(ascii: "+") { joinable = false; joining = true; i += 1; continue }
                    close()
                }
                if b == UInt8(ascii: "\"") || (yang && b == UInt8(ascii: "'")) {
                    if let smi = pendingSMI {
                        current = Description(subject: smi ? smiSubject : blocks.last, paragraphs: [])
                        paragraph = []
                        lineStarts = []
                    }
                    state = .string(quote: b, description: pendingSMI != nil || joining)
                    pendingSMI = nil
                    joining = false
                    i += 1
                    stringStart = i
                    continue
                }
                pendingSMI = nil
                if joining { joining = false; close() }
                let atWordStart = i == 0 || u[i - 1] == 0x20 || u[i - 1] == 0x09 || u[i - 1] == UInt8(ascii: "{") || u[i - 1] == UInt8(ascii: ";")
                if atWordStart, !yang, b == UInt8(ascii: "-"), i + 1 < u.count, u[i + 1] == b {
                    // An ASN.1 comment: to the line's end or the next "--".
                    var k = i + 2
                    while k + 1 < u.count, !(u[k] == b && u[k + 1] == b) { k += 1 }
                    i = k + 1 < u.count ? k + 2 : u.count
                    continue
                }
                if atWordStart, yang, b == UInt8(ascii: "/"), i + 1 < u.count, u[i + 1] == UInt8(ascii: "/") || u[i + 1] == UInt8(ascii: "*") {
                    if u[i + 1] == UInt8(ascii: "/") { i = u.count } else { state = .blockComment; i += 2 }
                    continue
                }
                switch b {
                case UInt8(ascii: "{"):
                    blocks.append(Self.collapsed(statement))
                    statement = []
                    i += 1
                case UInt8(ascii: "}"):
                    if !blocks.isEmpty { blocks.removeLast() }
                    statement = []
                    i += 1
                case UInt8(ascii: ";"):
                    statement = []
                    i += 1
                default:
                    guard atWordStart, Self.isLetter(b) else { statement.append(b); i += 1; continue }
                    var k = i
                    while k < u.count, Self.isLetter(u[k]) || TextHeadings.isDigit(u[k]) || u[k] == UInt8(ascii: "-") || u[k] == UInt8(ascii: "_") || u[k] == UInt8(ascii: ":") { k += 1 }
                    let word = u[i..<k]
                    if k == u.count || u[k] == 0x20 || u[k] == 0x09 {
                        if word.elementsEqual("DESCRIPTION".utf8) {
                            pendingSMI = true
                        } else if word.elementsEqual("description".utf8) {
                            yang = true
                            pendingSMI = false
                        }
                    }
                    statement.append(contentsOf: word)
                    i = k
                }
            }
        }
        switch state {
        case .string(_, true): take(u[min(stringStart, u.count)...], wholeLine: stringStart == 0)
        case .code, .string: statement.append(0x20)
        case .blockComment: break
        }
    }

    /// A line's part of a description's string. The parts are joined with single spaces;
    /// a line of the string with nothing on it ends a paragraph.
    private mutating func take(_ part: ArraySlice<UInt8>, wholeLine: Bool) {
        var bytes = part
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 { bytes.removeLast() }
        guard !bytes.isEmpty else {
            if wholeLine { flushParagraph() }
            return
        }
        if !paragraph.isEmpty { paragraph.append(0x20) }
        lineStarts.append(InlineText.LineStart(offset: paragraph.count, line: line))
        guard yang else { paragraph.append(contentsOf: bytes); return }
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let b = bytes[k]
            if b == UInt8(ascii: "\\"), k + 1 < bytes.endIndex {
                let next = bytes[k + 1]
                paragraph.append(next == UInt8(ascii: "n") || next == UInt8(ascii: "t") ? 0x20 : next)
                k += 2
            } else {
                paragraph.append(b)
                k += 1
            }
        }
    }

    private mutating func flushParagraph() {
        if !paragraph.isEmpty { current?.paragraphs.append(Paragraph(text: String(decoding: paragraph, as: UTF8.self), lineStarts: lineStarts)) }
        paragraph = []
        lineStarts = []
    }

    private mutating func close() {
        joinable = false
        flushParagraph()
        if let d = current, !d.paragraphs.isEmpty { descriptions.append(d) }
        current = nil
    }

    /// "ipsecSpdEntry OBJECT-TYPE", "SpdIPNextHop ::= TEXTUAL-CONVENTION", "GROUP x",
    /// "OBJECT y" at a line's start name what the descriptions below it describe.
    /// A line opening with "module NAME" or "submodule NAME" starts a YANG module.
    private mutating func noteSubject(_ u: [UInt8]) {
        let words = u.split(separator: 0x20, maxSplits: 3, omittingEmptySubsequences: true)
        guard words.count >= 2 else { return }
        let first = String(decoding: words[0], as: UTF8.self), second = String(decoding: words[1], as: UTF8.self)
        if first == "module" || first == "submodule" {
            yang = true
        } else if Self.smiMacros.contains(second) || first == "GROUP" || first == "OBJECT" {
            smiSubject = first + " " + second
        } else if second == "::=", words.count >= 3, String(decoding: words[2], as: UTF8.self) == "TEXTUAL-CONVENTION" {
            smiSubject = first + " TEXTUAL-CONVENTION"
        }
    }

    private static func collapsed(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: " ").joined(separator: " ")
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
}
