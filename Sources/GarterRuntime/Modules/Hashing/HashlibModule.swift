import COpenSSLCrypto

// The `_hashlib` module over OpenSSL's libcrypto, as CPython builds it:
// `new` and the `openssl_<name>` constructors (HASH / HASHXOF objects),
// `hmac_new`/`hmac_digest` (HMAC objects), `pbkdf2_hmac`, `scrypt`,
// `compare_digest`. hashlib.py and hmac.py run unmodified over it; BLAKE2
// with its parameters comes from `_blake2`, as in CPython.

extension Interpreter {
    func makeHashlibModule(_ thread: ThreadState) throws(EvalError) -> Value {
        // libcrypto is opened here, on the first import, not at start-up
        // (COpenSSLCrypto/shim.h); without it hashlib falls back to its
        // built-in modules, as on a CPython built without OpenSSL.
        guard lazy_crypto_available() != 0 else {
            throw .pythonException("ModuleNotFoundError", "No module named '_hashlib' (OpenSSL's libcrypto.so.3 was not found)")
        }
        return try makeNativeModule("_hashlib", doc: "OpenSSL interface for hashlib module") { module, define throws(EvalError) in
            define("new") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("new", ["name", "string", "usedforsecurity"], required: 1, keywordOnlyFrom: 2)
                guard let name = bound[0]!.stringValue else { throw .typeError("name must be a string") }
                return try thread.newHash(name, data: bound[1])
            }
            // `_constructors`: each constructor's digest name (hmac.py looks them up).
            let constructors = newDict()
            let constructorsValue = Value.object(ObjectRef(Unmanaged.passUnretained(constructors)))
            setItem(module.dict, "_constructors", constructorsValue)
            for name in OpenSSLDigests.constructors {
                let function = "openssl_\(name)"
                define(function) { thread, arguments throws(EvalError) in
                    let bound = try arguments.bind(function, ["string", "usedforsecurity"], required: 0, keywordOnlyFrom: 1)
                    return try thread.newHash(name, data: bound[0])
                }
                guard let constructor = module.dict.lookup(name: function) else { continue }
                let digestName = newString(name)
                defer { digestName.release() }
                try thread.setItem(constructorsValue, constructor, digestName)
            }
            let names = OpenSSLDigests.availableNames().map { newString($0) }
            setItem(module.dict, "openssl_md_meth_names", try newFrozenSet(names))
            define("hmac_new") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("hmac_new", ["key", "msg", "digestmod"], required: 1)
                return try thread.newHMAC(key: bound[0]!, message: bound[1], digestmod: bound[2])
            }
            define("hmac_digest") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("hmac_digest", ["key", "msg", "digest"], required: 3)
                return try thread.hmacDigest(key: bound[0]!, message: bound[1]!, digestmod: bound[2]!)
            }
            define("pbkdf2_hmac") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("pbkdf2_hmac", ["hash_name", "password", "salt", "iterations", "dklen"], required: 4)
                return try thread.pbkdf2HMAC(bound)
            }
            define("scrypt") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("scrypt", ["password", "salt", "n", "r", "p", "maxmem", "dklen"],
                                               required: 1, keywordOnlyFrom: 1)
                return try thread.scrypt(bound)
            }
            define("compare_digest") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("compare_digest", 2)
                try arguments.rejectKeywords("compare_digest")
                return .bool(try thread.compareDigest(arguments[0], arguments[1]))
            }
            define("get_fips_mode") { _, arguments throws(EvalError) in
                try arguments.expect("get_fips_mode", 0...0)
                return .int(Int(lazy_EVP_default_properties_is_fips_enabled(nil)))
            }
            export(hashType(), in: module)
            export(hashXOFType(), in: module)
            export(hmacType(), in: module)
            export(unsupportedDigestmodErrorType(), in: module)
        }
    }

    /// `_hashlib.UnsupportedDigestmodError`, a ValueError.
    func unsupportedDigestmodErrorType() -> PyType {
        nativeType("UnsupportedDigestmodError", module: "_hashlib", base: types.exceptions["ValueError"]!,
                   flags: [.baseType, .hasInstanceDict, .exceptionSubclass]) { _ in }
    }
}

