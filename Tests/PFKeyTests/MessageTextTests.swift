import Foundation
import Testing
@testable import PFKey

/// What `draftcheck pfkey decode|encode` prints and reads, now in PFKey's Text/ forms: hex
/// input, stream decoding with stream offsets, the text rendering and the JSON bridge. The
/// expected strings are what the command printed before these moved out of it.
@Suite struct MessageTextTests {
    /// SADB_FLUSH, seq 1, pid 2: a 16-byte message without extensions.
    static let flush1 = "02090000020000000100000002000000"
    static let flush2 = "02090000020000000200000002000000"
    /// A GETSPI request as the Linux captures have it: SRC, DST, SPIRANGE.
    static let getSPI = "020100030a00000005000000cb0200000300050000200000020000000a00000100000000000000000300060000200000020000000a00000200000000000000000200100000010000ff01000000000000"

    @Test(arguments: [
        ("02 09:00\t00\n", [0x02, 0x09, 0x00, 0x00] as [UInt8]),
        ("0A0b", [0x0a, 0x0b]),
        ("", []),
        // Foundation's whitespacesAndNewlines, as before: NBSP, LINE SEPARATOR, ZERO WIDTH SPACE.
        ("01\u{A0}02\u{2028}03\u{200B}04", [1, 2, 3, 4]),
    ])
    func hexInputSkipsWhitespaceAndColons(text: String, bytes: [UInt8]) {
        #expect(MessageText.bytes(hex: text) == bytes)
    }

    @Test(arguments: ["0x02", "020", "zz", "0\u{FEFF}2", "\u{FF10}\u{FF12}"])
    func hexInputRejectsWhatIsNotHex(text: String) {
        #expect(MessageText.bytes(hex: text) == nil)
    }

    @Test func hexOutputIsLowerCaseTwoDigitsAByte() {
        #expect(MessageText.hex([0x02, 0x0a, 0xff, 0x00]) == "020aff00")
        #expect(MessageText.hex([]) == "")
    }

    @Test func aStreamDecodesWithEachMessagesOffset() throws {
        let stream = try Message.decodeStream(MessageText.bytes(hex: Self.flush1 + Self.flush2)!, options: DecodingOptions(dialect: .linux))
        #expect(stream.map(\.offset) == [0, 16])
        #expect(stream.map(\.message.sequence) == [1, 2])
        #expect(MessageText.render(stream, dialect: .linux) == """
            SADB_FLUSH (9) satype=0 errno=0 seq=1 pid=2 length=16

            SADB_FLUSH satype=unspec seq=1 pid=2

            SADB_FLUSH (9) satype=0 errno=0 seq=2 pid=2 length=16 at=16

            SADB_FLUSH satype=unspec seq=2 pid=2

            """)
    }

    @Test func extensionsRenderWithOffsetsAndSortedFields() throws {
        let stream = try Message.decodeStream(MessageText.bytes(hex: Self.getSPI)!, options: DecodingOptions(dialect: .linux))
        #expect(MessageText.render(stream, dialect: .linux) == """
            SADB_GETSPI (1) satype=3 errno=0 seq=5 pid=715 length=80
              @16 ADDRESS_SRC (5) len=24: address=10.0.0.1 family=inet port=0 prefixlen=32 proto=0
              @40 ADDRESS_DST (6) len=24: address=10.0.0.2 family=inet port=0 prefixlen=32 proto=0
              @64 SPIRANGE (16) len=16: max=511 min=256

            SADB_GETSPI satype=esp seq=5 pid=715 ADDRESS_SRC ADDRESS_DST SPIRANGE

            """)
    }

    @Test func anErrorInALaterMessageNamesItsByteInTheStream() {
        let bytes = MessageText.bytes(hex: Self.flush1 + "03" + Self.flush2.dropFirst(2))!
        do {
            _ = try Message.decodeStream(bytes, options: DecodingOptions(dialect: .linux))
            Issue.record("a bad version decoded")
        } catch {
            #expect(error == .badVersion)
            #expect(error.offset == 16)
            #expect(error.rule == "RFC 2367 2.1: sadb_msg_version 3 is not PF_KEY_V2 (2) at offset 16 (offset 0 in the message at 16)")
        }
    }

    @Test func aStreamThatDoesNotSplitKeepsTheSplittersOffset() {
        #expect(throws: PFKeyError.messageTooShort) {
            try Message.decodeStream(MessageText.bytes(hex: Self.flush1 + "03090000")!, options: DecodingOptions(dialect: .linux))
        }
        do {
            _ = try Message.decodeStream(MessageText.bytes(hex: Self.flush1 + "03090000")!, options: DecodingOptions(dialect: .linux))
        } catch {
            #expect(error.rule == "RFC 2367 2.1: 4 bytes left, a message is at least 16 at offset 16")
        }
    }

    @Test func jsonBridgeWritesOneObjectOrAList() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let one = try Message.decodeStream(MessageText.bytes(hex: Self.flush1)!, options: DecodingOptions(dialect: .linux))
        #expect(String(decoding: try encoder.encode(MessageText.json(one, dialect: .linux)), as: UTF8.self)
            == #"{"errno":0,"extensions":[],"length":16,"pid":2,"satype":0,"seq":1,"type":"FLUSH","typeNumber":9}"#)
        let two = try Message.decodeStream(MessageText.bytes(hex: Self.flush1 + Self.flush2)!, options: DecodingOptions(dialect: .linux))
        let json = String(decoding: try encoder.encode(MessageText.json(two, dialect: .linux)), as: UTF8.self)
        #expect(json.hasPrefix(#"[{"errno":0,"#) && json.hasSuffix(#""seq":2,"type":"FLUSH","typeNumber":9}]"#))
    }

    @Test func jsonBridgeReadsBackAndEncodesAStream() throws {
        let json = #"[{"type":"FLUSH","seq":1,"pid":2},{"type":"FLUSH","seq":2,"pid":2}]"#
        let value = try JSONDecoder().decode(JSONFieldValue.self, from: Data(json.utf8))
        #expect(MessageText.hex(try Message.encodeStream(fields: value.value, dialect: .linux)) == Self.flush1 + Self.flush2)
    }

    @Test func jsonBridgeRejectsNegativeNumbersAndUnknownTypes() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONFieldValue.self, from: Data(#"{"seq":-1}"#.utf8)) }
        let value = try JSONDecoder().decode(JSONFieldValue.self, from: Data(#"{"type":"NOPE"}"#.utf8))
        do {
            _ = try Message.encodeStream(fields: value.value, dialect: .linux)
            Issue.record("an unknown type encoded")
        } catch {
            #expect(error == .invalidValue)
            #expect(error.rule == "JSON message: unknown message type NOPE at offset 0")
        }
    }
}
