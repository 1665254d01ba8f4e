import Foundation

/// Where the tests find what lives beside the project: the shared corpus, the Python venv
/// that scripts/test makes, and the system peers. A missing corpus or peer is said loudly;
/// with CI=true it is a failure (the caller records it), never a quiet skip.
public enum TestEnvironment {
    /// The package root: found from this file's path, so tests run from any directory.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/corpus` beside the package root, or `DRAFTCHECK_CORPUS`.
    public static let corpusDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["DRAFTCHECK_CORPUS"] {
            return URL(fileURLWithPath: dir)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    /// True when CI=true: a missing corpus or peer fails the test instead of skipping.
    public static let isStrict: Bool = {
        let v = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return v == "true" || v == "1"
    }()

    /// The venv scripts/test makes (`.venv`), or `DRAFTCHECK_VENV`.
    public static let venv: URL = {
        if let dir = ProcessInfo.processInfo.environment["DRAFTCHECK_VENV"] {
            return URL(fileURLWithPath: dir)
        }
        return packageRoot.appendingPathComponent(".venv")
    }()

    /// The built `draftcheck` executable beside the test bundle (the CLI test target
    /// depends on it, so `swift test` builds it).
    public static var draftcheckBinary: URL {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDir.appendingPathComponent("draftcheck"),
            bundleDir.deletingLastPathComponent().appendingPathComponent("draftcheck"),
        ]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return packageRoot.appendingPathComponent(".build/debug/draftcheck")
    }
}

/// A document of ../shared/corpus by file name.
public enum Corpus {
    /// The path of `name` in the corpus, or nil when the corpus or the file is absent.
    /// When nil, call `Absence.corpus` so the run says so (and record an issue in CI).
    public static func path(_ name: String) -> String? {
        let url = TestEnvironment.corpusDirectory.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// Rows of MANIFEST.tsv as dictionaries keyed by its header.
    public static func manifest() -> [[String: String]] {
        let url = TestEnvironment.corpusDirectory.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        return lines.map { row in
            var d: [String: String] = [:]
            for (i, key) in header.enumerated() where i < row.count { d[key] = row[i] }
            return d
        }
    }

    /// Corpus file names whose MANIFEST format is one of `formats` ("xml-v2", "xml-v3",
    /// "txt-rfc", "txt-draft", "include").
    public static func files(formats: Set<String>) -> [String] {
        manifest().filter { formats.contains($0["format"] ?? "") }.compactMap { $0["file"] }
    }
}

/// The peers the tests run beside draftcheck.
public enum Peer: String, CaseIterable, Sendable {
    case xml2rfc, id2xml, python, tshark, uml = "linux.uml", chromium, gcc, clang, git, patch, make
    /// strongSwan's swanctl (with charon): the IKEv2 peers of the live narrowing matrix.
    case swanctl

    /// The executable's path, or nil when it is not installed.
    public var path: String? {
        let fm = FileManager.default
        switch self {
        case .xml2rfc, .id2xml, .python:
            let name = self == .python ? "python3" : rawValue
            let p = TestEnvironment.venv.appendingPathComponent("bin/\(name)").path
            return fm.isExecutableFile(atPath: p) ? p : nil
        default:
            let names = self == .chromium ? ["chromium", "chromium-browser"] : [rawValue]
            let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin"]
            for name in names {
                for dir in dirs {
                    let p = dir + "/" + name
                    if fm.isExecutableFile(atPath: p) { return p }
                }
            }
            return nil
        }
    }
}

extension Peer {
    /// Why User-Mode Linux, though installed, cannot run on this host, or nil when it can
    /// (or is not installed): `scripts/uml --which`, one boot of `/bin/true` under UML,
    /// exits 3 when the guest's first process dies before it runs (a host kernel UML cannot
    /// run on) and the QEMU stand-in scripts/uml falls back to is not prepared either.
    public static let umlHostProblem: String? = {
        guard Peer.uml.path != nil else { return nil }
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/uml").path
        guard let r = try? runProcess(script, ["--which"], timeout: 120), r.status == 3 else { return nil }
        return r.stderr.split(separator: "\n").last(where: { $0.contains("cannot run on this host") }).map(String.init) ?? "scripts/uml exited 3"
    }()
}

/// Saying that something a test needs is missing. The caller decides how to fail:
/// `let msg = Absence.corpus(...); if TestEnvironment.isStrict { Issue.record(Comment(rawValue: msg)) }; return`.
public enum Absence {
    /// The message for a missing peer, printed loudly to standard error at once.
    public static func peer(_ peer: Peer, neededFor purpose: String) -> String {
        let text = "PEER MISSING: \(peer.rawValue) is not installed, so \(purpose) did not run. Run scripts/test to install it.\(TestEnvironment.isStrict ? " CI=true: this is a failure." : "")"
        FileHandle.standardError.write(Data(("*** " + text + "\n").utf8))
        return text
    }

