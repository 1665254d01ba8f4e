import PFKey

// SADB operations: GETSPI, UPDATE, ADD, DELETE, GET, REGISTER, FLUSH, DUMP (RFC 2367 3.1).
extension ReferenceKernel {
    /// The message describing an SA, in Linux `__pfkey_xfrm_state2msg` order: SA,
    /// (LIFETIME_HARD), (LIFETIME_SOFT), LIFETIME_CURRENT, SRC, DST, (PROXY), (keys), X_SA2, (NAT-T).
    func stateMessage(_ type: MessageType, _ s: StoredSA, hard: Bool, soft: Bool, keys: Bool, sequence: UInt32, pid: UInt32) -> Message {
        var e: [Extension] = [.sa(s.sa)]
        if dialect.name == .linux {
            if hard { e.append(.lifetime(s.hard)) }
            if soft { e.append(.lifetime(s.soft)) }
            e.append(.lifetime(s.current))
            e += [.address(s.source), .address(s.destination)]
            if let p = s.proxy { e.append(.address(p)) }
            if keys, let k = s.authKey { e.append(.key(k)) }
            if keys, let k = s.encryptKey { e.append(.key(k)) }
            e.append(.sa2(s.sa2))
            e += s.natT
        } else {
            // RFC 2367 3.1: extensions in the order of its message descriptions.
            e.append(.lifetime(s.current))
            if hard { e.append(.lifetime(s.hard)) }
            if soft { e.append(.lifetime(s.soft)) }
            e += [.address(s.source), .address(s.destination)]
            if let p = s.proxy { e.append(.address(p)) }
            if keys, let k = s.authKey { e.append(.key(k)) }
            if keys, let k = s.encryptKey { e.append(.key(k)) }
            if dialect.number(of: .sa2) != nil { e.append(.sa2(s.sa2)) }
        }
        return Message(type, saType: s.saType, sequence: sequence, pid: pid, extensions: e)
    }

    /// Addresses as the kernel writes them: proto 0, the full prefix, port 0.
    func hostAddress(_ kind: AddressExtension.Kind, _ a: IPAddress, port: UInt16 = 0, proto: UInt8 = 0) -> AddressExtension {
        AddressExtension(kind, SocketAddress(a, port: port), proto: proto, prefixLength: UInt8(a.family.bitCount))
    }

    /// Whether an SA can have this type in the dialect. RFC 2367 3.4 defines AH, ESP, RSVP,
    /// OSPFv2, RIPv2 and MIP (SADB_SATYPE_MAX is 8; UNSPEC "is never used with PF_KEY SAs").
    /// Linux pfkey_satype2proto knows UNSPEC (as "any"), AH, ESP and IPCOMP and answers
    /// EINVAL to any other (the captured ADD and GETSPI with satype 11: errno 22); what Linux
    /// does with an UNSPEC SA is not captured, so the linux dialect lets it through as before.
    /// KAME keeps its own list (AH, ESP, IPCOMP, TCP-MD5).
    func isSAType(_ t: SAType) -> Bool {
        switch dialect.name {
        case .rfc2367: [2, 3, 5, 6, 7, 8].contains(t.rawValue)
        case .linux: [0, 2, 3, 9].contains(t.rawValue)
        case .kame: [0, 2, 3, 9, 11].contains(t.rawValue)
        }
    }

    /// RFC 2367 2.3.3: "The SRC address MUST be a unicast or unspecified (e.g., INADDR_ANY)
    /// address." Refused in the rfc2367 dialect: a multicast source (224.0.0.0/4, ff00::/8)
    /// or the limited broadcast. Linux 6.1 does not look at the source's kind. The same test
    /// refuses an AH or ESP SA's PROXY address: it "SHOULD be a unicast address (there are
    /// experimental security protocols where PROXY semantics may be different ...)", so the
    /// other SA types keep any PROXY.
    func isRefusedSource(_ a: IPAddress) -> Bool {
        guard dialect.name == .rfc2367 else { return false }
        switch a {
        case .v4(let v): return v >> 28 == 0xe || v == 0xffff_ffff
        case .v6(let hi, _): return hi >> 56 == 0xff
        }
    }

