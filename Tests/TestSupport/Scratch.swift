import Foundation

/// Directories of the tests' own under the system's temporary directory, removed with
/// everything in them once the tests are done with them (a run of the suite used to leave
/// hundreds behind in /tmp).
public enum Scratch {
    /// Runs `body` with a new, empty directory named `prefix-UUID`, and removes the
    /// directory afterwards, whether `body` returned or threw.
    public static func directory<T>(_ prefix: String, _ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    /// A new directory for what several tests of one process share (a cache of renders),
    /// removed when the process exits.
    public static func processDirectory(_ prefix: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        lock.lock()
        defer { lock.unlock() }
        if !registered {
            registered = true
            atexit { Scratch.removeProcessDirectories() }
        }
        processDirectories.append(dir)
        return dir
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered = false
    nonisolated(unsafe) private static var processDirectories: [URL] = []

    private static func removeProcessDirectories() {
        lock.lock()
        defer { lock.unlock() }
        for dir in processDirectories { try? FileManager.default.removeItem(at: dir) }
        processDirectories = []
    }
}
