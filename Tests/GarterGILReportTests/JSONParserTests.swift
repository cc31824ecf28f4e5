import XCTest
@testable import GarterGILReport

/// The trace reader's own JSON parser, checked against the grammar's corners.
final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    func testLiteralsAndStructure() throws {
        XCTAssertEqual(try parse(" null "), .null)
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse("[]"), .array([]))
        XCTAssertEqual(try parse("{}"), .object([]))
        let value = try parse(#"{"a": [1, {"b": false}], "a": "last"}"#)
        XCTAssertEqual(value["a"], .string("last"))
        XCTAssertEqual(try parse("\u{FEFF}[1]"), .array([.number(1, integer: 1)]))
    }

    func testNumbers() throws {
        XCTAssertEqual(try parse("0"), .number(0, integer: 0))
        XCTAssertEqual(try parse("-12"), .number(-12, integer: -12))
        XCTAssertEqual(try parse("1.5e3"), .number(1500, integer: nil))
        XCTAssertEqual(try parse("2E-2"), .number(0.02, integer: nil))
        XCTAssertEqual(try parse("0.1"), .number(0.1, integer: nil))
        XCTAssertEqual(try parse("123456.789").doubleValue, 123456.789)
        // Integers past 2^53 stay exact.
        XCTAssertEqual(try parse("9007199254740993").int64Value, 9007199254740993)
        XCTAssertEqual(try parse("-7.9").int64Value, -7)
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "0x10", "NaN", "Infinity", "1.e5"] {
            XCTAssertThrowsError(try parse(bad), bad)
        }
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try parse(#""\u00e9\u20AC""#), .string("é€"))
        XCTAssertEqual(try parse(#""\uD83D\uDE00""#), .string("😀"))
        XCTAssertEqual(try parse(#""\uD83Dx""#), .string("\u{FFFD}x"))
        XCTAssertEqual(try parse("\"µs\""), .string("µs"))
        for bad in [#""\x""#, #""\u12G4""#, "\"a\nb\"", #""open"#, #""\u12""#] {
            XCTAssertThrowsError(try parse(bad), bad)
        }
    }

    func testErrors() {
        for bad in ["", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1] x", "tru", "{1:2}", "[", String(repeating: "[", count: 600)] {
            XCTAssertThrowsError(try parse(bad), bad)
        }
    }
}
