import DocumentSources
import Foundation
import Testing
import TestSupport

/// The cache names bodies by SHA-256; a wrong hash would file documents under wrong names.
struct SHA256Tests {
    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and padding edges: 55 bytes is the
    /// longest message whose length fits the same block, 56 the first that needs another.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    /// The same digest as coreutils' sha256sum on a real document of the corpus.
    @Test func agreesWithSha256sumOnACorpusDocument() throws {
        guard let path = Corpus.path("rfc2367.txt") else {
            let msg = Absence.corpus("rfc2367.txt", neededFor: "the SHA-256 comparison with sha256sum")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }
            return
        }
        let result = try runProcess("/usr/bin/sha256sum", [path])
        let expected = String(result.stdout.prefix(64))
        #expect(SHA256.hexDigest(of: try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }
}
