import Foundation

/// Reading a document from disk in whichever format it is in.
public enum DocumentReader {
    /// Reads `path`, detecting the format from the content, not the extension: a document
    /// whose first non-blank content is `<?xml`, `<!DOCTYPE` or `<rfc` is XML (v3 or v2,
    /// decided by the XML reader), anything else that is text is a plain-text RFC or draft.
    /// - Parameter includeDirectories: extra directories where xi:include and external
    ///   entities may be resolved (the document's own directory always is).
    ///
    /// `outline`: only what a section listing needs. For XML the blocks of section bodies,
    /// the abstract and the notes are not built (their `blocks` are empty); sections,
    /// metadata, references and warnings are as a full read gives them. Text documents are
    /// always read whole.
    /// - Parameter fetchReference: the local copy of a network reference (`xi:include` of a
    ///   bib.ietf.org URL); without it such references become placeholders with a warning.
    public static func read(path: String, includeDirectories: [String] = [], outline: Bool = false, fetchReference: ReferenceFetcher? = nil) throws -> Document {
        let data = try load(path: path)
        return try read(data: data, path: path, includeDirectories: includeDirectories, outline: outline, fetchReference: fetchReference)
    }

    /// Parses bytes already in memory; `path` names them in locations and errors.
    public static func read(data: Data, path: String, includeDirectories: [String] = [], outline: Bool = false, fetchReference: ReferenceFetcher? = nil) throws -> Document {
        switch detectFormat(data) {
        case .xml:
            return try XMLDocumentReader.read(data: data, path: path, includeDirectories: includeDirectories, outline: outline, fetchReference: fetchReference)
        case .text:
            return try TextDocumentReader.read(data: data, path: path)
        }
    }

    public enum DetectedFormat: Sendable { case xml, text }

    /// XML when the first bytes after an optional UTF-8 BOM and white space open markup
    /// (`<?xml`, `<!`, `<rfc`), text otherwise.
    public static func detectFormat(_ data: Data) -> DetectedFormat {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            return .text
        }
        return first == UInt8(ascii: "<") ? .xml : .text
    }

    static func load(path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(.fileNotFound, "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw DocumentError(.unreadable, "\(path): is a directory")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DocumentError(.unreadable, "\(path): \(error.localizedDescription)")
        }
    }
}
