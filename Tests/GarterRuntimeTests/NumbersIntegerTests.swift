import BigInt
import XCTest
@testable import GarterRuntime

/// Python int arithmetic against CPython 3.11's results.
final class NumbersIntegerTests: XCTestCase {
    typealias C = NumbersCases

    static func unaryCase(_ fields: [Substring]) -> String {
        let a = C.integer(fields[1])
        return C.result { () throws(NumberError) -> String in
            switch fields[0] {
            case "neg":
                if case .small(let x) = a, C.encode(PyInteger.negate(x)) != C.encode(-a) { return "word negate differs" }
                return C.encode(-a)
            case "abs":
                if case .small(let x) = a, C.encode(PyInteger.absolute(x)) != C.encode(PyInteger.absolute(a)) {
                    return "word abs differs"
                }
                return C.encode(PyInteger.absolute(a))
            case "invert": return C.encode(~a)
            case "bit_length": return C.encode(a.bitLength)
            case "bit_count": return C.encode(a.bitCount)
            case "hash": return C.encode(NumberHash.hash(a))
            case "float": return C.encode(try a.toDouble())
            case "str": return C.encode(text: try a.toDecimalString(maxDigits: 0))
            case "bin": return C.encode(text: a.binaryString)
            case "oct": return C.encode(text: a.octalString)
            case "hex": return C.encode(text: a.hexadecimalString)
            default: return "unknown op \(fields[0])"
            }
        }
    }

    static func powModCase(_ fields: [Substring]) -> String {
        C.result { () throws(NumberError) -> String in
            C.encode(try PyInteger.power(C.integer(fields[0]), C.integer(fields[1]), modulus: C.integer(fields[2])))
        }
    }

    static func binaryCase(_ fields: [Substring]) -> String {
        let a = C.integer(fields[1])
        let b = C.integer(fields[2])
        let general = C.result { () throws(NumberError) -> String in
            switch fields[0] {
            case "add": return C.encode(a + b)
            case "sub": return C.encode(a - b)
            case "mul": return C.encode(a * b)
            case "floordiv": return C.encode(try PyInteger.floorDivide(a, b))
            case "mod": return C.encode(try PyInteger.modulo(a, b))
            case "divmod":
                let (q, r) = try PyInteger.divmod(a, b)
                return C.encode(q) + " ; " + C.encode(r)
            case "truediv": return C.encode(try PyInteger.trueDivide(a, b))
            case "and": return C.encode(a & b)
            case "or": return C.encode(a | b)
            case "xor": return C.encode(a ^ b)
            case "cmp": return C.encode(PyInteger.compare(a, b))
            case "lshift": return C.encode(try PyInteger.shiftLeft(a, b))
            case "rshift": return C.encode(try PyInteger.shiftRight(a, b))
            case "pow": return C.encode(try PyInteger.power(a, b))
            default: return "unknown op \(fields[0])"
            }
        }
        // The word-sized entry points must agree with the general ones.
        if case .small(let x) = a, case .small(let y) = b {
            let fast = C.result { () throws(NumberError) -> String in
                switch fields[0] {
                case "add": return C.encode(PyInteger.add(x, y))
                case "sub": return C.encode(PyInteger.subtract(x, y))
                case "mul": return C.encode(PyInteger.multiply(x, y))
                case "floordiv": return C.encode(try PyInteger.floorDivide(x, y))
                case "mod": return C.encode(try PyInteger.modulo(x, y))
                case "divmod":
                    let (q, r) = try PyInteger.divmod(x, y)
                    return C.encode(q) + " ; " + C.encode(r)
                case "truediv": return C.encode(try PyInteger.trueDivide(x, y))
                case "and": return C.encode(PyInteger.and(x, y))
                case "or": return C.encode(PyInteger.or(x, y))
                case "xor": return C.encode(PyInteger.xor(x, y))
                case "lshift": return C.encode(try PyInteger.shiftLeft(x, y))
                case "rshift": return C.encode(try PyInteger.shiftRight(x, y))
                case "pow": return C.encode(try PyInteger.power(x, y))
                default: return general
                }
            }
            if fast != general { return "word path gave \(fast), general path \(general)" }
        }
        return general
    }

    func testBinaryOperationsMatchCPython() {
        C.check(NumbersGeneratedCases.intBinary, Self.binaryCase)
    }

    func testModularPowerMatchesCPython() {
        C.check(NumbersGeneratedCases.intPowMod, Self.powModCase)
    }

    func testUnaryOperationsMatchCPython() {
        C.check(NumbersGeneratedCases.intUnary, Self.unaryCase)
    }

