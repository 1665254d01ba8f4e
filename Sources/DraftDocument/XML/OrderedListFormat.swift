import Foundation

/// An `<ol type=...>` as xml2rfc 3.34.1 numbers it: a one-character type ("1", "a", "A",
/// "i", "I") gives "1.", "a."...; a longer type is a template whose first `%d`, `%c`,
/// `%C`, `%i`, `%I`, `%o`, `%O`, `%x` or `%X` is the counter ("REQ%d:", "(%i)"), and whose
/// `%p` stands for the enclosing item's label. Also the body indent xml2rfc gives the
/// list when it has no `indent` attribute: the label template with room for the widest
/// counter of as many items as the list has, plus two spaces.
struct OrderedListFormat {
    /// The template text before and after the counter.
    var prefix: String
    var suffix: String
    /// The counter style character ("d", "a", "I"...).
    var style: Character

    static let styles: Set<Character> = ["c", "C", "d", "i", "I", "o", "O", "x", "X"]

    init(type: String, parentLabel: String?) {
        var type = type.isEmpty ? "1" : type
        guard type.count > 1 else {
            prefix = ""
            suffix = "."
            style = type.first ?? "1"
            return
        }
        if type.contains("%p") { type = type.replacingAll("%p", with: parentLabel ?? "") }
        var rest = Substring(type)
        while let percent = rest.firstIndex(of: "%") {
            let next = rest.index(after: percent)
            if next < rest.endIndex, Self.styles.contains(rest[next]) {
                prefix = String(type[..<percent])
                suffix = String(type[rest.index(after: next)...])
                style = rest[next]
                return
            }
            rest = rest[next...]
        }
        // xml2rfc reports such a type as an error and numbers plainly.
        prefix = ""
        suffix = ""
        style = "d"
    }

    func label(_ counter: Int) -> String { prefix + counterText(counter) + suffix }

    func counterText(_ n: Int) -> String {
        switch style {
        case "a", "c": return Self.letters(n, upper: false)
        case "A", "C": return Self.letters(n, upper: true)
        case "i": return Self.roman(n).lowercased()
        case "I": return Self.roman(n)
        case "o": return String(n, radix: 8)
        case "O": return String(n, radix: 8).uppercased()
        case "x": return String(n, radix: 16)
        case "X": return String(n, radix: 16, uppercase: true)
        default: return "\(n)"
        }
    }

    /// The body indent of a list of `itemCount` items with no `indent` attribute.
    func adaptiveIndent(itemCount: Int) -> Int {
        prefix.count + counterWidth(itemCount: max(1, itemCount)) + suffix.count + 2
    }

    /// xml2rfc's width of the widest counter of `n` items (it measures the item count,
    /// not the last counter, so a list starting at 17 gets the room of one digit).
    private func counterWidth(itemCount n: Int) -> Int {
        func digits(base: Double) -> Int { Int(log(Double(n)) / log(base)) + 1 }
        switch style {
        case "a", "A", "c", "C": return digits(base: 26)
        case "o", "O": return digits(base: 8)
        case "x", "X": return digits(base: 16)
        case "i", "I":
            let widths = [1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 4, 9: 4, 10: 4, 11: 4, 12: 4, 13: 4, 14: 4, 15: 4, 16: 4, 17: 4,
                          18: 5, 19: 5, 20: 5, 21: 5, 22: 5, 23: 5, 24: 5, 25: 5, 26: 5, 27: 5, 28: 6, 29: 6]
            if let w = widths[n] { return w }
            return (1...min(n + 31, 3999)).map { Self.roman($0).count }.max() ?? 1
        default: return digits(base: 10)
        }
    }

    /// xml2rfc's letters: n - 1 in base 26 with digits a...z, so 26 is "z" and 27 "ba".
    static func letters(_ n: Int, upper: Bool) -> String {
        guard n > 0 else { return "\(n)" }
        var value = n - 1
        var scalars: [Character] = []
        repeat {
            scalars.append(Character(UnicodeScalar(UInt8((upper ? 65 : 97) + value % 26))))
            value /= 26
        } while value > 0
        return String(scalars.reversed())
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var value = n
        var out = ""
        for (v, s) in table { while value >= v { out += s; value -= v } }
        return out
    }
}
