import DraftDocument
import Foundation

/// A document's source bytes, kept exactly as read: every byte that a change does not
/// replace is written back unchanged.
public struct SourceFile: Sendable {
    public enum Format: Sendable { case xml, text }

    public let path: String
    public let bytes: [UInt8]
    public let format: Format
    /// Byte offset where each line starts (line 1 at index 0).
    let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.format = DocumentReader.detectFormat(Data(bytes)) == .xml ? .xml : .text
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// Reads a source file; a missing file is `fileNotFound`.
    public static func read(path: String) throws -> SourceFile {
        SourceFile(path: path, bytes: [UInt8](try readFile(path)))
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Byte offset where the line holding `offset` starts.
    func lineStart(of offset: Int) -> Int { lineStarts[line(of: offset) - 1] }

    /// Byte offset of the line break ending the line that holds `offset` (before a CR of
    /// CRLF), or the end of the file.
    func lineEnd(of offset: Int) -> Int {
        let l = line(of: offset)
        var end = l < lineStarts.count ? lineStarts[l] - 1 : bytes.count
        if end > lineStarts[l - 1], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Bytes of the 1-based line range `lines` (end exclusive), clamped to the file.
    func byteRange(lines: Range<Int>) -> Range<Int> {
        let lo = max(1, min(lines.lowerBound, lineStarts.count))
        let start = lineStarts[lo - 1]
        let end = lines.upperBound - 1 < lineStarts.count ? lineStarts[max(lo, lines.upperBound) - 1] : bytes.count
        return start..<max(start, end)
    }

    /// The line ending the source uses ("\r\n" when its first line ends so).
    var lineEnding: [UInt8] {
        if lineStarts.count > 1, lineStarts[1] >= 2, bytes[lineStarts[1] - 2] == 0x0D { return [0x0D, 0x0A] }
        return [0x0A]
    }

    /// The white space that starts the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> [UInt8] {
        let start = lineStart(of: offset)
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return Array(bytes[start..<i])
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

/// The bytes of a file; missing is `fileNotFound`, a directory or an I/O failure `unreadable`.
func readFile(_ path: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ErrataError(.fileNotFound, "no such file", file: path)
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
        throw ErrataError(.unreadable, "cannot read the file", file: path)
    }
    return data
}
