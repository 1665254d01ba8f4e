import PropertyBased
import Testing
import TestSupport
@testable import PFKey
import PFKeyReference

/// decode(encode(m)) == m and encode(decode(b)) == b, for every message type of every
/// dialect (the samples) and for random messages built from them.
@Suite struct RoundTripTests {
    static let cases: [(Dialect.Name, Int)] = Dialect.Name.allCases.flatMap { n in
        SampleMessages.covering(.named(n)).indices.map { (n, $0) }
    }

    @Test(arguments: Dialect.Name.allCases)
    func everyMessageTypeOfTheDialectIsCovered(_ name: Dialect.Name) {
        let types = Set(SampleMessages.covering(.named(name)).map(\.type))
        let expected = Set(MessageType.allCases.filter { Dialect.named(name).number(of: $0) != nil })
        #expect(types == expected)
        #expect(types.count == (name == .rfc2367 ? 12 : 24))
    }

    @Test(arguments: cases.map { "\($0.0.rawValue)#\($0.1)" })
    func sampleRoundTrips(_ key: String) throws {
        let parts = key.split(separator: "#")
        let dialect = Dialect.named(Dialect.Name(rawValue: String(parts[0]))!)
        let message = SampleMessages.covering(dialect)[Int(parts[1])!]
        let bytes = try message.encode(dialect: dialect)
        let options = DecodingOptions(dialect: dialect, direction: nil, unknownExtensions: .reject)
        let decoded = try Message(decoding: bytes, options: options)
        #expect(decoded == message)
        #expect(try decoded.encode(dialect: dialect) == bytes)
    }

    @Test func everyExtensionFamilyOfEachDialectIsCovered() {
        for name in Dialect.Name.allCases {
            let d = Dialect.named(name)
            let seen = Set(SampleMessages.covering(d).flatMap { $0.extensions.compactMap(\.type) })
            let expected = Set(ExtensionType.allCases.filter { d.number(of: $0) != nil })
            #expect(seen == expected, "\(name): missing \(expected.subtracting(seen).map(\.name))")
        }
    }

    @Test func randomMessagesRoundTrip() async {
        await propertyCheck(count: 400, input: Gen.uint64(), Gen.element(of: Dialect.Name.allCases)) { seed, name in
            let dialect = Dialect.named(name ?? .linux)
            let message = RandomMessage.make(seed: seed, dialect: dialect)
            let options = DecodingOptions(dialect: dialect, direction: nil, unknownExtensions: .ignore)
            do {
                let bytes = try message.encode(dialect: dialect)
                let decoded = try Message(decoding: bytes, options: options)
                #expect(decoded == message, "seed \(seed) \(dialect)")
                #expect(try decoded.encode(dialect: dialect) == bytes, "seed \(seed) \(dialect)")
            } catch {
                Issue.record("seed \(seed) \(dialect): \(error)")
            }
        }
    }

    /// Canonical bytes: encode(decode(b)) == b for bytes the kernel shapes produce.
    @Test func canonicalBytesRoundTrip() throws {
        for m in [KernelSamples.addReply(), KernelSamples.spdAddReply(), KernelSamples.acquire(), KernelSamples.acquire(combinations: 20), KernelSamples.registerReply()] {
            let bytes = try m.encode()
            #expect(try Message(decoding: bytes).encode() == bytes)
        }
    }
}

