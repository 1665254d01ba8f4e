import Foundation

/// Writing a patched source (or a report): to a temporary file beside the target, then
/// renamed over it, so that a reader never sees half a file and a failure leaves the target
/// as it was; devices and FIFOs, which cannot be replaced, are written in place.
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

    /// Writes `bytes` to `path`. A regular file (or a new one) is written to a temporary
    /// file beside it and renamed over it, keeping the old file's mode and, where allowed,
    /// its owner; a symbolic link is written through, so the link stays and its target
    /// changes; a FIFO or character device (`/dev/null`, `/dev/stdout`) is written in place,
    /// since renaming over it would replace the device with a regular file.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { piece in try bytes.withUnsafeBytes { try piece($0) } }
    }

    /// The same, the content handed over in pieces by `produce` as it is made (a large
    /// report is never held whole). A piece that cannot be written ends the run with
    /// `unwritableOutput`; an error `produce` throws is thrown as is. Either way a regular
    /// file is left as it was.
    public static func write(to path: String, producing produce: (_ piece: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let target = try resolvingLinks(path)
        var status = stat()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                try replace(target, keeping: status, named: path, producing: produce)
            case S_IFDIR:
                throw ErrataError(.unwritableOutput, "cannot write: it is a directory", file: path)
            case S_IFCHR, S_IFIFO:
                try writeInPlace(target, named: path, producing: produce)
            default:
                throw ErrataError(.unwritableOutput, "cannot write: not a regular file, FIFO or character device", file: path)
            }
        } else {
            try replace(target, keeping: nil, named: path, producing: produce)
        }
    }

    /// `path` with its symbolic links followed (up to 32, as the kernel does), ending at a
    /// file that may not exist yet (a dangling link names the file to create).
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<32 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        throw ErrataError(.unwritableOutput, "cannot write: too many levels of symbolic links", file: path)
    }

    private static func replace(_ target: String, keeping old: stat?, named path: String,
                                producing produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let directory = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ErrataError(.unwritableOutput, "cannot write: the directory \(directory) does not exist", file: path)
        }
        let temporary = (directory as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).draftcheck-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // A new file gets 0666 less the umask, as any other tool's output; a replaced one
        // its old mode and owner (fchown fails without privilege: the group alone may still
        // be kept, and otherwise the file is ours).
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, old.map { mode_t($0.st_mode & 0o7777) } ?? 0o666)
        guard fd >= 0 else {
            throw ErrataError(.unwritableOutput, "cannot write: \(directory) is not writable (\(String(cString: strerror(errno))))", file: path)
        }
        var failure: String?
        if let old {
            if fchown(fd, old.st_uid, old.st_gid) != 0 { _ = fchown(fd, uid_t.max, old.st_gid) }
            if fchmod(fd, mode_t(old.st_mode & 0o7777)) != 0 { failure = String(cString: strerror(errno)) }
        }
        if failure == nil {
            do {
                failure = try writing(fd, produce)
            } catch {
                close(fd)
                unlink(temporary)
                throw error
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw ErrataError(.unwritableOutput, "cannot write: \(failure)", file: path)
        }
    }

    private static func writeInPlace(_ target: String, named path: String,
                                     producing produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ErrataError(.unwritableOutput, "cannot write: \(String(cString: strerror(errno)))", file: path)
        }
        defer { close(fd) }
        if let failure = try writing(fd, produce) { throw ErrataError(.unwritableOutput, "cannot write: \(failure)", file: path) }
    }

    /// Runs `produce`, writing each piece to `fd`: nil when every byte was written, else
    /// the reason the first piece that could not be was not (no piece is written after it).
    private static func writing(_ fd: Int32, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> String? {
        struct Unwritten: Error { let reason: String }
        do {
            try produce { piece in
                if let reason = writeAll(fd, piece) { throw Unwritten(reason: reason) }
            }
            return nil
        } catch let unwritten as Unwritten {
            return unwritten.reason
        }
    }

    /// nil when every byte was written, else the reason.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> String? {
        guard let base = buffer.baseAddress else { return nil }
        var done = 0
        while done < buffer.count {
            let n = Foundation.write(fd, base + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            done += n
        }
        return nil
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
