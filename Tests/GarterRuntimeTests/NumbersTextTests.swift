import BigInt
import XCTest
@testable import GarterRuntime

/// int <-> str conversions against CPython 3.11's results.
final class NumbersTextTests: XCTestCase {
    typealias C = NumbersCases

    static func parseCase(_ fields: [Substring]) -> String {
        C.result { () throws(NumberError) -> String in
            C.encode(try IntegerText.parse(C.codePoints(fields[2]), base: Int(fields[0])!, maxDigits: Int(fields[1])!))
        }
    }

    func testParsingMatchesCPython() {
        C.check(NumbersGeneratedCases.intParse, Self.parseCase)
    }

    func testDigitLimitMatchesCPython() {
        C.check(NumbersGeneratedCases.intStrLimit.split(separator: "\n").map { $0 + "\tok" }.joined(separator: "\n")) { fields in
            let value = C.integer(fields[0])
            let limit = Int(fields[1])!
            let text = C.result { () throws(NumberError) -> String in C.encode(text: try value.toDecimalString(maxDigits: limit)) }
            let grouped = C.result { () throws(NumberError) -> String in
                C.encode(text: try NumberFormat.format(value, spec: ",d", maxDigits: limit))
            }
            let hex = C.result { () throws(NumberError) -> String in
                C.encode(text: try NumberFormat.format(value, spec: "x", maxDigits: limit))
            }
            let actual = [text, grouped, hex]
            let expected = fields[2...].map(String.init)
            for (index, name) in ["str", "format ,d", "format x"].enumerated() where actual[index] != expected[index] {
                return "\(name) differs: \(actual[index].prefix(80))... expected \(expected[index].prefix(80))..."
            }
            return "ok"
        }
    }

    func testBytesParsing() {
        XCTAssertEqual(try IntegerText.parse(bytes: Array(" -12_3 ".utf8), base: 10, maxDigits: 4300), -123)
        XCTAssertEqual(Result { () throws(NumberError) in try IntegerText.parse(bytes: Array("1x".utf8), base: 10, maxDigits: 4300) }.failureValue,
                       .valueError("invalid literal for int() with base 10: b'1x'"))
        XCTAssertEqual(try FloatMath.parse(bytes: Array(" 1.5 ".utf8)), 1.5)
        XCTAssertEqual(Result { () throws(NumberError) in try FloatMath.parse(bytes: Array("x".utf8)) }.failureValue,
                       .valueError("could not convert string to float: b'x'"))
    }

    func testRoundTripOfLargeValues() throws {
        var value = BigInt(1)
        for step in 1...300 {
            value = value * 7919 + BigInt(step)
            let text = value.description
            XCTAssertEqual(try PyInteger(value).toDecimalString(maxDigits: 0), text)
            XCTAssertEqual(try PyInteger(-value).toDecimalString(maxDigits: 0), "-" + text)
            XCTAssertEqual(try IntegerText.parse(text, base: 10, maxDigits: 0), PyInteger(value))
            XCTAssertEqual(try IntegerText.parse(String(value, radix: 16), base: 16, maxDigits: 0), PyInteger(value))
            XCTAssertEqual(try IntegerText.parse(String(value, radix: 7), base: 7, maxDigits: 0), PyInteger(value))
            XCTAssertEqual(try IntegerText.parse("0o" + String(value, radix: 8), base: 0, maxDigits: 0), PyInteger(value))
        }
    }
}
