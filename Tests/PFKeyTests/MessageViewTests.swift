import PropertyBased
import Testing
import TestSupport
@testable import PFKey
import PFKeyReference

/// `MessageView` (validation over the caller's bytes, fields read on demand) agrees with
/// `Message(decoding:)` on every vector: the same rejections (code, offset, rule text) and,
/// on acceptance, accessors that read what the materialised message holds.
@Suite struct MessageViewTests {
    /// The view's verdict on `bytes`: the error, or nil with `check` run on the view.
    static func viewVerdict(_ bytes: [UInt8], _ options: DecodingOptions, _ check: (MessageView) -> Void = { _ in }) -> PFKeyError? {
        bytes.withUnsafeBytes { raw -> PFKeyError? in
            do throws(PFKeyError) {
                check(try MessageView(validating: raw, options: options))
                return nil
            } catch { return error }
        }
    }

    static func messageVerdict(_ bytes: [UInt8], _ options: DecodingOptions) -> Result<Message, PFKeyError> {
        do throws(PFKeyError) { return .success(try Message(decoding: bytes, options: options)) } catch { return .failure(error) }
    }

    /// Every typed accessor of `view` against the materialised `m`.
    static func expectAgreement(_ view: MessageView, _ m: Message, _ label: String) {
        #expect(view.type == m.type, "\(label)")
        #expect(view.errno == m.errno && view.saType == m.saType && view.reserved == m.reserved, "\(label)")
        #expect(view.sequence == m.sequence && view.pid == m.pid, "\(label)")
        #expect(view.extensionCount == m.extensions.count, "\(label)")
        #expect(view.extensions.map { try? view.decode($0) } == m.extensions.map { Optional($0) }, "\(label)")
        for t in ExtensionType.allCases {
            #expect(view.contains(t) == (m.extension(t) != nil), "\(label) \(t.name)")
            #expect(view.extension(t) == m.extension(t), "\(label) \(t.name)")
        }
        #expect(view.sa == m.sa && view.sa2 == m.sa2 && view.spiRange == m.spiRange, "\(label)")
        for k in LifetimeExtension.Kind.allCases { #expect(view.lifetime(k) == m.lifetime(k), "\(label) \(k)") }
        for k in AddressExtension.Kind.allCases { #expect(view.address(k) == m.address(k), "\(label) \(k)") }
        for k in KeyExtension.Kind.allCases {
            #expect(view.keyBits(k) == m.key(k)?.bits, "\(label) \(k)")
            #expect(view.keyBytes(k).map { Array($0) } == m.key(k)?.key, "\(label) \(k)")
        }
        #expect(view.policyID == m.policy?.id && view.policyDirection == m.policy?.direction, "\(label)")
        #expect(view.combinationCount == m.proposal?.combinations.count, "\(label)")
        if let combs = m.proposal?.combinations {
            #expect((0..<combs.count).map { view.combination($0) } == combs.map { Optional($0) }, "\(label)")
            #expect(view.combination(combs.count) == nil && view.combination(-1) == nil, "\(label)")
        }
    }

    /// `ExtensionType(index:)` reinterprets a position as a case: it must be `rawValue`.
    @Test func extensionTypeIndexIsTheRawValue() {
        #expect(ExtensionType.count == ExtensionType.allCases.count)
        for t in ExtensionType.allCases { #expect(ExtensionType(index: t.rawValue) == t) }
        #expect(ExtensionType(index: -1) == nil && ExtensionType(index: ExtensionType.count) == nil)
    }

    @Test(arguments: ruleVectors)
    func rejectsEveryRuleVectorLikeMessage(_ v: RuleVector) {
        guard let error = Self.viewVerdict(v.bytes, v.options) else {
            Issue.record("the view accepted \(v.name)")
            return
        }
        #expect(error.code == v.code, "\(error.rule)")
        #expect(error.offset == v.offset, "\(error.rule)")
        guard case .failure(let messageError) = Self.messageVerdict(v.bytes, v.options) else {
            Issue.record("Message accepted \(v.name)")
            return
        }
        #expect(error.rule == messageError.rule)
    }

    @Test(arguments: RoundTripTests.cases.map { "\($0.0.rawValue)#\($0.1)" })
    func acceptsEverySampleWithTheMessagesFields(_ key: String) throws {
        let parts = key.split(separator: "#")
        let dialect = Dialect.named(Dialect.Name(rawValue: String(parts[0]))!)
        let message = SampleMessages.covering(dialect)[Int(parts[1])!]
        let bytes = try message.encode(dialect: dialect)
        for direction in [Direction?.none, .kernel] {
            let options = DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: .reject)
            let error = Self.viewVerdict(bytes, options) { view in
                Self.expectAgreement(view, message, key)
                #expect((try? Message(view)) == message, "\(key)")
            }
            #expect(error == nil, "\(key): \(String(describing: error))")
        }
    }

    @Test func kernelShapesReadOnDemand() throws {
        let add = try KernelSamples.addReply().encode()
        let error = Self.viewVerdict(add, DecodingOptions(direction: .kernel)) { view in
            #expect(view.length == 272)
            #expect(view.span(of: .addressDestination) == ExtensionSpan(offset: 152, length: 24))
            #expect(view.span(of: .sensitivity) == nil)
            #expect(view.extensions.map(\.span) == (try? Message.decodeWithLayout(add).spans))
            Self.expectAgreement(view, KernelSamples.addReply(), "ADD reply")
        }
        #expect(error == nil)
        let acquire = try KernelSamples.acquire(combinations: 20).encode()
        let acquireError = Self.viewVerdict(acquire, DecodingOptions(direction: .kernel)) { view in
            #expect(view.combinationCount == 20)
            Self.expectAgreement(view, KernelSamples.acquire(combinations: 20), "ACQUIRE")
        }
        #expect(acquireError == nil)
    }

    /// Random valid messages, then the same bytes damaged (a byte changed, or cut short):
    /// the view and `Message` accept and reject alike, with the same code, offset and rule,
    /// and the view's accessors read what the message holds.
    @Test func randomAndDamagedMessagesAgree() async {
        await propertyCheck(count: 300, input: Gen.uint64(), Gen.element(of: Dialect.Name.allCases)) { seed, name in
            let dialect = Dialect.named(name ?? .linux)
            var rng = SplitMix(state: seed)
            let message = RandomMessage.make(seed: seed, dialect: dialect)
            guard var bytes = try? message.encode(dialect: dialect) else { return }
            let options = DecodingOptions(dialect: dialect, direction: [Direction?.none, .request, .kernel].randomElement(using: &rng)!,
                                          unknownExtensions: Bool.random(using: &rng) ? .ignore : .reject)
            for round in 0..<3 {
                if round > 0 {
                    if Bool.random(using: &rng) {
                        bytes[Int.random(in: 0..<bytes.count, using: &rng)] = .random(in: 0...255, using: &rng)
                    } else {
                        bytes.removeLast(Int.random(in: 1...bytes.count, using: &rng))
                        if bytes.isEmpty { return }
                    }
                }
                let expected = Self.messageVerdict(bytes, options)
                let error = Self.viewVerdict(bytes, options) { view in
                    if case .success(let m) = expected { Self.expectAgreement(view, m, "seed \(seed) round \(round)") }
                }
                switch expected {
                case .success: #expect(error == nil, "seed \(seed) round \(round): \(String(describing: error))")
                case .failure(let e):
                    #expect(error?.code == e.code && error?.offset == e.offset && error?.rule == e.rule, "seed \(seed) round \(round)")
                }
            }
        }
    }
}
