/// What a check run shows a reader: the inputs it built, each expectation with its
/// expected and actual value, hex dumps of the bytes involved, the kernel captures it
/// compared with, and notes (nuances a reviewer must not miss).
public struct Evidence: Hashable, Sendable, Codable {
    public var inputs: [LabeledValue]
    public var observations: [Observation]
    public var hexDumps: [HexDump]
    /// Names of the live Linux af_key captures the check used (Sources/PFKeyReference/KernelCaptures).
    public var kernelCaptures: [String]
    public var notes: [String]

    public init(inputs: [LabeledValue] = [], observations: [Observation] = [], hexDumps: [HexDump] = [], kernelCaptures: [String] = [], notes: [String] = []) {
        self.inputs = inputs
        self.observations = observations
        self.hexDumps = hexDumps
        self.kernelCaptures = kernelCaptures
        self.notes = notes
    }

    /// The expectations that did not hold.
    public var unmet: [Observation] { observations.filter { !$0.holds } }
}

public struct LabeledValue: Hashable, Sendable, Codable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// One expectation of a check: what the specification implies (`expected`) against what
/// the reference code did (`actual`).
public struct Observation: Hashable, Sendable, Codable {
    public var label: String
    public var expected: String
    public var actual: String
    public var holds: Bool

    public init(label: String, expected: String, actual: String, holds: Bool) {
        self.label = label
        self.expected = expected
        self.actual = actual
        self.holds = holds
    }
}

public struct HexDump: Hashable, Sendable, Codable {
    public var label: String
    /// Lower-case hex, two digits a byte, a space every 8 bytes, a line every 16.
    public var hex: String
    public var byteCount: Int

    public init(label: String, bytes: [UInt8]) {
        self.label = label
        self.byteCount = bytes.count
        self.hex = HexDump.format(bytes)
    }

    public static func format(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(bytes.count * 3)
        for (i, b) in bytes.enumerated() {
            if i > 0 { out.append(i % 16 == 0 ? "\n" : (i % 8 == 0 ? "  " : " ")) }
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return out
    }
}
