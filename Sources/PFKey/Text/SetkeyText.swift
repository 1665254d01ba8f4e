import WireCore

/// setkey-style text (the de-facto human format of libipsec's pfkey_dump.c) for SAs
/// (`setkey -D`) and policies (`setkey -DP`). Times are printed as seconds, not dates,
/// so the module needs no calendar.
public enum SetkeyText {
    /// An SA message (one with an SA extension) in `setkey -D` form, a policy message (one
    /// with X_POLICY) in `setkey -DP` form, anything else as one summary line.
    public static func render(_ m: Message) -> String {
        if m.errno != 0 { return "SADB_\(m.type.name) errno=\(m.errno) seq=\(m.sequence) pid=\(m.pid)\n" }
        if m.sa != nil { return sa(m) }
        if m.policy != nil && (m.type.isPolicyMessage || m.address(.source) != nil) && m.type != .acquire { return policy(m) }
        var line = "SADB_\(m.type.name) satype=\(m.saType.name) seq=\(m.sequence) pid=\(m.pid)"
        for e in m.extensions { line += " " + e.name }
        return line + "\n"
    }

    static func sa(_ m: Message) -> String {
        guard let sa = m.sa else { return "" }
        let src = m.address(.source)?.address.address.description ?? "?"
        let dst = m.address(.destination)?.address.address.description ?? "?"
        let sa2 = m.sa2
        var out = "\(src) \(dst) \n"
        out += "\t\(m.saType.name) mode=\(modeName(sa2?.mode ?? 0)) spi=\(sa.spi)(\(hex32(sa.spi))) reqid=\(sa2?.reqID ?? 0)(\(hex32(sa2?.reqID ?? 0)))\n"
        if let e = m.key(.encrypt) { out += "\tE: \(encryptName(sa.encrypt))  \(keyHex(e.key))\n" }
        if let a = m.key(.auth) { out += "\tA: \(authName(sa.auth))  \(keyHex(a.key))\n" }
        out += "\tseq=\(hex32(sa2?.sequence ?? 0)) replay=\(sa.replay) flags=\(hex32(sa.flags)) state=\(sa.state) \n"
        let c = m.lifetime(.current), h = m.lifetime(.hard), s = m.lifetime(.soft)
        out += "\tcreated: \(c?.addTime ?? 0)(s)\tcurrent: \(c?.useTime ?? 0)(s)\n"
        out += "\tdiff: 0(s)\thard: \(h?.addTime ?? 0)(s)\tsoft: \(s?.addTime ?? 0)(s)\n"
        out += "\tlast: \(c?.useTime ?? 0)(s)\thard: \(h?.useTime ?? 0)(s)\tsoft: \(s?.useTime ?? 0)(s)\n"
        out += "\tcurrent: \(c?.bytes ?? 0)(bytes)\thard: \(h?.bytes ?? 0)(bytes)\tsoft: \(s?.bytes ?? 0)(bytes)\n"
        out += "\tallocated: \(c?.allocations ?? 0)\thard: \(h?.allocations ?? 0)\tsoft: \(s?.allocations ?? 0)\n"
        out += "\tsadb_seq=\(m.sequence) pid=\(m.pid) refcnt=0\n"
        return out
    }

    static func policy(_ m: Message) -> String {
        guard let p = m.policy else { return "" }
        func end(_ a: AddressExtension?) -> String {
            guard let a else { return "?" }
            let full = a.address.family.bitCount
            let prefix = Int(a.prefixLength) == full ? "" : "/\(a.prefixLength)"
            let port = a.address.port == 0 ? "any" : String(a.address.port)
            return "\(a.address.address)\(prefix)[\(port)]"
        }
        let proto = m.address(.source).map { protoName($0.proto) } ?? "any"
        var out = "\(end(m.address(.source))) \(end(m.address(.destination))) \(proto)\n"
        out += "\t\(p.direction) \(p.policyType)\n"
        for r in p.requests {
            let endpoints = r.tunnelSource.flatMap { s in r.tunnelDestination.map { "\(s.address)-\($0.address)" } } ?? ""
            var level = levelName(r.level)
            if r.level == 3 { level += ":\(r.reqID)" }
            out += "\t\(ipprotoName(r.proto))/\(modeName(r.mode))/\(endpoints)/\(level)\n"
        }
        let c = m.lifetime(.current), h = m.lifetime(.hard)
        out += "\tcreated: \(c?.addTime ?? 0)(s) lastused: \(c?.useTime ?? 0)(s)\n"
        out += "\tlifetime: \(h?.addTime ?? 0)(s) validtime: \(h?.useTime ?? 0)(s)\n"
        out += "\tspid=\(p.id) seq=\(m.sequence) pid=\(m.pid)\n"
        out += "\trefcnt=\(m.reserved)\n"
        return out
    }

    static func hex32(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - h.count) + h
    }

    static func keyHex(_ key: [UInt8]) -> String {
        var groups: [String] = []
        var i = 0
        while i < key.count {
            groups.append(Hex.encode(key[i ..< min(i + 4, key.count)]))
            i += 4
        }
        return groups.joined(separator: " ")
    }

    public static func modeName(_ mode: UInt8) -> String {
        switch mode {
        case 0: "any"
        case 1: "transport"
        case 2: "tunnel"
        default: String(mode)
        }
    }

    static func levelName(_ level: UInt8) -> String {
        ["default", "use", "require", "unique"][safe: Int(level)] ?? String(level)
    }

    static func ipprotoName(_ p: UInt16) -> String {
        switch p {
        case 50: "esp"
        case 51: "ah"
        case 108: "ipcomp"
        default: String(p)
        }
    }

    static func protoName(_ p: UInt8) -> String {
        switch p {
        case 255: "any"
        case 6: "tcp"
        case 17: "udp"
        case 1: "icmp"
        case 58: "icmp6"
        default: String(p)
        }
    }

    /// setkey's names for SADB_AALG_* (Linux pfkeyv2.h numbering).
    public static func authName(_ id: UInt8) -> String {
        switch id {
        case 0: "none"
        case 2: "hmac-md5"
        case 3: "hmac-sha1"
        case 5: "hmac-sha256"
        case 6: "hmac-sha384"
        case 7: "hmac-sha512"
        case 8: "hmac-ripemd160"
        case 9: "aes-xcbc-mac"
        case 251: "null"
        default: String(id)
        }
    }

    /// setkey's names for SADB_EALG_* (Linux pfkeyv2.h numbering).
    public static func encryptName(_ id: UInt8) -> String {
        switch id {
        case 0: "none"
        case 2: "des-cbc"
        case 3: "3des-cbc"
        case 6: "cast128-cbc"
        case 7: "blowfish-cbc"
        case 11: "null"
        case 12: "aes-cbc"
        case 13: "aes-ctr"
        case 18, 19, 20: "aes-gcm-16"
        case 22: "camellia-cbc"
        default: String(id)
        }
    }
}
