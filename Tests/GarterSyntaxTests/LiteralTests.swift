import BigInt
import Testing
@testable import GarterSyntax

// Expected values below were produced by running CPython 3.11.7: literal
// values with `eval`, DeprecationWarnings with `warnings.catch_warnings`,
// errors with `compile(source, "<case>", "exec")`, and source decoding by
// running each file as a script (`python3 case.py`).

struct StringCase: Sendable, CustomTestStringConvertible {
    let literal: String
    let value: Constant
    let warnings: [String]
    let hasUPrefix: Bool

    init(_ literal: String, _ value: Constant, warnings: [String], u: Bool) {
        self.literal = literal
        self.value = value
        self.warnings = warnings
        self.hasUPrefix = u
    }

    var testDescription: String { literal.debugDescription }
}

enum LiteralCases {
    // MARK: Generated numbers
    static let numbers: [(String, Constant)] = [
        ("0", .int(0)),
        ("7", .int(7)),
        ("00", .int(0)),
        ("0_0", .int(0)),
        ("1_000_000", .int(1000000)),
        ("9223372036854775807", .int(9223372036854775807)),
        ("9223372036854775808", .bigInt(BigInt("9223372036854775808", radix: 10)!)),
        ("123456789012345678901234567890", .bigInt(BigInt("123456789012345678901234567890", radix: 10)!)),
        ("0x1F", .int(31)),
        ("0XdeadBEEF", .int(3735928559)),
        ("0x_ff", .int(255)),
        ("0xffffffffffffffff", .bigInt(BigInt("18446744073709551615", radix: 10)!)),
        ("0x7fffffffffffffff", .int(9223372036854775807)),
        ("0o17", .int(15)),
        ("0O7_7", .int(63)),
        ("0b101", .int(5)),
        ("0B_1", .int(1)),
        ("0b1111111111111111111111111111111111111111111111111111111111111111111111", .bigInt(BigInt("1180591620717411303423", radix: 10)!)),
        ("1.5", .float(Double(bitPattern: 0x3FF8000000000000))),
        (".5", .float(Double(bitPattern: 0x3FE0000000000000))),
        ("5.", .float(Double(bitPattern: 0x4014000000000000))),
        ("1e10", .float(Double(bitPattern: 0x4202A05F20000000))),
        ("1E-5", .float(Double(bitPattern: 0x3EE4F8B588E368F1))),
        ("1_0.2_5e-1_0", .float(Double(bitPattern: 0x3E119BFF678E358C))),
        ("07.5", .float(Double(bitPattern: 0x401E000000000000))),
        ("0e0", .float(Double(bitPattern: 0x0000000000000000))),
        ("1e400", .float(Double(bitPattern: 0x7FF0000000000000))),
        ("1e-400", .float(Double(bitPattern: 0x0000000000000000))),
        ("0.1", .float(Double(bitPattern: 0x3FB999999999999A))),
        ("9007199254740993.0", .float(Double(bitPattern: 0x4340000000000000))),
        ("2.5e-324", .float(Double(bitPattern: 0x0000000000000001))),
        ("3j", .imaginary(Double(bitPattern: 0x4008000000000000))),
        ("1.5J", .imaginary(Double(bitPattern: 0x3FF8000000000000))),
        ("0j", .imaginary(Double(bitPattern: 0x0000000000000000))),
        ("1e3j", .imaginary(Double(bitPattern: 0x408F400000000000))),
        ("1_0j", .imaginary(Double(bitPattern: 0x4024000000000000))),
        ("10000000000000000000000j", .imaginary(Double(bitPattern: 0x4480F0CF064DD592))),
    ]

