// The `_sha512` module: `sha512` and `sha384` hash objects. random.py
// imports it (its fallback, hashlib, needs much more), to seed from str
// and bytes.

/// A `_sha512.sha512` or `_sha512.sha384` object.
final class PySHA512: PyObject {
    var hasher: SHA512

    init(hasher: SHA512, type: PyType) {
        self.hasher = hasher
        super.init(type: type)
    }
}

extension Interpreter {
    func makeSha512Module() throws(EvalError) -> Value {
        try makeNativeModule("_sha512") { module, define throws(EvalError) in
            for (name, size) in [("sha512", 64), ("sha384", 48)] {
                define(name) { thread, arguments throws(EvalError) in
                    let bound = try arguments.bindClassic(name, ["string", "usedforsecurity"], required: 0, keywordOnlyFrom: 1)
                    var hasher = SHA512(digestSize: size)
                    if let data = bound[0] { hasher.update(try thread.hashableBytes(data)) }
                    return .object(ObjectRef.allocate(PySHA512(hasher: hasher, type: thread.interpreter.sha512Type(size))))
                }
            }
            // CPython 3.11 registers its sha512 type under this name (twice), and no SHA512Type.
            let type = sha512Type(64)
            type.incref()
            setItem(module.dict, "SHA384Type", type.value)
        }
    }

    func sha512Type(_ digestSize: Int) -> PyType {
        nativeType(digestSize == 64 ? "sha512" : "sha384", module: "_sha512", flags: []) { type in
            func get(_ value: Value) -> PySHA512 { value.as(PySHA512.self)! }
            type.define("update", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("update", 1...1)
                get(value).hasher.update(try thread.hashableBytes(arguments[0]))
                return .none
            }
            type.define("digest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("digest", 0...0)
                return thread.interpreter.newBytes(get(value).hasher.digest())
            }
            type.define("hexdigest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("hexdigest", 0...0)
                return thread.interpreter.newHexString(get(value).hasher.digest())
            }
            type.define("copy", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("copy", 0...0)
                return .object(ObjectRef.allocate(PySHA512(hasher: get(value).hasher, type: thread.typeOf(value))))
            }
            type.defineAttribute("name", self, get: { thread, value throws(EvalError) in
                thread.interpreter.intern(get(value).hasher.digestSize == 64 ? "sha512" : "sha384")
            })
            type.defineAttribute("digest_size", self, get: { _, value throws(EvalError) in .int(get(value).hasher.digestSize) })
            type.defineAttribute("block_size", self, get: { _, _ throws(EvalError) in .int(128) })
        }
    }
}

extension ThreadState {
    /// The bytes a hash object is given (CPython's messages for str and others).
    func hashableBytes(_ value: Value) throws(EvalError) -> [UInt8] {
        if value.strObject != nil { throw .typeError("Strings must be encoded before hashing") }
        guard let bytes = try bytesLike(value) else { throw .typeError("object supporting the buffer API required") }
        return bytes
    }
}
