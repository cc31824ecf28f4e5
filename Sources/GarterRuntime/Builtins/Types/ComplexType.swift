import GarterCompiler

// `complex`: `PyComplex` objects (also for subclass instances). Operands
// are read through `Arithmetic.complexNumber`, so ints and floats mix in.

extension Interpreter {
    func installComplexType() {
        let complex = types.complex
        var slots = TypeSlots()
        let operations: [BinaryOperation] = [.add, .subtract, .multiply, .trueDivide, .power]
        for operation in operations {
            slots.binary[Int(operation.rawValue)] = { thread, left, right throws(EvalError) in
                guard let result = try Arithmetic.complexes(operation, left, right) else { return thread.notImplemented() }
                return thread.interpreter.newComplex(result)
            }
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let a = Arithmetic.complexValue(left) else {
                return thread.notImplemented()
            }
            let equal: Bool
            if let b = Arithmetic.complexValue(right) {
                equal = a.real == b.real && a.imag == b.imag
            } else if let b = Arithmetic.floatValue(right) {
                equal = a.real == b && a.imag == 0
            } else if Arithmetic.pyInteger(right) != nil {
                // Exact, through float's comparison with ints.
                guard a.imag == 0 else { return .bool(operation == .notEqual) }
                return try thread.compare(.float(a.real), right, operation)
            } else {
                return thread.notImplemented()
            }
            return .bool(equal == (operation == .equal))
        }
        slots.hash = { _, value throws(EvalError) in
            try Interpreter.complexNumber(value).hash(identityHash: value.objectReference.map { $0.address >> 4 } ?? 0)
        }
        slots.repr = { thread, value throws(EvalError) in thread.interpreter.newString(ComplexText.repr(try Interpreter.complexNumber(value))) }
        slots.bool = { _, value throws(EvalError) in
            let z = try Interpreter.complexNumber(value)
            return z.real != 0 || z.imag != 0
        }
        slots.negative = { thread, value throws(EvalError) in thread.interpreter.newComplex(-(try Interpreter.complexNumber(value))) }
        slots.positive = { thread, value throws(EvalError) in try thread.interpreter.exactComplex(value) }
        slots.absolute = { _, value throws(EvalError) in
            let z = try Interpreter.complexNumber(value)
            return .float(try Arithmetic.checked { () throws(NumberError) in try z.absolute })
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            let bound = try Interpreter.complexArguments(arguments)
            if let real = bound[0], bound[1] == nil, type === thread.interpreter.types.complex,
               case .object(let reference) = real, reference.with({ $0.typePointer }) == type.pointer {
                real.retain()
                return real
            }
            let z = try thread.makeComplex(bound[0], bound[1])
            return .object(ObjectRef.allocate(PyComplex(real: z.real, imag: z.imag, type: type)))
        }
        complex.define("__pow__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__pow__", 1...2)
            return try thread.complexPower(value, arguments[0], arguments)
        }
        complex.define("__rpow__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__rpow__", 1...2)
            return try thread.complexPower(arguments[0], value, arguments)
        }
        complex.installSlots(slots, self)
        complex.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard let spec = arguments[0].strObject else {
                throw .typeError("__format__() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            if spec.codePoints.isEmpty { return try thread.str(value) }
            let z = try Interpreter.complexNumber(value)
            return thread.interpreter.newString(codePoints: try Arithmetic.checked { () throws(NumberError) in
                try NumberFormat.format(z, spec: spec.codePoints)
            })
        }
        complex.define("conjugate", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("conjugate", 0...0)
            let z = try Interpreter.complexNumber(value)
            return thread.interpreter.newComplex(ComplexNumber(real: z.real, imag: -z.imag))
        }
        complex.define("__complex__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__complex__", 0...0)
            return try thread.interpreter.exactComplex(value)
        }
        complex.define("__getnewargs__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__getnewargs__", 0...0)
            let z = try Interpreter.complexNumber(value)
            return thread.interpreter.newTuple([.float(z.real), .float(z.imag)])
        }
        complex.defineAttribute("real", self, get: { _, value throws(EvalError) in .float(try Interpreter.complexNumber(value).real) })
        complex.defineAttribute("imag", self, get: { _, value throws(EvalError) in .float(try Interpreter.complexNumber(value).imag) })
    }

    /// `complex(real=0, imag=0)`'s arguments, with CPython's messages.
    static func complexArguments(_ arguments: Arguments) throws(EvalError) -> [Value?] {
        if arguments.totalCount > 2 {
            throw .typeError("complex() takes at most 2 arguments (\(arguments.totalCount) given)")
        }
        var bound: [Value?] = [nil, nil]
        for index in 0..<arguments.positionalCount { bound[index] = arguments[index] }
        for index in 0..<arguments.keywordCount {
            let name = arguments.keywordName(index)
            guard let position = ["real", "imag"].firstIndex(of: name) else {
                throw .typeError("'\(name)' is an invalid keyword argument for complex()")
            }
            if bound[position] != nil {
                throw .typeError("argument for complex() given by name ('\(name)') and position (\(position + 1))")
            }
            bound[position] = arguments.keywordValue(index)
        }
        return bound
    }

    /// A new exact `complex`.
    func newComplex(_ z: ComplexNumber) -> Value {
        .object(ObjectRef.allocate(PyComplex(real: z.real, imag: z.imag, type: types.complex)))
    }

    /// The exact `complex` with the value of a complex (subclass) instance.
    func exactComplex(_ value: Value) throws(EvalError) -> Value {
        if case .object(let reference) = value, reference.with({ $0.typePointer }) == types.complex.pointer {
            value.retain()
            return value
        }
        return newComplex(try Interpreter.complexNumber(value))
    }

    /// The value of a complex (or complex subclass instance) receiver.
    static func complexNumber(_ value: Value) throws(EvalError) -> ComplexNumber {
        guard let number = Arithmetic.complexValue(value) else { throw .typeError("a complex number was expected") }
        return number
    }
}

