import BigInt
import GarterSyntax
import Glibc

/// A constant value while folding: the Python objects CPython 3.11's AST
/// optimizer can produce (numbers, strings, bytes, tuples, frozensets).
indirect enum FoldValue {
    case none, ellipsis
    case bool(Bool)
    case int(BigInt)
    case float(Double)
    case complex(Double, Double)
    case str([UInt32])
    case bytes([UInt8])
    case tuple([FoldValue])
    case frozenset([FoldValue])

    init?(_ constant: CodeConstant) {
        switch constant {
        case .literal(let literal): self.init(literal)
        case .complex(let real, let imag): self = .complex(real, imag)
        case .tuple(let items):
            var values: [FoldValue] = []
            for item in items {
                guard let value = FoldValue(item) else { return nil }
                values.append(value)
            }
            self = .tuple(values)
        case .frozenset(let items):
            var values: [FoldValue] = []
            for item in items {
                guard let value = FoldValue(item) else { return nil }
                values.append(value)
            }
            self = .frozenset(values)
        case .code: return nil
        }
    }

    init(_ literal: Constant) {
        switch literal {
        case .none: self = .none
        case .ellipsis: self = .ellipsis
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(BigInt(number))
        case .bigInt(let number): self = .int(number)
        case .float(let number): self = .float(number)
        case .imaginary(let imag): self = .complex(0, imag)
        case .str(let text): self = .str(text.codePoints)
        case .bytes(let bytes): self = .bytes(bytes)
        }
    }

    var codeConstant: CodeConstant {
        switch self {
        case .none: return .literal(.none)
        case .ellipsis: return .literal(.ellipsis)
        case .bool(let flag): return .literal(.bool(flag))
        case .int(let number):
            if let small = Int(exactly: number) { return .literal(.int(small)) }
            return .literal(.bigInt(number))
        case .float(let number): return .literal(.float(number))
        case .complex(let real, let imag):
            if real == 0 && real.sign == .plus { return .literal(.imaginary(imag)) }
            return .complex(real: real, imag: imag)
        case .str(let text): return .literal(.str(PyString(codePoints: text)))
        case .bytes(let bytes): return .literal(.bytes(bytes))
        case .tuple(let items): return .tuple(items.map(\.codeConstant))
        case .frozenset(let items): return .frozenset(items.map(\.codeConstant))
        }
    }

    /// `bool(value)`.
    var isTrue: Bool {
        switch self {
        case .none: return false
        case .ellipsis: return true
        case .bool(let flag): return flag
        case .int(let number): return !number.isZero
        case .float(let number): return number != 0
        case .complex(let real, let imag): return real != 0 || imag != 0
        case .str(let text): return !text.isEmpty
        case .bytes(let bytes): return !bytes.isEmpty
        case .tuple(let items), .frozenset(let items): return !items.isEmpty
        }
    }

    /// The value as an int when it is one (bools are ints).
    var integer: BigInt? {
        switch self {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }
}

/// Python semantics on folded constants, with the size limits of CPython
/// 3.11's Python/ast_opt.c: a result that would be too big, or any operation
/// that would raise, is simply not folded (nil).
enum ConstantArithmetic {
    static let maximumIntBits = 128
    static let maximumCollectionSize = 256
    static let maximumStringSize = 4096
    static let maximumTotalItems = 1024

    /// The number of bits of |value| (CPython's _PyLong_NumBits).
    static func bitLength(_ value: BigInt) -> Int {
        let words = Array(value.magnitude.words)
        guard let top = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * UInt.bitWidth + (UInt.bitWidth - words[top].leadingZeroBitCount)
    }

    /// An int converted to float exactly, or nil when it might round.
    static func exactDouble(_ value: BigInt) -> Double? {
        guard bitLength(value) <= 53, let small = Int(exactly: value) else { return nil }
        return Double(small)
    }

    static func number(_ value: FoldValue) -> (Double, Double)? {
        switch value {
        case .int, .bool: return exactDouble(value.integer!).map { ($0, 0) }
        case .float(let number): return (number, 0)
        case .complex(let real, let imag): return (real, imag)
        default: return nil
        }
    }

    static func isFloatLike(_ value: FoldValue) -> Bool {
        if case .float = value { return true }
        return false
    }

    static func isComplex(_ value: FoldValue) -> Bool {
        if case .complex = value { return true }
        return false
    }

    static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        if !remainder.isZero && (remainder.sign == .minus) != (b.sign == .minus) { return quotient - 1 }
        return quotient
    }

    static func modulo(_ a: BigInt, _ b: BigInt) -> BigInt {
        let remainder = a % b
        if !remainder.isZero && (remainder.sign == .minus) != (b.sign == .minus) { return remainder + b }
        return remainder
    }

    static func floatModulo(_ a: Double, _ b: Double) -> Double {
        var mod = fmod(a, b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = copysign(0.0, b)
        }
        return mod
    }

    static func floatFloorDivide(_ a: Double, _ b: Double) -> Double {
        let mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        if div != 0 {
            var floordiv = floor(div)
            if div - floordiv > 0.5 { floordiv += 1 }
            return floordiv
        }
        return copysign(0.0, a / b)
    }

    static func bitwise(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) -> BigInt {
        switch op {
        case .bitAnd: return a & b
        case .bitOr: return a | b
        default: return a ^ b
        }
    }

    static func binary(_ op: BinaryOperator, _ left: FoldValue, _ right: FoldValue) -> FoldValue? {
        // Integers (bools included).
        if let a = left.integer, let b = right.integer {
            switch op {
            case .add: return .int(a + b)
            case .sub: return .int(a - b)
            case .mult:
                if !a.isZero && !b.isZero && bitLength(a) + bitLength(b) > maximumIntBits { return nil }
                return .int(a * b)
            case .floorDiv:
                return b.isZero ? nil : .int(floorDivide(a, b))
            case .mod:
                return b.isZero ? nil : .int(modulo(a, b))
            case .div:
                guard !b.isZero, let x = exactDouble(a), let y = exactDouble(b) else { return nil }
                return .float(x / y)
            case .pow:
                if b.sign == .minus {
                    guard !a.isZero, let x = exactDouble(a), let y = exactDouble(b) else { return nil }
                    return .float(Glibc.pow(x, y))
                }
                if !a.isZero && b.sign == .plus && !b.isZero {
                    guard let exponent = Int(exactly: b), bitLength(a) <= maximumIntBits / exponent else { return nil }
                    return .int(a.power(exponent))
                }
                return .int(b.isZero ? 1 : a.power(Int(b)))
            case .lShift:
                if b.sign == .minus { return nil }
                if !a.isZero && !b.isZero {
                    guard let shift = Int(exactly: b), shift <= maximumIntBits,
                          bitLength(a) <= maximumIntBits - shift else { return nil }
                }
                guard let shift = Int(exactly: b) else { return .int(0) }
                return .int(a << shift)
            case .rShift:
                if b.sign == .minus { return nil }
                guard let shift = Int(exactly: b) else { return .int(a.sign == .minus ? -1 : 0) }
                if a.sign == .minus { return .int(-((-a - 1) >> shift) - 1) }
                return .int(a >> shift)
            case .bitAnd, .bitOr, .bitXor:
                if case .bool(let x) = left, case .bool(let y) = right {
                    switch op {
                    case .bitAnd: return .bool(x && y)
                    case .bitOr: return .bool(x || y)
                    default: return .bool(x != y)
                    }
                }
                return .int(bitwise(op, a, b))
            case .matMult:
                return nil
            }
        }
        // Sequences.
        switch (op, left, right) {
        case (.add, .str(let a), .str(let b)): return .str(a + b)
        case (.add, .bytes(let a), .bytes(let b)): return .bytes(a + b)
        case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
        case (.mult, _, _):
            if let sequence = repeatSequence(left, right) ?? repeatSequence(right, left) { return sequence }
        default: break
        }
        // Floats and complex numbers.
        guard let (ar, ai) = number(left), let (br, bi) = number(right) else { return nil }
        if isComplex(left) || isComplex(right) {
            switch op {
            case .add: return .complex(ar + br, ai + bi)
            case .sub: return .complex(ar - br, ai - bi)
            case .mult: return .complex(ar * br - ai * bi, ar * bi + ai * br)
            case .div: return complexQuotient(ar, ai, br, bi)
            case .pow: return complexPower(ar, ai, br, bi)
            default: return nil
            }
        }
        guard isFloatLike(left) || isFloatLike(right) else { return nil }
        switch op {
        case .add: return .float(ar + br)
        case .sub: return .float(ar - br)
        case .mult: return .float(ar * br)
        case .div: return br == 0 ? nil : .float(ar / br)
        case .floorDiv: return br == 0 ? nil : .float(floatFloorDivide(ar, br))
        case .mod: return br == 0 ? nil : .float(floatModulo(ar, br))
        case .pow:
            if ar == 0 && br < 0 { return nil }
            if ar < 0 && br != br.rounded() { return nil }
            let result = Glibc.pow(ar, br)
            if result.isInfinite && ar.isFinite && br.isFinite { return nil }
            return .float(result)
        default: return nil
        }
    }

    /// Complex division as CPython's _Py_c_quot computes it (nil: division by zero).
    static func complexQuotient(_ ar: Double, _ ai: Double, _ br: Double, _ bi: Double) -> FoldValue? {
        let absReal = Swift.abs(br), absImag = Swift.abs(bi)
        if absReal >= absImag {
            if absReal == 0 { return nil }
            let ratio = bi / br
            let denominator = br + bi * ratio
            return .complex((ar + ai * ratio) / denominator, (ai - ar * ratio) / denominator)
        } else if absImag >= absReal {
            let ratio = br / bi
            let denominator = br * ratio + bi
            return .complex((ar * ratio + ai) / denominator, (ai * ratio - ar) / denominator)
        }
        return .complex(.nan, .nan)
    }

    /// `a ** b` for complex numbers as CPython's complex_pow computes it.
    static func complexPower(_ ar: Double, _ ai: Double, _ br: Double, _ bi: Double) -> FoldValue? {
        func product(_ x: (Double, Double), _ y: (Double, Double)) -> (Double, Double) {
            (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0)
        }
        var result: (Double, Double)
        if bi == 0 && br == br.rounded(.down) && Swift.abs(br) <= 100 {
            let n = Int(br)
            var r = (1.0, 0.0), p = (ar, ai)
            var mask = 1
            let m = Swift.abs(n)
            while mask > 0 && m >= mask {
                if m & mask != 0 { r = product(r, p) }
                mask <<= 1
                p = product(p, p)
            }
            if n > 0 {
                result = r
            } else {
                guard case .complex(let x, let y)? = complexQuotient(1, 0, r.0, r.1) else { return nil }
                result = (x, y)
            }
        } else if br == 0 && bi == 0 {
            result = (1, 0)
        } else if ar == 0 && ai == 0 {
            if bi != 0 || br < 0 { return nil }
            result = (0, 0)
        } else {
            let magnitude = hypot(ar, ai)
            var length = Glibc.pow(magnitude, br)
            let angle = atan2(ai, ar)
            var phase = angle * br
            if bi != 0 {
                length /= exp(angle * bi)
                phase += bi * log(magnitude)
            }
            result = (length * cos(phase), length * sin(phase))
        }
        if result.0.isInfinite || result.1.isInfinite { return nil }
        return .complex(result.0, result.1)
    }

    /// `sequence * count` within CPython's limits.
    private static func repeatSequence(_ sequence: FoldValue, _ countValue: FoldValue) -> FoldValue? {
        guard let countBig = countValue.integer else { return nil }
        switch sequence {
        case .str(let text):
            if text.isEmpty { return .str([]) }
            guard let count = Int(exactly: countBig), count >= 0, count <= maximumStringSize / text.count else { return nil }
            return .str(Array([[UInt32]](repeating: text, count: count).joined()))
        case .bytes(let bytes):
            if bytes.isEmpty { return .bytes([]) }
            guard let count = Int(exactly: countBig), count >= 0, count <= maximumStringSize / bytes.count else { return nil }
            return .bytes(Array([[UInt8]](repeating: bytes, count: count).joined()))
        case .tuple(let items):
            if items.isEmpty { return .tuple([]) }
            guard let count = Int(exactly: countBig), count >= 0, count <= maximumCollectionSize / items.count else { return nil }
            if count > 0 && complexity(sequence) > maximumTotalItems / count { return nil }
            return .tuple(Array([[FoldValue]](repeating: items, count: count).joined()))
        default:
            return nil
        }
    }

    /// How many items a constant holds, nested tuples counted (check_complexity).
    static func complexity(_ value: FoldValue) -> Int {
        switch value {
        case .tuple(let items), .frozenset(let items):
            return items.reduce(items.count) { $0 + (isCollection($1) ? complexity($1) : 0) }
        default: return 0
        }
    }

    static func isCollection(_ value: FoldValue) -> Bool {
        switch value {
        case .tuple, .frozenset: return true
        default: return false
        }
    }

    static func unary(_ op: UnaryOperator, _ value: FoldValue) -> FoldValue? {
        switch op {
        case .not: return .bool(!value.isTrue)
        case .invert:
            guard let number = value.integer else { return nil }
            return .int(-number - 1)
        case .uSub:
            if let number = value.integer { return .int(-number) }
            if case .float(let number) = value { return .float(-number) }
            if case .complex(let real, let imag) = value { return .complex(-real, -imag) }
            return nil
        case .uAdd:
            if let number = value.integer { return .int(number) }
            if case .float = value { return value }
            if case .complex = value { return value }
            return nil
        }
    }

    static func item(_ container: FoldValue, _ index: FoldValue) -> FoldValue? {
        guard let big = index.integer, var position = Int(exactly: big) else { return nil }
        switch container {
        case .str(let text):
            if position < 0 { position += text.count }
            guard position >= 0 && position < text.count else { return nil }
            return .str([text[position]])
        case .bytes(let bytes):
            if position < 0 { position += bytes.count }
            guard position >= 0 && position < bytes.count else { return nil }
            return .int(BigInt(bytes[position]))
        case .tuple(let items):
            if position < 0 { position += items.count }
            guard position >= 0 && position < items.count else { return nil }
            return items[position]
        default:
            return nil
        }
    }
}
