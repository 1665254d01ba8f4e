import DraftDocument
import Foundation

/// The change as readers of the rendered document see it: the section's text before and
/// after, as a unified diff.
public enum RenderedDiff {
    public static func make(_ result: PatchResult, label: String) throws -> String {
        let before = try DocumentReader.read(data: Data(result.source.bytes), path: result.source.path)
        let after = try DocumentReader.read(data: Data(result.patched), path: result.source.path)
        var out = ""
        for number in Array(Set(result.anchored.map(\.change.section))).sorted() {
            guard let old = before.section(numbered: number), let new = after.section(numbered: number) else {
                throw ErrataError(.sectionNotFound, "section \(number) is not in the patched document", file: result.source.path)
            }
            out += UnifiedDiff.make(old: render(old), new: render(new), oldLabel: "a/\(label) (section \(number), rendered)", newLabel: "b/\(label) (section \(number), rendered)")
        }
        return out
    }

    static func render(_ section: Section) -> String {
        let text = TextRenderer.render(section, includeSubsections: false)
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
