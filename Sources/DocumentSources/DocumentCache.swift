import Foundation

/// Fetched documents kept by content: `objects/SHA256/FILE` holds a body under the name its
/// URL ends in (so reports name `rfc7296.txt`, not a bare hash), and `index.json` maps each
/// document name to its hash, URL and fetch time. Every file is written to a temporary name
/// and renamed into place, so an interrupted fetch leaves nothing half-written.
public struct DocumentCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// One name's record in the index.
    public struct Entry: Codable, Hashable, Sendable {
        public var sha256: String
        public var url: String
        /// ISO 8601, UTC.
        public var fetched: String
        /// Relative to the cache directory.
        public var file: String
    }

    struct Index: Codable {
        var version = 1
        var entries: [String: Entry] = [:]
    }

    /// What storing a body did to the name's entry.
    public enum Change: Equatable, Sendable {
        case added
        case unchanged
        /// The body differs from what the index had for the name (changed upstream).
        case changed(previousSHA256: String)
    }

    /// The entry for `name`, when its body is still present.
    public func entry(for name: String) throws -> Entry? {
        guard let entry = try readIndex().entries[name] else { return nil }
        return FileManager.default.fileExists(atPath: path(of: entry)) ? entry : nil
    }

    /// The absolute path of an entry's body.
    public func path(of entry: Entry) -> String { directory + "/" + entry.file }

    /// Stores `body` fetched from `url` under `names` (a draft named without its revision is
    /// recorded under that name and its full one) and says whether it changed.
    @discardableResult
    public func store(_ body: Data, from url: String, as names: [String], at date: Date = Date()) throws -> (entry: Entry, change: Change) {
        let hash = SHA256.hexDigest(of: body)
        let fileName = Self.fileName(for: url)
        let relative = "objects/\(hash)/\(fileName)"
        let objectDirectory = directory + "/objects/" + hash
        do {
            try FileManager.default.createDirectory(atPath: objectDirectory, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: directory + "/" + relative) {
                try writeAtomically(body, to: directory + "/" + relative)
            }
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError(.cacheUnusable, name: directory, "cannot write the cache: \(error.localizedDescription)")
        }
        var index = try readIndex()
        let entry = Entry(sha256: hash, url: url, fetched: ISO8601DateFormatter().string(from: date), file: relative)
        let previous = names.first.flatMap { index.entries[$0] }
        for name in names { index.entries[name] = entry }
        try writeIndex(index)
        let change: Change = switch previous {
        case nil: .added
        case let old? where old.sha256 == hash: .unchanged
        case let old?: .changed(previousSHA256: old.sha256)
        }
        return (entry, change)
    }

    /// The URL's last path component, reduced to characters safe in a file name.
    static func fileName(for url: String) -> String {
        let last = URL(string: url)?.lastPathComponent ?? ""
        let safe = String(last.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) ? $0 : "_" })
        return safe.isEmpty || safe.hasPrefix(".") ? "document" : safe
    }

    private var indexPath: String { directory + "/index.json" }

    func readIndex() throws -> Index {
        guard let data = FileManager.default.contents(atPath: indexPath) else { return Index() }
        do {
            return try JSONDecoder().decode(Index.self, from: data)
        } catch {
            throw SourceError(.cacheUnusable, name: indexPath, "the cache index is not readable (\(error.localizedDescription)); remove it to start afresh")
        }
    }

    private func writeIndex(_ index: Index) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try writeAtomically(try encoder.encode(index), to: indexPath)
        } catch {
            throw SourceError(.cacheUnusable, name: indexPath, "cannot write the cache index: \(error.localizedDescription)")
        }
    }

    /// Writes beside the target and renames over it (rename(2) is atomic on one file system).
    private func writeAtomically(_ data: Data, to path: String) throws {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw SourceError(.cacheUnusable, name: path, "cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw SourceError(.cacheUnusable, name: path, "cannot rename into place: \(reason)")
        }
    }
}
