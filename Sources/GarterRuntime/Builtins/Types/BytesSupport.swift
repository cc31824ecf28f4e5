// What `bytes`, `bytearray` and `memoryview` share: making the objects,
// reading any bytes-like argument (CPython's buffer protocol, reduced to
// the three built-in exporters), the constructors' source conversion, and
// clinic-style argument binding for the methods.

extension Interpreter {
    /// A new `bytes` object.
    public func newBytes(_ bytes: [UInt8]) -> Value {
        .object(ObjectRef.allocate(PyBytes(bytes, type: types.bytes)))
    }

    /// A new `bytearray` object.
    public func newByteArray(_ bytes: [UInt8]) -> Value {
        .object(ObjectRef.allocate(PyByteArray(bytes, type: types.bytearray)))
    }

    /// Removes a name `installSlots` exposed that CPython's type lacks
    /// (`__radd__` of the sequences, whose `+` is sq_concat, not nb_add).
    func removeTypeAttribute(_ type: PyType, _ name: String) {
        let key = intern(name)
        defer { key.release() }
        if let old = try? type.dict.remove(key, hash: key.strObject!.hashValue, Interpreter.stringsOnly) {
            old.release()
        }
        type.dictChanged()
    }
}

/// The bytes hash: CPython's SipHash-1-3 of the contents. Until the
/// interpreter carries its `HashSecret` (PYTHONHASHSEED), the key is the
/// one of PYTHONHASHSEED=0, which the test runner uses.
enum BytesHashing {
    static let secret = HashSecret(seed: 0)

    static func hash(_ bytes: [UInt8]) -> Int { secret.hash(bytes: bytes) }
}

extension Value {
    /// Whether this is a bytes-like object (`bytes`, `bytearray`, `memoryview`, `array.array`).
    var isBytesLike: Bool {
        self.as(PyBytes.self) != nil || self.as(PyByteArray.self) != nil || self.as(PyMemoryView.self) != nil
            || self.as(PyArray.self) != nil
    }
}

extension ThreadState {
    /// The contents of a bytes-like object, nil for any other object.
    func bytesLike(_ value: Value) throws(EvalError) -> [UInt8]? {
        if let bytes = value.as(PyBytes.self) { return bytes.bytes }
        if let array = value.as(PyByteArray.self) { return array.bytes }
        if let view = value.as(PyMemoryView.self) {
            try view.checkReleased()
            return try view.contents()
        }
        if let array = value.as(PyArray.self) { return array.storage }   // array.array exports its items' bytes
        return nil
    }

    /// A bytes-like argument, or "a bytes-like object is required, not 'T'".
    func requireBytesLike(_ value: Value) throws(EvalError) -> [UInt8] {
        guard let bytes = try bytesLike(value) else {
            throw .typeError("a bytes-like object is required, not '\(typeOf(value).name)'")
        }
        return bytes
    }

    /// An int argument as a byte value (ValueError outside 0...255).
    func byteValue(_ value: Value, message: String = "byte must be in range(0, 256)") throws(EvalError) -> UInt8 {
        let number = try indexIntOrOverflow(value)
        guard let number, number >= 0 && number <= 255 else { throw .valueError(message) }
        return UInt8(number)
    }

    /// `__index__` as an Int, nil when it does not fit a word.
    func indexIntOrOverflow(_ value: Value) throws(EvalError) -> Int? {
        let result = try index(value)
        defer { result.release() }
        if case .int(let number) = result { return number }
        if case .bool(let flag) = result { return flag ? 1 : 0 }
        return nil
    }

    /// The bytes of an iterable of ints (`bytes([1, 2])`, `bytearray.extend`).
    func bytesFromIterable(_ iterable: Value, rangeMessage: String) throws(EvalError) -> [UInt8] {
        let items = try collect(iterable)
        defer { for item in items { item.release() } }
        var result: [UInt8] = []
        result.reserveCapacity(items.count)
        for item in items { result.append(try byteValue(item, message: rangeMessage)) }
        return result
    }

