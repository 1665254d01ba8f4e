/// Hex text: the one encoder and decoder behind PF_KEY's JSON and setkey forms, the Traffic
/// Selector records and the command line's hex input.
package enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, two digits a byte.
    package static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of an ASCII hex digit (either case).
    package static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "0"..."9": UInt8(scalar.value - 0x30)
        case "a"..."f": UInt8(scalar.value - 0x61 + 10)
        case "A"..."F": UInt8(scalar.value - 0x41 + 10)
        default: nil
        }
    }

    /// Why hex text did not decode.
    package enum DecodingFailure: Error, Equatable {
        /// A character that is neither a hex digit nor one the caller skips.
        case notHex
        /// A digit left over: the last byte has only its high half.
        case oddDigitCount
    }

    /// The bytes of hex text, two digits a byte, ignoring the separators `skip` accepts
    /// anywhere; `digit` says which characters are digits (ASCII ones by default).
    package static func decode(_ text: some StringProtocol, skip: (Unicode.Scalar) -> Bool,
                               digit: (Unicode.Scalar) -> UInt8? = digitValue) throws(DecodingFailure) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in text.unicodeScalars where !skip(c) {
            guard let d = digit(c) else { throw .notHex }
            if let h = high { out.append(h << 4 | d); high = nil } else { high = d }
        }
        guard high == nil else { throw .oddDigitCount }
        return out
    }
}
