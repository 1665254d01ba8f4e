import DraftDocument
import Testing

/// The one XML escaper: errata NEW text (content) keeps its quotes and every other
/// character; generated reports (attribute) escape quotes and drop what XML 1.0 cannot carry.
@Suite struct XMLEscapingTests {
    @Test(arguments: [
        ("markup characters", "a<b & c>d", "a&lt;b &amp; c&gt;d"),
        ("quotes stay as the author wrote them", "\"SHOULD\" isn't", "\"SHOULD\" isn't"),
        ("control characters stay", "bell\u{07}", "bell\u{07}"),
        ("tab and newline stay", "tab\tnew\nline", "tab\tnew\nline"),
    ])
    func content(_ rule: String, _ raw: String, _ escaped: String) {
        #expect(XMLEscaping.escape(raw, for: .content) == escaped, "\(rule)")
    }

    @Test(arguments: [
        ("markup characters", "a<b & c>d", "a&lt;b &amp; c&gt;d"),
        ("quotes and apostrophes", "\"c\" 'd'", "&quot;c&quot; &apos;d&apos;"),
        ("control characters dropped", "bell\u{07}\r", "bell"),
        ("tab and newline stay", "tab\tnew\nline", "tab\tnew\nline"),
    ])
    func attribute(_ rule: String, _ raw: String, _ escaped: String) {
        #expect(XMLEscaping.escape(raw, for: .attribute) == escaped, "\(rule)")
    }
}
