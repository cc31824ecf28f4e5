import BigInt
import GarterCompiler
import GarterSyntax

extension Interpreter {
    /// `int`, `bool`, `float`, and the constant singletons' types.
    func installNumberTypes() {
        installIntType()
        installFloatType()
        installSingletonTypes()
    }

    private func installIntType() {
        var slots = TypeSlots()
        for index in 0..<13 {
            let operation = BinaryOperation(rawValue: UInt32(index))!
            slots.binary[index] = { thread, left, right throws(EvalError) in
                try Arithmetic.integers(operation, left, right, interpreter: thread.interpreter) ?? thread.notImplemented()
            }
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = Arithmetic.pyInteger(left), let b = Arithmetic.pyInteger(right) else { return thread.notImplemented() }
            return .bool(Arithmetic.compare(operation, PyInteger.compare(a, b), 0))
        }
        slots.hash = { _, value throws(EvalError) in NumberHash.hash(Arithmetic.pyInteger(value)!) }
        slots.repr = { thread, value throws(EvalError) in
            do throws(NumberError) {
                return thread.interpreter.newString(try Arithmetic.pyInteger(value)!.toDecimalString(maxDigits: thread.interpreter.maxStringDigits))
            } catch {
                throw .pythonException(error.pythonType, error.message)
            }
        }
        slots.bool = { _, value throws(EvalError) in !(Arithmetic.pyInteger(value)!.isZero) }
        slots.negative = { thread, value throws(EvalError) in thread.interpreter.integerValue(PyInteger.subtract(.small(0), Arithmetic.pyInteger(value)!)) }
        slots.positive = { thread, value throws(EvalError) in thread.interpreter.integerValue(Arithmetic.pyInteger(value)!) }
        slots.invert = { thread, value throws(EvalError) in
            thread.interpreter.integerValue(PyInteger.subtract(.small(-1), Arithmetic.pyInteger(value)!))
        }
        slots.absolute = { thread, value throws(EvalError) in
            let number = Arithmetic.pyInteger(value)!
            return thread.interpreter.integerValue(number.isNegative ? PyInteger.subtract(.small(0), number) : number)
        }
        slots.index = { thread, value throws(EvalError) in thread.interpreter.integerValue(Arithmetic.pyInteger(value)!) }
        slots.int = slots.index
        slots.float = { _, value throws(EvalError) in
            do throws(NumberError) { return .float(try Arithmetic.pyInteger(value)!.toDouble()) } catch { throw .pythonException(error.pythonType, error.message) }
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            let bound = try arguments.bind("int", ["x", "base"], required: 0, positionalOnly: 1)
            let result = try thread.makeInteger(bound[0], base: bound[1])
            if type === thread.interpreter.types.int { return result }
            throw .unsupported("subclasses of int")
        }
        types.int.installSlots(slots, self)
        types.int.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard let spec = arguments[0].strObject else { throw .typeError("format spec must be str") }
            do throws(NumberError) {
                return thread.interpreter.newString(try NumberFormat.format(Arithmetic.pyInteger(value)!, spec: spec.string,
                                                                         typeName: thread.typeOf(value).name))
            } catch {
                throw .pythonException(error.pythonType, error.message)
            }
        }
        types.int.define("bit_length", self) { thread, value, _ throws(EvalError) in
            .int(Arithmetic.pyInteger(value)!.magnitude.bitWidth - Arithmetic.pyInteger(value)!.magnitude.leadingZeroBitCount)
        }
        types.int.define("__trunc__", self) { thread, value, _ throws(EvalError) in thread.interpreter.integerValue(Arithmetic.pyInteger(value)!) }
        types.int.define("__getnewargs__", self) { thread, value, _ throws(EvalError) in
            thread.interpreter.newTuple([thread.interpreter.integerValue(Arithmetic.pyInteger(value)!)])
        }
        for name in ["real", "numerator"] {
            types.int.defineAttribute(name, self, get: { thread, value throws(EvalError) in thread.interpreter.integerValue(Arithmetic.pyInteger(value)!) })
        }
        types.int.defineAttribute("imag", self, get: { _, _ throws(EvalError) in .int(0) })
        types.int.defineAttribute("denominator", self, get: { _, _ throws(EvalError) in .int(1) })

