import Foundation
import Glibc
import PFKey
import SPDBridge

/// The live scenarios of issue 6, each printed as a transcript (SCENARIO, SEND, RECV lines).
struct Scenarios {
    let log = Transcript()
    var failures: [String] = []

    mutating func check(_ ok: Bool, _ what: String) {
        if !ok { failures.append(what); log.note("FAILED \(what)") }
    }

    func fresh() throws -> KeySocket { try KeySocket(log: log) }

    func flushAll(_ s: KeySocket) throws {
        try s.request(Message(.flush, saType: .unspecified), record: false)
        try s.request(Message(.spdFlush), record: false)
        s.drain()
    }

    mutating func run() throws {
        let s = try fresh()
        try flushAll(s)

        for (name, t) in [("register-esp", SAType.esp), ("register-ah", SAType.ah)] {
            log.scenario(name)
            let r = try s.request(Message(.register, saType: t))
            check(r.errno == 0 && r.supported(.auth) != nil, "\(name): SUPPORTED_AUTH")
        }

        log.scenario("getspi-update")
        let spiReply = try s.request(Message(.getSPI, saType: .esp, extensions: Requests.pair(Requests.local, Requests.peer) +
                                             [.spiRange(SPIRangeExtension(min: 0x100, max: 0x1ff))]))
        let spi = spiReply.sa?.spi ?? 0
        check(spiReply.errno == 0 && (0x100...0x1ff).contains(spi), "getspi: SPI in range")
        let upd = try s.request(Requests.add(.update, spi: spi))
        check(upd.errno == 0, "update of the larval SA")
        try flushAll(s)

        let espVariants: [(String, UInt8, Int, UInt8, Int)] = [
            ("esp-hmac-sha1-aes-cbc", 3, 20, 12, 16), ("esp-hmac-sha256-aes-cbc-256", 5, 32, 12, 32),
        ]
        for (name, auth, ak, enc, ek) in espVariants {
            log.scenario(name)
            check(try s.request(Requests.add(spi: 0x1234, auth: auth, authKey: ak, encrypt: enc, encryptKey: ek)).errno == 0, "\(name) ADD")
            check(try s.request(Requests.byID(.get, spi: 0x1234)).key(.encrypt) != nil, "\(name) GET")
            let d = try s.dump(Message(.dump, saType: .esp))
            check(d.count == 1 && d[0].errno == 0, "\(name) DUMP one SA")
            check(try s.request(Requests.byID(.delete, spi: 0x1234)).errno == 0, "\(name) DELETE")
        }

        log.scenario("ah-hmac-sha1")
        check(try s.request(Requests.add(saType: .ah, spi: 0x2222)).errno == 0, "AH ADD")
        check(try s.request(Requests.byID(.get, saType: .ah, spi: 0x2222)).errno == 0, "AH GET")
        check(try s.dump(Message(.dump, saType: .ah)).first?.errno == 0, "AH DUMP")
        check(try s.request(Requests.byID(.delete, saType: .ah, spi: 0x2222)).errno == 0, "AH DELETE")

        log.scenario("esp-nat-t")
        let natt: [Extension] = [.natTType(NATTTypeExtension(encapsulation: 2)), .natTPort(NATTPortExtension(.source, port: 4500)),
                                 .natTPort(NATTPortExtension(.destination, port: 4500))]
        check(try s.request(Requests.add(spi: 0x3333, extra: natt)).errno == 0, "NAT-T ADD")
        check(try s.request(Requests.byID(.get, spi: 0x3333)).extension(.natTType) != nil, "NAT-T GET has NAT_T_TYPE")
        try s.request(Requests.byID(.delete, spi: 0x3333))

        log.scenario("esp-ipv6")
        check(try s.request(Requests.add(spi: 0x6666, src: Requests.local6, dst: Requests.peer6)).errno == 0, "IPv6 ADD")
        check(try s.request(Requests.byID(.get, spi: 0x6666, src: Requests.local6, dst: Requests.peer6)).errno == 0, "IPv6 GET")
        check(try s.request(Requests.byID(.delete, spi: 0x6666, src: Requests.local6, dst: Requests.peer6)).errno == 0, "IPv6 DELETE")

        log.scenario("errors")
        check(try s.request(Requests.byID(.get, spi: 0xdead)).errno == 3, "GET unknown SPI gives ESRCH")
        check(try s.request(Requests.byID(.delete, spi: 0xdead)).errno == 3, "DELETE unknown SPI gives ESRCH")
        check(try s.dump(Message(.dump, saType: .esp)).first?.errno == 2, "DUMP of an empty SADB gives ENOENT")
        try s.request(Requests.add(spi: 0x4444))
        check(try s.request(Requests.add(spi: 0x4444)).errno == 17, "ADD of an existing SA gives EEXIST")
        try flushAll(s)

        log.scenario("spd")
        let added = try s.request(Requests.spdAdd(dst: Requests.v4("10.0.0.7")))
        let id = added.policy?.id ?? 0
        check(added.errno == 0 && id != 0, "X_SPDADD gives a policy id")
        check(try s.request(Message(.spdGet, extensions: [.policy(PolicyExtension(type: .ipsec, direction: .outbound, id: id))])).errno == 0, "X_SPDGET by id")
        check(try s.dump(Message(.spdDump)).first?.policy?.id == id, "X_SPDDUMP lists it")
        let del = Message(.spdDelete, extensions: Requests.pair(Requests.local, Requests.v4("10.0.0.7"), proto: 255) +
                          [.policy(PolicyExtension(type: .ipsec, direction: .outbound))])
        check(try s.request(del).errno == 0, "X_SPDDELETE")
        check(try s.request(Message(.spdGet, extensions: [.policy(PolicyExtension(type: .ipsec, direction: .outbound, id: id))])).errno == 2, "X_SPDGET of a deleted policy gives ENOENT")

        try acquireFlow()
        try acquireFromIPXfrm()
        try expire()
        try flushAll(s)
    }

