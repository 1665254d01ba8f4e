import PFKey

/// The mutations of the differential (shared by pfkey-live and, via the capture file, the tests).
enum Mutations {
    static func bases() -> [(String, [UInt8])] {
        var add = Requests.add(spi: 0x7777); add.sequence = 1; add.pid = 4242
        var spd = Requests.spdAdd(); spd.sequence = 2; spd.pid = 4242
        var getspi = Message(.getSPI, saType: .esp, sequence: 3, pid: 4242, extensions: Requests.pair(Requests.local, Requests.peer) +
                             [.spiRange(SPIRangeExtension(min: 0x100, max: 0x1ff))])
        getspi.sequence = 3
        return [("add", try! add.encode()), ("spdadd", try! spd.encode()), ("getspi", try! getspi.encode())]
    }

    static func ourVerdict(_ bytes: [UInt8]) -> String {
        do { _ = try Message(decoding: bytes, options: DecodingOptions(dialect: .linux, direction: .request)); return "ok" }
        catch { return error.code.rawValue }
    }

    /// (offset, byte length, type) of each extension of a valid message.
    static func extensions(_ b: [UInt8]) -> [(Int, Int, UInt16)] {
        var out: [(Int, Int, UInt16)] = []
        var at = 16
        while at + 4 <= b.count {
            let len = (Int(b[at]) | Int(b[at + 1]) << 8) * 8
            out.append((at, len, UInt16(b[at + 2]) | UInt16(b[at + 3]) << 8))
            if len == 0 { break }
            at += len
        }
        return out
    }

    static func setLength(_ b: inout [UInt8], words: Int) { b[4] = UInt8(words & 0xff); b[5] = UInt8(words >> 8) }
    static func fixLength(_ b: inout [UInt8]) { setLength(&b, words: b.count / 8) }

    static func all(of base: [UInt8]) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = [("valid", base)]
        let words = base.count / 8
        func mut(_ kind: String, _ f: (inout [UInt8]) -> Void) { var b = base; f(&b); out.append((kind, b)) }
        mut("msg-len-plus-1") { setLength(&$0, words: words + 1) }
        mut("msg-len-minus-1") { setLength(&$0, words: words - 1) }
        mut("trailing-byte") { $0.append(0) }
        mut("version-1") { $0[0] = 1 }
        mut("version-3") { $0[0] = 3 }
        mut("msg-reserved-nonzero") { $0[6] = 1 }
        mut("msg-type-0") { $0[1] = 0 }
        mut("msg-type-30") { $0[1] = 30 }
        let exts = extensions(base)
        if let first = exts.first {
            mut("duplicate-extension") { $0 += Array(base[first.0 ..< first.0 + first.1]); fixLength(&$0) }
            mut("ext-len-0") { $0[first.0] = 0; $0[first.0 + 1] = 0 }
            mut("ext-len-overrun") { $0[first.0] = UInt8(words) }
            mut("ext-type-0") { $0[first.0 + 2] = 0; $0[first.0 + 3] = 0 }
        }
        mut("unknown-extension-30") { $0 += [1, 0, 30, 0, 0, 0, 0, 0]; fixLength(&$0) }
        if let src = exts.first(where: { $0.2 == 5 }) {
            mut("prefix-33") { $0[src.0 + 5] = 33 }
            mut("family-inet6-in-inet-length") { $0[src.0 + 8] = 10 }
            mut("family-unknown") { $0[src.0 + 8] = 99 }
            mut("address-ext-short") { $0[src.0] = 2; $0.removeSubrange(src.0 + 16 ..< src.0 + 24); fixLength(&$0) }
        }
        if let dst = exts.first(where: { $0.2 == 6 }) {
            mut("src-without-dst") { $0.removeSubrange(dst.0 ..< dst.0 + dst.1); fixLength(&$0) }
        }
        if let src = exts.first(where: { $0.2 == 5 }) {
            mut("dst-without-src") { $0.removeSubrange(src.0 ..< src.0 + src.1); fixLength(&$0) }
        }
        if let key = exts.first(where: { $0.2 == 8 }) {
            mut("key-bits-0") { $0[key.0 + 4] = 0; $0[key.0 + 5] = 0 }
            mut("key-bits-too-many") { $0[key.0 + 4] = 0xff; $0[key.0 + 5] = 0x0f }
        }
        if let range = exts.first(where: { $0.2 == 16 }) {
            mut("spirange-inverted") { $0[range.0 + 5] = 0x03 }
        }
        if let pol = exts.first(where: { $0.2 == 18 }) {
            mut("policy-dir-9") { $0[pol.0 + 6] = 9 }
            mut("ipsecrequest-mode-0") { $0[pol.0 + 16 + 4] = 0 }
            mut("ipsecrequest-len-7") { $0[pol.0 + 16] = 7; $0[pol.0 + 17] = 0 }
        }
        for i in 0 ..< base.count {
            mut("bitflip-\(i)-\(i % 8)") { $0[i] ^= UInt8(1 << (i % 8)) }
        }
        return out
    }
}
