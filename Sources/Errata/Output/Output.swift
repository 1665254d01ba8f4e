import Foundation

/// Writing a patched source: to a temporary file beside the target, then renamed over it,
/// so that a reader never sees half a file and a failure leaves the target as it was.
public enum AtomicWrite {
    /// Creates `path` (and its parents) as a directory unless it is one already.
    public static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ErrataError(.unwritableOutput, "cannot write into it: it is not a directory", file: path)
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw ErrataError(.unwritableOutput, "cannot create the directory: \(String(cString: strerror(errno)))", file: path)
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ErrataError(.unwritableOutput, "cannot write: the directory \(directory.path) does not exist", file: path)
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ErrataError(.unwritableOutput, "cannot write: it is a directory", file: path)
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).draftcheck-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw ErrataError(.unwritableOutput, "cannot write: \(directory.path) is not writable", file: path)
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ErrataError(.unwritableOutput, "cannot write: \(reason)", file: path)
        }
    }
}

extension ErrataFile {
    /// The source the errata file is about among the bundled drafts: `DIR/DOCUMENT.xml`,
    /// else `DIR/DOCUMENT.txt`, else nil.
    public func bundledSource(in directory: String) -> String? {
        for ext in ["xml", "txt"] {
            let path = (directory as NSString).appendingPathComponent("\(document).\(ext)")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}

/// The label a diff gives a source path: relative paths as they are (so `git apply` and
/// `patch -p1` find them from the repository root), others by file name.
public func diffLabel(_ path: String) -> String {
    if path.hasPrefix("/") || path.hasPrefix("..") { return (path as NSString).lastPathComponent }
    return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
}
