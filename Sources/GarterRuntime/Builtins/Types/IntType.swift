import BigInt
import GarterCompiler

// `int`: word-sized values are the inline `Value.int`, larger ones and
// instances of subclasses are `PyLong` objects. Every operation reads its
// operands through `Arithmetic.pyInteger`, so subclass instances and bools
// work everywhere an int does; results are always exact ints.

extension Interpreter {
    func installIntType() {
        let int = types.int
        var slots = TypeSlots()
        for index in 0..<13 where index != Int(BinaryOperation.matrixMultiply.rawValue) {
            let operation = BinaryOperation(rawValue: UInt32(index))!
            slots.binary[index] = { thread, left, right throws(EvalError) in
                try Arithmetic.integers(operation, left, right, interpreter: thread.interpreter) ?? thread.notImplemented()
            }
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = Arithmetic.pyInteger(left), let b = Arithmetic.pyInteger(right) else { return thread.notImplemented() }
            return .bool(Arithmetic.compare(operation, PyInteger.compare(a, b), 0))
        }
        slots.hash = { _, value throws(EvalError) in NumberHash.hash(try Interpreter.integer(value)) }
        slots.repr = { thread, value throws(EvalError) in
            let number = try Interpreter.integer(value)
            let limit = thread.interpreter.maxStringDigits
            return thread.interpreter.newString(try Arithmetic.checked { () throws(NumberError) in try number.toDecimalString(maxDigits: limit) })
        }
        slots.bool = { _, value throws(EvalError) in !(try Interpreter.integer(value).isZero) }
        slots.negative = { thread, value throws(EvalError) in thread.interpreter.integerValue(PyInteger.negate(try Interpreter.integer(value))) }
        slots.positive = { thread, value throws(EvalError) in try thread.interpreter.exactInteger(value) }
        slots.invert = { thread, value throws(EvalError) in thread.interpreter.integerValue(PyInteger.invert(try Interpreter.integer(value))) }
        slots.absolute = { thread, value throws(EvalError) in thread.interpreter.integerValue(PyInteger.absolute(try Interpreter.integer(value))) }
        slots.index = { thread, value throws(EvalError) in try thread.interpreter.exactInteger(value) }
        slots.int = slots.index
        slots.float = { _, value throws(EvalError) in
            let number = try Interpreter.integer(value)
            return .float(try Arithmetic.checked { () throws(NumberError) in try number.toDouble() })
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            let result = try thread.makeInteger(arguments)
            if type === thread.interpreter.types.int { return result }
            defer { result.release() }
            return .object(ObjectRef.allocate(PyLong(Arithmetic.pyInteger(result)!.bigValue, type: type)))
        }
        // Defined before the slots so that the generic wrappers (which take
        // no modulus) do not replace them.
        int.define("__pow__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__pow__", 1...2)
            return try thread.integerPower(value, arguments[0], modulus: arguments.positionalCount > 1 ? arguments[1] : nil)
        }
        int.define("__rpow__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__rpow__", 1...2)
            return try thread.integerPower(arguments[0], value, modulus: arguments.positionalCount > 1 ? arguments[1] : nil)
        }
        int.installSlots(slots, self)
        defineDivmod(on: int) { thread, left, right throws(EvalError) in
            guard let a = Arithmetic.pyInteger(left), let b = Arithmetic.pyInteger(right) else { return nil }
            do throws(NumberError) {
                let (quotient, remainder) = try PyInteger.divmod(a, b)
                return thread.interpreter.newTuple([thread.interpreter.integerValue(quotient), thread.interpreter.integerValue(remainder)])
            } catch {
                throw error.evalError
            }
        }
        installIntMethods(int)
    }

    private func installIntMethods(_ int: PyType) {
        int.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard let spec = arguments[0].strObject else {
                throw .typeError("__format__() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            if spec.codePoints.isEmpty { return try thread.str(value) }
            let number = try Interpreter.integer(value)
            let typeName = thread.typeOf(value).name
            let limit = thread.interpreter.maxStringDigits
            return thread.interpreter.newString(codePoints: try Arithmetic.checked { () throws(NumberError) in
                try NumberFormat.format(number, spec: spec.codePoints, typeName: typeName, maxDigits: limit)
            })
        }
        int.define("bit_length", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("bit_length", 0...0)
            return .int(try Interpreter.integer(value).bitLength)
        }
        int.define("bit_count", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("bit_count", 0...0)
            return .int(try Interpreter.integer(value).bitCount)
        }
        int.define("as_integer_ratio", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("as_integer_ratio", 0...0)
            return thread.interpreter.newTuple([try thread.interpreter.exactInteger(value), .int(1)])
        }
        for name in ["conjugate", "__trunc__", "__floor__", "__ceil__", "__int__", "__index__"] {
            int.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 0...0)
                return try thread.interpreter.exactInteger(value)
            }
        }
        int.define("__round__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__round__", 0...1)
            let number = try Interpreter.integer(value)
            guard arguments.positionalCount == 1 else { return thread.interpreter.integerValue(number) }
            let digits = try thread.index(arguments[0])
            defer { digits.release() }
            return thread.interpreter.integerValue(number.rounded(digits: Arithmetic.pyInteger(digits)!))
        }
        int.define("__getnewargs__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__getnewargs__", 0...0)
            return thread.interpreter.newTuple([try thread.interpreter.exactInteger(value)])
        }
        int.define("__sizeof__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("__sizeof__", 0...0)
            // CPython's layout: a 24-byte header and one 4-byte digit per 30 bits.
            let bits = try Interpreter.integer(value).magnitude.bitWidth
            return .int(24 + 4 * ((bits + 29) / 30))
        }
        int.define("to_bytes", self) { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bind("to_bytes", ["length", "byteorder", "signed"], required: 0, keywordOnlyFrom: 2)
            let length = try bound[0].map { (v) throws(EvalError) in try thread.indexInt(v) } ?? 1
            let littleEndian = try thread.byteOrder(bound[1], function: "to_bytes")
            let signed = try bound[2].map { (v) throws(EvalError) in try thread.truth(v) } ?? false
            let number = try Interpreter.integer(value)
            let bytes = try Arithmetic.checked { () throws(NumberError) in
                try number.toBytes(length: length, littleEndian: littleEndian, signed: signed)
            }
            return try thread.makeBytes(bytes)
        }
        int.defineClassMethod("from_bytes", self) { thread, arguments throws(EvalError) in
            let cls = arguments[0]
            let bound = try arguments.droppingFirst.bind("from_bytes", ["bytes", "byteorder", "signed"], required: 1,
                                                         keywordOnlyFrom: 2)
            let littleEndian = try thread.byteOrder(bound[1], function: "from_bytes")
            let signed = try bound[2].map { (v) throws(EvalError) in try thread.truth(v) } ?? false
            let data = try thread.byteValues(bound[0]!)
            let result = thread.interpreter.integerValue(PyInteger.fromBytes(data, littleEndian: littleEndian, signed: signed))
            if cls.isIdentical(to: thread.interpreter.types.int.value) { return result }
            defer { result.release() }
            return try thread.call(cls, [result])
        }
        for name in ["real", "numerator"] {
            int.defineAttribute(name, self, get: { thread, value throws(EvalError) in try thread.interpreter.exactInteger(value) })
        }
        int.defineAttribute("imag", self, get: { _, _ throws(EvalError) in .int(0) })
        int.defineAttribute("denominator", self, get: { _, _ throws(EvalError) in .int(1) })
    }

    /// Adds `__divmod__` and `__rdivmod__` (there is no divmod slot: the
    /// `divmod` built-in looks these up). `body` returns nil for
    /// operands it does not handle (NotImplemented).
    func defineDivmod(on type: PyType, _ body: @escaping (ThreadState, Value, Value) throws(EvalError) -> Value?) {
        type.define("__divmod__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__divmod__", 1...1)
            return try body(thread, value, arguments[0]) ?? thread.notImplemented()
        }
        type.define("__rdivmod__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__rdivmod__", 1...1)
            return try body(thread, arguments[0], value) ?? thread.notImplemented()
        }
    }

    /// The value of an int (or int subclass instance) receiver.
    static func integer(_ value: Value) throws(EvalError) -> PyInteger {
        guard let number = Arithmetic.pyInteger(value) else { throw .typeError("an int was expected") }
        return number
    }

    /// The exact `int` with the value of an int or int subclass instance
    /// (a new reference).
    func exactInteger(_ value: Value) throws(EvalError) -> Value {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        default: return integerValue(try Interpreter.integer(value))
        }
    }

    /// A `PyInteger` as a value (inline when it fits a word).
    func integerValue(_ integer: PyInteger) -> Value { Arithmetic.value(integer, self) }
}

