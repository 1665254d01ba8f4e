import Foundation

/// Everything the command line prints goes through here, so that a failed write is seen:
/// Swift's `print` drops errors and `FileHandle.write` traps on them. A write that fails
/// (a full disk) is exit 74 with a message; a reader that went away (`draftcheck ... |
/// head`) ends the run quietly with exit 0, as the reader asked for no more.
enum StandardOutput {
    /// Thrown when standard output is a pipe whose reader has gone (EPIPE).
    struct ReaderGone: Error {}

    /// SIGPIPE would kill the process before the write can report EPIPE.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    static func write(_ buffer: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < buffer.count {
            let n = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + done, buffer.count - done)
            if n >= 0 { done += n; continue }
            switch errno {
            case EINTR, EAGAIN: continue
            case EPIPE: throw ReaderGone()
            default:
                throw CommandLineError(.outputFailed, "standard output: \(String(cString: strerror(errno))) (\(buffer.count - done) of \(buffer.count) bytes not written)")
            }
        }
    }
}

/// Standard error, for warnings and error lines: a failure there has nowhere to be reported.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let n = Foundation.write(STDERR_FILENO, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                done += n
            }
        }
    }
}