/// Random valid messages: a sample of the dialect with every field value drawn at random
/// (within what the rules allow) and optional extensions dropped at random.
enum RandomMessage {
    static func make(seed: UInt64, dialect: Dialect) -> Message {
        var rng = SplitMix(state: seed)
        let samples = SampleMessages.covering(dialect)
        var m = samples[Int.random(in: 0..<samples.count, using: &rng)]
        m.sequence = .random(in: 0...UInt32.max, using: &rng)
        m.pid = .random(in: 0...UInt32.max, using: &rng)
        m.reserved = m.type.isPolicyMessage ? .random(in: 0...3, using: &rng) : 0
        let v6 = Bool.random(using: &rng)
        let portsAllowed = m.type == .acquire || m.type.isPolicyMessage
        func address() -> SocketAddress {
            let ip: IPAddress = v6 ? .v6(.random(in: 0...UInt64.max, using: &rng), .random(in: 0...UInt64.max, using: &rng)) : .v4(.random(in: 0...UInt32.max, using: &rng))
            return SocketAddress(ip, port: portsAllowed && Bool.random(using: &rng) ? .random(in: 1...UInt16.max, using: &rng) : 0,
                                 scopeID: v6 ? .random(in: 0...9, using: &rng) : 0)
        }
        func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in .random(in: 0...255, using: &rng) } }
        func lifetime(_ k: LifetimeExtension.Kind) -> LifetimeExtension {
            LifetimeExtension(k, allocations: .random(in: 0...UInt32.max, using: &rng), bytes: .random(in: 0...UInt64.max, using: &rng),
                              addTime: .random(in: 0...UInt64.max, using: &rng), useTime: .random(in: 0...UInt64.max, using: &rng))
        }
        let required: Set<ExtensionType> = [.sa, .addressSource, .addressDestination, .policy, .proposal, .lifetimeCurrent, .lifetimeHard,
                                            .spiRange, .natTSourcePort, .natTDestinationPort, .keyEncrypt, .keyAuth, .lifetimeSoft]
        var out: [Extension] = []
        for e in m.extensions {
            if let t = e.type, !required.contains(t), Bool.random(using: &rng) { continue }
            switch e {
            case .sa(var s):
                s.spi = .random(in: 0...UInt32.max, using: &rng)
                s.replay = .random(in: 0...255, using: &rng)
                s.flags = .random(in: 0...UInt32.max, using: &rng)
                out.append(.sa(s))
            case .lifetime(let l): out.append(.lifetime(lifetime(l.kind)))
            case .address(var a):
                a.address = address()
                if a.address.port != 0 && a.proto == 0 { a.proto = 6 }
                a.prefixLength = .random(in: 0...UInt8(a.address.family.bitCount), using: &rng)
                out.append(.address(a))
            case .key(let k):
                let bits = UInt16.random(in: 1...1024, using: &rng)
                out.append(.key(KeyExtension(k.kind, bits: bits, key: bytes((Int(bits) + 7) / 8))))
            case .identity(var i):
                i.id = .random(in: 0...UInt64.max, using: &rng)
                i.string = (0..<Int.random(in: 0...40, using: &rng)).map { _ in .random(in: 1...255, using: &rng) }
                out.append(.identity(i))
            case .sensitivity:
                out.append(.sensitivity(SensitivityExtension(dpd: .random(in: 0...UInt32.max, using: &rng),
                    sensitivityLevel: .random(in: 0...255, using: &rng), integrityLevel: .random(in: 0...255, using: &rng),
                    sensitivityBitmap: (0..<Int.random(in: 0...4, using: &rng)).map { _ in .random(in: 0...UInt64.max, using: &rng) },
                    integrityBitmap: (0..<Int.random(in: 0...4, using: &rng)).map { _ in .random(in: 0...UInt64.max, using: &rng) })))
            case .proposal:
                let combs = (0..<Int.random(in: 0...25, using: &rng)).map { _ -> ProposalExtension.Combination in
                    let a = UInt8.random(in: 0...12, using: &rng), e = UInt8.random(in: 0...12, using: &rng)
                    let amin = a == 0 ? 0 : UInt16.random(in: 0...512, using: &rng), emin = e == 0 ? 0 : UInt16.random(in: 0...512, using: &rng)
                    return .init(auth: a, encrypt: e, flags: .random(in: 0...UInt16.max, using: &rng),
                                 authMinBits: amin, authMaxBits: a == 0 ? 0 : .random(in: amin...1024, using: &rng),
                                 encryptMinBits: emin, encryptMaxBits: e == 0 ? 0 : .random(in: emin...1024, using: &rng),
                                 softAllocations: .random(in: 0...UInt32.max, using: &rng), hardBytes: .random(in: 0...UInt64.max, using: &rng),
                                 hardUseTime: .random(in: 0...UInt64.max, using: &rng))
                }
                out.append(.proposal(ProposalExtension(replay: .random(in: 0...255, using: &rng), combinations: combs)))
            case .supported(let s):
                out.append(.supported(SupportedExtension(s.kind, algorithms: (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                    .init(id: .random(in: 0...255, using: &rng), ivLength: .random(in: 0...255, using: &rng),
                          minBits: .random(in: 0...UInt16.max, using: &rng), maxBits: .random(in: 0...UInt16.max, using: &rng))
                })))
            case .spiRange:
                let lo = UInt32.random(in: 0...UInt32.max, using: &rng)
                out.append(.spiRange(SPIRangeExtension(min: lo, max: .random(in: lo...UInt32.max, using: &rng))))
            case .policy(var p):
                p.id = .random(in: 0...UInt32.max, using: &rng)
                p.priority = .random(in: 0...UInt32.max, using: &rng)
                p.direction = .init(rawValue: .random(in: 1...3, using: &rng))
                p.requests = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    let tunnel = Bool.random(using: &rng)
                    let reqid = dialect.ipsecRequestReqIDIs32Bit ? UInt32.random(in: 0...UInt32.max, using: &rng) : UInt32(UInt16.random(in: 0...UInt16.max, using: &rng))
                    return IPsecRequest(proto: [50, 51, 108].randomElement(using: &rng)!, mode: tunnel ? 2 : 1, level: .random(in: 0...3, using: &rng),
                                        reqID: reqid, tunnelSource: tunnel ? address() : nil, tunnelDestination: tunnel ? address() : nil)
                }
                out.append(.policy(p))
            case .sa2: out.append(.sa2(SA2Extension(mode: .random(in: 0...2, using: &rng), sequence: .random(in: 0...UInt32.max, using: &rng), reqID: .random(in: 0...UInt32.max, using: &rng))))
            case .natTType: out.append(.natTType(NATTTypeExtension(encapsulation: .random(in: 0...255, using: &rng))))
            case .natTPort(let p): out.append(.natTPort(NATTPortExtension(p.kind, port: .random(in: 0...UInt16.max, using: &rng))))
            case .securityContext: out.append(.securityContext(SecurityContextExtension(algorithm: .random(in: 0...255, using: &rng), doi: 1, context: bytes(.random(in: 0...100, using: &rng)))))
            case .kmAddress: out.append(.kmAddress(KMAddressExtension(local: address(), remote: address())))
            case .kmPrivate: out.append(.kmPrivate(KMPrivateExtension(data: bytes(8 * .random(in: 0...4, using: &rng)))))
            case .filter:
                let s = address().address, d = address().address
                out.append(.filter(FilterExtension(source: s, destination: d, sourcePrefixLength: .random(in: 0...UInt8(s.family.bitCount), using: &rng),
                                                   destinationPrefixLength: .random(in: 0...UInt8(s.family.bitCount), using: &rng))))
            case .natTFragment: out.append(.natTFragment(NATTFragmentExtension(fragmentLength: .random(in: 0...UInt16.max, using: &rng))))
            case .saReplay: out.append(.saReplay(SAReplayExtension(replay: .random(in: 0...UInt32.max, using: &rng))))
            case .unknown: out.append(e)
            }
        }
        if Bool.random(using: &rng) {
            out.insert(.unknown(UnknownExtension(typeNumber: .random(in: 40...UInt16.max, using: &rng), body: bytes(4 + 8 * .random(in: 0...3, using: &rng)))),
                       at: .random(in: 0...out.count, using: &rng))
        }
        m.extensions = out
        return m
    }
}