    /// The checks an ADD or UPDATE gets before the SADB changes (RFC 2367 3.1.2, 3.1.3:
    /// "MUST return EINVAL if any of the values are invalid"): the SA type, the source.
    func saRequestError(_ r: Message) -> UInt8? {
        guard isSAType(r.saType) else { return Errno.EINVAL }
        if let src = r.address(.source), isRefusedSource(src.address.address) { return Errno.EINVAL }
        if let proxy = r.address(.proxy), r.saType == .ah || r.saType == .esp, isRefusedSource(proxy.address.address) { return Errno.EINVAL }
        if let e = identityError(r) { return e }
        return algorithmError(r)
    }

    /// RFC 2367 2.3.1 on sadb_sa_auth and sadb_sa_encrypt: "The kernel MUST check these values
    /// where appropriate. For example, IPsec AH with no authentication algorithm is probably
    /// an error." An AH SA without an authentication algorithm is EINVAL (Linux too:
    /// ah_init_state refuses a state without one); an algorithm id the kernel does not
    /// support (its SADB_REGISTER lists) is EINVAL in the rfc2367 dialect, ENOSYS (38) in
    /// Linux (captured: ADD with sadb_sa_encrypt 4, add/bitflip-27-3), after EINVAL for
    /// ids above SADB_AALG_MAX (251) or SADB_EALG_MAX (253).
    func algorithmError(_ r: Message) -> UInt8? {
        guard let sa = r.sa, r.type == .add || r.type == .update else { return nil }
        let linux = dialect.name == .linux
        if linux && (sa.auth > 251 || (r.saType != .ipcomp && sa.encrypt > 253)) { return Errno.EINVAL }
        let unknown = linux ? Errno.ENOSYS : Errno.EINVAL
        if sa.auth != 0 && !supportedAuth.contains(where: { $0.id == sa.auth }) { return unknown }
        if sa.encrypt != 0 && r.saType != .ipcomp && !supportedEncrypt.contains(where: { $0.id == sa.encrypt }) { return unknown }
        if r.saType == .ah && sa.auth == 0 { return Errno.EINVAL }
        return keyLengthError(r, sa)
    }

    /// RFC 2367 3.1.2 names "key length checking" among the sanity checks, and 2.3.4 has a
    /// protocol needing several keys for one function (3DES) pass them concatenated in one
    /// KEY extension: in the rfc2367 dialect a key whose sadb_key_bits lies outside the
    /// algorithm's sadb_alg_minbits..maxbits (as the REGISTER reply lists them) is EINVAL,
    /// so 3DES takes its three DES keys as one 192-bit KEY_ENCRYPT. Linux checks key
    /// lengths only inside each cipher's setkey, which the captures do not show; the linux
    /// dialect leaves them alone.
    func keyLengthError(_ r: Message, _ sa: SAExtension) -> UInt8? {
        guard dialect.name == .rfc2367 else { return nil }
        let checks: [(KeyExtension?, UInt8, [SupportedExtension.Algorithm])] = [
            (r.key(.auth), sa.auth, supportedAuth), (r.key(.encrypt), sa.encrypt, supportedEncrypt),
        ]
        for (key, id, algorithms) in checks {
            guard let key, id != 0, let a = algorithms.first(where: { $0.id == id }), a.maxBits != 0 else { continue }
            if key.bits < a.minBits || key.bits > a.maxBits { return Errno.EINVAL }
        }
        return nil
    }

