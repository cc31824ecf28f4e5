import BigInt
import GarterCompiler

/// Python's numeric arithmetic on values: the inline fast paths the
/// evaluation loop calls, and the operations of `int`, `float` and
/// `complex` (operands may be instances of their subclasses), which the
/// number types' slots call. The semantics live in `Numbers/`.
enum Arithmetic {
    /// The inline path for two word-sized ints (`+ - *`, `//` and `%` by a
    /// positive divisor, bitwise operations and shifts): nil when the result
    /// does not fit a word or the operation needs more than this (an error
    /// to raise, a float result), so the caller takes `binary`.
    /// Switches on raw argument values: converting to `BinaryOperation`
    /// first would cost a call per instruction.
    @inline(__always)
    static func smallIntegers(_ operation: Int, _ a: Int, _ b: Int) -> Int? {
        switch UInt32(truncatingIfNeeded: operation) {
        case BinaryOperation.add.rawValue, BinaryOperation.inPlaceAdd.rawValue:
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : sum
        case BinaryOperation.subtract.rawValue, BinaryOperation.inPlaceSubtract.rawValue:
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? nil : difference
        case BinaryOperation.multiply.rawValue, BinaryOperation.inPlaceMultiply.rawValue:
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : product
        default:
            return otherSmallIntegers(operation, a, b)
        }
    }

    /// The rest of `smallIntegers`, out of line so that the inlined part
    /// (`+ - *`) stays as small as the evaluation loop needs it.
    @inline(never)
    static func otherSmallIntegers(_ operation: Int, _ a: Int, _ b: Int) -> Int? {
        switch UInt32(truncatingIfNeeded: operation) {
        case BinaryOperation.floorDivide.rawValue, BinaryOperation.inPlaceFloorDivide.rawValue:
            // A positive divisor cannot overflow; floor rounds a negative
            // inexact quotient down. Other divisors take the slow path.
            guard b > 0 else { return nil }
            let quotient = a / b
            return a - quotient &* b < 0 ? quotient &- 1 : quotient
        case BinaryOperation.remainder.rawValue, BinaryOperation.inPlaceRemainder.rawValue:
            guard b > 0 else { return nil }
            let remainder = a % b
            return remainder < 0 ? remainder &+ b : remainder
        case BinaryOperation.and.rawValue, BinaryOperation.inPlaceAnd.rawValue: return a & b
        case BinaryOperation.or.rawValue, BinaryOperation.inPlaceOr.rawValue: return a | b
        case BinaryOperation.xor.rawValue, BinaryOperation.inPlaceXor.rawValue: return a ^ b
        case BinaryOperation.rightShift.rawValue, BinaryOperation.inPlaceRightShift.rawValue:
            // Swift's `>>` fills with the sign bit beyond the word size.
            return b >= 0 ? a >> b : nil
        case BinaryOperation.leftShift.rawValue, BinaryOperation.inPlaceLeftShift.rawValue:
            guard b >= 0 && b < Int.bitWidth else { return nil }
            let shifted = a << b
            return shifted >> b == a ? shifted : nil
        default:
            return nil
        }
    }

    /// The inline path for two floats: `+ - *`, and `/` by a nonzero
    /// divisor; nil sends the rest to `binary`.
    @inline(__always)
    static func floats(_ operation: Int, _ a: Double, _ b: Double) -> Double? {
        switch UInt32(truncatingIfNeeded: operation) {
        case BinaryOperation.add.rawValue, BinaryOperation.inPlaceAdd.rawValue: return a + b
        case BinaryOperation.subtract.rawValue, BinaryOperation.inPlaceSubtract.rawValue: return a - b
        case BinaryOperation.multiply.rawValue, BinaryOperation.inPlaceMultiply.rawValue: return a * b
        default: return otherFloats(operation, a, b)
        }
    }

    /// `/` by a nonzero divisor, out of line like `otherSmallIntegers`.
    @inline(never)
    static func otherFloats(_ operation: Int, _ a: Double, _ b: Double) -> Double? {
        let raw = UInt32(truncatingIfNeeded: operation)
        guard raw == BinaryOperation.trueDivide.rawValue || raw == BinaryOperation.inPlaceTrueDivide.rawValue, b != 0 else {
            return nil
        }
        return a / b
    }

