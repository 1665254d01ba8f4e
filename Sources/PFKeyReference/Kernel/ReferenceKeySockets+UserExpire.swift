import PFKey

/// RFC 2367 3.1.8: "If the soft limit or hard limit of a Security Association for a
/// user-level security protocol has expired, the user-level protocol SHOULD issue an
/// SADB_EXPIRE message." The same section also says the message "is ONLY sent by the
/// kernel to the KMd"; the rfc2367 dialect reads the two together: the kernel tracks the
/// lifetimes of the protocols it implements (AH, ESP), so a process's EXPIRE for one of
/// those stays refused (the codec's notARequest, EINVAL), while a user-level protocol's
/// EXPIRE for an SA of a type the kernel does not implement (OSPFv2, RIPv2, ...) is taken
/// and passed, like the kernel's own EXPIREs, to every listening socket.
///
/// The message must have the layout of 3.1.8 (`<base, SA, lifetime(C and one of HS),
/// address(SD)>`, checked by the codec's kernel-direction rules) and name an SA the SADB
/// holds (else ESRCH, as GET answers). The kernel only relays it: the SA is left as it is
/// (3.1.8: after a HARD expiry "the association MAY be deleted already").
///
/// Linux has no such relay (af_key.c `pfkey_funcs[SADB_EXPIRE]` is NULL: send() fails with
/// EOPNOTSUPP; read in its source, not captured); the linux and kame dialects keep the
/// codec's refusal (EINVAL).
extension ReferenceKeySockets {
    /// The deliveries of a user-level protocol's SADB_EXPIRE, or nil when `bytes` are not
    /// one this dialect relays (they then take the ordinary request path).
    mutating func userLevelExpire(_ bytes: [UInt8], from socket: Int) -> [Delivery]? {
        guard rfc, bytes.count >= 16, kernel.dialect.messageType(number: bytes[1]) == .expire else { return nil }
        let satype = SAType(rawValue: bytes[3])
        guard satype != .unspecified, satype != .ah, satype != .esp else { return nil }
        guard let expire = try? Message(decoding: bytes, options: DecodingOptions(dialect: kernel.dialect, direction: .kernel)),
              expire.errno == 0, let sa = expire.sa, let src = expire.address(.source), let dst = expire.address(.destination)
        else { return nil }
        // The SA must be one the SADB holds: the kernel's own lookup answers.
        let lookup = kernel.handle(Message(.get, saType: satype, sequence: expire.sequence, pid: expire.pid,
                                           extensions: [.sa(SAExtension(spi: sa.spi)), .address(src), .address(dst)]))
        if let reply = lookup.first, reply.errno != 0 {
            return [Delivery(socket: socket, message: kernel.reply(to: expire, errno: reply.errno))]
        }
        return broadcast(expire)
    }
}
