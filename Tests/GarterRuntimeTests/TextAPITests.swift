import XCTest
@testable import GarterRuntime

/// The parts of the text API that the CPython case table does not reach:
/// codec lookup, the error handlers as functions (`codecs.lookup_error`),
/// incremental decoding, the shared format-spec parser and the helpers the
/// runtime builds on. Expected values were taken from CPython 3.11.
final class TextAPITests: XCTestCase {
    func cps(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    func testCodecNames() {
        XCTAssertEqual(PyCodecs.codec(named: "UTF-8"), .utf8)
        XCTAssertEqual(PyCodecs.codec(named: "utf8"), .utf8)
        XCTAssertEqual(PyCodecs.codec(named: " Latin 1 "), .latin1)
        XCTAssertEqual(PyCodecs.codec(named: "ANSI_X3.4-1968"), .ascii)
        XCTAssertEqual(PyCodecs.codec(named: "UTF-16BE"), .utf16BE)
        XCTAssertNil(PyCodecs.codec(named: "cp1252"))
        XCTAssertNil(PyCodecs.codec(named: "utf-8-sig"))
        XCTAssertEqual(PyCodecs.fastPathCodec(named: "UTF-8"), .utf8)
        XCTAssertEqual(PyCodecs.fastPathCodec(named: "ISO-8859-1"), .latin1)
        XCTAssertNil(PyCodecs.fastPathCodec(named: "utf-16-le"))
        XCTAssertNil(PyCodecs.fastPathCodec(named: "u8"))
        XCTAssertEqual(PyCodecs.normalizeEncodingName("--UTF 8--"), "utf_8")
        XCTAssertEqual(CodecErrorHandler(builtinName: "unknown") == nil, true)
        XCTAssertEqual(CodecErrorHandler.unknownHandler("x"), .lookupError("unknown error handler name 'x'"))
    }

    func testErrorHandlersAsFunctions() throws {
        let encodeFailure = UnicodeEncodeFailure(encoding: "ascii", object: cps("a\u{e9}\u{20ac}\u{1F600}b"), start: 1, end: 4,
                                                 reason: "ordinal not in range(128)")
        let decodeFailure = UnicodeDecodeFailure(encoding: "utf-8", object: [0x61, 0xFF, 0xFE, 0x62], start: 1, end: 3,
                                                 reason: "invalid start byte")
        func encode(_ handler: CodecErrorHandler) throws -> (EncodeReplacement, Int) {
            let result = try handler.handleEncode(encodeFailure)
            return (result.replacement, result.resume)
        }
        XCTAssertEqual(try encode(.ignore).0, .text([]))
        XCTAssertEqual(try encode(.replace).0, .text(cps("???")))
        XCTAssertEqual(try encode(.replace).1, 4)
        XCTAssertEqual(try encode(.backslashReplace).0, .text(cps("\\xe9\\u20ac\\U0001f600")))
        XCTAssertEqual(try encode(.xmlCharRefReplace).0, .text(cps("&#233;&#8364;&#128512;")))
        XCTAssertEqual(try encode(.nameReplace).0,
                       .text(cps("\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{EURO SIGN}\\N{GRINNING FACE}")))
        for handler in [CodecErrorHandler.strict, .surrogateEscape, .surrogatePass] {
            XCTAssertThrowsError(try encode(handler)) { error in
                XCTAssertEqual((error as? TextError)?.message,
                               "'ascii' codec can't encode characters in position 1-3: ordinal not in range(128)")
            }
        }
        XCTAssertEqual(try CodecErrorHandler.replace.handleDecode(decodeFailure).replacement, [0xFFFD])
        XCTAssertEqual(try CodecErrorHandler.backslashReplace.handleDecode(decodeFailure).replacement, cps("\\xff\\xfe"))
        XCTAssertEqual(try CodecErrorHandler.surrogateEscape.handleDecode(decodeFailure).replacement, [0xDCFF, 0xDCFE])
        XCTAssertThrowsError(try CodecErrorHandler.xmlCharRefReplace.handleDecode(decodeFailure)) { error in
            XCTAssertEqual(error as? TextError, .typeError("don't know how to handle UnicodeDecodeError in error callback"))
        }
        XCTAssertThrowsError(try CodecErrorHandler.surrogatePass.handleDecode(decodeFailure)) { error in
            XCTAssertEqual((error as? TextError)?.message,
                           "'utf-8' codec can't decode bytes in position 1-2: invalid start byte")
        }
        // surrogatepass and surrogateescape on their own ground.
        let surrogates = UnicodeEncodeFailure(encoding: "utf-16-be", object: cps("a") + [0xD800, 0xDCFF] + cps("b"),
                                              start: 1, end: 3, reason: "surrogates not allowed")
        XCTAssertEqual(try CodecErrorHandler.surrogatePass.handleEncode(surrogates).replacement,
                       .bytes([0xD8, 0x00, 0xDC, 0xFF]))
        let escaped = UnicodeEncodeFailure(encoding: "utf-8", object: [0x61, 0xDC80, 0xDCFF, 0x62], start: 1, end: 3,
                                           reason: "x")
        XCTAssertEqual(try CodecErrorHandler.surrogateEscape.handleEncode(escaped).replacement, .bytes([0x80, 0xFF]))
        let wide = UnicodeDecodeFailure(encoding: "utf-16-be", object: [0xD8, 0x00, 0x61, 0x62], start: 0, end: 2,
                                        reason: "x")
        let passed = try CodecErrorHandler.surrogatePass.handleDecode(wide)
        XCTAssertEqual(passed.replacement, [0xD800])
        XCTAssertEqual(passed.resume, 2)
        let many = UnicodeDecodeFailure(encoding: "utf-8", object: [0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0x41], start: 0,
                                        end: 6, reason: "x")
        let four = try CodecErrorHandler.surrogateEscape.handleDecode(many)
        XCTAssertEqual(four.replacement, [0xDCFF, 0xDCFE, 0xDCFD, 0xDCFC])
        XCTAssertEqual(four.resume, 4)
    }

    func testUnicodeErrorMessages() {
        XCTAssertEqual(UnicodeEncodeFailure(encoding: "ascii", object: cps("a\u{1F600}"), start: 1, end: 2, reason: "r").message,
                       "'ascii' codec can't encode character '\\U0001f600' in position 1: r")
        XCTAssertEqual(UnicodeEncodeFailure(encoding: "ascii", object: cps("ab"), start: 0, end: 0, reason: "r").message,
                       "'ascii' codec can't encode characters in position 0--1: r")
        XCTAssertEqual(UnicodeEncodeFailure(encoding: "ascii", object: cps("ab"), start: 5, end: 6, reason: "r").message,
                       "'ascii' codec can't encode characters in position 5-5: r")
        XCTAssertEqual(UnicodeDecodeFailure(encoding: "x", object: [0x61, 0x62], start: 1, end: 2, reason: "r").message,
                       "'x' codec can't decode byte 0x62 in position 1: r")
        XCTAssertEqual(UnicodeDecodeFailure(encoding: "x", object: [0x61, 0x62], start: 0, end: 5, reason: "r").message,
                       "'x' codec can't decode bytes in position 0-4: r")
    }

    func testIncrementalUTF8Decoding() throws {
        let first: [UInt8] = [0x61, 0xE2, 0x82]
        let (text, consumed) = try first.withUnsafeBufferPointer { try PyCodecs.decodeUTF8($0, final: false) }
        XCTAssertEqual(text, [0x61])
        XCTAssertEqual(consumed, 1)
        let rest: [UInt8] = [0xE2, 0x82, 0xAC, 0x62]
        let (more, all) = try rest.withUnsafeBufferPointer { try PyCodecs.decodeUTF8($0, final: true) }
        XCTAssertEqual(more, [0x20AC, 0x62])
        XCTAssertEqual(all, 4)
        // A long valid input with one error in the middle takes both paths.
        let long = [UInt8](repeating: 0x61, count: 1000) + [0xFF] + [UInt8](repeating: 0x62, count: 1000)
        let replaced = try long.withUnsafeBufferPointer { try PyCodecs.decodeUTF8($0, errors: .replace).text }
        XCTAssertEqual(replaced, [UInt32](repeating: 0x61, count: 1000) + [0xFFFD] + [UInt32](repeating: 0x62, count: 1000))
    }

    func testByteOrderArgument() {
        XCTAssertEqual(UnicodeByteOrder(-5), .little)
        XCTAssertEqual(UnicodeByteOrder(0), .unspecified)
        XCTAssertEqual(UnicodeByteOrder(7), .big)
    }

    func testFormatSpecifierForNumbers() throws {
        let spec = try cps("*>+#012,.3f").withUnsafeBufferPointer {
            try FormatSpecifier.parse($0, typeName: "float", defaultType: nil, defaultAlignment: .right)
        }
        XCTAssertEqual(spec.fill, 0x2A)
        XCTAssertEqual(spec.alignment, .right)
        XCTAssertEqual(spec.sign, .plus)
        XCTAssertTrue(spec.alternate)
        XCTAssertEqual(spec.width, 12)
        XCTAssertEqual(spec.grouping, .comma)
        XCTAssertEqual(spec.precision, 3)
        XCTAssertEqual(spec.type, 0x66)
        let zero = try cps("010d").withUnsafeBufferPointer {
            try FormatSpecifier.parse($0, typeName: "int", defaultType: 0x64, defaultAlignment: .right)
        }
        XCTAssertEqual(zero.fill, 0x30)
        XCTAssertEqual(zero.alignment, .afterSign)
        let hex = try cps("_x").withUnsafeBufferPointer {
            try FormatSpecifier.parse($0, typeName: "int", defaultType: 0x64, defaultAlignment: .right)
        }
        XCTAssertEqual(hex.grouping, .underscoreEveryFour)
        XCTAssertThrowsError(try cps(",x").withUnsafeBufferPointer {
            try FormatSpecifier.parse($0, typeName: "int", defaultType: 0x64, defaultAlignment: .right)
        }) { XCTAssertEqual($0 as? TextError, .valueError("Cannot specify ',' with 'x'.")) }
        XCTAssertEqual(FormatSpecifier.unknownFormatCode(0x71, typeName: "int"),
                       .valueError("Unknown format code 'q' for object of type 'int'"))
        XCTAssertEqual(zero.pad(cps("ab"), alignment: .center), cps("0000ab0000"))
    }

    func testPercentIntegerText() {
        XCTAssertEqual(PercentFormat.integerText(negative: true, digits: cps("1f"), type: 0x58, alternate: true, precision: 5),
                       cps("-0X0001F"))
        XCTAssertEqual(PercentFormat.integerText(negative: false, digits: cps("7"), type: 0x64, alternate: true, precision: nil),
                       cps("7"))
        XCTAssertEqual(PercentFormat.integerText(negative: false, digits: cps("10"), type: 0x6F, alternate: true, precision: 1),
                       cps("0o10"))
    }

    func testResultsThatKeepTheOriginalObject() throws {
        let text = cps("abc")
        try text.withUnsafeBufferPointer { s in
            try cps("z").withUnsafeBufferPointer { z in
                XCTAssertNil(try PyText.replace(s, z, z))
                XCTAssertNil(try PyText.replace(s, s, s))
                XCTAssertNil(try PyText.replace(s, z, s, count: 5))
                XCTAssertEqual(try PyText.partition(s, z).found, false)
                XCTAssertEqual(try PyText.rpartition(s, z).after, 0..<3)
            }
            XCTAssertEqual(PyText.strip(s), 0..<3)
            XCTAssertEqual(PyText.removePrefix(s, CodePoints(start: nil, count: 0)), 0..<3)
        }
    }

    func testTranslationHelpers() throws {
        let entries = try cps("ab").withUnsafeBufferPointer { from in
            try cps("cd").withUnsafeBufferPointer { to in
                try cps("ae").withUnsafeBufferPointer { try PyText.makeTranslation(from: from, to: to, delete: $0) }
            }
        }
        // Inserted in this order into a dict: {97: None, 98: 100, 101: None}.
        XCTAssertEqual(entries.map(\.key), [0x61, 0x62, 0x61, 0x65])
        XCTAssertEqual(entries.map(\.value), [0x63, 0x64, nil, nil])
        XCTAssertThrowsError(try cps("ab").withUnsafeBufferPointer { try PyText.translationKey($0) }) {
            XCTAssertEqual($0 as? TextError, .valueError("string keys in translate table must be of length 1"))
        }
        XCTAssertThrowsError(try cps("a").withUnsafeBufferPointer { s in
            try PyText.translate(s) { _ in .codePoint(0x110000) }
        }) { XCTAssertEqual($0 as? TextError, .valueError("character mapping must be in range(0x110000)")) }
        let translated = try cps("abc").withUnsafeBufferPointer { s in
            try PyText.translate(s) { $0 == 0x61 ? .text(cps("xy")) : $0 == 0x62 ? .delete : .keep }
        }
        XCTAssertEqual(translated, cps("xyc"))
    }

    func testCharacterDatabase() {
        XCTAssertEqual(UnicodeDatabase.numericValue(0xBD), 0.5)
        XCTAssertEqual(UnicodeDatabase.decimalValue(0x0661), 1)
        XCTAssertNil(UnicodeDatabase.decimalValue(0xB2))
        XCTAssertEqual(UnicodeDatabase.digitValue(0xB2), 2)
        XCTAssertEqual(UnicodeDatabase.name(0xE9), "LATIN SMALL LETTER E WITH ACUTE")
        XCTAssertNil(UnicodeDatabase.name(0x17000))  // Tangut: nameless in Python 3.11
        XCTAssertNil(UnicodeDatabase.name(0x1FAF7))  // assigned after Unicode 14
        XCTAssertEqual(UnicodeDatabase.mapping(.upper, of: 0xDF), cps("SS"))
        XCTAssertEqual(UnicodeDatabase.mapping(.lower, of: 0x130), [0x69, 0x307])
        XCTAssertTrue(UnicodeDatabase.isXIDStart(0x41))
        XCTAssertFalse(UnicodeDatabase.isXIDStart(0x5F))
        XCTAssertTrue(UnicodeDatabase.isXIDContinue(0x5F))
    }
}