    /// The seed's flow: ACQUIRE -> X_POLICY id -> X_SPDGET -> selectors -> TSi/TSr -> GETSPI/UPDATE -> the SA is found.
    mutating func acquireFlow() throws {
        log.scenario("acquire-pfkey-policy-flow")
        let km = try fresh()
        try km.request(Message(.register, saType: .esp))
        try km.request(Requests.spdAdd())
        km.drain()
        sendUDP(to: "10.0.0.2")
        let raw = try km.waitFor("SADB_ACQUIRE") { $0.count >= 16 && $0[1] == 6 && le32($0, 12) == 0 }
        let acquire = try Message(decoding: raw, options: DecodingOptions(dialect: .linux, direction: .kernel))
        let trigger = try AcquireTrigger(acquire: acquire)
        check(trigger.policyID != nil && !trigger.carriesPorts, "ACQUIRE has X_POLICY id and ports 0 (Linux)")
        let query = try AcquireFlow.policyQuery(for: trigger, sequence: 0, pid: 0)
        let policyReply = try km.request(query)
        let sel = try AcquireFlow.policySelectors(policyReply)
        let proposal = AcquireFlow.proposal(trigger: trigger, policy: (sel.tsi, sel.tsr))
        log.note("policy id \(sel.policyID) TSi \(proposal.tsi) TSr \(proposal.tsr)")
        for p in proposal.provenance { log.note(p) }
        let spiReply = try km.request(Message(.getSPI, saType: .esp, sequence: 0, extensions: Requests.pair(Requests.local, Requests.peer) +
                                              [.spiRange(SPIRangeExtension(min: 0xc000_0000, max: 0xc0ff_ffff))]))
        let spi = spiReply.sa?.spi ?? 0
        var update = Requests.add(.update, spi: spi)
        update.sequence = acquire.sequence
        check(try km.request(update).errno == 0, "UPDATE installs the SA for the ACQUIRE")
        check(try km.request(Requests.byID(.get, spi: spi)).sa?.state == .mature, "the packet's SA is found (GET)")
        try flushAll(km)
    }

