import Glibc
import PFKey
import WireCore

/// One PF_KEY v2 socket (socket(AF_KEY=15, SOCK_RAW, PF_KEY_V2=2)) and the transcript of
/// every message sent and received on it.
final class KeySocket {
    enum Failure: Error, CustomStringConvertible {
        case system(String, Int32)
        case timeout(String)
        var description: String {
            switch self {
            case .system(let what, let e): "\(what): \(String(cString: strerror(e)))"
            case .timeout(let what): "timed out waiting for \(what)"
            }
        }
    }

    let fd: Int32
    let pid = UInt32(getpid())
    private var nextSequence: UInt32 = 1
    let log: Transcript

    init(log: Transcript) throws {
        fd = socket(15, Int32(SOCK_RAW.rawValue), 2)
        guard fd >= 0 else { throw Failure.system("socket(AF_KEY)", errno) }
        self.log = log
    }

    deinit { close(fd) }

    func sequence() -> UInt32 { defer { nextSequence += 1 }; return nextSequence }

    /// Sends raw bytes; returns 0 or the errno of send(2) (the kernel refuses a message
    /// whose base header is unusable without a reply).
    @discardableResult
    func sendRaw(_ bytes: [UInt8], record: Bool = true) -> Int32 {
        if record { log.line("SEND \(hex(bytes))") }
        let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        return n < 0 ? errno : 0
    }

    /// Receives one message within `milliseconds`, or nil.
    func receive(milliseconds: Int32) -> [UInt8]? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Array(buffer[0..<n])
    }

    /// Waits for the first message satisfying `match`, skipping (unrecorded) the others:
    /// unsolicited broadcasts of other sockets' changes, the FLUSH reply's duplicate.
    func waitFor(_ what: String, milliseconds: Int32 = 2000, record: Bool = true, _ match: ([UInt8]) -> Bool) throws -> [UInt8] {
        var waited: Int32 = 0
        while waited < milliseconds {
            guard let m = receive(milliseconds: 100) else { waited += 100; continue }
            if match(m) {
                if record { log.received(m) }
                return m
            }
        }
        throw Failure.timeout(what)
    }

    /// Sends `message` with a fresh sequence number and our pid and returns the reply to it.
    @discardableResult
    func request(_ message: Message, record: Bool = true) throws -> Message {
        var m = message
        m.sequence = sequence()
        m.pid = pid
        let bytes = try m.encode(dialect: .linux)
        if record { log.sent(bytes) }
        let e = sendRaw(bytes, record: false)
        if e != 0 { throw Failure.system("send \(m.type.name)", e) }
        let seq = m.sequence, pid = self.pid
        let reply = try waitFor("reply to \(m.type.name) seq \(seq)", record: record) { b in
            b.count >= 16 && b[1] == bytes[1] && le32(b, 8) == seq && le32(b, 12) == pid
        }
        return try Message(decoding: reply, options: DecodingOptions(dialect: .linux, direction: .kernel))
    }

    /// The replies of a DUMP-like request: until sequence 0 or an error reply.
    func dump(_ message: Message) throws -> [Message] {
        var m = message
        m.sequence = sequence()
        m.pid = pid
        let bytes = try m.encode(dialect: .linux)
        log.sent(bytes)
        let e = sendRaw(bytes, record: false)
        if e != 0 { throw Failure.system("send \(m.type.name)", e) }
        var out: [Message] = []
        let pid = self.pid
        while true {
            let b = try waitFor("\(m.type.name) reply") { $0.count >= 16 && $0[1] == bytes[1] && le32($0, 12) == pid }
            let reply = try Message(decoding: b, options: DecodingOptions(dialect: .linux, direction: .kernel))
            out.append(reply)
            if reply.sequence == 0 || reply.errno != 0 { return out }
        }
    }

    /// Drains whatever is queued (broadcasts from earlier steps) without recording it.
    func drain() { while receive(milliseconds: 0) != nil {} }
}

func le32(_ b: [UInt8], _ at: Int) -> UInt32 {
    UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
}

func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

/// The output: the capture format of Tests/Fixtures/kernel (see its README).
final class Transcript {
    func line(_ s: String) { print(s) }
    func scenario(_ name: String) { print("SCENARIO \(name)") }
    func sent(_ bytes: [UInt8]) { print("SEND \(hex(bytes))"); decoded(bytes, .request) }
    func received(_ bytes: [UInt8]) { print("RECV \(hex(bytes))"); decoded(bytes, .kernel) }
    func note(_ s: String) { print("NOTE \(s)") }

    private func decoded(_ bytes: [UInt8], _ direction: Direction) {
        do {
            let m = try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: direction))
            let exts = m.extensions.map { "\($0.name)" }.joined(separator: ",")
            print("# \(m.type.name) satype=\(m.saType.rawValue) errno=\(m.errno) len=\(bytes.count) seq=\(m.sequence) pid=\(m.pid) ext=\(exts)")
        } catch {
            print("# DECODE-ERROR \(error)")
        }
    }
}
