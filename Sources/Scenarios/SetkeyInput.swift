import PFKey

/// PF_KEY requests written as setkey(8) commands (the ipsec-tools syntax most readers know),
/// built into messages the codec then encodes:
///
///     add SRC DST esp|ah SPI [-m transport|tunnel|any] [-r REPLAY] [-lh SECONDS] [-ls SECONDS]
///         [-E ALGORITHM 0xKEY] [-A ALGORITHM 0xKEY];
///     get SRC DST esp|ah SPI;    delete SRC DST esp|ah SPI;
///     spdadd SRC[/PREFIX][[PORT]] DST[/PREFIX][[PORT]] any|tcp|udp|icmp|N
///         -P in|out|fwd discard|none|ipsec [esp|ah/transport|tunnel/[A-B]/default|use|require|unique];
///     flush [esp|ah];    dump [esp|ah];
///
/// A word it does not know is refused with what was expected there (never guessed).
enum SetkeyInput {
    struct Refusal: Error {
        var message: String
    }

    static let authAlgorithms: [String: UInt8] = [
        "hmac-md5": 2, "hmac-sha1": 3, "hmac-sha256": 5, "hmac-sha384": 6, "hmac-sha512": 7, "hmac-ripemd160": 8, "aes-xcbc-mac": 9, "null": 251,
    ]
    static let encryptAlgorithms: [String: UInt8] = [
        "des-cbc": 2, "3des-cbc": 3, "cast128-cbc": 6, "blowfish-cbc": 7, "null": 11, "aes-cbc": 12, "rijndael-cbc": 12, "aes-ctr": 13, "camellia-cbc": 22,
    ]
    static let protocols: [String: UInt8] = ["any": 255, "icmp": 1, "tcp": 6, "udp": 17, "icmp6": 58]

    static func message(_ text: String, sequence: UInt32, pid: UInt32) throws(Refusal) -> Message {
        var trimmed = Substring(text).drop { $0.isWhitespace }
        while let last = trimmed.last, last.isWhitespace || last == ";" { trimmed = trimmed.dropLast() }
        var words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { throw Refusal(message: "an empty setkey command") }
        let command = words.removeFirst()
        switch command {
        case "add", "get", "delete":
            guard words.count >= 4 else { throw Refusal(message: "\(command) needs SRC DST PROTOCOL SPI") }
            let src = try address(words[0]), dst = try address(words[1])
            let satype = try saType(words[2])
            guard let spi = number(words[3], as: UInt32.self) else { throw Refusal(message: "\"\(words[3])\" is not an SPI") }
            let type: MessageType = command == "add" ? .add : command == "get" ? .get : .delete
            var sa = SAExtension(spi: spi, state: .mature)
            var tail: [Extension] = []
            var head: [Extension] = []
            var options = Array(words.dropFirst(4))
            while !options.isEmpty {
                let flag = options.removeFirst()
                func value() throws(Refusal) -> String {
                    guard !options.isEmpty else { throw Refusal(message: "\(flag) needs a value") }
                    return options.removeFirst()
                }
                switch flag {
                case "-m":
                    let mode = try value()
                    guard let m = ["any": UInt8(0), "transport": 1, "tunnel": 2][mode] else { throw Refusal(message: "mode \"\(mode)\" is not any, transport or tunnel") }
                    tail.append(.sa2(SA2Extension(mode: m)))
                case "-r":
                    let r = try value()
                    guard let n = number(r, as: UInt8.self) else { throw Refusal(message: "replay window \"\(r)\" is not a number") }
                    sa.replay = n
                case "-lh", "-ls":
                    let t = try value()
                    guard let n = number(t, as: UInt64.self) else { throw Refusal(message: "lifetime \"\(t)\" is not a number of seconds") }
                    head.append(.lifetime(LifetimeExtension(flag == "-lh" ? .hard : .soft, addTime: n)))
                case "-E", "-A":
                    let name = try value(), keyText = try value()
                    let table = flag == "-E" ? encryptAlgorithms : authAlgorithms
                    guard let id = table[name] else { throw Refusal(message: "unknown \(flag == "-E" ? "encryption" : "authentication") algorithm \"\(name)\"") }
                    guard let key = hexKey(keyText) else { throw Refusal(message: "key \"\(keyText)\" is not 0x followed by hex digits") }
                    if flag == "-E" { sa.encrypt = id } else { sa.auth = id }
                    tail.append(.key(KeyExtension(flag == "-E" ? .encrypt : .auth, bits: UInt16(key.count * 8), key: key)))
                default:
                    throw Refusal(message: "unknown option \"\(flag)\" (known: -m, -r, -lh, -ls, -E, -A)")
                }
            }
            // RFC 2367 2.4 order: SA, lifetimes, addresses, keys; X_SA2 last.
            let keys = tail.filter { if case .key = $0 { true } else { false } }.sorted { a, _ in if case .key(let k) = a { k.kind == .auth } else { false } }
            let rest = tail.filter { if case .key = $0 { false } else { true } }
            return Message(type, saType: satype, sequence: sequence, pid: pid, extensions:
                [.sa(sa)] + head + [.address(src(.source)), .address(dst(.destination))] + keys + rest)
        case "spdadd":
            guard words.count >= 5, words[3] == "-P" else { throw Refusal(message: "spdadd needs SRC DST UPPERSPEC -P DIRECTION POLICY") }
            let (src, srcPrefix, srcPort) = try range(words[0]), (dst, dstPrefix, dstPort) = try range(words[1])
            guard let proto = protocols[words[2]] ?? number(words[2], as: UInt8.self) else { throw Refusal(message: "upper-layer protocol \"\(words[2])\" is not any, tcp, udp, icmp, icmp6 or a number") }
            let rest = Array(words.dropFirst(4))
            guard let direction = rest.first.flatMap({ ["in": PolicyExtension.PolicyDirection.inbound, "out": .outbound, "fwd": .forward][$0] }) else {
                throw Refusal(message: "the direction after -P is in, out or fwd")
            }
            let policy: PolicyExtension
            switch rest.dropFirst().first {
            case "discard": policy = PolicyExtension(type: .discard, direction: direction)
            case "none": policy = PolicyExtension(type: .none, direction: direction)
            case "ipsec":
                var requests: [IPsecRequest] = []
                for r in rest.dropFirst(2) { requests.append(try request(r)) }
                guard !requests.isEmpty else { throw Refusal(message: "an ipsec policy needs at least one PROTOCOL/MODE/ENDPOINTS/LEVEL request") }
                policy = PolicyExtension(type: .ipsec, direction: direction, requests: requests)
            default: throw Refusal(message: "the policy is discard, none or ipsec")
            }
            return Message(.spdAdd, sequence: sequence, pid: pid, extensions: [
                .address(AddressExtension(.source, SocketAddress(src, port: srcPort), proto: proto, prefixLength: srcPrefix)),
                .address(AddressExtension(.destination, SocketAddress(dst, port: dstPort), proto: proto, prefixLength: dstPrefix)),
                .policy(policy),
            ])
        case "flush", "dump":
            guard words.count <= 1 else { throw Refusal(message: "\(command) takes at most a protocol") }
            return Message(command == "flush" ? .flush : .dump, saType: try words.first.map(saType) ?? .unspecified, sequence: sequence, pid: pid)
        default:
            throw Refusal(message: "unknown setkey command \"\(command)\" (known: add, get, delete, spdadd, flush, dump)")
        }
    }

