import WireCore

/// A selector as the JSON files and `draftcheck ts decode --format json` write it:
/// `{"type", "protocol", "startPort", "endPort", "startAddress", "endAddress"}` for types
/// 7 and 8, `{"type": 10, "label": HEX}` for TS_SECLABEL. Reading also accepts the short
/// forms `"address": "A" | "A-B" | "A/len"` and `"ports": "any" | "opaque" | "N" | "N-M"`
/// in place of the pairs (handy in policy files); `type` is then optional.
public struct SelectorRecord: Codable, Hashable, Sendable {
    public var type: UInt8?
    public var `protocol`: UInt8?
    public var startPort: UInt16?
    public var endPort: UInt16?
    public var startAddress: String?
    public var endAddress: String?
    public var label: String?
    public var address: String?
    public var ports: String?

    public init(type: UInt8? = nil, protocol proto: UInt8? = nil, startPort: UInt16? = nil, endPort: UInt16? = nil, startAddress: String? = nil, endAddress: String? = nil, label: String? = nil, address: String? = nil, ports: String? = nil) {
        self.type = type
        self.protocol = proto
        self.startPort = startPort
        self.endPort = endPort
        self.startAddress = startAddress
        self.endAddress = endAddress
        self.label = label
        self.address = address
        self.ports = ports
    }

    /// The wire form of a selector; throws `notEncodable` for algebra-only values.
    public init(_ selector: PayloadSelector) throws {
        switch selector {
        case .securityLabel(let l):
            self.init(type: TSType.securityLabel, label: l.hex)
        case .addressRange(let s):
            guard let proto = s.ipProtocol.wireValue, let ports = s.ports.wireValue else {
                throw TSError(.notEncodable, "selector \(s) has no type \(s.tsType) form", rule: "RFC 7296 3.13.1")
            }
            self.init(type: s.tsType, protocol: proto, startPort: ports.start, endPort: ports.end,
                      startAddress: s.addresses.startText, endAddress: s.addresses.endText)
        }
    }

    public init(_ selector: TrafficSelector) throws { try self.init(.addressRange(selector)) }

    /// The selector this record describes; `invalidValue` when fields are missing or contradict.
    public func selector() throws -> PayloadSelector {
        if type == TSType.securityLabel || label != nil {
            guard let label, let bytes = HexText.bytes(label) else {
                throw TSError(.invalidValue, "a type 10 selector needs \"label\" as hex")
            }
            return .securityLabel(try SecurityLabel(bytes))
        }
        let addresses: IPAddressRange
        if let address {
            addresses = try IPAddressRange(parsing: address)
        } else if let startAddress, let endAddress {
            let a = try IPAddressText.parse(startAddress), b = try IPAddressText.parse(endAddress)
            guard a.family == b.family else { throw TSError(.familyMismatch, "\(startAddress) and \(endAddress) are of different families") }
            addresses = try IPAddressRange(family: a.family, start: a.value, end: b.value)
        } else {
            throw TSError(.invalidValue, "a selector needs \"address\" or \"startAddress\" and \"endAddress\"")
        }
        if let type, type != addresses.family.tsType {
            throw TSError(.familyMismatch, "type \(type) with \(addresses.family.rawValue) addresses")
        }
        let portRange: PortRange
        if let ports {
            portRange = try PortRange(parsing: ports)
        } else if startPort != nil || endPort != nil {
            guard let startPort, let endPort else { throw TSError(.invalidValue, "\"startPort\" and \"endPort\" go together") }
            portRange = try PortRange(wireStart: startPort, wireEnd: endPort)
        } else {
            portRange = .any
        }
        return .addressRange(TrafficSelector(ipProtocol: IPProtocolRange(wire: self.protocol ?? 0), ports: portRange, addresses: addresses))
    }

    /// The address-range selector; `invalidValue` for a label.
    public func trafficSelector() throws -> TrafficSelector {
        guard let s = try selector().addressRange else { throw TSError(.invalidValue, "a security label where an address range is needed") }
        return s
    }
}

/// Hex text (spaces and colons allowed between bytes).
public enum HexText {
    public static func bytes(_ text: String) -> [UInt8]? {
        // Character.hexDigitValue also takes the fullwidth digits, as this always has.
        try? Hex.decode(text, skip: isSeparator,
                        digit: { Character($0).hexDigitValue.map(UInt8.init) })
    }

    public static func string(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    /// The bytes of hex text as `bytes` reads it, or `TSError.invalidHex` saying which
    /// character (counted from 0, separators included) is not a digit or has no partner.
    public static func decode(_ text: String) throws(TSError) -> [UInt8] {
        if let bytes = bytes(text) { return bytes }
        var lastDigit = 0
        var digits = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() where !isSeparator(scalar) {
            guard Character(scalar).hexDigitValue != nil else {
                throw TSError(.invalidHex, "not a hex digit at offset \(offset): \"\(Character(scalar))\" (hex text is two digits a byte; spaces and colons may separate them)")
            }
            digits += 1
            lastDigit = offset
        }
        throw TSError(.invalidHex, "odd number of hex digits at offset \(lastDigit): \(digits) digits, and a byte is two")
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == ":" || scalar == "\n" || scalar == "\t"
    }
}