extension ThreadState {
    /// An exception of `type` with `message` (as the module's own error types are raised).
    func moduleError(_ type: PyType, _ message: String) -> EvalError {
        let text = interpreter.newString(message)
        defer { text.release() }
        do throws(EvalError) {
            let instance = try call(type.value, [text])
            return .exception(instance.objectReference!)
        } catch {
            return error
        }
    }

    /// OpenSSL's algorithm for `name` (to free with `EVP_MD_free`), or
    /// UnsupportedDigestmodError with OpenSSL's reason.
    func fetchDigest(_ name: String) throws(EvalError) -> OpaquePointer {
        guard let digest = OpenSSLDigests.fetch(name) else {
            throw moduleError(interpreter.unsupportedDigestmodErrorType(), OpenSSLDigests.takeErrorMessage())
        }
        return digest
    }

    /// A new HASH (or HASHXOF) of algorithm `name`, fed `data` if given.
    func newHash(_ name: String, data: Value?) throws(EvalError) -> Value {
        let bytes: [UInt8]? = try data.flatMap { data throws(EvalError) in data.isNone ? nil : try hashableBytes(data) }
        let digest = try fetchDigest(name)
        defer { lazy_EVP_MD_free(digest) }
        let context = lazy_EVP_MD_CTX_new()!
        guard lazy_EVP_DigestInit_ex(context, digest, nil) == 1 else {
            lazy_EVP_MD_CTX_free(context)
            throw .valueError(OpenSSLDigests.takeErrorMessage())
        }
        let type = OpenSSLDigests.isXOF(digest) ? interpreter.hashXOFType() : interpreter.hashType()
        let object = PyHash(context: context, name: OpenSSLDigests.pythonName(of: digest), type: type)
        let value = Value.object(ObjectRef.allocate(object))
        if let bytes {
            withObjectLock(object.mutex, releasingGILFor: bytes) { buffer in
                _ = lazy_EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
            }
        }
        return value
    }

    /// The digest name of hmac's `digestmod`: a name, or one of the
    /// `openssl_*` constructors.
    func hmacDigestName(_ digestmod: Value) throws(EvalError) -> String {
        if let name = digestmod.stringValue { return name }
        if let function = digestmod.as(PyBuiltinFunction.self), function.moduleName == "_hashlib",
           function.name.hasPrefix("openssl_") {
            return String(function.name.dropFirst("openssl_".count))
        }
        throw moduleError(interpreter.unsupportedDigestmodErrorType(), "Unsupported digestmod \(try reprText(digestmod))")
    }

    func newHMAC(key: Value, message: Value?, digestmod: Value?) throws(EvalError) -> Value {
        let keyBytes = try requireBytesLike(key)
        guard let digestmod, !digestmod.isNone else { throw .typeError("Missing required parameter 'digestmod'.") }
        let digest = try fetchDigest(try hmacDigestName(digestmod))
        defer { lazy_EVP_MD_free(digest) }
        let context = lazy_HMAC_CTX_new()!
        let initialised = keyBytes.withUnsafeBytes { key in
            lazy_HMAC_Init_ex(context, key.baseAddress, Int32(key.count), digest, nil) == 1
        }
        guard initialised else {
            lazy_HMAC_CTX_free(context)
            throw .valueError(OpenSSLDigests.takeErrorMessage())
        }
        let object = PyHMAC(context: context, name: "hmac-\(OpenSSLDigests.pythonName(of: digest))",
                            type: interpreter.hmacType())
        let value = Value.object(ObjectRef.allocate(object))
        if let message, !message.isNone {
            do throws(EvalError) { try hmacUpdate(object, message) } catch {
                value.release()
                throw error
            }
        }
        return value
    }

    func hmacDigest(key: Value, message: Value, digestmod: Value) throws(EvalError) -> Value {
        let keyBytes = try requireBytesLike(key)
        let messageBytes = try requireBytesLike(message)
        let digest = try fetchDigest(try hmacDigestName(digestmod))
        defer { lazy_EVP_MD_free(digest) }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        let done = interpreter.gil.blocking(gilThread, reason: .nativeCompute) {
            keyBytes.withUnsafeBytes { key in
                messageBytes.withUnsafeBufferPointer { message in
                    lazy_HMAC(digest, key.baseAddress, Int32(key.count), message.baseAddress, message.count,
                         &output, &size) != nil
                }
            }
        }
        guard done else { throw .valueError(OpenSSLDigests.takeErrorMessage()) }
        output.removeSubrange(Int(size)...)
        return interpreter.newBytes(output)
    }

