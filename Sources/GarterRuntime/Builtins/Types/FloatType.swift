import GarterCompiler
import GarterSyntax

// `float`: the inline `Value.float`; instances of subclasses are `PyFloat`
// objects. Operands are read through `Arithmetic.floatValue`/`double`, so
// subclass instances and ints mix in; results are exact floats.

extension Interpreter {
    func installFloatType() {
        let float = types.float
        var slots = TypeSlots()
        let operations: [BinaryOperation] = [.add, .subtract, .multiply, .trueDivide, .floorDivide, .remainder, .power]
        for operation in operations {
            slots.binary[Int(operation.rawValue)] = { thread, left, right throws(EvalError) in
                try Arithmetic.floats(operation, left, right, interpreter: thread.interpreter) ?? thread.notImplemented()
            }
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = Arithmetic.floatValue(left) else { return thread.notImplemented() }
            if let b = Arithmetic.floatValue(right) { return .bool(Arithmetic.compare(operation, a, b)) }
            guard let b = Arithmetic.pyInteger(right) else { return thread.notImplemented() }
            // Exact: a float and an int compare by their mathematical values.
            guard let order = FloatMath.compare(a, b) else { return .bool(operation == .notEqual) }
            return .bool(Arithmetic.compare(operation, order, 0))
        }
        slots.hash = { _, value throws(EvalError) in
            NumberHash.hash(try Interpreter.double(value), identityHash: value.objectReference.map { $0.address >> 4 } ?? 0)
        }
        slots.repr = { thread, value throws(EvalError) in thread.interpreter.newString(Repr.float(try Interpreter.double(value))) }
        slots.bool = { _, value throws(EvalError) in try Interpreter.double(value) != 0 }
        slots.negative = { _, value throws(EvalError) in .float(-(try Interpreter.double(value))) }
        slots.positive = { _, value throws(EvalError) in .float(try Interpreter.double(value)) }
        slots.absolute = { _, value throws(EvalError) in .float(abs(try Interpreter.double(value))) }
        slots.float = slots.positive
        slots.int = { thread, value throws(EvalError) in
            let number = try Interpreter.double(value)
            return thread.interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in try FloatConversion.integer(number) })
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            try thread.rejectConstructorKeywords(type, base: thread.interpreter.types.float, arguments)
            if arguments.positionalCount > 1 { throw .typeError("float expected at most 1 argument, got \(arguments.positionalCount)") }
            let result = arguments.positionalCount == 1 ? try thread.makeFloat(arguments[0]) : .float(0)
            if type === thread.interpreter.types.float { return result }
            guard case .float(let number) = result else { return result }
            return .object(ObjectRef.allocate(PyFloat(number, type: type)))
        }
        float.define("__pow__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__pow__", 1...2)
            try Interpreter.rejectFloatModulus(arguments)
            return try Arithmetic.floats(.power, value, arguments[0], interpreter: thread.interpreter) ?? thread.notImplemented()
        }
        float.define("__rpow__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__rpow__", 1...2)
            try Interpreter.rejectFloatModulus(arguments)
            return try Arithmetic.floats(.power, arguments[0], value, interpreter: thread.interpreter) ?? thread.notImplemented()
        }
        float.installSlots(slots, self)
        defineDivmod(on: float) { thread, left, right throws(EvalError) in
            do throws(NumberError) {
                guard let a = try Arithmetic.double(left), let b = try Arithmetic.double(right) else { return nil }
                let (quotient, remainder) = try FloatMath.divmod(a, b)
                return thread.interpreter.newTuple([.float(quotient), .float(remainder)])
            } catch {
                throw error.evalError
            }
        }
        installFloatMethods(float)
    }

    private func installFloatMethods(_ float: PyType) {
        float.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard let spec = arguments[0].strObject else {
                throw .typeError("__format__() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            if spec.codePoints.isEmpty { return try thread.str(value) }
            let number = try Interpreter.double(value)
            let typeName = thread.typeOf(value).name
            return thread.interpreter.newString(codePoints: try Arithmetic.checked { () throws(NumberError) in
                try NumberFormat.format(number, spec: spec.codePoints, typeName: typeName)
            })
        }
        float.define("is_integer", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("is_integer", 0...0)
            return .bool(FloatConversion.isInteger(try Interpreter.double(value)))
        }
        let integerParts: [(String, FloatingPointRoundingRule)] = [("__trunc__", .towardZero), ("__floor__", .down), ("__ceil__", .up)]
        for (name, rule) in integerParts {
            float.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 0...0)
                let number = try Interpreter.double(value)
                return thread.interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in
                    try FloatConversion.integer(number.rounded(rule))
                })
            }
        }
        float.define("__round__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__round__", 0...1)
            let number = try Interpreter.double(value)
            guard arguments.positionalCount == 1, !arguments[0].isNone else {
                return thread.interpreter.integerValue(try Arithmetic.checked { () throws(NumberError) in try FloatMath.round(number) })
            }
            let digits = try thread.index(arguments[0])
            defer { digits.release() }
            let places = Arithmetic.pyInteger(digits)!.clampedToInt
            return .float(try Arithmetic.checked { () throws(NumberError) in try FloatMath.round(number, digits: places) })
        }
        float.define("as_integer_ratio", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("as_integer_ratio", 0...0)
            let number = try Interpreter.double(value)
            let (numerator, denominator) = try Arithmetic.checked { () throws(NumberError) in try FloatConversion.integerRatio(number) }
            return thread.interpreter.newTuple([thread.interpreter.integerValue(numerator), thread.interpreter.integerValue(denominator)])
        }
        float.define("conjugate", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("conjugate", 0...0)
            return .float(try Interpreter.double(value))
        }
        float.define("hex", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("hex", 0...0)
            return thread.interpreter.newString(FloatMath.hex(try Interpreter.double(value)))
        }
        float.define("__getnewargs__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__getnewargs__", 0...0)
            return thread.interpreter.newTuple([.float(try Interpreter.double(value))])
        }
        float.defineClassMethod("fromhex", self) { thread, arguments throws(EvalError) in
            try arguments.droppingFirst.expect("fromhex", 1...1)
            guard let text = arguments[1].stringValue else { throw .typeError("bad argument type for built-in operation") }
            let result: Value
            do throws(NumberError) { result = .float(try FloatMath.fromHex(text)) } catch { throw error.evalError }
            if arguments[0].isIdentical(to: thread.interpreter.types.float.value) { return result }
            return try thread.call(arguments[0], [result])
        }
        float.defineClassMethod("__getformat__", self) { thread, arguments throws(EvalError) in
            try arguments.droppingFirst.expect("__getformat__", 1...1)
            guard let text = arguments[1].stringValue else {
                throw .typeError("__getformat__() argument must be str, not \(thread.typeOf(arguments[1]).name)")
            }
            guard text == "double" || text == "float" else {
                throw .valueError("__getformat__() argument 1 must be 'double' or 'float'")
            }
            return thread.interpreter.newString("IEEE, little-endian")
        }
        float.defineAttribute("real", self, get: { _, value throws(EvalError) in .float(try Interpreter.double(value)) })
        float.defineAttribute("imag", self, get: { _, _ throws(EvalError) in .float(0) })
    }

    /// The value of a float (or float subclass instance) receiver.
    static func double(_ value: Value) throws(EvalError) -> Double {
        guard let number = Arithmetic.floatValue(value) else { throw .typeError("a float was expected") }
        return number
    }

    /// float `**` takes no modulus (CPython's message names pow()).
    static func rejectFloatModulus(_ arguments: Arguments) throws(EvalError) {
        if arguments.positionalCount > 1, !arguments[1].isNone {
            throw .typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
    }
}

