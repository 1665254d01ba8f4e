// libFuzzer entry point for the document side: the XML reader, the text reader, the errata
// parser and patcher, and `compare`. One binary, four areas; DRAFTCHECK_FUZZ_AREA picks one
// (scripts/fuzz.d/readers.sh sets it). Built only when DRAFTCHECK_FUZZ=1 (Package.swift).
//
// The property in every area: any input is read or refused with the module's own error
// type (DocumentError, ErrataError), never a trap, and what is read goes through the next
// stage (statements, rendering, matching, patching) without one either.
import DraftDocument
import Errata
import Foundation
import Normative

private enum Area: String { case xml, text, errata, compare }

private let area: Area = {
    let name = ProcessInfo.processInfo.environment["DRAFTCHECK_FUZZ_AREA"] ?? ""
    guard let area = Area(rawValue: name) else {
        fatalError("set DRAFTCHECK_FUZZ_AREA to one of xml, text, errata, compare (got \"\(name)\")")
    }
    return area
}()

/// A directory that does not exist: includes and entities resolve beside the document, so
/// a fuzzed document reads nothing from the disk.
private let nowhere = "/nonexistent-draftcheck-fuzz"

/// The draft an errata input is applied to: the bundled excerpt, read once.
private let errataTarget: (SourceFile, Document)? = {
    guard let path = ProcessInfo.processInfo.environment["DRAFTCHECK_FUZZ_DRAFT"],
          let source = try? SourceFile.read(path: path),
          let document = try? DocumentReader.read(path: path) else { return nil }
    return (source, document)
}()

private func read(_ data: Data, name: String) -> Document? {
    do {
        return try DocumentReader.read(data: data, path: "\(nowhere)/\(name)")
    } catch is DocumentError {
        return nil
    } catch {
        fatalError("the reader threw a \(type(of: error)), not a DocumentError: \(error)")
    }
}

/// Statements, and the rendering of every section, of a document that was read.
private func exercise(_ document: Document) -> NormativeAnalysis {
    let analysis = StatementExtractor().analyze(document)
    for statement in analysis.statements where statement.text.isEmpty {
        fatalError("empty statement \(statement.id)")
    }
    for section in document.sections { _ = TextRenderer.render(section) }
    return analysis
}

@_cdecl("LLVMFuzzerTestOneInput")
public func readers_fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let data = Data(bytes: bytes, count: size)
    switch area {
    case .xml:
        guard DocumentReader.detectFormat(data) == .xml, let document = read(data, name: "draft.xml") else { return 0 }
        _ = exercise(document)
    case .text:
        guard DocumentReader.detectFormat(data) == .text, let document = read(data, name: "draft.txt") else { return 0 }
        _ = exercise(document)
    case .errata:
        let text = String(decoding: data, as: UTF8.self)
        let errata: ErrataFile
        do {
            errata = try ErrataFile.parse(text, file: "fuzz.errata")
        } catch is ErrataError {
            return 0
        } catch {
            fatalError("the errata parser threw a \(type(of: error)), not an ErrataError: \(error)")
        }
        guard let (source, document) = errataTarget else { return 0 }
        do {
            _ = try Patcher.apply(errata, to: source, document: { document }, errataFile: "fuzz.errata")
        } catch is ErrataError {
        } catch is DocumentError {
        } catch {
            fatalError("the patcher threw a \(type(of: error)): \(error)")
        }
    case .compare:
        // Two revisions in one input, split at the first NUL byte (or in the middle).
        let cut = data.firstIndex(of: 0) ?? data.startIndex + data.count / 2
        let oldData = data[data.startIndex..<cut]
        let newData = data[min(cut + 1, data.endIndex)...]
        guard let old = read(Data(oldData), name: "old.txt"), let new = read(Data(newData), name: "new.txt") else { return 0 }
        let oldAnalysis = exercise(old), newAnalysis = exercise(new)
        let comparison = RevisionComparison(old: oldAnalysis, new: newAnalysis)
        // Every statement of each side appears exactly once.
        let olds = comparison.changes.compactMap(\.old?.id), news = comparison.changes.compactMap(\.new?.id)
        if olds.sorted() != oldAnalysis.statements.map(\.id).sorted() || news.sorted() != newAnalysis.statements.map(\.id).sorted() {
            fatalError("compare lost or repeated a statement: \(olds.count)/\(oldAnalysis.statements.count) old, \(news.count)/\(newAnalysis.statements.count) new")
        }
    }
    return 0
}