    func testRoundWithNegativeDigitsMatchesCPython() {
        C.check(NumbersGeneratedCases.intRound) { fields in
            C.encode(C.integer(fields[0]).rounded(digits: C.integer(fields[1])))
        }
        // CPython would compute 10**(2**70) here; the answer is 0.
        XCTAssertEqual(PyInteger(12345).rounded(digits: PyInteger(BigInt(-1) << 70)), 0)
        XCTAssertEqual(PyInteger(BigInt(10).power(50)).rounded(digits: -60), 0)
        XCTAssertEqual(PyInteger(BigInt(10).power(50)).rounded(digits: -50), PyInteger(BigInt(10).power(50)))
    }

    func testBytesConversionsMatchCPython() {
        C.check(NumbersGeneratedCases.intBytes) { fields in
            let little = fields[3] == "1"
            let signed = fields[4] == "1"
            if fields[0] == "to" {
                return C.result { () throws(NumberError) -> String in
                    let bytes = try C.integer(fields[1]).toBytes(length: Int(fields[2])!, littleEndian: little, signed: signed)
                    return "y:" + bytes.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined()
                }
            }
            var bytes: [UInt8] = []
            var hex = fields[1][...]
            while !hex.isEmpty {
                bytes.append(UInt8(hex.prefix(2), radix: 16)!)
                hex = hex.dropFirst(2)
            }
            return C.encode(PyInteger.fromBytes(bytes, littleEndian: little, signed: signed))
        }
        XCTAssertEqual(NumberError.memoryError,
                       Result { () throws(NumberError) in try PyInteger(1).toBytes(length: 1 << 60, littleEndian: true, signed: false) }
                           .failureValue)
    }

    func testNormalisation() {
        XCTAssertEqual(PyInteger(BigInt(Int.max)), .small(.max))
        XCTAssertEqual(PyInteger(BigInt(Int.min)), .small(.min))
        XCTAssertEqual(PyInteger(BigInt(Int.max) + 1), .big(BigInt(Int.max) + 1))
        XCTAssertEqual(PyInteger(BigInt(Int.min) - 1), .big(BigInt(Int.min) - 1))
        XCTAssertEqual(PyInteger(-(BigInt(Int.min))), .big(-BigInt(Int.min)))
        XCTAssertEqual(PyInteger(BigInt(0)), .small(0))
        XCTAssertEqual(PyInteger.add(.max, 1), .big(BigInt(Int.max) + 1))
        XCTAssertEqual(PyInteger.subtract(PyInteger(BigInt(Int.max) + 1), 1), .small(.max))
        XCTAssertEqual(PyInteger.multiply(PyInteger(BigInt(1) << 64), 0), .small(0))
        XCTAssertEqual(PyInteger.negate(.min), .big(-BigInt(Int.min)))
        XCTAssertEqual(PyInteger.negate(PyInteger.negate(.min)), .small(.min))
        XCTAssertEqual(try PyInteger.floorDivide(.min, -1), .big(-BigInt(Int.min)))
        XCTAssertEqual(try PyInteger.modulo(.min, -1), .small(0))
        XCTAssertEqual(try PyInteger.power(-2, 63), .integer(.small(.min)))
        XCTAssertEqual(try PyInteger.power(2, 63), .integer(.big(BigInt(1) << 63)))
        XCTAssertEqual(try PyInteger.shiftLeft(-1, 63), .small(.min))
        XCTAssertEqual(try PyInteger.shiftLeft(1, 63), .big(BigInt(1) << 63))
    }

    func testGreatestCommonDivisor() {
        XCTAssertEqual(PyInteger.gcd(0, 0), 0)
        XCTAssertEqual(PyInteger.gcd(0, -5), 5)
        XCTAssertEqual(PyInteger.gcd(-12, 18), 6)
        XCTAssertEqual(PyInteger.gcd(.small(.min), 0), .big(BigInt(1) << 63))
        XCTAssertEqual(PyInteger.gcd(.small(.min), .small(.min)), .big(BigInt(1) << 63))
        XCTAssertEqual(PyInteger.gcd(.small(.min), 6), 2)
        XCTAssertEqual(PyInteger.gcd(PyInteger(BigInt(3).power(100)), PyInteger(BigInt(6).power(40))),
                       PyInteger(BigInt(3).power(40)))
        XCTAssertEqual(PyInteger.gcd(1_000_000_007 * 998_244_353, 998_244_353 * 7), 998_244_353)
    }

    func testSizeLimitsRaiseMemoryError() {
        XCTAssertEqual(Result { () throws(NumberError) in try PyInteger.shiftLeft(1, 1 << 40) }.failureValue, .memoryError)
        XCTAssertEqual(Result { () throws(NumberError) in try PyInteger.power(2, 1 << 40) }.failureValue, .memoryError)
        XCTAssertEqual(Result { () throws(NumberError) in try PyInteger.power(2, PyInteger(BigInt(1) << 70)) }.failureValue,
                       .memoryError)
        XCTAssertEqual(try PyInteger.shiftLeft(0, PyInteger(BigInt(1) << 70)), 0)
        XCTAssertEqual(try PyInteger.power(-1, PyInteger((BigInt(1) << 70) + 1)), .integer(-1))
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
