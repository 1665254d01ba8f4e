import Foundation
import Glibc

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

    /// The bytes of `path`, read with open(2) and read(2): Foundation's file reading builds
    /// a URL first, whose path handling was a tenth of a millisecond of every run. Files
    /// that are not regular (a FIFO, /dev/stdin) are read to their end.
    static func load(path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT ? DocumentError(.fileNotFound, "\(path): no such file") : unreadable(path, code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(path, errno) }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw DocumentError(.unreadable, "\(path): is a directory")
        }
        // One byte more than the size, so that the read that fills it shows the file grew.
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(data.count, 1 << 16) }
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw unreadable(path, errno)
            }
        }
        data.count = filled
        return data
    }

    private static func unreadable(_ path: String, _ code: Int32) -> DocumentError {
        DocumentError(.unreadable, "\(path): \(String(cString: strerror(code)))")
    }
}
