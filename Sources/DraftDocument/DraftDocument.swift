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

    /// XML when the first bytes after an optional UTF-8 BOM and white space open markup: a
    /// declaration or processing instruction (`<?`), a comment or doctype (`<!`), the root
    /// `<rfc`, a start tag with an attribute or closed at once (`<html/>`), or one whose
    /// element is closed later (`<section>` ... `</section>`). The XML reader refuses what is
    /// not an RFC with its reason. Text otherwise, though it opens
    /// with "<": plain-text drafts were written with a bracketed first line ("<Network
    /// Working Group>", draft-ietf-krb-wg-gssapi-cfx-07; "<draft-foo-00.txt>").
    public static func detectFormat(_ data: Data) -> DetectedFormat {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.firstIndex(where: { !isXMLSpace($0) }),
              bytes[first] == UInt8(ascii: "<") else { return .text }
        let afterOpen = bytes[(first + 1)...]
        guard let lead = afterOpen.first else { return .text }
        if lead == UInt8(ascii: "?") || lead == UInt8(ascii: "!") { return .xml }
        let name = afterOpen.prefix(while: isNameByte)
        guard !name.isEmpty, let end = afterOpen.dropFirst(name.count).first,
              end == UInt8(ascii: ">") || end == UInt8(ascii: "/") || isXMLSpace(end) else { return .text }
        if name.elementsEqual("rfc".utf8) || hasMarkupAttributes(afterOpen.dropFirst(name.count)) { return .xml }
        let closing = Array("</".utf8) + name
        let rest = afterOpen.dropFirst(name.count)
        let found = rest.withUnsafeBytes { haystack in
            closing.withUnsafeBytes { needle in ByteSearch.first(needle, in: haystack) != nil }
        }
        return found ? .xml : .text
    }

    /// Whether a start tag's rest, after its name, is markup: "/>" (a root closed at once,
    /// `<html/>`), or an attribute written `name="value"` or `name='value'`.
    private static func hasMarkupAttributes(_ rest: Data.SubSequence) -> Bool {
        var tag = rest.drop(while: isXMLSpace)
        if tag.starts(with: "/>".utf8) { return true }
        let attribute = tag.prefix(while: isNameByte)
        guard !attribute.isEmpty else { return false }
        tag = tag.dropFirst(attribute.count).drop(while: { $0 == 0x20 || $0 == 0x09 })
        guard tag.first == UInt8(ascii: "=") else { return false }
        tag = tag.dropFirst().drop(while: { $0 == 0x20 || $0 == 0x09 })
        return tag.first == UInt8(ascii: "\"") || tag.first == UInt8(ascii: "'")
    }

    /// XML's white space: space, tab, line feed, carriage return.
    private static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Bytes of an XML name as documents use them: ASCII letters, digits, "-", "_", ".",
    /// ":", and any byte of a UTF-8 sequence.
    private static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A || b >= 0x80
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
