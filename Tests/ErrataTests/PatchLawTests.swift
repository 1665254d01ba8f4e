import DraftDocument
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Errata

/// Laws of applying, over random OLD runs of the bundled -08 section 2.9 and random NEW
/// text: the result still parses, and reads as the old text with OLD replaced by NEW.
@Suite struct PatchLawTests {
    static let path = TestEnvironment.packageRoot.appendingPathComponent("drafts/draft-ietf-ipsecme-ikev2bis-08.xml").path

    static func sectionText(_ document: Document) -> String {
        (document.section(numbered: "2.9")?.paragraphs ?? []).map(\.content.normalizedText).joined(separator: " ")
    }

    static let vocabulary = ["the", "SPD", "[PFKEY]", "A&B", "<x>", "MUST", "(see", "Section", "1.1.3).", "\"protect\"", "\n\n", "IKEv2.", "payloads"]

    @Test func applyingKeepsTheDocumentValidAndReplacesExactlyOld() async throws {
        let source = try SourceFile.read(path: Self.path)
        let document = try DocumentReader.read(path: Self.path)
        let before = Self.sectionText(document)
        let words = before.split(separator: " ").map(String.init)
        let input = Gen.int(in: 0...(words.count - 1))
        await propertyCheck(count: 80, input: input, Gen.int(in: 1...40), Gen.element(of: Self.vocabulary).array(of: 1...25)) { start, length, newWords in
            let old = words[start..<min(words.count, start + length)].joined(separator: " ")
            let newText = newWords.compactMap { $0 }.joined(separator: " ")
            let change = Change(section: "2.9", old: Passage(old), new: Passage(newText))
            let errata = ErrataFile(document: "d", section: "2.9", type: .editorial, reporter: "r", date: "2020-01-01", changes: [change])
            do {
                let result = try Patcher.apply(errata, to: source, document: { document })
                let patched = try DocumentReader.read(data: Data(result.patched), path: Self.path)
                let expected = before.replacingOccurrences(of: old, with: Passage(newText).paragraphs.joined(separator: " "))
                #expect(Self.sectionText(patched) == expected, "OLD: \(old)\nNEW: \(newText)")
                // Untouched: everything before and after the replaced lines.
                let r = result.replacements[0].range
                #expect(result.patched.prefix(r.lowerBound).elementsEqual(source.bytes.prefix(r.lowerBound)))
                #expect(result.patched.suffix(source.bytes.count - r.upperBound).elementsEqual(source.bytes.suffix(from: r.upperBound)))
            } catch let error as ErrataError where error.code == .oldTextAmbiguous {
                // Short runs ("the") occur more than once: refused, as they must be.
            } catch let error as ErrataError where error.code == .newTextMissing {
                #expect(Passage(newText).isEmpty, "\(error)")
            } catch let error as ErrataError where error.code == .unsupportedRange {
                // OLD cut "Section 1.1.3" (one xref) in two: refused, as it must be.
                #expect(error.message.contains("inside the cross-reference <xref target=\"sec-1.1.3\"/>"), "\(error)")
            } catch {
                Issue.record("OLD: \(old)\nNEW: \(newText)\n\(error)")
            }
        }
    }

    /// The same law on plain text (-04 from the corpus): OLD runs from the first three
    /// paragraphs of section 2.9 (which have no line-end hyphens), NEW reflowed at 72.
    @Test func applyingToTextReflowsAndReplacesExactlyOld() async throws {
        guard let path = Corpus.path("draft-ietf-ipsecme-ikev2bis-04.txt") else {
            let message = Absence.corpus("draft-ietf-ipsecme-ikev2bis-04.txt", neededFor: "the text patch law")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: message)) }
            return
        }
        let source = try SourceFile.read(path: path)
        let document = try DocumentReader.read(path: path)
        func firstThree(_ d: Document) -> String {
            (d.section(numbered: "2.9")?.paragraphs ?? []).prefix(3).map(\.content.normalizedText).joined(separator: " ")
        }
        let before = firstThree(document)
        let words = before.split(separator: " ").map(String.init)
        let vocabulary = ["the", "SPD", "[PFKEY]", "A&B", "MUST", "(see", "Section", "1.1.3).", "\n\n", "IKEv2.", "an-extraordinarily-long-compound-word-that-cannot-be-broken-anywhere-at-all"]
        await propertyCheck(count: 10, input: Gen.int(in: 0...(words.count - 1)), Gen.int(in: 1...40), Gen.element(of: vocabulary).array(of: 1...25)) { start, length, picks in
            let old = words[start..<min(words.count, start + length)].joined(separator: " ")
            let newText = picks.compactMap { $0 }.joined(separator: " ")
            let errata = ErrataFile(document: "d", section: "2.9", type: .editorial, reporter: "r", date: "2020-01-01",
                                    changes: [Change(section: "2.9", old: Passage(old), new: Passage(newText))])
            do {
                let result = try Patcher.apply(errata, to: source, document: { document })
                let patched = try DocumentReader.read(data: Data(result.patched), path: path)
                let expected = before.replacingOccurrences(of: old, with: Passage(newText).paragraphs.joined(separator: " "))
                let after = (patched.section(numbered: "2.9")?.paragraphs ?? []).map(\.content.normalizedText).joined(separator: " ")
                #expect(after.hasPrefix(expected), "OLD: \(old)\nNEW: \(newText)")
                let replaced = String(decoding: result.replacements[0].bytes, as: UTF8.self)
                for line in replaced.split(separator: "\n") where line.count > 72 {
                    #expect(line.split(separator: " ").count == 1, "\(line)")
                }
            } catch let error as ErrataError where error.code == .oldTextAmbiguous {
            } catch let error as ErrataError where error.code == .newTextMissing {
                #expect(Passage(newText).isEmpty, "\(error)")
            } catch {
                Issue.record("OLD: \(old)\nNEW: \(newText)\n\(error)")
            }
        }
    }

    /// Any text: the parser returns a file or a `malformed` error with a line, never traps.
    @Test func parserNeverTrapsOnArbitraryText() async {
        let pieces = ["---", "\n", "document: rfc1", "section: \"1\"", "type: editorial", "reporter: r", "date: 2020-01-01",
                      "Section 1", "OLD:", "NEW:", "NOTES:", "   text", ":", "[", "\"", "\t", "Section 2.9, paragraphs 1-2"]
        await propertyCheck(count: 300, input: Gen.element(of: pieces).array(of: 0...40)) { parts in
            do {
                _ = try ErrataFile.parse(parts.compactMap { $0 }.joined(separator: "\n"))
            } catch let error as ErrataError {
                #expect(error.code == .malformed)
                #expect((error.line ?? 0) >= 1)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    /// Any bytes: the XML scanner and the visible-text map stay in bounds.
    @Test func visibleTextOfArbitraryBytesStaysInBounds() async {
        let bytes = Gen.element(of: Array("<>/&;=\"' \nabxref t<![CDATA[]]><!--->?".utf8) + [0xC3, 0xA9, 0xFF]).array(of: 0...120)
        await propertyCheck(count: 300, input: bytes) { b in
            let b = b.compactMap { $0 }
            let source = SourceFile(path: "f", bytes: b)
            let visible = VisibleText.xml(source, 0..<b.count, names: XrefNames(document: nil))
            #expect(visible.starts.allSatisfy { $0 >= 0 && $0 <= b.count })
            #expect(visible.ends.allSatisfy { $0 >= 0 && $0 <= b.count })
            let text = VisibleText.text(source, 0..<b.count)
            #expect(text.ends.allSatisfy { $0 <= b.count })
        }
    }
}