    // MARK: Generated strings: literal, value, warnings
    static let strings: [StringCase] = [
        StringCase("\"plain\"", .str(PyString(codePoints: [0x70, 0x6C, 0x61, 0x69, 0x6E])), warnings: [], u: false),
        StringCase("'single'", .str(PyString(codePoints: [0x73, 0x69, 0x6E, 0x67, 0x6C, 0x65])), warnings: [], u: false),
        StringCase("\"\"\"tri\\nple\"\"\"", .str(PyString(codePoints: [0x74, 0x72, 0x69, 0xA, 0x70, 0x6C, 0x65])), warnings: [], u: false),
        StringCase("'\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v'", .str(PyString(codePoints: [0x5C, 0x20, 0x27, 0x20, 0x22, 0x20, 0x7, 0x20, 0x8, 0x20, 0xC, 0x20, 0xA, 0x20, 0xD, 0x20, 0x9, 0x20, 0xB])), warnings: [], u: false),
        StringCase("\"\\0\\7\\77\\101\\1234\"", .str(PyString(codePoints: [0x0, 0x7, 0x3F, 0x41, 0x53, 0x34])), warnings: [], u: false),
        StringCase("\"\\x41\\x7a\\xff\"", .str(PyString(codePoints: [0x41, 0x7A, 0xFF])), warnings: [], u: false),
        StringCase("\"\\u00e9\\u20ac\\uD800\"", .str(PyString(codePoints: [0xE9, 0x20AC, 0xD800])), warnings: [], u: false),
        StringCase("\"\\U0001F600\\U00000041\"", .str(PyString(codePoints: [0x1F600, 0x41])), warnings: [], u: false),
        StringCase("\"\\N{LATIN SMALL LETTER A}\\N{euro sign}\\N{NBSP}\\N{LF}\"", .str(PyString(codePoints: [0x61, 0x20AC, 0xA0, 0xA])), warnings: [], u: false),
        StringCase("\"\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GAG}\\N{CJK COMPATIBILITY IDEOGRAPH-F900}\"", .str(PyString(codePoints: [0x4E00, 0xAC01, 0xF900])), warnings: [], u: false),
        StringCase("\"a\\\nb\"", .str(PyString(codePoints: [0x61, 0x62])), warnings: [], u: false),
        StringCase("\"é€😀\"", .str(PyString(codePoints: [0xE9, 0x20AC, 0x1F600])), warnings: [], u: false),
        StringCase("\"\\é\"", .str(PyString(codePoints: [0x5C, 0xE9])), warnings: [], u: false),
        StringCase("\"\\q\"", .str(PyString(codePoints: [0x5C, 0x71])), warnings: ["invalid escape sequence '\\q'"], u: false),
        StringCase("\"\\777\"", .str(PyString(codePoints: [0x1FF])), warnings: ["invalid octal escape sequence '\\777'"], u: false),
        StringCase("\"\\8\\9\"", .str(PyString(codePoints: [0x5C, 0x38, 0x5C, 0x39])), warnings: ["invalid escape sequence '\\8'"], u: false),
        StringCase("\"\\q\\w\"", .str(PyString(codePoints: [0x5C, 0x71, 0x5C, 0x77])), warnings: ["invalid escape sequence '\\q'"], u: false),
        StringCase("\"\\d{2}\\777\"", .str(PyString(codePoints: [0x5C, 0x64, 0x7B, 0x32, 0x7D, 0x1FF])), warnings: ["invalid escape sequence '\\d'"], u: false),
        StringCase("\"\\400\"", .str(PyString(codePoints: [0x100])), warnings: ["invalid octal escape sequence '\\400'"], u: false),
        StringCase("u\"unicode\"", .str(PyString(codePoints: [0x75, 0x6E, 0x69, 0x63, 0x6F, 0x64, 0x65])), warnings: [], u: true),
        StringCase("U\"x\"", .str(PyString(codePoints: [0x78])), warnings: [], u: true),
        StringCase("r\"\\n\\q\\x\"", .str(PyString(codePoints: [0x5C, 0x6E, 0x5C, 0x71, 0x5C, 0x78])), warnings: [], u: false),
        StringCase("R\"\"\"\\\nraw\"\"\"", .str(PyString(codePoints: [0x5C, 0xA, 0x72, 0x61, 0x77])), warnings: [], u: false),
        StringCase("b\"bytes\"", .bytes([0x62, 0x79, 0x74, 0x65, 0x73]), warnings: [], u: false),
        StringCase("b\"\\x00\\xff\\n\\'\\q\"", .bytes([0x00, 0xFF, 0x0A, 0x27, 0x5C, 0x71]), warnings: ["invalid escape sequence '\\q'"], u: false),
        StringCase("b\"\\777\\101\"", .bytes([0xFF, 0x41]), warnings: ["invalid octal escape sequence '\\777'"], u: false),
        StringCase("B\"\\u1234\\N{x}\"", .bytes([0x5C, 0x75, 0x31, 0x32, 0x33, 0x34, 0x5C, 0x4E, 0x7B, 0x78, 0x7D]), warnings: ["invalid escape sequence '\\u'"], u: false),
        StringCase("br\"\\n\"", .bytes([0x5C, 0x6E]), warnings: [], u: false),
        StringCase("Rb\"\\x\"", .bytes([0x5C, 0x78]), warnings: [], u: false),
        StringCase("rb\"a\\\nb\"", .bytes([0x61, 0x5C, 0x0A, 0x62]), warnings: [], u: false),
        StringCase("\"a\\r\\nb\"", .str(PyString(codePoints: [0x61, 0xD, 0xA, 0x62])), warnings: [], u: false),
        StringCase("'''line1\r\nline2\rline3'''", .str(PyString(codePoints: [0x6C, 0x69, 0x6E, 0x65, 0x31, 0xA, 0x6C, 0x69, 0x6E, 0x65, 0x32, 0xA, 0x6C, 0x69, 0x6E, 0x65, 0x33])), warnings: [], u: false),
        StringCase("r'''x\r\ny'''", .str(PyString(codePoints: [0x78, 0xA, 0x79])), warnings: [], u: false),
        StringCase("b'''x\r\ny'''", .bytes([0x78, 0x0A, 0x79]), warnings: [], u: false),
    ]

