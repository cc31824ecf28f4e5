import COpenSSLCrypto

/// A `_hashlib.HASH` (or `HASHXOF`) object: an OpenSSL digest context and
/// the mutex that guards it while it hashes without the GIL.
final class PyHash: PyObject {
    /// The `EVP_MD_CTX`, owned.
    let context: OpaquePointer
    /// hashlib's name of the algorithm (`sha256`).
    let name: String
    let mutex = SystemMutex()

    init(context: OpaquePointer, name: String, type: PyType) {
        self.context = context
        self.name = name
        super.init(type: type)
    }

    deinit { lazy_EVP_MD_CTX_free(context) }

    var digest: OpaquePointer { lazy_EVP_MD_CTX_get0_md(context)! }

    /// The digest so far (the context is copied: hashing can go on).
    /// Called with `mutex` held.
    func finish(length: Int? = nil) -> [UInt8] {
        let copy = lazy_EVP_MD_CTX_new()!
        defer { lazy_EVP_MD_CTX_free(copy) }
        guard lazy_EVP_MD_CTX_copy_ex(copy, context) == 1 else { return [] }
        if let length {
            var output = [UInt8](repeating: 0, count: length)
            if length > 0 { _ = lazy_EVP_DigestFinalXOF(copy, &output, length) }
            return output
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        _ = lazy_EVP_DigestFinal_ex(copy, &output, &size)
        output.removeSubrange(Int(size)...)
        return output
    }
}

extension Interpreter {
    /// `_hashlib.HASH`: not instantiable from Python (made by `new` and
    /// the `openssl_*` constructors), not subclassable.
    func hashType() -> PyType {
        nativeType("HASH", module: "_hashlib", flags: []) { type in
            defineHashMethods(type)
            type.define("digest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("digest", 0...0)
                let object = value.as(PyHash.self)!
                return thread.interpreter.newBytes(try thread.withObjectLock(object.mutex) { object.finish() })
            }
            type.define("hexdigest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("hexdigest", 0...0)
                let object = value.as(PyHash.self)!
                return thread.interpreter.newHexString(try thread.withObjectLock(object.mutex) { object.finish() })
            }
            type.defineAttribute("digest_size", self, get: { _, value throws(EvalError) in
                .int(Int(lazy_EVP_MD_get_size(value.as(PyHash.self)!.digest)))
            })
        }
    }

    /// `_hashlib.HASHXOF`: the SHAKE functions, whose digests take a length.
    func hashXOFType() -> PyType {
        nativeType("HASHXOF", module: "_hashlib", base: hashType(), flags: []) { type in
            func length(_ thread: ThreadState, _ name: String, _ arguments: Arguments) throws(EvalError) -> Int {
                let bound = try arguments.bind(name, ["length"], required: 1)
                let length = try thread.indexInt(bound[0]!)
                if length < 0 { throw .pythonException("SystemError", "Negative size passed to PyBytes_FromStringAndSize") }
                return length
            }
            type.define("digest", self) { thread, value, arguments throws(EvalError) in
                let length = try length(thread, "digest", arguments)
                let object = value.as(PyHash.self)!
                return thread.interpreter.newBytes(try thread.withObjectLock(object.mutex) { object.finish(length: length) })
            }
            type.define("hexdigest", self) { thread, value, arguments throws(EvalError) in
                let length = try length(thread, "hexdigest", arguments)
                let object = value.as(PyHash.self)!
                return thread.interpreter.newHexString(try thread.withObjectLock(object.mutex) { object.finish(length: length) })
            }
            type.defineAttribute("digest_size", self, get: { _, _ throws(EvalError) in .int(0) })
        }
    }

    private func defineHashMethods(_ type: PyType) {
        type.define("update", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("HASH.update", 1...1)
            let object = value.as(PyHash.self)!
            let bytes = try thread.hashableBytes(arguments[0])
            let context = object.context
            thread.withObjectLock(object.mutex, releasingGILFor: bytes) { buffer in
                _ = lazy_EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
            }
            return .none
        }
        type.define("copy", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("copy", 0...0)
            let object = value.as(PyHash.self)!
            let context = lazy_EVP_MD_CTX_new()!
            let copied = try thread.withObjectLock(object.mutex) { lazy_EVP_MD_CTX_copy_ex(context, object.context) == 1 }
            guard copied else {
                lazy_EVP_MD_CTX_free(context)
                throw .valueError(OpenSSLDigests.takeErrorMessage())
            }
            return .object(ObjectRef.allocate(PyHash(context: context, name: object.name, type: thread.typeOf(value))))
        }
        type.defineAttribute("name", self, get: { thread, value throws(EvalError) in
            thread.interpreter.newString(value.as(PyHash.self)!.name)
        })
        type.defineAttribute("block_size", self, get: { _, value throws(EvalError) in
            .int(Int(lazy_EVP_MD_get_block_size(value.as(PyHash.self)!.digest)))
        })
        var slots = TypeSlots()
        slots.new = TypeSlots.notInstantiable
        slots.repr = { thread, value throws(EvalError) in
            let object = value.as(PyHash.self)!
            return thread.interpreter.newString("<\(object.name) \(thread.typeOf(value).name) object @ 0x\(String(value.objectReference!.address, radix: 16))>")
        }
        type.installSlots(slots, self)
    }
}
