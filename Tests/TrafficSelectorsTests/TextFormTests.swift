import Foundation
import Testing
import TrafficSelectors

/// The text `draftcheck ts decode|narrow|decorrelate` prints, byte for byte.
@Suite struct TextFormTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    static let policy = #"{"rules": [{"name": "any", "remote": [{"address": "0.0.0.0/0"}], "local": [{"address": "0.0.0.0/0"}]}]}"#
    static let tsi = #"{"selectors": [{"type": 7, "protocol": 0, "startPort": 0, "endPort": 65535, "startAddress": "10.0.0.5", "endAddress": "10.0.0.20"}]}"#
    static let tsr = #"{"hex": "0000001801000000070000100000ffffc0000200c00002ff"}"#

    @Test func decodedPayloadListsSelectorsThenIgnoredUnknownTypes() throws {
        // A type 9 selector (unknown, skipped as RFC 7296 2.9 says), then an IPv4 range.
        let bytes = try #require(HexText.bytes("2d0000280200000009000010000000000000000000000000070000100000ffffc6336400c63364ff"))
        #expect(try TSPayload.decode(bytes).text == """
            TS payload: 2 selectors, next payload 45
              type 7  protocol any  ports any  198.51.100.0 - 198.51.100.255
              ignored: unknown type 9 at offset 8, 16 bytes (RFC 7296 2.9)

            """)
    }

    @Test func acceptedNarrowingNamesTheRuleAndTheNarrowedSelectors() throws {
        let result = Narrowing.narrow(proposedTSi: try Self.decode(PayloadRecord.self, Self.tsi).payload(),
                                      proposedTSr: try Self.decode(PayloadRecord.self, Self.tsr).payload(),
                                      policy: try Self.decode(PolicyRecord.self, Self.policy).policy(), profile: .rfc7296)
        #expect(result.text == """
            profile rfc7296: accepted (rule any)
              TSi any/any/10.0.0.5-10.0.0.20
              TSr any/any/192.0.2.0/24
              - R5: the whole proposal is acceptable; returned unchanged

            """)
    }

    @Test func refusedNarrowingNamesTheNotify() throws {
        let lab = #"{"rules": [{"name": "lab", "remote": [{"address": "172.16.0.0/12"}], "local": [{"address": "172.16.0.0/12"}]}]}"#
        let result = Narrowing.narrow(proposedTSi: try Self.decode(PayloadRecord.self, Self.tsi).payload(),
                                      proposedTSr: try Self.decode(PayloadRecord.self, Self.tsr).payload(),
                                      policy: try Self.decode(PolicyRecord.self, lab).policy(), profile: .rfc7296)
        #expect(result.text == """
            profile rfc7296: refused
            notify TS_UNACCEPTABLE (38)
              - R4: the policy accepts no part of the proposal

            """)
    }

    @Test func decorrelationListsEachFragmentWithItsEntry() throws {
        // RFC 7296 2.9.1's example: the 3DES entry loses the address the AES entry takes.
        let spd = try Self.decode(SPDRecord.self, #"""
            {"entries": [
              {"name": "aes", "action": "PROTECT", "selectors": [{"local": "192.0.2.1", "remote": "198.51.100.66"}]},
              {"name": "3des", "action": "PROTECT", "pfp": ["remoteAddress"], "selectors": [{"local": "192.0.2.1", "remote": "198.51.100.0/24"}]}
            ]}
            """#).spd()
        #expect(try Decorrelation.decorrelate(spd).text(original: spd) == """
            2 entries -> 3 decorrelated fragments
              [0 aes] PROTECT  192.0.2.1[any] -> 198.51.100.66[any] proto any
              [1 3des] PROTECT  192.0.2.1[any] -> 198.51.100.0-198.51.100.65[any] proto any
              [1 3des] PROTECT  192.0.2.1[any] -> 198.51.100.67-198.51.100.255[any] proto any

            """)
    }
}
