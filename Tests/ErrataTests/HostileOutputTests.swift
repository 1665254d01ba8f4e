import DraftDocument
import Foundation
import Testing
import TestSupport
@testable import Errata

/// Issue 17 section 2: output targets that are not plain files (D3, D4), and errata input
/// that only looked valid (D11).
@Suite struct HostileOutputTests {
    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    /// D4: --write through a symbolic link to a 0640 file: the link stays a link, the
    /// target gets the bytes and keeps its mode.
    @Test func writingThroughASymbolicLinkKeepsTheLinkAndTheMode() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/real.xml", link = dir + "/link.xml"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.xml")
        try AtomicWrite.write(Array("new".utf8), to: link)
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        var status = stat()
        stat(target, &status)
        #expect(status.st_mode & 0o7777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.xml", "real.xml"])
    }

    /// A report written in pieces as it is made (`check --format json -o`): every piece
    /// lands in order; an error while making it leaves the old file as it was and no
    /// temporary file behind.
    @Test func aFileWrittenInPiecesIsReplacedWholeOrNotAtAll() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try AtomicWrite.write(to: target) { piece in
            for text in ["{", "\"a\" : 1", "}\n"] { try Array(text.utf8).withUnsafeBytes { try piece($0) } }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\" : 1}\n")
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try AtomicWrite.write(to: target) { piece in
                try Array("half".utf8).withUnsafeBytes { try piece($0) }
                throw Broken()
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\" : 1}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["report.json"])
    }

    /// A piece that cannot be written (a full disk) ends the write with its reason.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))) func aPieceThatCannotBeWrittenIsAnError() throws {
        var pieces = 0
        let error = try #require(throws: ErrataError.self) {
            try AtomicWrite.write(to: "/dev/full") { piece in
                for _ in 0..<3 {
                    pieces += 1
                    try Array("data".utf8).withUnsafeBytes { try piece($0) }
                }
            }
        }
        #expect(error.message == "cannot write: No space left on device")
        #expect(pieces == 1, "no piece is made after the one that failed")
    }

    /// D3: a FIFO is written into, not replaced by a regular file.
    @Test func aFIFOIsWrittenInPlace() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> Data in
            let handle = FileHandle(forReadingAtPath: fifo)!
            return handle.readDataToEndOfFile()
        }
        try AtomicWrite.write(Array("through the pipe".utf8), to: fifo)
        #expect(String(decoding: await reader.value, as: UTF8.self) == "through the pipe")
        #expect(Self.fileType(fifo) == S_IFIFO)
    }

    /// D3: a character device is written into (needs root to make one; /dev/null is not
    /// used, since the defect would replace it).
    @Test(.enabled(if: geteuid() == 0)) func aCharacterDeviceIsWrittenInPlace() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = dir + "/null"
        // makedev(1, 3): /dev/null's numbers.
        #expect(mknod(device, S_IFCHR | 0o666, dev_t(0x103)) == 0)
        try AtomicWrite.write(Array("gone".utf8), to: device)
        #expect(Self.fileType(device) == S_IFCHR)
    }

    /// D11: a date of the right shape that is no day of the calendar.
    @Test(arguments: ["2010-13-45", "2010-02-30", "2011-02-29", "2010-00-10"])
    func aDateThatIsNoDayIsRefusedWithItsLine(date: String) throws {
        let text = "---\ndocument: draft-x-00\nsection: \"2.9\"\ntype: technical\nreporter: A <a@example.org>\ndate: \(date)\n---\n"
        let error = try #require(throws: ErrataError.self) { try ErrataFile.parse(text, file: "e.errata") }
        #expect(error.code == .malformed)
        #expect(error.description == "e.errata:6: error: \"date: \(date)\" is not a day of the calendar (month 01-12, day within the month)")
    }

    @Test func aLeapDayIsADay() throws {
        let text = "---\ndocument: draft-x-00\nsection: \"2.9\"\ntype: technical\nreporter: A <a@example.org>\ndate: 2012-02-29\n---\n"
        #expect(try ErrataFile.parse(text, file: "e.errata").date == "2012-02-29")
    }

    /// D11: --compare-with a binary is not "nothing adopted".
    @Test func comparingWithABinaryIsAnError() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let binary = dir + "/a.out"
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00] + Array("text".utf8)).write(to: URL(fileURLWithPath: binary))
        let errata = TestEnvironment.packageRoot.path + "/errata/draft-ietf-ipsecme-ikev2bis-08-section-2.9.errata"
        let error = try #require(throws: DocumentError.self) { try ErrataFile.adoption(errataFile: errata, later: binary) }
        #expect(error.code == .notADocument)
        #expect(error.description.hasPrefix(binary + ":1:8: error: binary content"), "\(error)")
    }
}
