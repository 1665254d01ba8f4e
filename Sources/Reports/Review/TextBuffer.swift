/// UTF-8 text built in place, handed over in pieces. The bytes written are the front of
/// a buffer kept at its size between pieces and copied into with one move per piece of text:
/// an array appended to checked and grew itself for each of the dozen pieces of every
/// statement line (871,200 lines in a 50 MB draft's review).
struct TextBuffer {
    private var storage = [UInt8](repeating: 0, count: 1 << 12)
    /// How many bytes of `storage` are written.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ write($0) }) { return done }
        var text = text
        text.withUTF8 { write($0) }
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    mutating func appendNewline() {
        reserve(1)
        storage[count] = 0x0A
        count += 1
    }

    /// A number in decimal, its digits written in place.
    mutating func append(_ n: Int) {
        guard n >= 0 else { return append(String(n)) }
        var digits = 1, rest = n
        while rest >= 10 { rest /= 10; digits += 1 }
        reserve(digits)
        let end = count + digits
        storage.withUnsafeMutableBufferPointer { out in
            var value = n, at = end
            repeat {
                at -= 1
                out[at] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
                value /= 10
            } while value > 0
        }
        count = end
    }

    /// The text so far, handed over and cleared (the room is kept).
    mutating func take() -> String {
        let n = count
        count = 0
        return storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<n]), as: UTF8.self) }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        let at = count
        storage.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            (base + at).update(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    /// Room for `more` bytes after those written.
    private mutating func reserve(_ more: Int) {
        guard count + more > storage.count else { return }
        var size = storage.count
        while size < count + more { size *= 2 }
        storage.append(contentsOf: repeatElement(0, count: size - storage.count))
    }
}