extension ThreadState {
    /// `float(x)`: the exact float.
    func makeFloat(_ value: Value) throws(EvalError) -> Value {
        if case .float = value { return value }
        let type = typeOf(value)
        if type === interpreter.types.str, let text = value.strObject {
            do throws(NumberError) { return .float(try FloatMath.parse(text.codePoints)) } catch { throw error.evalError }
        }
        if let slot = type.slots.float {
            let result = try slot(self, value)
            if case .float = result { return result }
            defer { result.release() }
            guard let number = Arithmetic.floatValue(result) else {
                throw .typeError("\(type.name).__float__ returned non-float (type \(typeOf(result).name))")
            }
            if typeOf(result) !== interpreter.types.float {
                try warn("DeprecationWarning", "\(type.name).__float__ returned non-float (type \(typeOf(result).name)).  The ability "
                         + "to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.")
            }
            return .float(number)
        }
        if type.slots.index != nil {
            let integer = try index(value)
            defer { integer.release() }
            let number = Arithmetic.pyInteger(integer)!
            return .float(try Arithmetic.checked { () throws(NumberError) in try number.toDouble() })
        }
        // A str subclass parses too, unless it defines __float__ (above).
        if let text = value.strObject {
            do throws(NumberError) { return .float(try FloatMath.parse(text.codePoints)) } catch { throw error.evalError }
        }
        if let data = try numberTextBuffer(value) {
            return .float(try Arithmetic.checked { () throws(NumberError) in try FloatMath.parse(bytes: data) })
        }
        throw .typeError("float() argument must be a string or a real number, not '\(type.name)'")
    }
}