    mutating func getSPI(_ r: Message) -> [Message] {
        guard let src = r.address(.source), let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        if let e = saRequestError(r) { return [reply(to: r, errno: e)] }
        let range = r.spiRange ?? SPIRangeExtension(min: 0x100, max: 0x0fff_ffff)
        // Reuse the larval SA an ACQUIRE created for this seq (Linux xfrm_find_acq_byseq).
        var i = sas.firstIndex { $0.sa.state == .larval && $0.acquireSequence != 0 && $0.acquireSequence == r.sequence
            && $0.destination.address.address == dst.address.address }
        if i == nil {
            sas.append(newLarval(r.saType, src.address.address, dst.address.address, acquireSequence: 0))
            i = sas.count - 1
        }
        var spi = max(range.min, min(nextSPI, range.max))
        while index(of: r.saType, destination: dst.address.address, spi: spi) != nil {
            guard spi < range.max else { return [reply(to: r, errno: Errno.EEXIST)] }
            spi += 1
        }
        nextSPI = spi &+ 1
        sas[i!].sa.spi = spi
        let s = sas[i!]
        if dialect.name == .linux {
            return [stateMessage(.getSPI, s, hard: true, soft: true, keys: false, sequence: r.sequence, pid: r.pid)]
        }
        return [Message(.getSPI, saType: r.saType, sequence: r.sequence, pid: r.pid,
                        extensions: [.sa(s.sa), .address(s.source), .address(s.destination)])]
    }

    func newLarval(_ satype: SAType, _ src: IPAddress, _ dst: IPAddress, acquireSequence: UInt32) -> StoredSA {
        StoredSA(saType: satype, sa: SAExtension(spi: 0, state: .larval), source: hostAddress(.source, src),
                 destination: hostAddress(.destination, dst), proxy: nil, authKey: nil, encryptKey: nil,
                 hard: LifetimeExtension(.hard), soft: LifetimeExtension(.soft), current: LifetimeExtension(.current, addTime: now),
                 sa2: SA2Extension(mode: 0, sequence: acquireSequence), natT: [], acquireSequence: acquireSequence)
    }

    /// The SA an ADD or UPDATE describes.
    func describedSA(_ r: Message, acquireSequence: UInt32) -> StoredSA? {
        guard var sa = r.sa, let src = r.address(.source), let dst = r.address(.destination) else { return nil }
        sa.state = .mature
        let proxy = r.address(.proxy) ?? AddressExtension(.proxy, SocketAddress(.any(src.address.family)), proto: 255, prefixLength: 0)
        var natT: [Extension] = []
        for e in r.extensions {
            switch e.type {
            case .natTType?, .natTSourcePort?, .natTDestinationPort?, .natTOriginalAddress?: natT.append(e)
            default: break
            }
        }
        var s = StoredSA(saType: r.saType, sa: sa,
                        source: hostAddress(.source, src.address.address), destination: hostAddress(.destination, dst.address.address),
                        proxy: dialect.name == .linux || r.address(.proxy) != nil ? proxy : nil,
                        authKey: r.key(.auth), encryptKey: r.key(.encrypt),
                        hard: r.lifetime(.hard) ?? LifetimeExtension(.hard), soft: r.lifetime(.soft) ?? LifetimeExtension(.soft),
                        current: LifetimeExtension(.current, addTime: now),
                        // Linux pfkey_mode_to_xfrm: ANY and TRANSPORT both become transport (1).
                        sa2: SA2Extension(mode: dialect.name == .linux && (r.sa2?.mode ?? 0) == 0 ? 1 : r.sa2?.mode ?? 0,
                                          sequence: 0, reqID: r.sa2?.reqID ?? 0),
                        natT: natT, acquireSequence: acquireSequence)
        s.selectors = SASelectors(r)
        return s
    }

