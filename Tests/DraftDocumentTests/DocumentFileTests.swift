import Foundation
import Glibc
import Testing
@testable import DraftDocument

/// Reading a document's bytes from disk (`DocumentReader.load`), and when libxml2's tree is
/// freed (`ParseTreeRelease`).
@Suite struct DocumentFileTests {
    static func temporaryDirectory() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/draftcheck-load-XXXXXX").utf8CString)
        let made = try #require(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) })
        return String(cString: made)
    }

    /// Bytes no reader would mistake for anything but themselves: every value, many pages.
    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    }

    @Test func aMissingFileIsFileNotFound() throws {
        let error = try #require(throws: DocumentError.self) { try DocumentReader.load(path: "/nonexistent/draft-x-00.xml") }
        #expect(error.code == .fileNotFound)
        #expect(error.reportLine == "error: /nonexistent/draft-x-00.xml: no such file")
    }

    @Test func aDirectoryIsUnreadable() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: DocumentError.self) { try DocumentReader.load(path: directory) }
        #expect(error.code == .unreadable)
        #expect(error.reportLine == "error: \(directory): is a directory")
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 300_001])
    func aRegularFileIsReadWhole(count: Int) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/draft.txt"
        let bytes = Self.pattern(count)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(Array(try DocumentReader.load(path: path)) == bytes)
    }

    /// A FIFO has no size: it is read to its end, past the first guess of the buffer.
    @Test func aFIFOIsReadToItsEnd() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        let bytes = Self.pattern(200_003)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            var written = 0
            bytes.withUnsafeBytes { raw in
                while written < raw.count {
                    let n = write(fd, raw.baseAddress! + written, raw.count - written)
                    if n <= 0 { break }
                    written += n
                }
            }
            close(fd)
        }
        writer.start()
        #expect(Array(try DocumentReader.load(path: path)) == bytes)
    }

    @Test func smallTreesAreLeftToTheExitOnlyWhenAsked() {
        let largest = ParseTreeRelease.largestLeftToExit
        #expect(largest == 8 << 20)
        #expect(ParseTreeRelease.freesTree(ofSourceBytes: 229_000, leavingSmallTrees: false))
        #expect(!ParseTreeRelease.freesTree(ofSourceBytes: 229_000, leavingSmallTrees: true))
        #expect(!ParseTreeRelease.freesTree(ofSourceBytes: largest, leavingSmallTrees: true))
        #expect(ParseTreeRelease.freesTree(ofSourceBytes: largest + 1, leavingSmallTrees: true))
        #expect(ParseTreeRelease.freesTree(ofSourceBytes: 50 << 20, leavingSmallTrees: true))
    }
}
