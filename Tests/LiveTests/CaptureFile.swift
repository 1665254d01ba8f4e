import Foundation
import PFKey
import TestSupport

/// The capture format of Tests/Fixtures/kernel/README.md, as pfkey-live prints it.
struct CaptureFile {
    struct Exchange: Equatable {
        var sent: Bool
        var bytes: [UInt8]
    }
    struct Mutation: Equatable {
        var base: String
        var kind: String
        var kernel: String
        var ours: String
        var bytes: [UInt8]
        /// The kind without a bit flip's position: "bitflip".
        var family: String { kind.hasPrefix("bitflip-") ? "bitflip" : kind }
        var agrees: Bool { (kernel == "ok") == (ours == "ok") }
    }

    var scenarioNames: [String] = []
    var scenarios: [String: [Exchange]] = [:]
    var mutations: [Mutation] = []
    var result: String?

    init(text: String) {
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let word = parts.first else { continue }
            switch word {
            case "SCENARIO" where parts.count == 2:
                current = parts[1]
                scenarioNames.append(parts[1])
                scenarios[parts[1]] = []
            case "SEND", "RECV":
                guard let name = current, parts.count == 2, let bytes = CaptureFile.bytes(hex: parts[1]) else { continue }
                scenarios[name, default: []].append(Exchange(sent: word == "SEND", bytes: bytes))
            case "MUT" where parts.count == 6:
                if let bytes = CaptureFile.bytes(hex: parts[5]) {
                    mutations.append(Mutation(base: parts[1], kind: parts[2], kernel: parts[3], ours: parts[4], bytes: bytes))
                }
            case "RESULT" where parts.count == 2:
                result = parts[1]
            default:
                continue
            }
        }
    }

    static func bytes(hex: String) -> [UInt8]? {
        let u = Array(hex.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static let fixtureURL = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/kernel/captures.txt")

    static let committed: CaptureFile = {
        let text = (try? String(contentsOf: fixtureURL, encoding: .utf8)) ?? ""
        return CaptureFile(text: text)
    }()
}

/// What a message looks like apart from what the kernel picks (seq, pid, SPI values,
/// timestamps, key bytes): type, SA type, errno, total length and each extension's type and length.
///
/// The kernel's algorithm lists (PROPOSAL 13, SUPPORTED_AUTH 14, SUPPORTED_ENCRYPT 15) are as
/// long as its crypto configuration makes them, not as af_key's rules do: Debian's 6.1 lists
/// four encryption algorithms and proposes 20 combinations, its 6.12 five and 25. A shape
/// names them without their length and counts the message's length without them; what they
/// hold is checked against each other by pfkey-live (a proposal pairs REGISTER's algorithms).
struct Shape: Equatable, CustomStringConvertible {
    var type: UInt8
    var saType: UInt8
    var errno: UInt8
    var length: Int
    var extensions: [String]

    static let algorithmLists: Set<Int> = [13, 14, 15]

    init(_ b: [UInt8]) {
        type = b.count > 1 ? b[1] : 0
        errno = b.count > 2 ? b[2] : 0
        saType = b.count > 3 ? b[3] : 0
        length = b.count
        extensions = []
        var at = 16
        while at + 4 <= b.count {
            let len = (Int(b[at]) | Int(b[at + 1]) << 8) * 8
            let t = Int(b[at + 2]) | Int(b[at + 3]) << 8
            if Self.algorithmLists.contains(t) {
                extensions.append("\(t):list")
                length -= len
            } else {
                extensions.append("\(t):\(len)")
            }
            if len == 0 { break }
            at += len
        }
    }

    var description: String { "type \(type) satype \(saType) errno \(errno) len \(length) ext [\(extensions.joined(separator: " "))]" }
}

/// The scenarios issue 6 asks for, by the names pfkey-live gives them.
let requiredScenarios = [
    "register-esp", "register-ah", "getspi-update", "esp-hmac-sha1-aes-cbc", "esp-hmac-sha256-aes-cbc-256",
    "ah-hmac-sha1", "esp-nat-t", "esp-ipv6", "errors", "spd", "acquire-pfkey-policy-flow",
    "acquire-ip-xfrm-policy", "expire",
]

/// The differential's disagreements, each kind explained (README "Live kernel checks").
enum Disagreement: String, CaseIterable {
    /// Linux reads no reserved field of an extension; our strict request decoding requires zero (RFC 2367 2.1).
    case kernelIgnoresExtensionReserved
    /// Linux ignores the ports of SA addresses with sadb_address_proto 0; RFC 2367 2.3.3 needs a protocol for a port.
    case kernelIgnoresPortWithoutProtocol
    /// Linux checks only sadb_ext_min_len, so a fixed-size extension may be longer; we require the exact size (RFC 2367 2.2).
    case kernelChecksMinimumLengthOnly
    /// A well-formed message the kernel refuses for its content: an SA type or ipsecrequest
    /// protocol/mode it does not know (EINVAL), an algorithm not available (ENOSYS), a
    /// message type it does not implement (X_PCHANGE: EOPNOTSUPP). Not a wire-format rule.
    case kernelSemanticRefusal

    static func classify(_ m: CaptureFile.Mutation) -> Disagreement? {
        if m.agrees { return nil }
        switch (m.kernel, m.ours) {
        case ("ok", "extensionReservedNotZero"): return .kernelIgnoresExtensionReserved
        case ("ok", "portWithoutProtocol"): return .kernelIgnoresPortWithoutProtocol
        case ("ok", "extensionLengthMismatch"): return .kernelChecksMinimumLengthOnly
        case ("errno:22", "ok"), ("errno:38", "ok"), ("errno:95", "ok"): return .kernelSemanticRefusal
        default: return nil
        }
    }
}
