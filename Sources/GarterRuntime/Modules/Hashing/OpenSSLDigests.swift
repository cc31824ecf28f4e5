import COpenSSLCrypto

// The digests `_hashlib` offers, as OpenSSL's libcrypto implements them:
// Python's names (hashlib's) and OpenSSL's, fetching an algorithm, and
// OpenSSL's error text for the exceptions.

enum OpenSSLDigests {
    /// (Python's name, OpenSSL's name), in CPython's table order.
    static let names: [(python: String, openssl: String)] = [
        ("md5", "MD5"), ("sha1", "SHA1"), ("sha224", "SHA224"), ("sha256", "SHA256"),
        ("sha384", "SHA384"), ("sha512", "SHA512"), ("sha512_224", "SHA512-224"),
        ("sha512_256", "SHA512-256"), ("sha3_224", "SHA3-224"), ("sha3_256", "SHA3-256"),
        ("sha3_384", "SHA3-384"), ("sha3_512", "SHA3-512"), ("shake_128", "SHAKE128"),
        ("shake_256", "SHAKE256"), ("blake2b", "BLAKE2B-512"), ("blake2s", "BLAKE2S-256"),
        ("md5-sha1", "MD5-SHA1"), ("ripemd160", "RIPEMD160"), ("sm3", "SM3"),
    ]

    /// The `openssl_<name>` constructors `_hashlib` defines.
    static let constructors = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
                               "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"]

    /// OpenSSL's algorithm for a Python or OpenSSL digest name (a new
    /// reference to free with `EVP_MD_free`), or nil with OpenSSL's error
    /// queue saying why.
    static func fetch(_ name: String) -> OpaquePointer? {
        let openssl = names.first(where: { $0.python == name })?.openssl ?? name
        return lazy_EVP_MD_fetch(nil, openssl, nil)
    }

    /// hashlib's name of an algorithm (`sha256` for OpenSSL's `SHA2-256`).
    static func pythonName(of digest: OpaquePointer) -> String {
        for entry in names where lazy_EVP_MD_is_a(digest, entry.openssl) != 0 { return entry.python }
        guard let name = lazy_EVP_MD_get0_name(digest) else { return "unknown" }
        return String(cString: name).lowercased()
    }

    /// Whether an algorithm is an extendable-output function (SHAKE).
    static func isXOF(_ digest: OpaquePointer) -> Bool {
        (lazy_EVP_MD_get_flags(digest) & UInt(EVP_MD_FLAG_XOF)) != 0
    }

    /// The names in `openssl_md_meth_names`: those this libcrypto provides.
    static func availableNames() -> [String] {
        names.compactMap { entry in
            guard let digest = lazy_EVP_MD_fetch(nil, entry.openssl, nil) else { return nil }
            lazy_EVP_MD_free(digest)
            return entry.python
        }.sorted()
    }

    /// The text of OpenSSL's last error (`[digital envelope routines]
    /// unsupported`, as CPython shows it), clearing the queue.
    static func takeErrorMessage() -> String {
        let code = lazy_ERR_peek_last_error()
        defer { lazy_ERR_clear_error() }
        guard code != 0 else { return "unknown reasons" }
        let library = lazy_ERR_lib_error_string(code).map { String(cString: $0) }
        let reason = lazy_ERR_reason_error_string(code).map { String(cString: $0) }
        switch (library, reason) {
        case let (library?, reason?): return "[\(library)] \(reason)"
        case let (nil, reason?): return reason
        default: return "no reason supplied"
        }
    }
}