    /// An ACQUIRE for a policy added over netlink (`ip xfrm policy ... tmpl`): it proposes
    /// every encryption algorithm REGISTER listed with every authentication one (20 combs on
    /// Debian's 6.1, 25 on its 6.12, which has one encryption algorithm more).
    mutating func acquireFromIPXfrm() throws {
        log.scenario("acquire-ip-xfrm-policy")
        let km = try fresh()
        let registered = try km.request(Message(.register, saType: .esp))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        p.arguments = ["xfrm", "policy", "add", "src", "10.0.0.1/32", "dst", "10.0.0.5/32", "dir", "out",
                       "tmpl", "proto", "esp", "mode", "transport", "level", "required"]
        try p.run()
        p.waitUntilExit()
        check(p.terminationStatus == 0, "ip xfrm policy add")
        log.line("COMMAND ip \(p.arguments!.joined(separator: " "))")
        _ = try km.waitFor("X_SPDADD broadcast") { $0.count >= 16 && $0[1] == 14 && le32($0, 12) == 0 }
        sendUDP(to: "10.0.0.5")
        let raw = try km.waitFor("SADB_ACQUIRE") { $0.count >= 16 && $0[1] == 6 && le32($0, 12) == 0 }
        let m = try Message(decoding: raw, options: DecodingOptions(dialect: .linux, direction: .kernel))
        // af_key pairs them encryption first, each with every authentication algorithm, of
        // those the template's 32-bit algorithm masks can name: ids below 32 (REGISTER also
        // lists SADB_X_AALG_NULL, 251, which is never proposed).
        func ids(_ kind: SupportedExtension.Kind) -> [UInt8] {
            (registered.supported(kind)?.algorithms ?? []).map(\.id).filter { $0 < 32 }
        }
        let expected = ids(.encrypt).flatMap { e in ids(.auth).map { a in "\(e)/\(a)" } }
        let proposed = (m.proposal?.combinations ?? []).map { "\($0.encrypt)/\($0.auth)" }
        check(!expected.isEmpty && proposed == expected,
              "ACQUIRE for an ip xfrm tmpl policy proposes each pairing of REGISTER's algorithms (\(proposed.count) proposed, \(expected.count) pairings)")
        try flushAll(km)
    }

    /// A short soft/hard lifetime: the kernel sends SADB_EXPIRE (soft, then hard).
    mutating func expire() throws {
        log.scenario("expire")
        let km = try fresh()
        try km.request(Message(.register, saType: .esp))
        check(try km.request(Requests.add(spi: 0x5555, hardSeconds: 2, softSeconds: 1)).errno == 0, "ADD with lifetimes")
        let soft = try km.waitFor("soft SADB_EXPIRE", milliseconds: 4000) { $0.count >= 16 && $0[1] == 8 }
        let sm = try Message(decoding: soft, options: DecodingOptions(dialect: .linux, direction: .kernel))
        check(sm.lifetime(.soft) != nil, "soft EXPIRE carries LIFETIME_SOFT")
        let hard = try km.waitFor("hard SADB_EXPIRE", milliseconds: 4000) { $0.count >= 16 && $0[1] == 8 }
        let hm = try Message(decoding: hard, options: DecodingOptions(dialect: .linux, direction: .kernel))
        check(hm.lifetime(.hard) != nil, "hard EXPIRE carries LIFETIME_HARD")
    }

    func sendUDP(to address: String) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var flags = fcntl(fd, F_GETFL)
        flags |= O_NONBLOCK
        _ = fcntl(fd, F_SETFL, flags)
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = UInt16(9).bigEndian
        inet_pton(AF_INET, address, &sin.sin_addr)
        let payload: [UInt8] = Array("draftcheck".utf8)
        _ = withUnsafePointer(to: &sin) { sp in
            sp.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
    }
}
