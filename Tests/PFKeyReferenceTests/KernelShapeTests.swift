import Testing
@testable import PFKey
import PFKeyReference

/// The messages a real Linux 6.1 af_key sent (Tests/Fixtures/kernel/captures.txt), rebuilt
/// from the sizes and extension lists recorded there: they encode to those sizes and decode back strictly.
struct KernelShape: CustomTestStringConvertible, Sendable {
    var name: String
    var message: Message
    var size: Int
    var extensions: [String]
    var lengths: [Int]
    var testDescription: String { name }
}

let kernelShapes: [KernelShape] = [
    KernelShape(name: "ADD reply 272", message: KernelSamples.addReply(), size: 272,
                extensions: ["SA", "LIFETIME_HARD", "LIFETIME_SOFT", "LIFETIME_CURRENT", "ADDRESS_SRC", "ADDRESS_DST", "ADDRESS_PROXY", "KEY_AUTH", "KEY_ENCRYPT", "X_SA2"],
                lengths: [16, 32, 32, 32, 24, 24, 24, 32, 24, 16]),
    KernelShape(name: "X_SPDADD reply 192", message: KernelSamples.spdAddReply(), size: 192,
                extensions: ["ADDRESS_SRC", "ADDRESS_DST", "LIFETIME_HARD", "LIFETIME_SOFT", "LIFETIME_CURRENT", "X_POLICY"],
                lengths: [24, 24, 32, 32, 32, 32]),
    KernelShape(name: "ACQUIRE 88 with zero combs", message: KernelSamples.acquire(), size: 88,
                extensions: ["ADDRESS_SRC", "ADDRESS_DST", "X_POLICY", "PROPOSAL"], lengths: [24, 24, 16, 8]),
    KernelShape(name: "ACQUIRE 1528 with 20 combs", message: KernelSamples.acquire(combinations: 20), size: 1528,
                extensions: ["ADDRESS_SRC", "ADDRESS_DST", "X_POLICY", "PROPOSAL"], lengths: [24, 24, 16, 1448]),
    KernelShape(name: "REGISTER reply 112", message: KernelSamples.registerReply(), size: 112,
                extensions: ["SUPPORTED_AUTH", "SUPPORTED_ENCRYPT"], lengths: [56, 40]),
    KernelShape(name: "GET unknown SPI: ESRCH", message: KernelSamples.errorReply(.get, errno: 3), size: 16, extensions: [], lengths: []),
    KernelShape(name: "DUMP empty: ENOENT", message: KernelSamples.errorReply(.dump, errno: 2), size: 16, extensions: [], lengths: []),
]

@Suite struct KernelShapeTests {
    @Test(arguments: kernelShapes)
    func shapeDecodesStrictlyAsAKernelMessage(_ shape: KernelShape) throws {
        let bytes = try shape.message.encode(dialect: .linux)
        #expect(bytes.count == shape.size)
        let (decoded, spans) = try Message.decodeWithLayout(bytes, options: DecodingOptions(dialect: .linux, direction: .kernel, unknownExtensions: .reject))
        #expect(decoded == shape.message)
        #expect(decoded.extensions.map(\.name) == shape.extensions)
        #expect(spans.map(\.length) == shape.lengths)
        #expect(spans.first?.offset ?? 16 == 16)
        #expect(try decoded.encode(dialect: .linux) == bytes)
    }

    /// The 88-byte ACQUIRE byte for byte, written out from the structs in pfkeyv2.h.
    @Test func acquireBytesExactly() throws {
        let expected = try #require(MessageText.bytes(hex: """
            0206 0003 0b00 0000 0100 0000 0000 0000
            0300 0500 0020 0000 0200 0000 0a00 0001 0000 0000 0000 0000
            0300 0600 0020 0000 0200 0000 0a00 0002 0000 0000 0000 0000
            0200 1200 0200 0200 0100 0000 0000 0000
            0100 0d00 2000 0000
            """))
        #expect(try KernelSamples.acquire().encode(dialect: .linux) == expected)
    }
}