    /// `compareOp` on two word-sized ints, switching on the raw argument.
    @inline(__always)
    static func compareIntegers(_ operation: Int, _ a: Int, _ b: Int) -> Bool {
        switch UInt32(truncatingIfNeeded: operation) {
        case ComparisonOperation.less.rawValue: return a < b
        case ComparisonOperation.lessOrEqual.rawValue: return a <= b
        case ComparisonOperation.equal.rawValue: return a == b
        case ComparisonOperation.notEqual.rawValue: return a != b
        case ComparisonOperation.greater.rawValue: return a > b
        default: return a >= b
        }
    }

    /// `int` arithmetic: both operands ints (or bools); nil when one is not
    /// (the caller answers NotImplemented). `base` is the operation without
    /// its in-place bit.
    static func integers(_ base: BinaryOperation, _ left: Value, _ right: Value,
                         interpreter: Interpreter) throws(EvalError) -> Value? {
        if case .int(let x) = left, case .int(let y) = right {
            return try words(base, x, y, interpreter: interpreter)
        }
        guard let a = pyInteger(left), let b = pyInteger(right) else { return nil }
        do throws(NumberError) {
            switch base {
            case .add: return value(PyInteger.add(a, b), interpreter)
            case .subtract: return value(PyInteger.subtract(a, b), interpreter)
            case .multiply: return value(PyInteger.multiply(a, b), interpreter)
            case .trueDivide: return .float(try PyInteger.trueDivide(a, b))
            case .floorDivide: return value(try PyInteger.floorDivide(a, b), interpreter)
            case .remainder: return value(try PyInteger.modulo(a, b), interpreter)
            case .power:
                switch try PyInteger.power(a, b) {
                case .integer(let result): return value(result, interpreter)
                case .float(let result): return .float(result)
                }
            case .leftShift: return value(try PyInteger.shiftLeft(a, b), interpreter)
            case .rightShift: return value(try PyInteger.shiftRight(a, b), interpreter)
            case .and: return value(PyInteger.and(a, b), interpreter)
            case .or: return value(PyInteger.or(a, b), interpreter)
            case .xor: return value(PyInteger.xor(a, b), interpreter)
            default: return nil
            }
        } catch {
            throw .pythonException(error.pythonType, error.message)
        }
    }

    /// `int` arithmetic on two words, without going through `PyInteger`
    /// unless the result needs it.
    static func words(_ base: BinaryOperation, _ a: Int, _ b: Int, interpreter: Interpreter) throws(EvalError) -> Value? {
        do throws(NumberError) {
            switch base {
            case .add: return value(PyInteger.add(a, b), interpreter)
            case .subtract: return value(PyInteger.subtract(a, b), interpreter)
            case .multiply: return value(PyInteger.multiply(a, b), interpreter)
            case .trueDivide: return .float(try PyInteger.trueDivide(a, b))
            case .floorDivide: return value(try PyInteger.floorDivide(a, b), interpreter)
            case .remainder: return value(try PyInteger.modulo(a, b), interpreter)
            case .power:
                switch try PyInteger.power(a, b) {
                case .integer(let result): return value(result, interpreter)
                case .float(let result): return .float(result)
                }
            case .leftShift: return value(try PyInteger.shiftLeft(a, b), interpreter)
            case .rightShift: return value(try PyInteger.shiftRight(a, b), interpreter)
            case .and: return .int(a & b)
            case .or: return .int(a | b)
            case .xor: return .int(a ^ b)
            default: return nil
            }
        } catch {
            throw error.evalError
        }
    }

    /// `float` arithmetic: floats and ints mixed (either may be an
    /// instance of a subclass); nil when an operand is neither, or for an
    /// operation float does not have. A negative base to a fractional
    /// power gives a complex result, as in CPython.
    static func floats(_ base: BinaryOperation, _ left: Value, _ right: Value,
                       interpreter: Interpreter) throws(EvalError) -> Value? {
        do throws(NumberError) {
            guard let a = try double(left), let b = try double(right) else { return nil }
            switch base {
            case .add: return .float(a + b)
            case .subtract: return .float(a - b)
            case .multiply: return .float(a * b)
            case .trueDivide: return .float(try FloatMath.trueDivide(a, b))
            case .floorDivide: return .float(try FloatMath.floorDivide(a, b))
            case .remainder: return .float(try FloatMath.modulo(a, b))
            case .power:
                switch try FloatMath.power(a, b) {
                case .float(let result): return .float(result)
                case .complex:
                    // A negative base to a fractional power: complex `**`.
                    return interpreter.newComplex(try ComplexNumber.power(ComplexNumber(real: a, imag: 0),
                                                                          ComplexNumber(real: b, imag: 0)))
                }
            default: return nil
            }
        } catch {
            throw .pythonException(error.pythonType, error.message)
        }
    }

