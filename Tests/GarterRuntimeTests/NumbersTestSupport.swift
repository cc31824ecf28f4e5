import BigInt
import XCTest
@testable import GarterRuntime

/// Decoding of the tables in NumbersGeneratedCases.swift (made by
/// scripts/gen_number_cases.py from CPython 3.11) and encoding of Garter's
/// results in the same notation, so a case passes when the texts are equal.
enum NumbersCases {
    static func rows(_ table: String) -> [[Substring]] {
        table.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
    }

    static func integer(_ text: Substring) -> PyInteger {
        PyInteger(BigInt(String(text))!)
    }

    static func double(_ text: Substring) -> Double {
        switch text {
        case "nan": return .nan
        case "-nan": return -.nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(String(text))!  // Swift reads C99 hex floats
        }
    }

    /// `\u{hex}` escapes back to code points.
    static func codePoints(_ text: Substring) -> [UInt32] {
        var out: [UInt32] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            if first == "\\", scalars.dropFirst().first == "u" {
                let rest = scalars.dropFirst(3)
                let close = rest.firstIndex(of: "}")!
                out.append(UInt32(String(String.UnicodeScalarView(rest[..<close])), radix: 16)!)
                scalars = rest[(close + 1)...]
            } else {
                out.append(first.value)
                scalars = scalars.dropFirst()
            }
        }
        return out
    }

    static func escape(_ codePoints: [UInt32]) -> String {
        var out = ""
        for c in codePoints {
            if c >= 0x20 && c < 0x7F && c != 0x5C {
                out.unicodeScalars.append(Unicode.Scalar(c)!)
            } else {
                out += "\\u{" + String(c, radix: 16) + "}"
            }
        }
        return out
    }

    static func escape(_ text: String) -> String { escape(text.unicodeScalars.map(\.value)) }

    static func encode(_ value: PyInteger) -> String { "i:" + value.description }
    static func encode(_ value: Int) -> String { "i:" + String(value) }
    static func encode(_ value: Double) -> String { "f:" + FloatMath.hex(value) }
    static func encode(_ value: Bool) -> String { value ? "b:True" : "b:False" }
    static func encode(text: String) -> String { "s:" + escape(text) }
    static func encode(text: [UInt32]) -> String { "s:" + escape(text) }
    static func encode(_ error: NumberError) -> String { "E:\(error.pythonType):" + escape(error.message) }
    static func encode(_ value: IntegerPowerResult) -> String {
        switch value {
        case .integer(let integer): return encode(integer)
        case .float(let float): return encode(float)
        }
    }
    static func encode(_ value: FloatPowerResult) -> String {
        switch value {
        case .float(let float): return encode(float)
        case .complex: return "complex"
        }
    }

    /// Long texts shortened to their ends.
    static func clip(_ text: String) -> String {
        text.count <= 200 ? text : "\(text.prefix(100))...\(text.suffix(60)) [\(text.count) characters]"
    }

    static func result(_ body: () throws(NumberError) -> String) -> String {
        do { return try body() } catch { return encode(error) }
    }

    /// Runs every row of `table` (its last field is CPython's result) and
    /// reports mismatches; returns the number of cases.
    @discardableResult
    static func check(_ table: String, file: StaticString = #filePath, line: UInt = #line,
                      _ compute: ([Substring]) -> String) -> Int {
        var failures: [String] = []
        let all = rows(table)
        for fields in all {
            let expected = String(fields[fields.count - 1])
            let actual = compute(Array(fields.dropLast()))
            if actual != expected {
                failures.append("\(clip(fields.dropLast().joined(separator: " | "))) -> \(clip(actual)), expected \(clip(expected))"
                    + " (first difference at character \(zip(actual, expected).prefix { $0 == $1 }.count))")
            }
        }
        for failure in failures.prefix(25) {
            XCTFail(failure, file: file, line: line)
        }
        if failures.count > 25 {
            XCTFail("... and \(failures.count - 25) more of \(all.count)", file: file, line: line)
        }
        return all.count
    }
}