        var boolSlots = TypeSlots()
        boolSlots.repr = { thread, value throws(EvalError) in
            guard case .bool(let flag) = value else { return thread.interpreter.newString("?") }
            return thread.interpreter.intern(flag ? "True" : "False")
        }
        boolSlots.new = { thread, type, arguments throws(EvalError) in
            try arguments.rejectKeywords("bool")
            if arguments.positionalCount > 1 { throw .typeError("bool expected at most 1 argument, got \(arguments.positionalCount)") }
            return .bool(arguments.positionalCount == 1 ? try thread.truth(arguments[0]) : false)
        }
        for (index, name) in [(1, "and"), (7, "or"), (12, "xor")] {
            _ = name
            boolSlots.binary[index] = { thread, left, right throws(EvalError) in
                if case .bool(let a) = left, case .bool(let b) = right {
                    switch index {
                    case 1: return .bool(a && b)
                    case 7: return .bool(a || b)
                    default: return .bool(a != b)
                    }
                }
                return try Arithmetic.integers(BinaryOperation(rawValue: UInt32(index))!, left, right,
                                               interpreter: thread.interpreter) ?? thread.notImplemented()
            }
        }
        types.bool.installSlots(boolSlots, self)
    }

    private func installFloatType() {
        var slots = TypeSlots()
        for index in 0..<13 {
            let operation = BinaryOperation(rawValue: UInt32(index))!
            slots.binary[index] = { thread, left, right throws(EvalError) in
                try Arithmetic.floats(operation, left, right) ?? thread.notImplemented()
            }
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard case .float(let a) = left else { return thread.notImplemented() }
            if case .float(let b) = right { return .bool(Arithmetic.compare(operation, a, b)) }
            guard let b = Arithmetic.pyInteger(right) else { return thread.notImplemented() }
            guard let order = FloatMath.compare(a, b) else { return .bool(operation == .notEqual) }
            return .bool(Arithmetic.compare(operation, order, 0))
        }
        slots.hash = { _, value throws(EvalError) in
            guard case .float(let number) = value else { return 0 }
            return NumberHash.hash(number, identityHash: 0)
        }
        slots.repr = { thread, value throws(EvalError) in
            guard case .float(let number) = value else { return .none }
            return thread.interpreter.newString(Repr.float(number))
        }
        slots.bool = { _, value throws(EvalError) in
            guard case .float(let number) = value else { return true }
            return number != 0
        }
        slots.negative = { _, value throws(EvalError) in
            guard case .float(let number) = value else { return value }
            return .float(-number)
        }
        slots.positive = { _, value throws(EvalError) in value }
        slots.absolute = { _, value throws(EvalError) in
            guard case .float(let number) = value else { return value }
            return .float(abs(number))
        }
        slots.float = { _, value throws(EvalError) in value }
        slots.int = { thread, value throws(EvalError) in
            guard case .float(let number) = value else { return value }
            guard number.isFinite else {
                throw number.isNaN ? .valueError("cannot convert float NaN to integer")
                                   : .overflowError("cannot convert float infinity to integer")
            }
            return thread.interpreter.newInteger(BigInt(number.rounded(.towardZero)))
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            try arguments.rejectKeywords("float")
            if arguments.positionalCount > 1 { throw .typeError("float expected at most 1 argument, got \(arguments.positionalCount)") }
            guard arguments.positionalCount == 1 else { return .float(0) }
            return try thread.makeFloat(arguments[0])
        }
        types.float.installSlots(slots, self)
        types.float.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard case .float(let number) = value, let spec = arguments[0].strObject else { throw .typeError("format spec must be str") }
            do throws(NumberError) {
                return thread.interpreter.newString(try NumberFormat.format(number, spec: spec.string))
            } catch {
                throw .pythonException(error.pythonType, error.message)
            }
        }
        types.float.define("is_integer", self) { _, value, _ throws(EvalError) in
            guard case .float(let number) = value else { return .bool(false) }
            return .bool(number.isFinite && number.rounded(.towardZero) == number)
        }
        types.float.define("__trunc__", self) { thread, value, _ throws(EvalError) in
            try thread.interpreter.types.float.slots.int!(thread, value)
        }
        types.float.defineAttribute("real", self, get: { _, value throws(EvalError) in value })
        types.float.defineAttribute("imag", self, get: { _, _ throws(EvalError) in .float(0) })
    }

    private func installSingletonTypes() {
        var noneSlots = TypeSlots()
        noneSlots.repr = { thread, _ throws(EvalError) in thread.interpreter.intern("None") }
        noneSlots.bool = { _, _ throws(EvalError) in false }
        noneSlots.new = { _, _, arguments throws(EvalError) in
            if arguments.totalCount > 0 { throw .typeError("NoneType takes no arguments") }
            return .none
        }
        types.none.installSlots(noneSlots, self)
        var notImplementedSlots = TypeSlots()
        notImplementedSlots.repr = { thread, _ throws(EvalError) in thread.interpreter.intern("NotImplemented") }
        types.notImplemented.installSlots(notImplementedSlots, self)
        var ellipsisSlots = TypeSlots()
        ellipsisSlots.repr = { thread, _ throws(EvalError) in thread.interpreter.intern("Ellipsis") }
        types.ellipsis.installSlots(ellipsisSlots, self)
    }

    /// A `PyInteger` as a value (inline when it fits a word).
    func integerValue(_ integer: PyInteger) -> Value { Arithmetic.value(integer, self) }
}