    // MARK: Generated string errors: source, message, lineno, offset, end_lineno, end_offset
    static let stringErrors: [(String, String, Int, Int, Int, Int)] = [
        ("x = \"\\xZZ\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 11, 1, 11),
        ("x = \"ab\\x4\" + 1", "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape", 1, 13, 1, 14),
        ("x = (\"ab\" \"\\x4\"\n  \"c\")", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 2, 6, 2, 7),
        ("x = b\"\\x4\"", "(value error) invalid \\x escape at position 0", 1, 11, 1, 11),
        ("x = b\"ab\\xZ\"", "(value error) invalid \\x escape at position 2", 1, 13, 1, 13),
        ("x = \"\\N{foo}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1, 14, 1, 14),
        ("x = \"\\N{LATIN\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: malformed \\N character escape", 1, 15, 1, 15),
        ("x = \"\\N\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 9, 1, 9),
        ("x = \"\\N{}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1, 11, 1, 11),
        ("x = \"\\Nx\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 10, 1, 10),
        ("x = \"\\u12\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 11, 1, 11),
        ("x = \"\\U0011ffff\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1, 17, 1, 17),
        ("x = \"\\U1234\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \\UXXXXXXXX escape", 1, 13, 1, 13),
        ("x = b\"é\"", "bytes can only contain ASCII literal characters", 1, 5, 1, 10),
        ("x = \"a\" b\"é\"", "bytes can only contain ASCII literal characters", 1, 9, 1, 14),
        ("x = rb\"é\"", "bytes can only contain ASCII literal characters", 1, 5, 1, 11),
        ("x = \"\"\"\n\\xZZ\"\"\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-2: truncated \\xXX escape", 2, 8, 2, 8),
        ("x = \"é\\xZZ\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \\xXX escape", 1, 12, 1, 12),
        ("x = \"€€\\N{foo}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 20-26: unknown Unicode character name", 1, 16, 1, 16),
        ("x = \"\\N{latin small letter a}\\N{ LATIN SMALL LETTER A}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 24-48: unknown Unicode character name", 1, 56, 1, 56),
        ("x = \"\\N{LATIN SMALL LETTER A}\\N\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 24-25: malformed \\N character escape", 1, 33, 1, 33),
        ("x = \"\\N{é}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name", 1, 12, 1, 12),
        ("x = \"\\N{TANGUT IDEOGRAPH-17000}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-25: unknown Unicode character name", 1, 33, 1, 33),
        ("x = \"\\N{hangul syllable ga}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-21: unknown Unicode character name", 1, 29, 1, 29),
        ("x = \"\\N{cjk unified ideograph-4E00}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name", 1, 37, 1, 37),
        ("x = \"\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-47: unknown Unicode character name", 1, 55, 1, 55),
        ("x = \"\\xZZ\"  # c\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 13, 1, 16),
        ("if 1:\n  x = \"\\xZZ\"\ny = 2\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 2, 13, 2, 13),
    ]

    // MARK: Generated source decoding: file bytes, decoded text or nil, error message
    static let files: [([UInt8], String?, String?)] = [
        ([0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], "x = 1\n", nil),
        ([0xEF, 0xBB, 0xBF, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], "x = 1\n", nil),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x6C, 0x61, 0x74, 0x69, 0x6E, 0x2D, 0x31, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A], "# coding: latin-1\nx = \"é\"\n", nil),
        ([0x23, 0x21, 0x2F, 0x75, 0x73, 0x72, 0x2F, 0x62, 0x69, 0x6E, 0x2F, 0x70, 0x79, 0x74, 0x68, 0x6F, 0x6E, 0x0A, 0x23, 0x20, 0x2D, 0x2A, 0x2D, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x69, 0x73, 0x6F, 0x2D, 0x38, 0x38, 0x35, 0x39, 0x2D, 0x31, 0x35, 0x20, 0x2D, 0x2A, 0x2D, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xA4, 0x22, 0x0A], "#!/usr/bin/python\n# -*- coding: iso-8859-15 -*-\nx = \"€\"\n", nil),
        ([0x0A, 0x23, 0x20, 0x76, 0x69, 0x6D, 0x3A, 0x20, 0x73, 0x65, 0x74, 0x20, 0x66, 0x69, 0x6C, 0x65, 0x65, 0x6E, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3D, 0x6B, 0x6F, 0x69, 0x38, 0x2D, 0x72, 0x20, 0x3A, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xF0, 0x22, 0x0A], "\n# vim: set fileencoding=koi8-r :\nx = \"П\"\n", nil),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3D, 0x63, 0x70, 0x31, 0x32, 0x35, 0x32, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0x80, 0x22, 0x0A], "# coding=cp1252\nx = \"€\"\n", nil),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x4C, 0x61, 0x74, 0x69, 0x6E, 0x5F, 0x31, 0x0A, 0x22, 0xE9, 0x22, 0x0A], "# coding: Latin_1\n\"é\"\n", nil),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x75, 0x74, 0x66, 0x38, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0xA9, 0x22, 0x0A], "# coding: utf8\nx = \"é\"\n", nil),
        ([0xEF, 0xBB, 0xBF, 0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x75, 0x74, 0x66, 0x2D, 0x38, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], "# coding: utf-8\nx = 1\n", nil),
        ([0x78, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A], nil, "Non-UTF-8 code starting with '\\xe9' in file case.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        ([0x0A, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A], nil, "Non-UTF-8 code starting with '\\xe9' in file case.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        ([0x78, 0x20, 0x3D, 0x20, 0x31, 0x0D, 0x0A, 0x79, 0x20, 0x3D, 0x20, 0x32, 0x0D, 0x22, 0xE9, 0x22, 0x0D], nil, "Non-UTF-8 code starting with '\\xe9' in file case.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        ([0x78, 0x3D, 0x31, 0x0A, 0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x6C, 0x61, 0x74, 0x69, 0x6E, 0x2D, 0x31, 0x0A, 0x78, 0x3D, 0x22, 0xE9, 0x22, 0x0A], nil, "Non-UTF-8 code starting with '\\xe9' in file case.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        ([0x0A, 0x0A, 0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x6C, 0x61, 0x74, 0x69, 0x6E, 0x2D, 0x31, 0x0A, 0x78, 0x3D, 0x22, 0xE9, 0x22, 0x0A], nil, "Non-UTF-8 code starting with '\\xe9' in file case.py on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        ([0xEF, 0xBB, 0xBF, 0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x6C, 0x61, 0x74, 0x69, 0x6E, 0x2D, 0x31, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], nil, "encoding problem: iso-8859-1 with BOM"),
        ([0xEF, 0xBB, 0xBF, 0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x75, 0x74, 0x66, 0x38, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], nil, "encoding problem: utf8 with BOM"),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x66, 0x6F, 0x6F, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], nil, "encoding problem: foo"),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x75, 0x66, 0x74, 0x2D, 0x38, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A], nil, "encoding problem: uft-8"),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x61, 0x73, 0x63, 0x69, 0x69, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A], nil, "encoding problem: ascii"),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x63, 0x70, 0x31, 0x32, 0x35, 0x32, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0x81, 0x22, 0x0A], nil, "encoding problem: cp1252"),
        ([0x23, 0x20, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x3A, 0x20, 0x75, 0x74, 0x66, 0x38, 0x0A, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A], nil, "encoding problem: utf8"),
        ([0x78, 0x20, 0x3D, 0x20, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x0A], nil, "Non-UTF-8 code starting with '\\xed' in file case.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        ([0x78, 0x20, 0x3D, 0x20, 0x22, 0xC0, 0xAF, 0x22, 0x0A], nil, "Non-UTF-8 code starting with '\\xc0' in file case.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
    ]
}