    mutating func add(_ r: Message) -> [Message] {
        if let e = saRequestError(r) { return [reply(to: r, errno: e)] }
        // RFC 2367 3.1.3: "the sadb_sa_state field of all submitted SAs MUST be
        // SADB_SASTATE_MATURE and the kernel MUST return an error if this is not true".
        // Linux 6.1 never reads sadb_sa_state in an ADD (the captured ADD with state 3,
        // DEAD, was accepted), so only the rfc2367 dialect refuses.
        if dialect.name == .rfc2367, let state = r.sa?.state, state != .mature { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let s = describedSA(r, acquireSequence: 0) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard index(of: s.saType, destination: s.destination.address.address, spi: s.sa.spi) == nil else {
            return [reply(to: r, errno: Errno.EEXIST)]
        }
        sas.append(s)
        return [stateMessage(.add, s, hard: true, soft: true, keys: dialect.name == .linux, sequence: r.sequence, pid: r.pid)]
    }

    mutating func update(_ r: Message) -> [Message] {
        guard let spi = r.sa?.spi, let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        if let e = saRequestError(r) { return [reply(to: r, errno: e)] }
        guard let i = index(of: r.saType, destination: dst.address.address, spi: spi) else { return [reply(to: r, errno: Errno.ESRCH)] }
        let old = sas[i]
        if dialect.name == .rfc2367, let e = rfc2367UpdateError(r, old) { return [reply(to: r, errno: e)] }
        if old.sa.state == .larval {
            // RFC 2367 3.1.2: the UPDATE answering an ACQUIRE carries that ACQUIRE's seq.
            if dialect.name == .rfc2367 && old.acquireSequence != 0 && r.sequence != old.acquireSequence {
                return [reply(to: r, errno: Errno.EINVAL)]
            }
            guard var s = describedSA(r, acquireSequence: old.acquireSequence) else { return [reply(to: r, errno: Errno.EINVAL)] }
            s.current = old.current
            sas[i] = s
        } else {
            // A mature SA: only its lifetimes change (RFC 2367 3.1.2). Linux xfrm_state_update
            // copies the lifetimes and ignores the rest; the rfc2367 dialect refused any other
            // change above, and takes the state (MATURE or DYING) as well.
            if let h = r.lifetime(.hard) { sas[i].hard = h }
            if let s = r.lifetime(.soft) { sas[i].soft = s }
            if dialect.name == .rfc2367, let state = r.sa?.state { sas[i].sa.state = state }
        }
        return [stateMessage(.update, sas[i], hard: true, soft: true, keys: dialect.name == .linux, sequence: r.sequence, pid: r.pid)]
    }

    /// RFC 2367 3.1.2 on an UPDATE of `old`: "Only SADB_SASTATE_MATURE SAs may be submitted";
    /// an UPDATE of a DEAD SA "MUST return EINVAL"; of a LARVAL SA anything may change but
    /// the addresses and SPI; of a MATURE or DYING SA "only the sadb_sa_state field in the
    /// SA header and lifetimes (hard, soft, and current) may be changed and any attempt to
    /// change other values MUST result in an error return of EINVAL".
    func rfc2367UpdateError(_ r: Message, _ old: StoredSA) -> UInt8? {
        guard let sa = r.sa, let src = r.address(.source) else { return Errno.EINVAL }
        if old.sa.state == .dead { return Errno.EINVAL }
        if src.address.address != old.source.address.address { return Errno.EINVAL }
        if old.sa.state == .larval { return sa.state == .mature ? nil : Errno.EINVAL }
        // MATURE or DYING: the state may move between the two, nothing else may change.
        guard sa.state == .mature || sa.state == .dying else { return Errno.EINVAL }
        if sa.replay != old.sa.replay || sa.auth != old.sa.auth || sa.encrypt != old.sa.encrypt || sa.flags != old.sa.flags {
            return Errno.EINVAL
        }
        if let k = r.key(.auth), k != old.authKey { return Errno.EINVAL }
        if let k = r.key(.encrypt), k != old.encryptKey { return Errno.EINVAL }
        if let p = r.address(.proxy), p != old.proxy { return Errno.EINVAL }
        return nil
    }

    mutating func delete(_ r: Message) -> [Message] {
        guard let spi = r.sa?.spi, let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = index(of: r.saType, destination: dst.address.address, spi: spi) else { return [reply(to: r, errno: Errno.ESRCH)] }
        var s = sas.remove(at: i)
        if dialect.name == .linux {
            s.sa.state = .dead  // xfrm_state_delete marks it dead before the notification
            // Linux pfkey_delete -> key_notify_sa -> pfkey_xfrm_state2msg: the whole state,
            // HARD and SOFT lifetimes and keys included (as in the ADD reply).
            return [stateMessage(.delete, s, hard: true, soft: true, keys: true, sequence: r.sequence, pid: r.pid)]
        }
        return [Message(.delete, saType: s.saType, sequence: r.sequence, pid: r.pid, extensions: [.sa(s.sa), .address(s.source), .address(s.destination)])]
    }

    func get(_ r: Message) -> [Message] {
        guard let spi = r.sa?.spi, let dst = r.address(.destination) else { return [reply(to: r, errno: Errno.EINVAL)] }
        guard let i = index(of: r.saType, destination: dst.address.address, spi: spi) else { return [reply(to: r, errno: Errno.ESRCH)] }
        return [stateMessage(.get, sas[i], hard: true, soft: true, keys: true, sequence: r.sequence, pid: r.pid)]
    }

    mutating func register(_ r: Message) -> [Message] {
        // RFC 2367 3.1.7: "Key management applications MAY register for a type not known to
        // the kernel, because the consumer may be in user-space (e.g. OSPFv2 security)": any
        // SA type up to SADB_SATYPE_MAX registers (RFC 2367 3.4: 8, UNSPEC is no SA type).
        // Linux pfkey_register: EINVAL above its SADB_SATYPE_MAX (9); UNSPEC is answered
        // without registering anything.
        let linux = dialect.name == .linux
        let rfc = dialect.name == .rfc2367
        guard r.saType.rawValue <= (rfc ? 8 : 9), !(rfc && r.saType == .unspecified) else { return [reply(to: r, errno: Errno.EINVAL)] }
        if r.saType != .unspecified { registered.insert(r.saType.rawValue) }
        // Linux compose_sadb_supported lists every available auth and encrypt algorithm
        // whatever the SA type; RFC 2367 3.1.7 answers with the algorithms of the SA type:
        // none for a type the kernel does not implement (OSPFv2, RIPv2, ...).
        var e: [Extension] = []
        let listsAuth = linux || (rfc ? r.saType == .ah || r.saType == .esp : r.saType != .ipcomp)
        if !supportedAuth.isEmpty && listsAuth { e.append(.supported(SupportedExtension(.auth, algorithms: supportedAuth))) }
        if !supportedEncrypt.isEmpty && (linux || r.saType == .esp) { e.append(.supported(SupportedExtension(.encrypt, algorithms: supportedEncrypt))) }
        return [reply(to: r, extensions: e)]
    }

    mutating func flush(_ r: Message) -> [Message] {
        let before = sas.count
        sas.removeAll { r.saType == .unspecified || $0.saType == r.saType }
        // Linux pfkey_flush: a unicast reply, and a broadcast the sender also reads when
        // something was flushed (notes: "the sender gets the reply twice").
        return before != sas.count && dialect.name == .linux ? [reply(to: r), reply(to: r)] : [reply(to: r)]
    }

    func dump(_ r: Message) -> [Message] {
        let matching = sas.filter { r.saType == .unspecified || $0.saType == r.saType }
        guard !matching.isEmpty else { return [reply(to: r, errno: Errno.ENOENT)] }
        // RFC 2367 3.1.10: the last message of a dump has sequence number 0.
        return matching.enumerated().map { i, s in
            stateMessage(.dump, s, hard: true, soft: true, keys: true, sequence: UInt32(matching.count - 1 - i), pid: r.pid)
        }
    }
}