    /// `complex` arithmetic: complex numbers mixed with floats and ints;
    /// nil when an operand is none of them.
    static func complexes(_ base: BinaryOperation, _ left: Value, _ right: Value) throws(EvalError) -> ComplexNumber? {
        do throws(NumberError) {
            guard let a = try complexNumber(left), let b = try complexNumber(right) else { return nil }
            switch base {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .trueDivide: return try ComplexNumber.divide(a, b)
            case .power: return try ComplexNumber.power(a, b)
            default: return nil
            }
        } catch {
            throw .pythonException(error.pythonType, error.message)
        }
    }

    /// An int or bool (or an instance of a subclass of int) as a `PyInteger`.
    /// The number an int (or bool) `Value` holds; 0 for anything else.
    static func bigInteger(_ value: Value) -> BigInt { pyInteger(value)?.bigValue ?? 0 }

    static func pyInteger(_ value: Value) -> PyInteger? {
        switch value {
        case .int(let number): return .small(number)
        case .bool(let flag): return .small(flag ? 1 : 0)
        case .object(let reference): return reference.with { ($0 as? PyLong).map { PyInteger($0.value) } }
        default: return nil
        }
    }

    /// A float (or an instance of a subclass of float); not ints.
    @inline(__always)
    static func floatValue(_ value: Value) -> Double? {
        switch value {
        case .float(let number): return number
        case .object(let reference): return reference.with { ($0 as? PyFloat)?.value }
        default: return nil
        }
    }

    /// A complex number (or an instance of a subclass of complex); not
    /// floats or ints.
    static func complexValue(_ value: Value) -> ComplexNumber? {
        guard case .object(let reference) = value else { return nil }
        return reference.with { ($0 as? PyComplex)?.number }
    }

    /// Whether the value is an int, float or complex (or a subclass instance).
    static func isNumber(_ value: Value) -> Bool {
        pyInteger(value) != nil || floatValue(value) != nil || complexValue(value) != nil
    }

    /// A number as a float operand: ints convert (OverflowError when too large).
    static func double(_ value: Value) throws(NumberError) -> Double? {
        if let number = floatValue(value) { return number }
        return try pyInteger(value)?.toDouble()
    }

    /// A number as a complex operand: floats and ints have no imaginary part.
    static func complexNumber(_ value: Value) throws(NumberError) -> ComplexNumber? {
        if let number = complexValue(value) { return number }
        return try double(value).map { ComplexNumber(real: $0, imag: 0) }
    }

    static func value(_ integer: PyInteger, _ interpreter: Interpreter) -> Value {
        switch integer {
        case .small(let number): return .int(number)
        case .big(let number): return .object(ObjectRef.allocate(PyLong(number, type: interpreter.types.int)))
        }
    }

    @inline(__always)
    static func compare<T: Comparable>(_ operation: ComparisonOperation, _ a: T, _ b: T) -> Bool {
        switch operation {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .equal: return a == b
        case .notEqual: return a != b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// The value as an arbitrary-precision integer, if it is an int or bool.
    static func integer(_ value: Value) -> BigInt? {
        switch value {
        case .int(let number): return BigInt(number)
        case .bool(let flag): return flag ? 1 : 0
        case .object(let reference): return reference.with { ($0 as? PyLong)?.value }
        default: return nil
        }
    }

    static func float(_ value: Value) -> Double? {
        switch value {
        case .float(let number): return number
        case .object: return floatValue(value)
        case .int(let number): return Double(number)
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }
}


extension NumberError {
    /// The Python exception this error stands for.
    var evalError: EvalError { .pythonException(pythonType, message) }
}

extension Arithmetic {
    /// Runs a numeric operation, raising its `NumberError` as the Python
    /// exception.
    @inline(__always)
    static func checked<T>(_ body: () throws(NumberError) -> T) throws(EvalError) -> T {
        do { return try body() } catch { throw error.evalError }
    }
}