extension ThreadState {
    /// `complex ** x` (`pow` with a modulus raises ValueError).
    func complexPower(_ base: Value, _ exponent: Value, _ arguments: Arguments) throws(EvalError) -> Value {
        if arguments.positionalCount > 1, !arguments[1].isNone { throw .valueError("complex modulo") }
        guard let result = try Arithmetic.complexes(.power, base, exponent) else { return notImplemented() }
        return interpreter.newComplex(result)
    }

    /// `complex(real, imag)` as CPython 3.11's `complex_new_impl`: text,
    /// `__complex__`, and numbers (either part may itself be complex).
    func makeComplex(_ real: Value?, _ imag: Value?) throws(EvalError) -> ComplexNumber {
        guard let real else {
            guard let imag else { return ComplexNumber(real: 0, imag: 0) }
            return try makeComplex(.int(0), imag)
        }
        if let text = real.strObject {
            if imag != nil { throw .typeError("complex() can't take second arg if first is a string") }
            do throws(NumberError) { return try ComplexText.parse(text.codePoints) } catch { throw error.evalError }
        }
        if let imag, imag.strObject != nil { throw .typeError("complex() second arg can't be a string") }
        var realPart: ComplexNumber
        var realIsComplex = false
        if let converted = try callSpecial(real, interpreter.internedString("__complex__"), []) {
            defer { converted.release() }
            guard let z = Arithmetic.complexValue(converted) else {
                throw .typeError("__complex__ returned non-complex (type \(typeOf(converted).name))")
            }
            realPart = z
            realIsComplex = true
        } else if let z = Arithmetic.complexValue(real) {
            realPart = z
            realIsComplex = true
        } else {
            let type = typeOf(real)
            guard type.slots.float != nil || type.slots.index != nil else {
                throw .typeError("complex() first argument must be a string or a number, not '\(type.name)'")
            }
            realPart = ComplexNumber(real: try floatOperand(real), imag: 0)
        }
        var imagPart = ComplexNumber(real: 0, imag: 0)
        if let imag {
            if let z = Arithmetic.complexValue(imag) {
                imagPart = z
                // (a + bj) + (c + dj)·j = (a - d) + (b + c)j
                realPart.real -= z.imag
            } else {
                let type = typeOf(imag)
                guard type.slots.float != nil || type.slots.index != nil else {
                    throw .typeError("complex() second argument must be a number, not '\(type.name)'")
                }
                imagPart.real = try floatOperand(imag)
            }
            if realIsComplex { imagPart.real += realPart.imag }
        } else {
            imagPart.real = realPart.imag
        }
        return ComplexNumber(real: realPart.real, imag: imagPart.real)
    }

    /// `float(value)` as a Swift double.
    private func floatOperand(_ value: Value) throws(EvalError) -> Double {
        let result = try makeFloat(value)
        defer { result.release() }
        return Arithmetic.floatValue(result)!
    }
}
