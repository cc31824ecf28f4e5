// The `_blake2` module: the `blake2b` and `blake2s` types with every
// parameter CPython's have (hashlib.py prefers them to OpenSSL's BLAKE2).
// Large updates run without the GIL, under the object's mutex.

/// A `_blake2.blake2b` or `_blake2.blake2s` object.
final class PyBlake2<Variant: BLAKE2Variant>: PyObject {
    var hasher: BLAKE2<Variant>
    let mutex = SystemMutex()

    init(hasher: BLAKE2<Variant>, type: PyType) {
        self.hasher = hasher
        super.init(type: type)
    }
}

/// The limits of a variant, as the module's constants name them.
struct Blake2Limits {
    let name: String
    let maxDigestSize: Int
    let saltSize: Int
    /// The largest node offset the parameter block holds.
    let maxNodeOffset: UInt64

    var maxKeySize: Int { maxDigestSize }
    var personSize: Int { saltSize }
    var blockSize: Int { 2 * maxDigestSize }

    static let b = Blake2Limits(name: "blake2b", maxDigestSize: 64, saltSize: 16, maxNodeOffset: .max)
    static let s = Blake2Limits(name: "blake2s", maxDigestSize: 32, saltSize: 8, maxNodeOffset: (1 << 48) - 1)
}

extension Interpreter {
    func makeBlake2Module() throws(EvalError) -> Value {
        try makeNativeModule("_blake2", doc: "_blake2b provides BLAKE2b for hashlib\n") { module, _ throws(EvalError) in
            export(blake2Type(BLAKE2bVariant.self, .b), in: module)
            export(blake2Type(BLAKE2sVariant.self, .s), in: module)
            for limits in [Blake2Limits.b, .s] {
                let prefix = limits.name.uppercased()
                setItem(module.dict, "\(prefix)_SALT_SIZE", .int(limits.saltSize))
                setItem(module.dict, "\(prefix)_PERSON_SIZE", .int(limits.personSize))
                setItem(module.dict, "\(prefix)_MAX_KEY_SIZE", .int(limits.maxKeySize))
                setItem(module.dict, "\(prefix)_MAX_DIGEST_SIZE", .int(limits.maxDigestSize))
            }
        }
    }

    func blake2Type<Variant: BLAKE2Variant>(_ variant: Variant.Type, _ limits: Blake2Limits) -> PyType {
        typealias Object = PyBlake2<Variant>
        return nativeType(limits.name, module: "_blake2", flags: []) { type in
            setItem(type.dict, "SALT_SIZE", .int(limits.saltSize))
            setItem(type.dict, "PERSON_SIZE", .int(limits.personSize))
            setItem(type.dict, "MAX_KEY_SIZE", .int(limits.maxKeySize))
            setItem(type.dict, "MAX_DIGEST_SIZE", .int(limits.maxDigestSize))
            type.dictChanged()
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let (parameters, data) = try thread.blake2Parameters(arguments, limits)
                let object = Object(hasher: BLAKE2<Variant>(parameters), type: type)
                let value = Value.object(ObjectRef.allocate(object))
                if let data {
                    thread.withObjectLock(object.mutex, releasingGILFor: data) { object.hasher.update($0) }
                }
                return value
            }
            slots.repr = { thread, value throws(EvalError) in
                thread.interpreter.newString("<_blake2.\(limits.name) object at 0x\(String(value.objectReference!.address, radix: 16))>")
            }
            type.installSlots(slots, self)
            type.define("update", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("update", 1...1)
                let object = value.as(Object.self)!
                let bytes = try thread.hashableBytes(arguments[0])
                thread.withObjectLock(object.mutex, releasingGILFor: bytes) { object.hasher.update($0) }
                return .none
            }
            type.define("digest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("digest", 0...0)
                let object = value.as(Object.self)!
                return thread.interpreter.newBytes(try thread.withObjectLock(object.mutex) { object.hasher.finish() })
            }
            type.define("hexdigest", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("hexdigest", 0...0)
                let object = value.as(Object.self)!
                return thread.interpreter.newHexString(try thread.withObjectLock(object.mutex) { object.hasher.finish() })
            }
            type.define("copy", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("copy", 0...0)
                let object = value.as(Object.self)!
                let hasher = try thread.withObjectLock(object.mutex) { object.hasher }
                return .object(ObjectRef.allocate(Object(hasher: hasher, type: thread.typeOf(value))))
            }
            type.defineAttribute("name", self, get: { thread, _ throws(EvalError) in thread.interpreter.newString(limits.name) })
            type.defineAttribute("digest_size", self, get: { _, value throws(EvalError) in
                .int(value.as(Object.self)!.hasher.digestSize)
            })
            type.defineAttribute("block_size", self, get: { _, _ throws(EvalError) in .int(limits.blockSize) })
        }
    }
}