extension ThreadState {
    /// `int(x=0, /, base=10)`: the exact int (subclasses wrap it).
    func makeInteger(_ arguments: Arguments) throws(EvalError) -> Value {
        if arguments.totalCount > 2 {
            throw .typeError("int() takes at most 2 arguments (\(arguments.totalCount) given)")
        }
        let value: Value? = arguments.positionalCount > 0 ? arguments[0] : nil
        var base: Value? = arguments.positionalCount > 1 ? arguments[1] : nil
        for index in 0..<arguments.keywordCount {
            let name = arguments.keywordName(index)
            guard name == "base" else { throw .typeError("'\(name)' is an invalid keyword argument for int()") }
            if base != nil { throw .typeError("argument for int() given by name ('base') and position (2)") }
            base = arguments.keywordValue(index)
        }
        return try makeInteger(value, base: base)
    }

    /// `int(x)` and `int(text, base)`.
    func makeInteger(_ value: Value?, base: Value?) throws(EvalError) -> Value {
        let maxDigits = interpreter.maxStringDigits
        guard let value else {
            if base != nil { throw .typeError("int() missing string argument") }
            return .int(0)
        }
        if let base {
            let number = try index(base)
            defer { number.release() }
            let radix = Arithmetic.pyInteger(number)!.clampedToInt
            if (radix != 0 && radix < 2) || radix > 36 { throw .valueError("int() base must be >= 2 and <= 36, or 0") }
            if let text = value.strObject {
                return interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in
                    try IntegerText.parse(text.codePoints, base: radix, maxDigits: maxDigits)
                })
            }
            if let data = try bytesLikeContents(value) {
                return interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in
                    try IntegerText.parse(bytes: data, base: radix, maxDigits: maxDigits)
                })
            }
            throw .typeError("int() can't convert non-string with explicit base")
        }
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        default: break
        }
        if case .object(let reference) = value, reference.with({ $0.typePointer }) == interpreter.types.int.pointer {
            value.retain()
            return value
        }
        let type = typeOf(value)
        if let slot = type.slots.int {
            let result = try slot(self, value)
            return try exactIntegerResult(result, "__int__", warnForSubclass: true)
        }
        if type.slots.index != nil { return try index(value) }
        if type.lookup(interpreter.internedString("__trunc__")) != nil {
            try warn("DeprecationWarning", "The delegation of int() to __trunc__ is deprecated.")
        }
        if let truncate = try callSpecial(value, interpreter.internedString("__trunc__"), []) {
            if Arithmetic.pyInteger(truncate) != nil { return try exactIntegerResult(truncate, "__trunc__") }
            defer { truncate.release() }
            guard typeOf(truncate).slots.index != nil else {
                throw .typeError("__trunc__ returned non-Integral (type \(typeOf(truncate).name))")
            }
            return try index(truncate)
        }
        if let text = value.strObject {
            return interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in
                try IntegerText.parse(text.codePoints, base: 10, maxDigits: maxDigits)
            })
        }
        if let data = try numberTextBuffer(value) {
            return interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in
                try IntegerText.parse(bytes: data, base: 10, maxDigits: maxDigits)
            })
        }
        throw .typeError("int() argument must be a string, a bytes-like object or a real number, not '\(type.name)'")
    }

    /// The result of `__int__`/`__trunc__` as an exact int (takes it over).
    /// `__int__` returning a strict subclass of int is deprecated (CPython
    /// warns, then takes its value).
    private func exactIntegerResult(_ result: Value, _ method: String, warnForSubclass: Bool = false) throws(EvalError) -> Value {
        guard let number = Arithmetic.pyInteger(result) else {
            let name = typeOf(result).name
            result.release()
            throw .typeError("\(method) returned non-int (type \(name))")
        }
        if case .int = result { return result }
        defer { result.release() }
        if typeOf(result) === interpreter.types.int { return interpreter.integerValue(number) }
        if warnForSubclass {
            try warn("DeprecationWarning", "\(method) returned non-int (type \(typeOf(result).name)).  The ability to return an "
                     + "instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.")
        }
        return interpreter.integerValue(number)
    }

    /// `pow(base, exponent[, modulus])` for ints: NotImplemented when an
    /// operand is not an int.
    func integerPower(_ base: Value, _ exponent: Value, modulus: Value?) throws(EvalError) -> Value {
        guard let a = Arithmetic.pyInteger(base), let b = Arithmetic.pyInteger(exponent) else { return notImplemented() }
        guard let modulus, !modulus.isNone else {
            return try Arithmetic.integers(.power, base, exponent, interpreter: interpreter)!
        }
        guard let m = Arithmetic.pyInteger(modulus) else { return notImplemented() }
        do throws(NumberError) {
            return interpreter.integerValue(try PyInteger.power(a, b, modulus: m))
        } catch {
            throw error.evalError
        }
    }

    /// The `byteorder` argument of `to_bytes`/`from_bytes` ("big" by default).
    func byteOrder(_ value: Value?, function: String) throws(EvalError) -> Bool {
        guard let value else { return false }
        guard let text = value.stringValue else {
            throw .typeError("\(function)() argument 'byteorder' must be str, not \(typeOf(value).name)")
        }
        switch text {
        case "little": return true
        case "big": return false
        default: throw .valueError("byteorder must be either 'little' or 'big'")
        }
    }

    /// The bytes of a `bytes` or `bytearray` object, nil for other objects.
    /// (The byte types are looked up by name in the builtins, so this works
    /// whichever file defines them.)
    func bytesLikeContents(_ value: Value) throws(EvalError) -> [UInt8]? {
        guard case .object = value else { return nil }
        var type: PyType? = typeOf(value)
        var isBytesLike = false
        while let current = type {
            if !current.isHeapType && (current.name == "bytes" || current.name == "bytearray") {
                isBytesLike = true
                break
            }
            type = current.base
        }
        guard isBytesLike else { return nil }
        return try byteValues(value)
    }

    /// The bytes of any buffer `int(x)` and `float(x)` parse (bytes,
    /// bytearray, memoryview); with an explicit base int() takes only the
    /// first two.
    func numberTextBuffer(_ value: Value) throws(EvalError) -> [UInt8]? {
        if let data = try bytesLikeContents(value) { return data }
        return value.as(PyMemoryView.self) != nil ? try bytesLike(value) : nil
    }

    /// `bytes(value)` as Swift bytes: a bytes-like object or an iterable of
    /// ints in range(256) (what `int.from_bytes` accepts).
    func byteValues(_ value: Value) throws(EvalError) -> [UInt8] {
        if value.strObject != nil { throw .typeError("cannot convert 'str' object to bytes") }
        let type = typeOf(value)
        if type.slots.iterate == nil && type.slots.getItem == nil {
            throw .typeError("cannot convert '\(type.name)' object to bytes")
        }
        let items = try collect(value)
        defer { for item in items { item.release() } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.count)
        for item in items {
            let number = try index(item)
            defer { number.release() }
            guard case .int(let byte) = number, byte >= 0, byte < 256 else { throw .valueError("bytes must be in range(0, 256)") }
            bytes.append(UInt8(byte))
        }
        return bytes
    }

    /// A `bytes` object with these contents, made by the `bytes` type.
    func makeBytes(_ bytes: [UInt8]) throws(EvalError) -> Value {
        guard let bytesType = interpreter.builtins.lookup(name: "bytes") else { throw .unsupported("bytes objects") }
        let list = interpreter.newList(bytes.map { .int(Int($0)) })
        defer { list.release() }
        return try call(bytesType, [list])
    }
}
