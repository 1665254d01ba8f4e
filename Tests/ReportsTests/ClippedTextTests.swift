import Testing
@testable import Reports

/// A statement's text in a report's line: at most so many characters (not bytes), cut at
/// a word with " ...", whole when it fits.
@Suite struct ClippedTextTests {
    @Test(arguments: [
        ("The peer MUST reply.", 20, "The peer MUST reply."),
        ("The peer MUST reply.", 19, "The peer MUST ..."),
        ("The peer MUST reply.", 100, "The peer MUST reply."),
        // Characters, not bytes: 20 characters in 40 bytes fit in 20.
        (String(repeating: "é", count: 10) + " " + String(repeating: "ü", count: 9), 20, String(repeating: "é", count: 10) + " " + String(repeating: "ü", count: 9)),
        (String(repeating: "é", count: 10) + " " + String(repeating: "ü", count: 9), 19, String(repeating: "é", count: 10) + " ..."),
        // A flag is one character of eight bytes.
        ("🇫🇷 🇩🇪 🇮🇹", 5, "🇫🇷 🇩🇪 🇮🇹"),
        ("🇫🇷 🇩🇪 🇮🇹", 4, "🇫🇷 🇩🇪 ..."),
        ("Unbreakable-words-only", 10, "Unbreakabl ..."),
        ("", 5, ""),
    ])
    func clippedToCharacters(_ text: String, _ limit: Int, _ expected: String) {
        #expect(TextCheckReport.clipped(text, limit) == expected)
    }
}