extension ThreadState {
    /// `int(x)` and `int(text, base)`.
    func makeInteger(_ value: Value?, base: Value?) throws(EvalError) -> Value {
        guard let value else { return .int(0) }
        let maxDigits = interpreter.maxStringDigits
        do {
            if let text = value.strObject {
                let baseNumber = try base.map { (b) throws(EvalError) in try indexInt(b) } ?? 10
                return interpreter.integerValue(try IntegerText.parse(text.codePoints, base: baseNumber, maxDigits: maxDigits))
            }
            if base != nil { throw EvalError.typeError("int() can't convert non-string with explicit base") }
        } catch let error as NumberError {
            throw .pythonException(error.pythonType, error.message)
        } catch let error as EvalError {
            throw error
        } catch {
            throw .unsupported("\(error)")
        }
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        default:
            if let long = value.as(PyLong.self) {
                _ = long
                value.retain()
                return value
            }
            let type = typeOf(value)
            if let slot = type.slots.int { return try slot(self, value) }
            if let slot = type.slots.index { return try slot(self, value) }
            if let truncate = try callSpecial(value, interpreter.internedString("__trunc__"), []) { return truncate }
            throw .typeError("int() argument must be a string, a bytes-like object or a real number, not '\(type.name)'")
        }
    }

    /// `float(x)`.
    func makeFloat(_ value: Value) throws(EvalError) -> Value {
        if case .float = value { return value }
        if let text = value.strObject {
            do throws(NumberError) { return .float(try FloatMath.parse(text.codePoints)) } catch { throw .pythonException(error.pythonType, error.message) }
        }
        let type = typeOf(value)
        if let slot = type.slots.float { return try slot(self, value) }
        if let slot = type.slots.index {
            let integer = try slot(self, value)
            defer { integer.release() }
            return try interpreter.types.int.slots.float!(self, integer)
        }
        throw .typeError("float() argument must be a string or a real number, not '\(type.name)'")
    }
}
