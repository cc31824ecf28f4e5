// What the hash modules (and zlib's objects) share besides their locks:
// hexadecimal digests, and types that only native code instantiates.

extension TypeSlots {
    /// The `new` slot of a type only native code instantiates (hash objects,
    /// zlib streams): "cannot create '_hashlib.HASH' instances".
    static var notInstantiable: TypeSlots.New {
        { _, type, _ throws(EvalError) in throw .typeError("cannot create '\(type.name)' instances") }
    }
}

extension Interpreter {
    /// The lower-case hexadecimal text of `bytes` (hexdigest()).
    func newHexString(_ bytes: [UInt8]) -> Value {
        let digits: StaticString = "0123456789abcdef"
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        digits.withUTF8Buffer { digits in
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 15)])
            }
        }
        return newString(String(decoding: text, as: UTF8.self))
    }
}