@Suite struct NumberLiteralTests {
    @Test(arguments: LiteralCases.numbers)
    func value(_ text: String, _ expected: Constant) throws {
        #expect(try NumberLiteral.value(Array(text.utf8)[...]) == expected)
    }

    @Test func decimalLiteralsOver4300DigitsAreRefused() throws {
        let source = SourceBuffer("x = (1,\n 1" + String(repeating: "0", count: 5000) + ")\n")
        let token = try #require(Lexer.tokenize(source).tokens.first { $0.kind == .number && $0.line == 2 })
        #expect(throws: SyntaxError.self) { try NumberLiteral.value(of: token, in: source) }
        do {
            _ = try NumberLiteral.value(of: token, in: source)
        } catch {
            #expect(error.message == "Exceeds the limit (4300 digits) for integer string conversion: value has 5001 digits; "
                    + "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer "
                    + "literals to avoid decimal conversion limits.")
            #expect((error.lineno, error.offset, error.endLineno, error.endOffset) == (2, 0, 2, 0))
        }
        // Underscores do not count; 4300 digits, floats and hex are fine.
        #expect(throws: NumberLiteral.ConversionError.tooManyDigits(digitCount: 4301)) {
            try NumberLiteral.value(Array(("1_" + String(repeating: "0", count: 4300)).utf8)[...])
        }
        #expect(try NumberLiteral.value(Array(("1" + String(repeating: "0", count: 4299)).utf8)[...])
                == .bigInt(BigInt("1" + String(repeating: "0", count: 4299), radix: 10)!))
        #expect(try NumberLiteral.value(Array((String(repeating: "9", count: 5000) + ".0").utf8)[...]) == .float(.infinity))
        #expect(try NumberLiteral.value(Array(("0x" + String(repeating: "f", count: 5000)).utf8)[...])
                != .int(0))
    }
}

