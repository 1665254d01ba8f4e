import PFKey

/// The algorithms the reference kernel says it supports (SADB_REGISTER), in Linux's
/// xfrm_algo.c order for the modules the UML recipe loads: 6 auth, 4 encrypt.
public enum ReferenceAlgorithms {
    public static let auth: [SupportedExtension.Algorithm] = [
        .init(id: 251, minBits: 0, maxBits: 0),      // SADB_X_AALG_NULL (digest_null)
        .init(id: 2, minBits: 128, maxBits: 128),    // HMAC-MD5
        .init(id: 3, minBits: 160, maxBits: 160),    // HMAC-SHA1
        .init(id: 5, minBits: 256, maxBits: 256),    // HMAC-SHA2-256
        .init(id: 6, minBits: 384, maxBits: 384),    // HMAC-SHA2-384
        .init(id: 7, minBits: 512, maxBits: 512),    // HMAC-SHA2-512
    ]
    public static let encrypt: [SupportedExtension.Algorithm] = [
        .init(id: 11, ivLength: 0, minBits: 0, maxBits: 0),     // NULL
        .init(id: 2, ivLength: 8, minBits: 64, maxBits: 64),    // DES-CBC
        .init(id: 3, ivLength: 8, minBits: 192, maxBits: 192),  // 3DES-CBC
        .init(id: 12, ivLength: 8, minBits: 128, maxBits: 256), // AES-CBC
    ]
}