    /// `bytes(source, encoding, errors)` and `bytearray(...)`'s conversion
    /// of their arguments, with CPython's checks in CPython's order.
    func bytesFromSource(_ source: Value?, encoding: Value?, errors: Value?, typeName: String) throws(EvalError) -> [UInt8] {
        guard let source else {
            if encoding != nil { throw .typeError("encoding without a string argument") }
            if errors != nil { throw .typeError("errors without a string argument") }
            return []
        }
        if let encoding {
            guard let text = source.as(PyStr.self) else { throw .typeError("encoding without a string argument") }
            let name = try stringArgument(encoding, function: typeName == "bytes" ? "bytes()" : "bytearray()", name: "encoding")
            let handler = try errors.map { (value) throws(EvalError) in
                try stringArgument(value, function: typeName == "bytes" ? "bytes()" : "bytearray()", name: "errors")
            }
            return try encode(text.codePoints, encoding: name, errors: handler)
        }
        if errors != nil {
            throw .typeError(source.as(PyStr.self) != nil ? "string argument without an encoding" : "errors without a string argument")
        }
        if typeName == "bytes", let result = try callSpecial(source, interpreter.internedString("__bytes__"), []) {
            defer { result.release() }
            guard let bytes = result.as(PyBytes.self) else {
                throw .typeError("__bytes__ returned non-bytes (type \(typeOf(result).name))")
            }
            return bytes.bytes
        }
        if source.as(PyStr.self) != nil { throw .typeError("string argument without an encoding") }
        if typeOf(source).slots.index != nil || source.as(PyLong.self) != nil || Arithmetic.pyInteger(source) != nil {
            guard let count = try indexIntOrOverflow(source) else {
                throw .overflowError("cannot fit 'int' into an index-sized integer")
            }
            if count < 0 { throw .valueError("negative count") }
            return [UInt8](repeating: 0, count: count)
        }
        if let bytes = try bytesLike(source) { return bytes }
        guard typeOf(source).slots.iterate != nil || typeOf(source).slots.getItem != nil else {
            throw .typeError("cannot convert '\(typeOf(source).name)' object to \(typeName)")
        }
        return try bytesFromIterable(source, rangeMessage: typeName == "bytes" ? "bytes must be in range(0, 256)"
                                                                                : "byte must be in range(0, 256)")
    }

    /// A str argument of a built-in with clinic's message otherwise.
    func stringArgument(_ value: Value, function: String, name: String) throws(EvalError) -> String {
        guard let text = value.as(PyStr.self) else {
            throw .typeError("\(function) argument '\(name)' must be str, not \(value.isNone ? "None" : typeOf(value).name)")
        }
        return text.string
    }
}

extension Arguments {
    /// Binds arguments as CPython's Argument Clinic does for methods with
    /// keyword parameters, with its messages.
    func bindClinic(_ function: String, _ names: [String], required: Int = 0,
                    positionalOnly: Int = 0) throws(EvalError) -> [Value?] {
        if totalCount > names.count || positionalCount > names.count {
            let plural = names.count == 1 ? "" : "s"
            throw .typeError("\(function)() takes at most \(names.count) argument\(plural) (\(totalCount) given)")
        }
        var result = [Value?](repeating: nil, count: names.count)
        for index in 0..<positionalCount { result[index] = self[index] }
        for keyword in 0..<keywordCount {
            let name = keywordName(keyword)
            guard let index = names.firstIndex(of: name), index >= positionalOnly else {
                throw .typeError("'\(name)' is an invalid keyword argument for \(function)()")
            }
            if result[index] != nil {
                throw .typeError("argument for \(function)() given by name ('\(name)') and position (\(index + 1))")
            }
            result[index] = keywordValue(keyword)
        }
        for index in 0..<required where result[index] == nil {
            throw .typeError("\(function)() missing required argument '\(names[index])' (pos \(index + 1))")
        }
        return result
    }
}
