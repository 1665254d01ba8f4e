import Foundation
import Yams

extension ErrataFile {
    /// Reads and parses an errata file.
    public static func read(path: String) throws -> ErrataFile {
        guard let text = String(data: try readFile(path), encoding: .utf8) else {
            throw ErrataError(.unreadable, "not UTF-8 text", file: path)
        }
        return try parse(text, file: path)
    }

    /// Parses the text of an errata file; `file` names it in errors.
    ///
    /// The format (README "## Errata"): a YAML header between `---` lines, then blocks that
    /// each start with an unindented `Section N[, paragraph(s) P]` line and hold `OLD:`,
    /// `NEW:` and optionally `NOTES:` parts; a `NOTES:` part before the first block holds the
    /// notes on the whole change.
    public static func parse(_ text: String, file: String = "<errata>") throws -> ErrataFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        func fail(_ line: Int, _ message: String) -> ErrataError {
            ErrataError(.malformed, message, file: file, line: line)
        }

        // The header.
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            throw fail(1, "an errata file starts with a YAML header opened by a line \"---\"")
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw fail(1, "the YAML header opened on line 1 is not closed by a line \"---\"")
        }
        var file0 = try parseHeader(lines[1..<closing].joined(separator: "\n"), firstLine: 2, closingLine: closing + 1, file: file)

        // The body: notes, then blocks.
        enum Part { case old, new, notes }
        struct Pending {
            var section: String
            var label: String?
            var line: Int
            var parts: [Part: (line: Int, lines: [String])] = [:]
        }
        var blocks: [Pending] = []
        var current: Part?
        var globalNotes: [String] = []
        var sawGlobalNotes = false

        for index in (closing + 1)..<lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            if let heading = BlockHeading(line) {
                blocks.append(Pending(section: heading.section ?? file0.section, label: heading.label, line: lineNumber))
                current = nil
                continue
            }
            if let part = partMarker(line) {
                let kind: Part = part == "OLD" ? .old : part == "NEW" ? .new : .notes
                if blocks.isEmpty {
                    guard kind == .notes, !sawGlobalNotes else {
                        throw fail(lineNumber, "\(part): before the first \"Section ...\" line; only NOTES: may come before the blocks")
                    }
                    sawGlobalNotes = true
                } else {
                    guard blocks[blocks.count - 1].parts[kind] == nil else {
                        throw fail(lineNumber, "a second \(part): in the block that starts on line \(blocks[blocks.count - 1].line)")
                    }
                    if kind == .new, blocks[blocks.count - 1].parts[.old] == nil {
                        throw fail(lineNumber, "NEW: before OLD: in the block that starts on line \(blocks[blocks.count - 1].line)")
                    }
                    blocks[blocks.count - 1].parts[kind] = (lineNumber, [])
                }
                current = kind
                continue
            }
            guard let current else {
                if line.allSatisfy(\.isWhitespace) { continue }
                if blocks.isEmpty {
                    throw fail(lineNumber, "text outside a part: put the whole change's notes under NOTES:, and each change under a \"Section N, paragraph P\" line")
                }
                throw fail(lineNumber, "text before OLD: in the block that starts on line \(blocks[blocks.count - 1].line)")
            }
            if blocks.isEmpty {
                globalNotes.append(line)
            } else {
                blocks[blocks.count - 1].parts[current]?.lines.append(line)
            }
        }

        file0.notes = Passage(globalNotes.joined(separator: "\n")).text
        file0.changes = try blocks.map { block in
            guard let old = block.parts[.old] else {
                throw fail(block.line, "the block has no OLD: part")
            }
            guard let new = block.parts[.new] else {
                throw fail(block.line, "the block has no NEW: part")
            }
            let oldPassage = Passage(old.lines.joined(separator: "\n"))
            guard !oldPassage.isEmpty else {
                throw fail(old.line, "OLD: is empty; it must quote the text to replace")
            }
            return Change(
                section: block.section, paragraphLabel: block.label,
                old: oldPassage, new: Passage(new.lines.joined(separator: "\n")),
                notes: Passage((block.parts[.notes]?.lines ?? []).joined(separator: "\n")).text,
                line: block.line)
        }
        return file0
    }

    /// `OLD:`, `NEW:` or `NOTES:` alone on an unindented line.
    private static func partMarker(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard line.first.map({ !$0.isWhitespace }) == true else { return nil }
        switch trimmed {
        case "OLD:": return "OLD"
        case "NEW:": return "NEW"
        case "NOTES:": return "NOTES"
        default: return nil
        }
    }

    /// Whether `YYYY-MM-DD` (already of that shape) names a day of the Gregorian calendar.
    static func isCalendarDay(_ date: String) -> Bool {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return false }
        let year = parts[0]
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        return (1...days).contains(parts[2])
    }

    private static let headerKeys: Set<String> = ["document", "section", "type", "reporter", "date", "checks", "source", "supported-by"]

    private static func parseHeader(_ yaml: String, firstLine: Int, closingLine: Int, file: String) throws -> ErrataFile {
        func fail(_ line: Int, _ message: String) -> ErrataError {
            ErrataError(.malformed, message, file: file, line: line)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw fail(mark.line + firstLine - 1, "the YAML header does not parse: \(problem)")
            default:
                throw fail(firstLine, "the YAML header does not parse: \(error)")
            }
        } catch {
            throw fail(firstLine, "the YAML header does not parse: \(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw fail(firstLine, "the YAML header must be a mapping of keys (document, section, type, reporter, date, checks)")
        }
        var values: [String: (node: Node, line: Int)] = [:]
        for (key, value) in mapping {
            let keyLine = (key.mark?.line ?? 1) + firstLine - 1
            guard let name = key.string else { throw fail(keyLine, "a header key must be a plain word") }
            guard headerKeys.contains(name) else {
                throw fail(keyLine, "unknown header key \"\(name)\" (known: \(headerKeys.sorted().joined(separator: ", ")))")
            }
            guard values[name] == nil else { throw fail(keyLine, "header key \"\(name)\" given twice") }
            values[name] = (value, (value.mark?.line ?? key.mark?.line ?? 1) + firstLine - 1)
        }
        func string(_ key: String) throws -> (String, Int) {
            guard let entry = values[key] else {
                throw fail(closingLine, "the header has no \"\(key):\" (required: document, section, type, reporter, date)")
            }
            guard let s = entry.node.scalar?.string.trimmingCharacters(in: .whitespaces), !s.isEmpty else {
                throw fail(entry.line, "\"\(key):\" must be a non-empty text value")
            }
            return (s, entry.line)
        }

        let (document, documentLine) = try string("document")
        guard DocumentName.isVersioned(document) else {
            throw fail(documentLine, "\"document: \(document)\" must name the document with its revision (draft-NAME-NN) or as rfcNNNN")
        }
        let (section, sectionLine) = try string("section")
        guard BlockHeading.isSectionNumber(section) else {
            throw fail(sectionLine, "\"section: \(section)\" is not a section number (\"2.9\", \"A.1\")")
        }
        let (typeText, typeLine) = try string("type")
        guard let type = ChangeType(rawValue: typeText.lowercased()) else {
            throw fail(typeLine, "\"type: \(typeText)\" must be technical or editorial")
        }
        let (reporter, _) = try string("reporter")
        let (date, dateLine) = try string("date")
        guard date.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil else {
            throw fail(dateLine, "\"date: \(date)\" must be a day as YYYY-MM-DD")
        }
        guard Self.isCalendarDay(date) else {
            throw fail(dateLine, "\"date: \(date)\" is not a day of the calendar (month 01-12, day within the month)")
        }
        var checks: [String] = []
        if let entry = values["checks"] {
            if let sequence = entry.node.sequence {
                for item in sequence {
                    guard let id = item.scalar?.string, !id.isEmpty else {
                        throw fail((item.mark?.line ?? 1) + firstLine - 1, "each entry of \"checks:\" must be a check id")
                    }
                    checks.append(id)
                }
            } else if let s = entry.node.scalar?.string {
                checks = s.isEmpty ? [] : [s]
            } else {
                throw fail(entry.line, "\"checks:\" must be a list of check ids")
            }
        }
        let source = try values["source"].map { _ in try string("source").0 }
        var file = ErrataFile(document: document, section: section, type: type, reporter: reporter, date: date, checks: checks, source: source)
        if let entry = values["supported-by"] {
            guard let sequence = entry.node.sequence else {
                throw fail(entry.line, "\"supported-by:\" must be a list of {check: ID, quote: TEXT}")
            }
            for item in sequence {
                let line = (item.mark?.line ?? 1) + firstLine - 1
                guard let map = item.mapping,
                      let check = map["check"]?.string?.trimmingCharacters(in: .whitespaces), !check.isEmpty,
                      let quote = map["quote"]?.string?.whitespaceFolded, !quote.isEmpty,
                      map.count == 2 else {
                    throw fail(line, "each entry of \"supported-by:\" holds exactly \"check:\" (a check id) and \"quote:\" (a sentence of the NEW text)")
                }
                file.supportedBy.append(NewTextSupport(check: check, quote: quote, line: line))
            }
        }
        return file
    }
}

/// The heading line of a block: `Section 2.9`, `Section 2.9, paragraph 1`,
/// `Section 2.9, paragraphs 1-2` (a trailing colon allowed), unindented.
struct BlockHeading {
    var section: String?
    var label: String?

    init?(_ line: String) {
        // Every line of the file comes here: the regex is built only for a likely one.
        guard line.hasPrefix("Section"), let match = line.wholeMatch(of: /Section\s+([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)(?:\s*,\s*(paragraphs?\s+[0-9]+(?:\s*-\s*[0-9]+)?))?\s*:?\s*/) else {
            return nil
        }
        section = String(match.1)
        label = match.2.map { String($0).whitespaceFolded.replacingOccurrences(of: " - ", with: "-") }
    }

    static func isSectionNumber(_ s: String) -> Bool {
        s.wholeMatch(of: /[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*/) != nil
    }
}

enum DocumentName {
    /// "draft-foo-bar-08" or "rfc5996".
    static func isVersioned(_ name: String) -> Bool {
        name.wholeMatch(of: /draft-[a-z0-9-]+-[0-9]{2}/) != nil || name.wholeMatch(of: /rfc[0-9]+/) != nil
    }
}
