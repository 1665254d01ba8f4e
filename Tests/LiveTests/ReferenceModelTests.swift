import PFKey
import PFKeyReference
import Testing

/// The reference SADB model (PFKey's ReferenceKernel) driven with the requests of each
/// captured scenario: its replies must have the real kernel's shapes.
@Suite struct ReferenceModelTests {
    /// Scenarios whose requests alone drive the kernel (no packet, no `ip xfrm`, no timer).
    static let requestOnly = ["register-esp", "register-ah", "getspi-update", "esp-hmac-sha1-aes-cbc",
                              "esp-hmac-sha256-aes-cbc-256", "ah-hmac-sha1", "esp-nat-t", "esp-ipv6", "errors", "spd"]

    /// Shape differences between the model and the kernel, as "scenario: request: kernel | model".
    static func differences(_ scenario: String) -> [String] {
        let exchanges = CaptureFile.committed.scenarios[scenario] ?? []
        var model = ReferenceKernel()
        var out: [String] = []
        var spiMap: [UInt32: UInt32] = [:] // the kernel's GETSPI SPI -> the model's
        var i = 0
        while i < exchanges.count {
            guard exchanges[i].sent else { i += 1; continue }
            var request = exchanges[i].bytes
            if request.count >= 28, request[16 + 2] == 1, let mapped = spiMap[be32(request, 20)] {
                request.replaceSubrange(20..<24, with: [UInt8(mapped >> 24), UInt8(mapped >> 16 & 0xff), UInt8(mapped >> 8 & 0xff), UInt8(mapped & 0xff)])
            }
            var kernel: [[UInt8]] = []
            var j = i + 1
            while j < exchanges.count, !exchanges[j].sent {
                if le32(exchanges[j].bytes, 12) != 0 { kernel.append(exchanges[j].bytes) }
                j += 1
            }
            let replies = model.handle(bytes: request)
            if request[1] == 1, let k = kernel.first, let r = replies.first, k.count >= 28, r.count >= 28 {
                spiMap[be32(k, 20)] = be32(r, 20)
            }
            let ks = kernel.map { Shape($0).description }, ms = replies.map { Shape($0).description }
            if ks != ms {
                out.append("\(scenario): request type \(request[1]): kernel \(ks) | model \(ms)")
            }
            i = j
        }
        return out
    }

    static func le32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
    static func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    /// Every reply of the model has the shape Linux 6.1 sent for the same request:
    /// REGISTER lists auth and encrypt algorithms whatever the SA type, and ADD, GET,
    /// DUMP and DELETE replies carry the whole state (HARD, SOFT, CURRENT, addresses, keys, X_SA2).
    @Test(arguments: requestOnly)
    func modelRepliesHaveTheKernelsShapes(_ scenario: String) {
        #expect(!(CaptureFile.committed.scenarios[scenario] ?? []).isEmpty, "scenario \(scenario) is not in the captures")
        let diffs = Self.differences(scenario)
        #expect(diffs.isEmpty, "\(diffs)")
    }
}
