import BigInt
import XCTest
@testable import GarterRuntime

/// `format(x, spec)` for int and float against CPython 3.11's results.
final class NumbersFormatTests: XCTestCase {
    typealias C = NumbersCases

    static func floatCase(_ fields: [Substring]) -> String {
        let value = C.double(fields[0])
        return C.result { () throws(NumberError) -> String in
            C.encode(text: try NumberFormat.format(value, spec: C.codePoints(fields[1])))
        }
    }

    static func intCase(_ fields: [Substring]) -> String {
        let value = C.integer(fields[0])
        let typeName = String(fields[1])
        let spec = C.codePoints(fields[2])
        if spec.isEmpty && typeName == "bool" {
            // bool.__format__ with an empty spec is str(True): the caller's part.
            return C.encode(text: value == 1 ? "True" : "False")
        }
        return C.result { () throws(NumberError) -> String in
            C.encode(text: try NumberFormat.format(value, spec: spec, typeName: typeName, maxDigits: 4300))
        }
    }

    func testIntegerFormattingMatchesCPython() {
        C.check(NumbersGeneratedCases.formatInt, Self.intCase)
    }

    func testFloatFormattingMatchesCPython() {
        C.check(NumbersGeneratedCases.formatFloat, Self.floatCase)
    }

    func testExamples() throws {
        XCTAssertEqual(try NumberFormat.format(0.1, spec: ".60f"),
                       "0.100000000000000005551115123125782702118158340454101562500000")
        XCTAssertEqual(try NumberFormat.format(PyInteger(-12345), spec: "013,"), "-0,000,012,345")
        XCTAssertEqual(try NumberFormat.format(-0.0, spec: "z.1f"), "0.0")
        XCTAssertEqual(try NumberFormat.format(1e16, spec: ""), "1e+16")
        XCTAssertEqual(try NumberFormat.format(1234567.0, spec: "_"), "1_234_567.0")
        XCTAssertEqual(FloatText.format(2.5, code: "f", precision: 0), "2")
        XCTAssertEqual(FloatText.format(-1e-300, code: "e", precision: 3), "-1.000e-300")
    }
}
