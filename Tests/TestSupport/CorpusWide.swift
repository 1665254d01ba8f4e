import Foundation

/// ../shared/corpus-wide: documents of every era of the series (MANIFEST.tsv) and a
/// heuristic oracle of their numbered headings and BCP 14 counts (oracle/). Found next to
/// the corpus (so `DRAFTCHECK_CORPUS` moves both), or at `DRAFTCHECK_CORPUS_WIDE`.
public enum CorpusWide {
    public static let directory: URL = {
        if let dir = ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS_WIDE"] {
            return URL(fileURLWithPath: dir)
        }
        let corpus = TestEnvironment.corpusDirectory.standardizedFileURL
        // DRAFTCHECK_CORPUS may name corpus-wide itself.
        if corpus.lastPathComponent == "corpus-wide" { return corpus }
        return corpus.deletingLastPathComponent().appendingPathComponent("corpus-wide")
    }()

    /// True when the directory and its manifest are there.
    public static var isPresent: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("MANIFEST.tsv").path)
    }

    /// Tab-separated rows of a file under the corpus-wide directory ("MANIFEST.tsv",
    /// "oracle/headings.tsv"), the header row (first cell "file") left out.
    public static func rows(_ relativePath: String) -> [[String]] {
        let url = directory.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.first != "file" }
    }

    /// Every document of the manifest, in its order.
    public static var documents: [String] { rows("MANIFEST.tsv").compactMap(\.first) }

    /// oracle/excluded.tsv: file -> (scope, reason) for each exclusion.
    public static var exclusions: [String: [(scope: String, reason: String)]] {
        var out: [String: [(scope: String, reason: String)]] = [:]
        for row in rows("oracle/excluded.tsv") where row.count >= 3 { out[row[0], default: []].append((row[1], row[2])) }
        return out
    }

    /// Whether `file` is left out of `measure` ("headings", "bcp14") or of everything.
    public static func isExcluded(_ file: String, from measure: String) -> Bool {
        exclusions[file]?.contains { $0.scope == measure || $0.scope == "all" } ?? false
    }

    /// The path of a document, nil when absent.
    public static func path(_ name: String) -> String? {
        let url = directory.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// The message for a missing corpus-wide, printed loudly to standard error at once.
    public static func absence(neededFor purpose: String) -> String {
        let text = "CORPUS MISSING: \(directory.path) (corpus-wide, next to the corpus; or set DRAFTCHECK_CORPUS_WIDE) is absent, so \(purpose) did not run.\(TestEnvironment.isStrict ? " CI=true: this is a failure." : "")"
        FileHandle.standardError.write(Data(("*** " + text + "\n").utf8))
        return text
    }
}
