import Foundation

/// A real HTTP server on loopback laid out like the RFC Editor's and the IETF archive's
/// published trees (Tests/Fixtures/archive-server.py): `rfc/rfcN.txt`, `id/NAME-NN.txt`,
/// filled at test time from ../shared/corpus (never committed copies). Stopped on `stop()`
/// or when released.
public final class ArchiveServer: @unchecked Sendable {
    /// The folder served; tests add, change and remove files under it.
    public let root: URL
    public let port: Int
    private let process: Process
    /// Held open while the server should run: it exits when this closes.
    private let input = Pipe()

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// What DRAFTCHECK_RFC_BASE / --rfc-base take for this server.
    public var rfcBase: String { baseURL + "/rfc" }
    public var draftBase: String { baseURL + "/id" }

    /// The python3 the server needs: the tests' venv, else the one on PATH.
    public static var python: String? {
        if let venv = Peer.python.path { return venv }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts the server over a new temporary folder; nil when python3 is missing (the
    /// caller says so with `Absence.peer(.python, ...)`).
    public init?() throws {
        guard let python = Self.python else { return nil }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("draftcheck-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rfc"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("id"), withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/archive-server.py").path, root.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        // The first line is the port; read byte by byte so nothing after it is consumed.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A {
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "archive-server.py printed no port"])
        }
        self.port = port
    }

    /// Copies the corpus document `corpusName` to `path` under the root (e.g.
    /// `rfc/rfc7296.txt`); false when the corpus lacks it.
    @discardableResult
    public func publish(corpus corpusName: String, at path: String) throws -> Bool {
        guard let source = Corpus.path(corpusName) else { return false }
        let target = root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(atPath: source, toPath: target.path)
        return true
    }

    /// Writes `text` at `path` under the root.
    public func publish(text: String, at path: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    public func stop() {
        if process.isRunning {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }

    deinit { stop() }
}