    /// `pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`.
    func pbkdf2HMAC(_ bound: [Value?]) throws(EvalError) -> Value {
        guard let name = bound[0]!.stringValue else {
            throw .typeError("pbkdf2_hmac() argument 'hash_name' must be str, not \(typeOf(bound[0]!).name)")
        }
        let password = try requireBytesLike(bound[1]!)
        let salt = try requireBytesLike(bound[2]!)
        guard let iterations = try indexIntOrOverflow(bound[3]!) else {
            throw .overflowError("Python int too large to convert to C long")
        }
        if iterations < 1 { throw .valueError("iteration value must be greater than 0.") }
        if iterations > Int(Int32.max) { throw .overflowError("iteration value is too great.") }
        let digest = try fetchDigest(name)
        defer { lazy_EVP_MD_free(digest) }
        var length = Int(lazy_EVP_MD_get_size(digest))
        if let dklen = bound[4], !dklen.isNone {
            guard let requested = try indexIntOrOverflow(dklen) else {
                throw .overflowError("Python int too large to convert to C long")
            }
            if requested < 1 { throw .valueError("key length must be greater than 0.") }
            if requested > Int(Int32.max) { throw .overflowError("key length is too great.") }
            length = requested
        }
        var key = [UInt8](repeating: 0, count: length)
        let done = interpreter.gil.blocking(gilThread, reason: .nativeCompute) {
            password.withUnsafeBytes { password in
                salt.withUnsafeBufferPointer { salt in
                    lazy_PKCS5_PBKDF2_HMAC(password.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(password.count),
                                      salt.baseAddress, Int32(salt.count), Int32(iterations), digest,
                                      Int32(length), &key) == 1
                }
            }
        }
        guard done else { throw .valueError(OpenSSLDigests.takeErrorMessage()) }
        return interpreter.newBytes(key)
    }

    /// `scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64)`.
    func scrypt(_ bound: [Value?]) throws(EvalError) -> Value {
        let password = try requireBytesLike(bound[0]!)
        guard let saltValue = bound[1], !saltValue.isNone else { throw .typeError("salt is required") }
        let salt = try requireBytesLike(saltValue)
        func parameter(_ index: Int, _ name: String) throws(EvalError) -> UInt64 {
            guard let value = bound[index], case .int(let number) = value else {
                throw .typeError("\(name) is required and must be an unsigned int")
            }
            if number < 0 { throw .overflowError("can't convert negative value to unsigned int") }
            return UInt64(number)
        }
        let n = try parameter(2, "n")
        if n < 2 || n & (n - 1) != 0 { throw .valueError("n must be a power of 2.") }
        let r = try parameter(3, "r")
        let p = try parameter(4, "p")
        let maxmem = try bound[5].map { value throws(EvalError) in try indexInt(value) } ?? 0
        if maxmem < 0 || maxmem > Int(Int32.max) {
            throw .valueError("maxmem must be positive and smaller than 2147483647")
        }
        let length = try bound[6].map { value throws(EvalError) in try indexInt(value) } ?? 64
        if length < 1 || length > Int(Int32.max) {
            throw .valueError("dklen must be greater than 0 and smaller than 2147483647")
        }
        if lazy_EVP_PBE_scrypt(nil, 0, nil, 0, n, r, p, UInt64(maxmem), nil, 0) != 1 {
            lazy_ERR_clear_error()
            throw .valueError("Invalid parameter combination for n, r, p, maxmem.")
        }
        var key = [UInt8](repeating: 0, count: length)
        let done = interpreter.gil.blocking(gilThread, reason: .nativeCompute) {
            password.withUnsafeBytes { password in
                salt.withUnsafeBufferPointer { salt in
                    lazy_EVP_PBE_scrypt(password.baseAddress?.assumingMemoryBound(to: CChar.self), password.count,
                                   salt.baseAddress, salt.count, n, r, p, UInt64(maxmem), &key, length) == 1
                }
            }
        }
        guard done else { throw .valueError(OpenSSLDigests.takeErrorMessage()) }
        return interpreter.newBytes(key)
    }
}