extension ThreadState {
    /// The parameters of `blake2b(data=b'', /, *, digest_size, key, salt,
    /// person, fanout, depth, leaf_size, node_offset, node_depth,
    /// inner_size, last_node, usedforsecurity)`, checked with CPython's
    /// messages, and the initial data.
    func blake2Parameters(_ arguments: Arguments, _ limits: Blake2Limits) throws(EvalError) -> (BLAKE2Parameters, [UInt8]?) {
        // The empty name makes `data` positional-only.
        let bound = try arguments.bindClassic(limits.name, [
            "", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
            "node_depth", "inner_size", "last_node", "usedforsecurity",
        ], required: 0, keywordOnlyFrom: 1)
        func integer(_ index: Int, _ fallback: Int) throws(EvalError) -> Int {
            guard let value = bound[index] else { return fallback }
            return try indexInt(value)
        }
        func unsigned(_ index: Int, tooLarge: String, limit: UInt64) throws(EvalError) -> UInt64 {
            guard let value = bound[index] else { return 0 }
            let number = try integerArgument(value)
            if number.isNegative { throw .valueError("value must be positive") }
            guard let word = number.smallValue, UInt64(word) <= limit else { throw .overflowError(tooLarge) }
            return UInt64(word)
        }
        func bytes(_ index: Int) throws(EvalError) -> [UInt8] {
            guard let value = bound[index], !value.isNone else { return [] }
            return try requireBytesLike(value)
        }
        let data = try bound[0].map { value throws(EvalError) in try hashableBytes(value) }
        let leafSize = try unsigned(7, tooLarge: "leaf_size is too large", limit: UInt64(UInt32.max))
        let nodeOffset = try unsigned(8, tooLarge: "node_offset is too large", limit: limits.maxNodeOffset)
        let key = try bytes(2)
        let salt = try bytes(3)
        let person = try bytes(4)
        var parameters = BLAKE2Parameters(digestSize: try integer(1, limits.maxDigestSize))
        if parameters.digestSize < 1 || parameters.digestSize > limits.maxDigestSize {
            throw .valueError("digest_size must be between 1 and \(limits.maxDigestSize) bytes")
        }
        if salt.count > limits.saltSize { throw .valueError("maximum salt length is \(limits.saltSize) bytes") }
        if person.count > limits.personSize { throw .valueError("maximum person length is \(limits.personSize) bytes") }
        parameters.fanout = try integer(5, 1)
        if parameters.fanout < 0 || parameters.fanout > 255 { throw .valueError("fanout must be between 0 and 255") }
        parameters.depth = try integer(6, 1)
        if parameters.depth < 1 || parameters.depth > 255 { throw .valueError("depth must be between 1 and 255") }
        parameters.leafSize = UInt32(leafSize)
        parameters.nodeOffset = nodeOffset
        parameters.nodeDepth = try integer(9, 0)
        if parameters.nodeDepth < 0 || parameters.nodeDepth > 255 { throw .valueError("node_depth must be between 0 and 255") }
        parameters.innerSize = try integer(10, 0)
        if parameters.innerSize < 0 || parameters.innerSize > limits.maxDigestSize {
            throw .valueError("inner_size must be between 0 and is \(limits.maxDigestSize)")
        }
        if key.count > limits.maxKeySize { throw .valueError("maximum key length is \(limits.maxKeySize) bytes") }
        parameters.key = key
        parameters.salt = salt
        parameters.person = person
        if let last = bound[11] { parameters.lastNode = try truth(last) }
        return (parameters, data)
    }
}
