import COpenSSLCrypto

/// A `_hashlib.HMAC` object (what `hmac.new` wraps when OpenSSL has the
/// digest): an OpenSSL HMAC context and the mutex guarding it.
final class PyHMAC: PyObject {
    /// The `HMAC_CTX`, owned.
    let context: OpaquePointer
    /// `hmac-<digest name>`.
    let name: String
    let mutex = SystemMutex()

    init(context: OpaquePointer, name: String, type: PyType) {
        self.context = context
        self.name = name
        super.init(type: type)
    }

    deinit { lazy_HMAC_CTX_free(context) }

    var digest: OpaquePointer { lazy_HMAC_CTX_get_md(context)! }

    /// The MAC so far (on a copy of the context). Called with `mutex` held.
    func finish() -> [UInt8] {
        let copy = lazy_HMAC_CTX_new()!
        defer { lazy_HMAC_CTX_free(copy) }
        guard lazy_HMAC_CTX_copy(copy, context) == 1 else { return [] }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        _ = lazy_HMAC_Final(copy, &output, &size)
        output.removeSubrange(Int(size)...)
        return output
    }
}

extension Interpreter {
    /// `_hashlib.HMAC`, made by `hmac_new`.
    func hmacType() -> PyType {
        nativeType("HMAC", module: "_hashlib", flags: []) { type in
            type.define("update", self) { thread, value, arguments throws(EvalError) in
                let bound = try arguments.bind("update", ["msg"], required: 1)
                try thread.hmacUpdate(value.as(PyHMAC.self)!, bound[0]!)
                return .none
            }
            type.define("digest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("digest", 0...0)
                let object = value.as(PyHMAC.self)!
                return thread.interpreter.newBytes(try thread.withObjectLock(object.mutex) { object.finish() })
            }
            type.define("hexdigest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("hexdigest", 0...0)
                let object = value.as(PyHMAC.self)!
                return thread.interpreter.newHexString(try thread.withObjectLock(object.mutex) { object.finish() })
            }
            type.define("copy", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("copy", 0...0)
                let object = value.as(PyHMAC.self)!
                let context = lazy_HMAC_CTX_new()!
                let copied = try thread.withObjectLock(object.mutex) { lazy_HMAC_CTX_copy(context, object.context) == 1 }
                guard copied else {
                    lazy_HMAC_CTX_free(context)
                    throw .valueError(OpenSSLDigests.takeErrorMessage())
                }
                return .object(ObjectRef.allocate(PyHMAC(context: context, name: object.name, type: thread.typeOf(value))))
            }
            type.defineAttribute("name", self, get: { thread, value throws(EvalError) in
                thread.interpreter.newString(value.as(PyHMAC.self)!.name)
            })
            type.defineAttribute("digest_size", self, get: { _, value throws(EvalError) in
                .int(Int(lazy_EVP_MD_get_size(value.as(PyHMAC.self)!.digest)))
            })
            type.defineAttribute("block_size", self, get: { _, value throws(EvalError) in
                .int(Int(lazy_EVP_MD_get_block_size(value.as(PyHMAC.self)!.digest)))
            })
            var slots = TypeSlots()
            slots.new = TypeSlots.notInstantiable
            slots.repr = { thread, value throws(EvalError) in
                let object = value.as(PyHMAC.self)!
                return thread.interpreter.newString("<\(object.name) HMAC object @ 0x\(String(value.objectReference!.address, radix: 16))>")
            }
            type.installSlots(slots, self)
        }
    }
}

extension ThreadState {
    func hmacUpdate(_ object: PyHMAC, _ data: Value) throws(EvalError) {
        let bytes = try hashableBytes(data)
        let context = object.context
        withObjectLock(object.mutex, releasingGILFor: bytes) { buffer in
            _ = lazy_HMAC_Update(context, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count)
        }
    }
}