@Suite struct StringLiteralTests {
    @Test(arguments: LiteralCases.strings)
    func decodes(_ expected: StringCase) throws {
        let source = SourceBuffer(expected.literal)
        let token = try #require(Lexer.tokenize(source).tokens.first)
        let decoded = try StringLiteral.decode(token, in: source)
        #expect(decoded.value == expected.value)
        #expect(decoded.warnings == expected.warnings)
        #expect(decoded.hasUPrefix == expected.hasUPrefix)
    }

    /// Decodes every literal of `source` as the parser does: escape errors
    /// are reported at the token after a run of adjacent strings.
    private func firstError(in source: SourceBuffer) -> SyntaxError? {
        let tokens = Lexer.tokenize(source).tokens
        for (index, token) in tokens.enumerated() {
            do {
                if token.kind == .string {
                    var next = index
                    while tokens[next].kind == .string { next += 1 }
                    _ = try StringLiteral.decode(token, in: source, errorToken: tokens[next])
                } else if token.kind == .number {
                    _ = try NumberLiteral.value(of: token, in: source)
                }
            } catch {
                return error
            }
        }
        return nil
    }

    @Test(arguments: LiteralCases.stringErrors)
    func reportsCPythonsError(_ text: String, _ message: String, _ lineno: Int, _ offset: Int,
                              _ endLineno: Int, _ endOffset: Int) throws {
        let error = try #require(firstError(in: SourceBuffer(text)))
        #expect(error.message == message)
        #expect((error.lineno, error.offset, error.endLineno, error.endOffset) == (lineno, offset, endLineno, endOffset))
    }

