import WireCore

/// A message as a tree of named values: the shape `draftcheck pfkey decode --format json`
/// prints and `draftcheck pfkey encode` reads back (the CLI maps it to and from JSON).
///
/// ```
/// {"type": "ACQUIRE", "typeNumber": 6, "satype": 3, "errno": 0, "seq": 1, "pid": 0, "length": 88,
///  "extensions": [{"type": "ADDRESS_SRC", "typeNumber": 5, "offset": 16, "length": 24, "proto": 0, ...}]}
/// ```
public indirect enum FieldValue: Sendable, Hashable {
    case number(UInt64)
    case string(String)
    case list([FieldValue])
    case object([String: FieldValue])

    public subscript(key: String) -> FieldValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

extension Message {
    /// The field tree of this message in `dialect`; `spans` (from `decodeWithLayout`) give
    /// each extension's offset and length, else they are computed from the encoding.
    public func fields(dialect: Dialect, spans: [ExtensionSpan]? = nil) -> FieldValue {
        var offset = 16
        var exts: [FieldValue] = []
        for (i, e) in extensions.enumerated() {
            let length = spans?[safe: i]?.length ?? e.encodedLength(dialect: dialect)
            let at = spans?[safe: i]?.offset ?? offset
            var o = e.fields
            o["type"] = .string(e.name)
            o["typeNumber"] = .number(UInt64(e.typeNumber(in: dialect) ?? 0))
            o["offset"] = .number(UInt64(at))
            o["length"] = .number(UInt64(length))
            exts.append(.object(o))
            offset = at + length
        }
        var o: [String: FieldValue] = [
            "type": .string(type.name), "typeNumber": .number(UInt64(dialect.number(of: type) ?? 0)),
            "satype": .number(UInt64(saType.rawValue)), "errno": .number(UInt64(errno)),
            "seq": .number(UInt64(sequence)), "pid": .number(UInt64(pid)), "length": .number(UInt64(offset)),
            "extensions": .list(exts),
        ]
        if reserved != 0 { o["reserved"] = .number(UInt64(reserved)) }
        return .object(o)
    }

    /// Builds a message from a field tree (the JSON shape); "offset", "length" and
    /// "typeNumber" are ignored where a name is given. Missing numbers are 0.
    public init(fields: FieldValue, dialect: Dialect) throws(PFKeyError) {
        let f = Fields(fields, path: "message")
        let typeName = f.string("type")
        var type = typeName.flatMap { MessageType(name: $0) }
        if type == nil, let n = f.optionalNumber("typeNumber") { type = dialect.messageType(number: UInt8(truncatingIfNeeded: n)) }
        guard let type else { throw f.error("unknown message type \(typeName ?? "(none)")") }
        self.init(type, saType: SAType(rawValue: try f.number("satype", as: UInt8.self)), errno: try f.number("errno", as: UInt8.self),
                  sequence: try f.number("seq", as: UInt32.self), pid: try f.number("pid", as: UInt32.self),
                  reserved: try f.number("reserved", as: UInt16.self))
        for (i, e) in (f.list("extensions") ?? []).enumerated() {
            extensions.append(try Extension(fields: Fields(e, path: "extensions[\(i)]"), dialect: dialect))
        }
    }
}

/// Reading a field tree with errors that say where.
struct Fields {
    var value: FieldValue
    var path: String

    init(_ value: FieldValue, path: String) {
        self.value = value
        self.path = path
    }

    func error(_ text: String) -> PFKeyError {
        PFKeyError(.invalidValue, at: 0, source: "JSON \(path)", text)
    }

    func optionalNumber(_ key: String) -> UInt64? {
        if case .number(let n)? = value[key] { return n }
        return nil
    }

    func number<T: FixedWidthInteger>(_ key: String, as: T.Type = T.self) throws(PFKeyError) -> T {
        guard let v = value[key] else { return 0 }
        guard case .number(let n) = v, let t = T(exactly: n) else { throw error("\"\(key)\" must be a number that fits \(T.self)") }
        return t
    }

    func string(_ key: String) -> String? {
        if case .string(let s)? = value[key] { return s }
        return nil
    }

    func list(_ key: String) -> [FieldValue]? {
        if case .list(let l)? = value[key] { return l }
        return nil
    }

    func hex(_ key: String) throws(PFKeyError) -> [UInt8] {
        guard let s = string(key) else { return [] }
        do throws(Hex.DecodingFailure) {
            return try Hex.decode(s, skip: { $0 == " " || $0 == ":" })
        } catch .notHex {
            throw self.error("\"\(key)\" is not hex")
        } catch {
            throw self.error("\"\(key)\" has an odd number of hex digits")
        }
    }

    func ip(_ key: String) throws(PFKeyError) -> IPAddress {
        guard let s = string(key), let a = IPAddress(s) else { throw error("\"\(key)\" must be an IPv4 or IPv6 address") }
        return a
    }

    func socket(_ key: String) throws(PFKeyError) -> SocketAddress? {
        guard let v = value[key] else { return nil }
        let f = Fields(v, path: path + "." + key)
        return SocketAddress(try f.ip("address"), port: try f.number("port"), scopeID: try f.number("scopeID"))
    }
}

extension SocketAddress {
    var fields: FieldValue {
        var o: [String: FieldValue] = ["address": .string(address.description), "port": .number(UInt64(port)), "family": .string(family.rawValue)]
        if scopeID != 0 { o["scopeID"] = .number(UInt64(scopeID)) }
        return .object(o)
    }
}

extension Extension {
    /// The extension's own fields (without type, offset and length).
    public var fields: [String: FieldValue] {
        func n<T: BinaryInteger>(_ v: T) -> FieldValue { .number(UInt64(v)) }
        switch self {
        case .sa(let e):
            return ["spi": n(e.spi), "replay": n(e.replay), "state": n(e.state.rawValue), "auth": n(e.auth), "encrypt": n(e.encrypt), "flags": n(e.flags)]
        case .lifetime(let e):
            return ["allocations": n(e.allocations), "bytes": n(e.bytes), "addtime": n(e.addTime), "usetime": n(e.useTime)]
        case .address(let e):
            var o: [String: FieldValue] = ["proto": n(e.proto), "prefixlen": n(e.prefixLength)]
            if case .object(let s) = e.address.fields { o.merge(s) { a, _ in a } }
            return o
        case .key(let e): return ["bits": n(e.bits), "key": .string(Hex.encode(e.key))]
        case .identity(let e):
            return ["identType": n(e.identityType), "id": n(e.id), "string": .string(String(decoding: e.string, as: UTF8.self))]
        case .sensitivity(let e):
            return ["dpd": n(e.dpd), "sensLevel": n(e.sensitivityLevel), "integLevel": n(e.integrityLevel),
                    "sensBitmap": .list(e.sensitivityBitmap.map { n($0) }), "integBitmap": .list(e.integrityBitmap.map { n($0) })]
        case .proposal(let e):
            return ["replay": n(e.replay), "combs": .list(e.combinations.map { c in
                .object(["auth": n(c.auth), "encrypt": n(c.encrypt), "flags": n(c.flags), "authMinBits": n(c.authMinBits),
                         "authMaxBits": n(c.authMaxBits), "encryptMinBits": n(c.encryptMinBits), "encryptMaxBits": n(c.encryptMaxBits),
                         "softAllocations": n(c.softAllocations), "hardAllocations": n(c.hardAllocations), "softBytes": n(c.softBytes),
                         "hardBytes": n(c.hardBytes), "softAddtime": n(c.softAddTime), "hardAddtime": n(c.hardAddTime),
                         "softUsetime": n(c.softUseTime), "hardUsetime": n(c.hardUseTime)])
            })]
        case .supported(let e):
            return ["algs": .list(e.algorithms.map { .object(["id": n($0.id), "ivlen": n($0.ivLength), "minbits": n($0.minBits), "maxbits": n($0.maxBits)]) })]
        case .spiRange(let e): return ["min": n(e.min), "max": n(e.max)]
        case .kmPrivate(let e): return ["data": .string(Hex.encode(e.data))]
        case .policy(let e):
            return ["policyType": n(e.policyType.rawValue), "dir": n(e.direction.rawValue), "id": n(e.id), "priority": n(e.priority),
                    "requests": .list(e.requests.map { r in
                        var o: [String: FieldValue] = ["proto": n(r.proto), "mode": n(r.mode), "level": n(r.level), "reqid": n(r.reqID)]
                        if let s = r.tunnelSource { o["tunnelSource"] = s.fields }
                        if let d = r.tunnelDestination { o["tunnelDestination"] = d.fields }
                        return .object(o)
                    })]
        case .sa2(let e): return ["mode": n(e.mode), "sequence": n(e.sequence), "reqid": n(e.reqID)]
        case .natTType(let e): return ["natType": n(e.encapsulation)]
        case .natTPort(let e): return ["port": n(e.port)]
        case .securityContext(let e): return ["alg": n(e.algorithm), "doi": n(e.doi), "context": .string(Hex.encode(e.context))]
        case .kmAddress(let e): return ["local": e.local.fields, "remote": e.remote.fields]
        case .filter(let e):
            return ["source": .string(e.source.description), "destination": .string(e.destination.description),
                    "sourcePrefixLength": n(e.sourcePrefixLength), "destinationPrefixLength": n(e.destinationPrefixLength)]
        case .natTFragment(let e): return ["fragmentLength": n(e.fragmentLength)]
        case .saReplay(let e): return ["replay": n(e.replay)]
        case .unknown(let u): return ["body": .string(Hex.encode(u.body))]
        }
    }

    init(fields f: Fields, dialect: Dialect) throws(PFKeyError) {
        let name = f.string("type")
        var type = name.flatMap { ExtensionType(name: $0) }
        if type == nil, let n = f.optionalNumber("typeNumber") { type = dialect.extensionType(number: UInt16(truncatingIfNeeded: n)) }
        guard let type else {
            if let n = f.optionalNumber("typeNumber"), let t = UInt16(exactly: n), t != 0 {
                self = .unknown(UnknownExtension(typeNumber: t, body: try f.hex("body")))
                return
            }
            throw f.error("unknown extension type \(name ?? "(none)")")
        }
        switch type {
        case .sa:
            self = .sa(SAExtension(spi: try f.number("spi"), replay: try f.number("replay"), state: SAState(rawValue: try f.number("state")),
                                   auth: try f.number("auth"), encrypt: try f.number("encrypt"), flags: try f.number("flags")))
        case .lifetimeCurrent, .lifetimeHard, .lifetimeSoft:
            let kind: LifetimeExtension.Kind = type == .lifetimeCurrent ? .current : type == .lifetimeHard ? .hard : .soft
            self = .lifetime(LifetimeExtension(kind, allocations: try f.number("allocations"), bytes: try f.number("bytes"),
                                               addTime: try f.number("addtime"), useTime: try f.number("usetime")))
        case .addressSource, .addressDestination, .addressProxy, .natTOriginalAddress, .natTOriginalAddressResponder:
            let address = SocketAddress(try f.ip("address"), port: try f.number("port"), scopeID: try f.number("scopeID"))
            self = .address(AddressExtension(AddressExtension.kind(of: type), address, proto: try f.number("proto"), prefixLength: try f.number("prefixlen")))
        case .keyAuth, .keyEncrypt:
            let key = try f.hex("key")
            let bits: UInt16 = f.optionalNumber("bits") != nil ? try f.number("bits") : UInt16(truncatingIfNeeded: key.count * 8)
            self = .key(KeyExtension(type == .keyAuth ? .auth : .encrypt, bits: bits, key: key))
        case .identitySource, .identityDestination:
            self = .identity(IdentityExtension(type == .identitySource ? .source : .destination, identityType: try f.number("identType"),
                                               id: try f.number("id"), string: f.string("string") ?? ""))
        case .sensitivity:
            var sens: [UInt64] = [], integ: [UInt64] = []
            for case .number(let v) in f.list("sensBitmap") ?? [] { sens.append(v) }
            for case .number(let v) in f.list("integBitmap") ?? [] { integ.append(v) }
            self = .sensitivity(SensitivityExtension(dpd: try f.number("dpd"), sensitivityLevel: try f.number("sensLevel"),
                                                     integrityLevel: try f.number("integLevel"), sensitivityBitmap: sens, integrityBitmap: integ))
        case .proposal:
            var combs: [ProposalExtension.Combination] = []
            for (i, c) in (f.list("combs") ?? []).enumerated() {
                let g = Fields(c, path: f.path + ".combs[\(i)]")
                combs.append(.init(auth: try g.number("auth"), encrypt: try g.number("encrypt"), flags: try g.number("flags"),
                                   authMinBits: try g.number("authMinBits"), authMaxBits: try g.number("authMaxBits"),
                                   encryptMinBits: try g.number("encryptMinBits"), encryptMaxBits: try g.number("encryptMaxBits"),
                                   softAllocations: try g.number("softAllocations"), hardAllocations: try g.number("hardAllocations"),
                                   softBytes: try g.number("softBytes"), hardBytes: try g.number("hardBytes"),
                                   softAddTime: try g.number("softAddtime"), hardAddTime: try g.number("hardAddtime"),
                                   softUseTime: try g.number("softUsetime"), hardUseTime: try g.number("hardUsetime")))
            }
            self = .proposal(ProposalExtension(replay: try f.number("replay"), combinations: combs))
        case .supportedAuth, .supportedEncrypt:
            var algs: [SupportedExtension.Algorithm] = []
            for (i, a) in (f.list("algs") ?? []).enumerated() {
                let g = Fields(a, path: f.path + ".algs[\(i)]")
                algs.append(.init(id: try g.number("id"), ivLength: try g.number("ivlen"), minBits: try g.number("minbits"), maxBits: try g.number("maxbits")))
            }
            self = .supported(SupportedExtension(type == .supportedAuth ? .auth : .encrypt, algorithms: algs))
        case .spiRange: self = .spiRange(SPIRangeExtension(min: try f.number("min"), max: try f.number("max")))
        case .kmPrivate: self = .kmPrivate(KMPrivateExtension(data: try f.hex("data")))
        case .policy:
            var requests: [IPsecRequest] = []
            for (i, r) in (f.list("requests") ?? []).enumerated() {
                let g = Fields(r, path: f.path + ".requests[\(i)]")
                requests.append(IPsecRequest(proto: try g.number("proto"), mode: try g.number("mode"), level: try g.number("level"),
                                             reqID: try g.number("reqid"), tunnelSource: try g.socket("tunnelSource"),
                                             tunnelDestination: try g.socket("tunnelDestination")))
            }
            self = .policy(PolicyExtension(type: .init(rawValue: try f.number("policyType")), direction: .init(rawValue: try f.number("dir")),
                                           id: try f.number("id"), priority: try f.number("priority"), requests: requests))
        case .sa2: self = .sa2(SA2Extension(mode: try f.number("mode"), sequence: try f.number("sequence"), reqID: try f.number("reqid")))
        case .natTType: self = .natTType(NATTTypeExtension(encapsulation: try f.number("natType")))
        case .natTSourcePort, .natTDestinationPort:
            self = .natTPort(NATTPortExtension(type == .natTSourcePort ? .source : .destination, port: try f.number("port")))
        case .securityContext:
            self = .securityContext(SecurityContextExtension(algorithm: try f.number("alg"), doi: try f.number("doi"), context: try f.hex("context")))
        case .kmAddress:
            guard let l = try f.socket("local"), let r = try f.socket("remote") else { throw f.error("X_KMADDRESS needs local and remote") }
            self = .kmAddress(KMAddressExtension(local: l, remote: r))
        case .filter:
            self = .filter(FilterExtension(source: try f.ip("source"), destination: try f.ip("destination"),
                                           sourcePrefixLength: try f.number("sourcePrefixLength"), destinationPrefixLength: try f.number("destinationPrefixLength")))
        case .natTFragment: self = .natTFragment(NATTFragmentExtension(fragmentLength: try f.number("fragmentLength")))
        case .saReplay: self = .saReplay(SAReplayExtension(replay: try f.number("replay")))
        }
    }
}