    /// The message for a peer that is installed but that this host cannot run (User-Mode
    /// Linux on a host kernel it cannot run on), printed loudly to standard error. Not a
    /// failure even with CI=true: nothing the project installs or builds can mend the
    /// host, and every other test still runs.
    public static func hostCannotRun(_ peer: Peer, _ problem: String, neededFor purpose: String) -> String {
        let text = "PEER CANNOT RUN ON THIS HOST: \(peer.rawValue) is installed, but \(problem); so \(purpose) did not run."
        FileHandle.standardError.write(Data(("*** " + text + "\n").utf8))
        return text
    }

    /// The message for a missing corpus document.
    public static func corpus(_ name: String, neededFor purpose: String) -> String {
        let text = "CORPUS MISSING: \(name) not found in \(TestEnvironment.corpusDirectory.path), so \(purpose) did not run.\(TestEnvironment.isStrict ? " CI=true: this is a failure." : "")"
        FileHandle.standardError.write(Data(("*** " + text + "\n").utf8))
        return text
    }
}

/// The result of running a program.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data
}

/// Runs `executable` with `arguments`, feeding `stdin`, and waits, with a time limit
/// after which the process is killed (a hung peer fails the test instead of hanging it).
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil, currentDirectory: String? = nil, environment: [String: String]? = nil, timeout: TimeInterval = 300) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    // Read both pipes concurrently so a chatty child cannot block on a full pipe. The
    // readers hand over what they read under a lock, so that the wait for them can end.
    let collected = CollectedOutput()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { collected.set(out: readToEnd(outPipe.fileHandleForReading.fileDescriptor)); group.leave() }
    group.enter()
    DispatchQueue.global().async { collected.set(err: readToEnd(errPipe.fileHandleForReading.fileDescriptor)); group.leave() }
    if let stdin { writeAll(stdin, to: inPipe.fileHandleForWriting.fileDescriptor) }
    try? inPipe.fileHandleForWriting.close()
    let deadline = DispatchTime.now() + timeout
    if group.wait(timeout: deadline) == .timedOut {
        process.terminate()
        // The child may be gone while a process it left behind still holds the pipes (a
        // UML guest's host processes killed at their time limit): their end may never
        // come. A short wait, then the test goes on with what was read (it fails, it does
        // not hang the suite).
        if group.wait(timeout: .now() + 10) == .timedOut, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }
    process.waitUntilExit()
    let (outData, errData) = collected.read()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
}

/// A child's output as its readers finish, read under a lock (empty for a reader that
/// has not finished).
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()

    func set(out data: Data) { lock.withLock { out = data } }
    func set(err data: Data) { lock.withLock { err = data } }
    func read() -> (Data, Data) { lock.withLock { (out, err) } }
}

/// Everything up to end of file, with read(2) retried when a signal interrupts it.
/// (FileHandle.readDataToEndOfFile traps on EINTR: a child's SIGCHLD arriving during the
/// read crashed the whole test process.)
func readToEnd(_ fd: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            data.append(contentsOf: buffer[0..<n])
        } else if n < 0, errno == EINTR {
            continue
        } else {
            return data
        }
    }
}

/// All of `data` to `fd`, retrying on EINTR; stops quietly if the reader has gone (EPIPE).
func writeAll(_ data: Data, to fd: Int32) {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// Runs the built draftcheck binary.
@discardableResult
public func runDraftcheck(_ arguments: [String], stdin: Data? = nil, currentDirectory: String? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
    try runProcess(TestEnvironment.draftcheckBinary.path, arguments, stdin: stdin, currentDirectory: currentDirectory ?? TestEnvironment.packageRoot.path, environment: environment)
}

/// SplitMix64: a seeded random number generator, so randomised tests draw the same values
/// on every run.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