    @Test func takesTheTokenApart() throws {
        let source = SourceBuffer("x = Rb'''ab''' + f\"{y}\"\n")
        let tokens = Lexer.tokenize(source).tokens
        let bytes = try StringLiteral.decode(tokens[2], in: source)
        #expect(bytes.isBytes && bytes.isRaw && !bytes.isFormatted && !bytes.hasUPrefix)
        #expect((bytes.bodyStart, bytes.bodyEnd, bytes.quoteLength) == (9, 11, 3))
        let formatted = try StringLiteral.decode(tokens[4], in: source)
        #expect(formatted.isFormatted && !formatted.isBytes && formatted.value == nil)
        #expect((formatted.bodyStart, formatted.bodyEnd, formatted.quoteLength) == (19, 22, 1))
    }

    @Test func decodesFStringChunks() throws {
        // f"\{6}" has the literal chunk "\": it stays a backslash (CPython
        // warns about "\{" while splitting the f-string, not here).
        var warnings: [String] = []
        let source = SourceBuffer("\\|a\\tb\\q|\\N{DIGIT ONE}é")
        #expect(try StringLiteral.decodeEscapes(in: source, from: 0, to: 1, warnings: &warnings) == [0x5C])
        #expect(try StringLiteral.decodeEscapes(in: source, from: 2, to: 8, warnings: &warnings) == [0x61, 0x09, 0x62, 0x5C, 0x71])
        #expect(warnings == ["invalid escape sequence '\\q'"])
        #expect(try StringLiteral.decodeEscapes(in: source, from: 9, to: 24, warnings: &warnings) == [0x31, 0xE9])
        #expect(throws: StringLiteral.EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: truncated \\xXX escape")) {
            var ignored: [String] = []
            _ = try StringLiteral.decodeEscapes(in: SourceBuffer("ab\\xZZ"), from: 0, to: 6, warnings: &ignored)
        }
        let raw = SourceBuffer("\\d\r\né")
        raw.bytes.withUnsafeBufferPointer { bytes in
            #expect(StringLiteral.rawText(bytes) == [0x5C, 0x64, 0x0A, 0xE9])
        }
    }
}

@Suite struct SourceDecodingTests {
    @Test(arguments: LiteralCases.files)
    func decodesLikePython(_ bytes: [UInt8], _ text: String?, _ message: String?) {
        do {
            let source = try SourceBuffer(fileBytes: bytes, filename: "case.py")
            #expect(text != nil, "expected the error \(message ?? "")")
            #expect(source.bytes == Array((text ?? "").utf8))
        } catch {
            #expect(error.message == message)
            #expect(error.lineno == 0)
        }
    }

    @Test func multiByteCodecsAreNotSupported() {
        // CPython decodes EUC-JP; Garter reports it as it would an unknown codec.
        #expect(throws: SyntaxError.self) {
            try SourceBuffer(fileBytes: Array("# coding: euc-jp\nx = 1\n".utf8), filename: "case.py")
        }
    }

    @Test func singleByteTablesHave128Entries() {
        for (name, table) in SourceCodec.singleByteTables {
            #expect(table.unicodeScalars.count == 128, "\(name)")
        }
        for (alias, module) in SourceCodec.aliases {
            #expect(SourceCodec(named: alias) != nil, "\(alias) -> \(module)")
        }
    }
}
