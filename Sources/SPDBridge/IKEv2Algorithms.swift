import PFKey

/// IKEv2 transforms (RFC 7296 3.3.2, IANA "IKEv2 Transform Type" registries) and the
/// PF_KEY algorithm numbers a key manager writes into `sadb_sa_encrypt` / `sadb_sa_auth`
/// for them (RFC 2367 3.5 and the KAME/Linux SADB_X_ values of linux/pfkeyv2.h).
public struct IKEv2Transform: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable { case encryption, integrity }

    public var kind: Kind
    /// The IKEv2 transform ID.
    public var id: UInt16
    public var name: String
    /// The PF_KEY algorithm number.
    public var sadbAlgorithm: UInt8
    public var keyBits: UInt16

    public var description: String { "\(name) (IKEv2 \(kind.rawValue) \(id), SADB \(sadbAlgorithm), \(keyBits)-bit key)" }

    /// ENCR_AES_CBC (12) with a 256-bit key: SADB_X_EALG_AESCBC (12).
    public static let aesCBC256 = IKEv2Transform(kind: .encryption, id: 12, name: "ENCR_AES_CBC-256", sadbAlgorithm: 12, keyBits: 256)
    /// ENCR_AES_CBC (12) with a 128-bit key.
    public static let aesCBC128 = IKEv2Transform(kind: .encryption, id: 12, name: "ENCR_AES_CBC-128", sadbAlgorithm: 12, keyBits: 128)
    /// ENCR_3DES (3): SADB_EALG_3DESCBC (3).
    public static let tripleDES = IKEv2Transform(kind: .encryption, id: 3, name: "ENCR_3DES", sadbAlgorithm: 3, keyBits: 192)
    /// AUTH_HMAC_SHA2_256_128 (12): SADB_X_AALG_SHA2_256HMAC (5).
    public static let hmacSHA256 = IKEv2Transform(kind: .integrity, id: 12, name: "AUTH_HMAC_SHA2_256_128", sadbAlgorithm: 5, keyBits: 256)
    /// AUTH_HMAC_SHA1_96 (2): SADB_AALG_SHA1HMAC (3).
    public static let hmacSHA1 = IKEv2Transform(kind: .integrity, id: 2, name: "AUTH_HMAC_SHA1_96", sadbAlgorithm: 3, keyBits: 160)
}

/// What IKEv2 negotiated for one Child SA pair: the ESP transforms and the keying
/// material (RFC 7296 2.17: KEYMAT split into the four keys, in this order).
public struct ChildSAKeys: Hashable, Sendable {
    public var encryption: IKEv2Transform
    public var integrity: IKEv2Transform
    public var initiatorEncryptionKey: [UInt8]
    public var initiatorIntegrityKey: [UInt8]
    public var responderEncryptionKey: [UInt8]
    public var responderIntegrityKey: [UInt8]

    /// Keys taken from `keymat` in RFC 7296 2.17's order (SK_ei, SK_ai, SK_er, SK_ar for
    /// ESP with a separate integrity algorithm).
    public init(encryption: IKEv2Transform, integrity: IKEv2Transform, keymat: [UInt8]) throws(BridgeError) {
        let e = Int(encryption.keyBits) / 8, a = Int(integrity.keyBits) / 8
        guard encryption.kind == .encryption, integrity.kind == .integrity else {
            throw BridgeError(.unsupportedTransform, "\(encryption) / \(integrity) are not an encryption and an integrity transform")
        }
        guard keymat.count >= 2 * (e + a) else {
            throw BridgeError(.unsupportedTransform, "KEYMAT of \(keymat.count) bytes is shorter than the \(2 * (e + a)) the transforms need")
        }
        self.encryption = encryption
        self.integrity = integrity
        initiatorEncryptionKey = Array(keymat[0..<e])
        initiatorIntegrityKey = Array(keymat[e..<(e + a)])
        responderEncryptionKey = Array(keymat[(e + a)..<(2 * e + a)])
        responderIntegrityKey = Array(keymat[(2 * e + a)..<(2 * e + 2 * a)])
    }
}