    static func number<T: FixedWidthInteger>(_ text: String, as: T.Type) -> T? {
        text.hasPrefix("0x") ? T(text.dropFirst(2), radix: 16) : T(text)
    }

    static func hexKey(_ text: String) -> [UInt8]? {
        guard text.hasPrefix("0x"), text.count > 2, text.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var i = text.index(text.startIndex, offsetBy: 2)
        while i < text.endIndex {
            let j = text.index(i, offsetBy: 2)
            guard let b = UInt8(text[i..<j], radix: 16) else { return nil }
            out.append(b)
            i = j
        }
        return out
    }

    static func saType(_ word: String) throws(Refusal) -> SAType {
        switch word {
        case "esp": return .esp
        case "ah": return .ah
        default: throw Refusal(message: "protocol \"\(word)\" is not esp or ah")
        }
    }

    /// A host address as an extension of the given kind (full prefix).
    static func address(_ text: String) throws(Refusal) -> (AddressExtension.Kind) -> AddressExtension {
        guard let ip = IPAddress(text) else { throw Refusal(message: "\"\(text)\" is not an IPv4 or IPv6 address") }
        return { AddressExtension($0, SocketAddress(ip), prefixLength: UInt8(ip.family.bitCount)) }
    }

    /// `A`, `A/len`, `A[port]`, `A/len[port]`.
    static func range(_ text: String) throws(Refusal) -> (IPAddress, UInt8, UInt16) {
        var rest = Substring(text), port: UInt16 = 0
        if let open = rest.firstIndex(of: "["), rest.last == "]" {
            let p = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            if p != "any" {
                guard let n = UInt16(p) else { throw Refusal(message: "port \"\(p)\" is not a number or any") }
                port = n
            }
            rest = rest[..<open]
        }
        let parts = rest.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let ip = IPAddress(first) else { throw Refusal(message: "\"\(text)\" is not ADDRESS[/PREFIX][[PORT]]") }
        var prefix = UInt8(ip.family.bitCount)
        if parts.count == 2 {
            guard let n = UInt8(parts[1]), n <= prefix else { throw Refusal(message: "prefix \"\(parts[1])\" does not fit \(ip)") }
            prefix = n
        }
        return (ip, prefix, port)
    }

    /// `esp/transport//require`, `esp/tunnel/192.0.2.1-192.0.2.2/use`.
    static func request(_ text: String) throws(Refusal) -> IPsecRequest {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { throw Refusal(message: "\"\(text)\" is not PROTOCOL/MODE/ENDPOINTS/LEVEL") }
        guard let proto = ["esp": UInt16(50), "ah": 51, "ipcomp": 108][parts[0]] else { throw Refusal(message: "request protocol \"\(parts[0])\" is not esp, ah or ipcomp") }
        guard let mode = ["any": UInt8(0), "transport": 1, "tunnel": 2][parts[1]] else { throw Refusal(message: "request mode \"\(parts[1])\" is not transport, tunnel or any") }
        guard let level = ["default": UInt8(0), "use": 1, "require": 2, "unique": 3][parts[3]] else { throw Refusal(message: "request level \"\(parts[3])\" is not default, use, require or unique") }
        var source: SocketAddress?, destination: SocketAddress?
        if !parts[2].isEmpty {
            let ends = parts[2].split(separator: "-")
            guard ends.count == 2, let a = IPAddress(ends[0]), let b = IPAddress(ends[1]) else { throw Refusal(message: "tunnel endpoints \"\(parts[2])\" are not A-B") }
            source = SocketAddress(a)
            destination = SocketAddress(b)
        }
        return IPsecRequest(proto: proto, mode: mode, level: level, tunnelSource: source, tunnelDestination: destination)
    }
}
