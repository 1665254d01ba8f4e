import Foundation
import Testing
import TestSupport
@testable import PFKey

/// Real kernel captures (committed by the live UML suite under Tests/Fixtures/kernel/:
/// `*.bin` raw message streams, `*.hex` one message or stream per line, '#' comments)
/// decode strictly with the linux dialect.
@Suite struct KernelFixtureTests {
    static let directory = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/kernel")

    static var files: [URL] {
        guard let e = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { ["bin", "hex"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    static func streams(_ url: URL) throws -> [[UInt8]] {
        let data = try Data(contentsOf: url)
        if url.pathExtension == "bin" { return [[UInt8](data)] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let hexText = text.split(separator: " ").last.map(String.init) ?? ""
            return hexText.isEmpty ? nil : unhex(hexText)
        }
    }

    @Test(.enabled(if: !files.isEmpty, "no captures under Tests/Fixtures/kernel yet"))
    func capturesDecodeStrictly() throws {
        for file in Self.files {
            for stream in try Self.streams(file) {
                for bytes in try Message.split(stream, dialect: .linux) {
                    do {
                        let m = try Message(decoding: bytes, options: DecodingOptions(dialect: .linux))
                        #expect(try m.encode(dialect: .linux).count == bytes.count, "\(file.lastPathComponent)")
                    } catch {
                        Issue.record("\(file.lastPathComponent): \(error)")
                    }
                }
            }
        }
    }
}
