import BigInt
import XCTest
@testable import GarterRuntime

/// Python float semantics against CPython 3.11's results.
final class NumbersFloatTests: XCTestCase {
    typealias C = NumbersCases

    static func parseCase(_ fields: [Substring]) -> String {
        C.result { () throws(NumberError) -> String in C.encode(try FloatMath.parse(C.codePoints(fields[0]))) }
    }

    static func roundCase(_ fields: [Substring]) -> String {
        C.result { () throws(NumberError) -> String in
            C.encode(try FloatMath.round(C.double(fields[0]), digits: C.integer(fields[1]).clampedToInt))
        }
    }

    static func binaryCase(_ fields: [Substring]) -> String {
        let a = C.double(fields[1])
        let b = C.double(fields[2])
        return C.result { () throws(NumberError) -> String in
            switch fields[0] {
            case "truediv": return C.encode(try FloatMath.trueDivide(a, b))
            case "floordiv": return C.encode(try FloatMath.floorDivide(a, b))
            case "mod": return C.encode(try FloatMath.modulo(a, b))
            case "divmod":
                let (q, r) = try FloatMath.divmod(a, b)
                return C.encode(q) + " ; " + C.encode(r)
            case "pow": return C.encode(try FloatMath.power(a, b))
            default: return "unknown op \(fields[0])"
            }
        }
    }

    func testBinaryOperationsMatchCPython() {
        C.check(NumbersGeneratedCases.floatBinary, Self.binaryCase)
    }

    func testUnaryOperationsMatchCPython() {
        C.check(NumbersGeneratedCases.floatUnary) { fields in
            let x = C.double(fields[1])
            return C.result { () throws(NumberError) -> String in
                switch fields[0] {
                case "round": return C.encode(try FloatMath.round(x))
                case "int": return C.encode(try FloatConversion.integer(x))
                case "ratio":
                    let (n, d) = try FloatConversion.integerRatio(x)
                    return C.encode(n) + " ; " + C.encode(d)
                case "is_integer": return C.encode(FloatConversion.isInteger(x))
                case "hex": return C.encode(text: FloatMath.hex(x))
                case "hash": return C.encode(x.isNaN ? 0 : NumberHash.hash(x))
                case "repr": return C.encode(text: FloatText.repr(x))
                default: return "unknown op \(fields[0])"
                }
            }
        }
    }

    func testRoundWithDigitsMatchesCPython() {
        C.check(NumbersGeneratedCases.floatRound, Self.roundCase)
    }

    func testParsingMatchesCPython() {
        C.check(NumbersGeneratedCases.floatParse, Self.parseCase)
    }

    func testFromHexMatchesCPython() {
        C.check(NumbersGeneratedCases.floatFromHex) { fields in
            C.result { () throws(NumberError) -> String in
                C.encode(try FloatMath.fromHex(String(String.UnicodeScalarView(C.codePoints(fields[0]).map { Unicode.Scalar($0)! }))))
            }
        }
    }

    func testComparisonWithIntsIsExact() {
        C.check(NumbersGeneratedCases.mixedCompare) { fields in
            let a = C.integer(fields[0])
            let b = C.double(fields[1])
            guard let order = FloatMath.compare(a, b) else { return "nan" }
            if FloatMath.compare(b, a) != -order { return "asymmetric" }
            return String(order)
        }
    }

    func testHashAgreesAcrossTypes() {
        XCTAssertEqual(NumberHash.hash(1.0), NumberHash.hash(PyInteger(1)))
        XCTAssertEqual(NumberHash.hash(-1.0), -2)
        XCTAssertEqual(NumberHash.hash(0.5), 1 << 60)
        XCTAssertEqual(NumberHash.hash(Double.infinity), 314159)
        XCTAssertEqual(NumberHash.hash(-Double.infinity), -314159)
        XCTAssertEqual(NumberHash.hash(Double.nan, identityHash: 1234), 1234)
        XCTAssertEqual(NumberHash.hash(-0.0), 0)
    }

    func testBoundaryConversions() {
        XCTAssertEqual(try FloatConversion.integer(-9.223372036854775808e18), .small(.min))
        XCTAssertEqual(try FloatConversion.integer(9.223372036854775808e18), .big(BigInt(1) << 63))
        XCTAssertEqual(try FloatConversion.integer(-0.9), 0)
        XCTAssertEqual(try FloatConversion.integer(1e300), PyInteger(BigInt(exactly: 1e300)!))
        XCTAssertEqual(try PyInteger(BigInt(1) << 1023).toDouble(), 0x1p1023)
        XCTAssertEqual(Result { () throws(NumberError) in try PyInteger(BigInt(1) << 1024).toDouble() }.failureValue,
                       .overflowError("int too large to convert to float"))
    }
}
