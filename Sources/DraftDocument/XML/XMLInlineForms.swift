/// How xml2rfc 3.34.1's text output spells inline elements whose text is not their
/// content: `<u>` (a Unicode character with its code point and name) and `<contact>` in
/// running text (a non-Latin name followed by its ASCII form). Written from the
/// behaviour of xml2rfc (util/unicode.py, util/name.py), not its code.
enum XMLInlineForms {
    // MARK: - <u>

    /// The parts a `<u format=...>` may name.
    enum UnicodePart: String { case name, num, char, lit, ascii }

    /// `<u>`'s text as xml2rfc renders it. `format` is either dash-separated parts
    /// ("lit-name-num", the default: `"Δ" (GREEK CAPITAL LETTER DELTA, U+0394)`) or a
    /// template with `{part}` placeholders ("{num} character ({name})"). Formats xml2rfc
    /// rejects (no "num" part, more than three parts, "ascii" without an ascii attribute)
    /// give nil: the caller shows the characters as they are.
    static func unicode(_ text: String, format: String?, ascii: String?) -> String? {
        guard !text.isEmpty else { return "" }
        let format = format ?? "lit-name-num"
        let dashParts = format.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let isTemplate = !dashParts.allSatisfy { UnicodePart(rawValue: $0) != nil }
        let names: [String] = isTemplate ? placeholders(in: format) : dashParts
        let parts = names.compactMap(UnicodePart.init(rawValue:))
        guard !parts.isEmpty, parts.count == names.count, parts.contains(.num), parts.count <= 3 else { return nil }
        var values: [UnicodePart: String] = [:]
        for part in parts {
            switch part {
            case .num: values[.num] = text.unicodeScalars.map { "U+" + hex($0.value, uppercase: true) }.joined(separator: " ")
            case .lit: values[.lit] = "\"\(text)\""
            case .char: values[.char] = text
            case .name: values[.name] = text.unicodeScalars.map { $0.properties.name ?? "U+" + hex($0.value, uppercase: false) }.joined(separator: ", ")
            case .ascii:
                guard let ascii, !ascii.isEmpty else { return nil }
                values[.ascii] = "\"\(ascii)\""
            }
        }
        if isTemplate {
            var out = format
            for (part, value) in values { out = out.replacingAll("{\(part.rawValue)}", with: value) }
            return out
        }
        let rendered = parts.map { values[$0] ?? "" }
        switch rendered.count {
        case 1: return rendered[0]
        case 2: return "\(rendered[0]) (\(rendered[1]))"
        default: return "\(rendered[0]) (\(rendered[1]), \(rendered[2]))"
        }
    }

    /// `{name}` placeholders of a template, in order.
    static func placeholders(in template: String) -> [String] {
        var out: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0 >= "a" && $0 <= "z" }) { out.append(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return out
    }

    /// At least four hex digits, as Python's `%04X` / `%04x`.
    static func hex(_ value: UInt32, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - <contact> in running text

    /// "Name (ASCII name)" when the name is not in Latin script and an ASCII form differs;
    /// an organisation's name when the contact has no personal name. Periods followed by a
    /// space keep their single space (xml2rfc puts a no-break space there).
    static func contact(fullname: String?, initials: String?, surname: String?,
                        asciiFullname: String?, asciiInitials: String?, asciiSurname: String?,
                        organization: String?, organizationASCII: String?) -> String {
        var name = fullname.flatMap { $0.isEmpty ? nil : $0 } ?? personalName(initials: initials, surname: surname, addPeriod: { isLatin($0) })
        var ascii: String?
        if !name.isEmpty {
            if !isLatin(name) {
                ascii = asciiFullname.flatMap { $0.isEmpty ? nil : $0 }
                    ?? personalName(initials: asciiInitials ?? initials, surname: asciiSurname ?? surname, addPeriod: { _ in true })
                if ascii?.isEmpty ?? true { ascii = name }
            }
        } else {
            name = organization ?? ""
            if let organization {
                ascii = isLatin(organization) ? organization : (organizationASCII ?? "")
            }
        }
        if ascii == name || ascii?.isEmpty == true { ascii = nil }
        let shown = ascii.map { "\(name) (\($0))" } ?? name
        return shown.replacingAll(". ", with: ".\u{00A0}")
    }

    private static func personalName(initials: String?, surname: String?, addPeriod: (String) -> Bool) -> String {
        var initials = initials
        if let i = initials, !i.isEmpty, !i.hasSuffix("."), addPeriod(i) { initials = i + "." }
        return [initials, surname].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether every letter is in the Latin script; punctuation, digits, spaces and marks
    /// (Unicode's Common and Inherited scripts) do not count against it.
    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            guard scalar.properties.isAlphabetic else { return true }
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1D00...0x1DBF, 0x1E00...0x1EFF,
                 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                return true
            case 0x300...0x36F:
                return true
            default:
                return false
            }
        }
    }
}
