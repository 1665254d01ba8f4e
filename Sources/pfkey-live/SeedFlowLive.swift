import Foundation
import Glibc
import PFKey
import SPDBridge
import TrafficSelectors

extension KeySocket {
    /// Sends `message` with our pid and the sequence number it carries (a GETSPI, UPDATE or
    /// ADD answering an ACQUIRE carries the ACQUIRE's, RFC 2367 3.1.2/3.1.3), and returns the reply.
    func requestKeepingSequence(_ message: Message) throws -> Message {
        var m = message
        m.pid = pid
        let bytes = try m.encode(dialect: .linux)
        log.sent(bytes)
        let e = sendRaw(bytes, record: false)
        if e != 0 { throw Failure.system("send \(m.type.name)", e) }
        let seq = m.sequence, pid = self.pid
        let reply = try waitFor("reply to \(m.type.name) seq \(seq)") { b in
            b.count >= 16 && b[1] == bytes[1] && le32(b, 8) == seq && le32(b, 12) == pid
        }
        return try Message(decoding: reply, options: DecodingOptions(dialect: .linux, direction: .kernel))
    }
}

/// The seed's flow whole on the real af_key (issue 18 section 3): X_SPDADD for a subnet
/// pair -> a packet -> the kernel's SADB_ACQUIRE -> X_SPDGET -> TSi/TSr -> narrowing ->
/// GETSPI with the ACQUIRE's sequence -> UPDATE (inbound) and ADD (outbound) with the
/// narrowed selectors -> the packet resent, protected (the SA's packet counter, `ip -s xfrm state`).
/// `pfkey-live seed-flow`; the transcript is the capture format plus NOTE and XFRM lines.
struct SeedFlowLive {
    static let outboundSPI: UInt32 = 0x8765
    let log = Transcript()
    var failures: [String] = []

    mutating func check(_ ok: Bool, _ what: String) {
        if !ok { failures.append(what); log.note("FAILED \(what)") }
    }

    mutating func run() throws {
        let km = try KeySocket(log: log)
        try km.request(Message(.flush, saType: .unspecified), record: false)
        try km.request(Message(.spdFlush), record: false)
        km.drain()
        log.scenario("seed-flow")
        check(try km.request(Message(.register, saType: .esp)).errno == 0, "REGISTER ESP")
        let lan = try TrafficSelector("10.0.0.0/24")
        let added = try km.request(Message(.spdAdd, extensions: [
            .address(SelectorConversion.addressExtension(.source, lan)),
            .address(SelectorConversion.addressExtension(.destination, lan)),
            .policy(PolicyExtension(type: .ipsec, direction: .outbound, requests: [IPsecRequest(proto: 50, mode: IPsecRequest.modeTransport, level: 2)])),
        ]))
        check(added.errno == 0, "X_SPDADD 10.0.0.0/24 -> 10.0.0.0/24")
        km.drain()
        log.note("packet UDP 10.0.0.1 -> 10.0.0.2:9 sendto errno \(Self.sendUDP(to: "10.0.0.2"))")
        let raw = try km.waitFor("SADB_ACQUIRE") { $0.count >= 16 && $0[1] == 6 && le32($0, 12) == 0 }
        let acquire = try Message(decoding: raw, options: DecodingOptions(dialect: .linux, direction: .kernel))
        let trigger = try AcquireTrigger(acquire: acquire)
        check(trigger.policyID == added.policy?.id, "ACQUIRE names the X_SPDADD's policy id")
        let policyReply = try km.request(try AcquireFlow.policyQuery(for: trigger, sequence: 0, pid: 0))
        let selectors = try AcquireFlow.policySelectors(policyReply)
        let proposal = AcquireFlow.proposal(trigger: trigger, policy: (selectors.tsi, selectors.tsr))
        log.note("TSi \(proposal.tsi) TSr \(proposal.tsr)")
        let responder = NarrowingPolicy(rules: [NarrowingRule(name: "peer", remote: [try TrafficSelector("10.0.0.0/25")], local: [try TrafficSelector("10.0.0.2/32")])])
        let narrowed = try AcquireFlow.narrow(proposal, responderPolicy: responder)
        log.note("narrowed TSi \(narrowed.tsi) TSr \(narrowed.tsr)")
        let keys = try ChildSAKeys(encryption: .aesCBC256, integrity: .hmacSHA256, keymat: (0..<128).map { UInt8($0) })
        let installer = try ChildSAInstaller(trigger: trigger, narrowed: narrowed, keys: keys, pid: km.pid)
        let spiReply = try km.requestKeepingSequence(installer.getSPI(range: 0xc000_0000...0xc0ff_ffff))
        check(spiReply.errno == 0 && spiReply.sequence == acquire.sequence, "GETSPI with the ACQUIRE's sequence")
        let spi = spiReply.sa?.spi ?? 0
        check(try km.requestKeepingSequence(installer.update(inboundSPI: spi)).errno == 0, "UPDATE of the inbound SA")
        check(try km.requestKeepingSequence(installer.add(outboundSPI: Self.outboundSPI)).errno == 0, "ADD of the outbound SA")
        // The policies narrowed to the negotiated traffic, both directions (RFC 7296 2.9's
        // "dynamic update of the SPD"): what enforces the narrowing, Linux keeping no
        // selector on an SA from PF_KEY.
        check(try km.request(installer.policyUpdate(policyID: 0, sequence: 0)).errno == 0, "X_SPDUPDATE outbound, narrowed")
        check(try km.request(installer.policyUpdate(policyID: 0, sequence: 0, direction: .inbound)).errno == 0, "X_SPDUPDATE inbound, narrowed")
        let before = Self.outboundPackets(log: false)
        log.note("packet resent: sendto errno \(Self.sendUDP(to: "10.0.0.2"))")
        let after = Self.outboundPackets(log: true)
        log.note("outbound SA 0x\(String(Self.outboundSPI, radix: 16)) packets \(before.map(String.init) ?? "none") -> \(after.map(String.init) ?? "none")")
        check((after ?? 0) > (before ?? 0), "the resent packet is protected (the outbound SA's packet counter moves)")
        try km.request(Message(.flush, saType: .unspecified), record: false)
        try km.request(Message(.spdFlush), record: false)
    }

    /// The outbound SA's "lifetime current" packet count from `ip -s xfrm state`.
    static func outboundPackets(log: Bool) -> Int? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        p.arguments = ["-s", "xfrm", "state"]
        let pipe = Pipe()
        p.standardOutput = pipe
        guard (try? p.run()) != nil else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        var inOutbound = false, packets: Int?
        for line in text.split(separator: "\n") {
            if log { print("XFRM \(line)") }
            if line.hasPrefix("src ") { inOutbound = false }
            if line.contains("spi 0x\(String(format: "%08x", outboundSPI))") { inOutbound = true }
            if inOutbound, line.hasSuffix("(packets)"), let n = line.split(separator: " ").last.flatMap({ Int($0.dropLast("(packets)".count)) }) {
                packets = n
            }
        }
        return packets
    }

    /// A UDP datagram from this host to `address`:9, non-blocking; the errno of sendto or 0.
    static func sendUDP(to address: String) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = UInt16(9).bigEndian
        inet_pton(AF_INET, address, &sin.sin_addr)
        let payload: [UInt8] = Array("draftcheck".utf8)
        let n = withUnsafePointer(to: &sin) { sp in
            sp.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        return n < 0 ? errno : 0
    }
}
