import Foundation
@testable import GarterRuntime

/// A value of the case data written by scripts/gen_text_cases.py.
indirect enum CaseValue: Equatable, CustomStringConvertible {
    case str([UInt32])
    case int(Int)
    case float(Double)
    case none
    case bool(Bool)
    case bytes([UInt8])
    case list([CaseValue])
    case dict([(CaseValue, CaseValue)])
    case error(type: String, message: [UInt32])

    static func == (lhs: CaseValue, rhs: CaseValue) -> Bool {
        switch (lhs, rhs) {
        case (.str(let a), .str(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.dict(let a), .dict(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.error(let t1, let m1), .error(let t2, let m2)): return t1 == t2 && m1 == m2
        default: return false
        }
    }

    var description: String {
        switch self {
        case .str(let s): return "\"" + s.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)!) : "\\u{\(String($0, radix: 16))}" }.joined() + "\""
        case .int(let v): return String(v)
        case .float(let v): return "f\(v)"
        case .none: return "N"
        case .bool(let v): return v ? "T" : "F"
        case .bytes(let b): return "x" + b.map { String(format: "%02x", $0) }.joined()
        case .list(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        case .dict(let items): return "{" + items.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
        case .error(let type, let message): return "!\(type):\(CaseValue.str(message))"
        }
    }

    var text: [UInt32] {
        guard case .str(let s) = self else { fatalError("not a str: \(self)") }
        return s
    }

    var optionalText: [UInt32]? {
        if case .none = self { return nil }
        return text
    }

    var integer: Int {
        guard case .int(let v) = self else { fatalError("not an int: \(self)") }
        return v
    }

    var optionalInteger: Int? {
        if case .none = self { return nil }
        return integer
    }

    var boolean: Bool {
        guard case .bool(let v) = self else { fatalError("not a bool: \(self)") }
        return v
    }

    var byteArray: [UInt8] {
        guard case .bytes(let v) = self else { fatalError("not bytes: \(self)") }
        return v
    }

    var items: [CaseValue] {
        guard case .list(let v) = self else { fatalError("not a list: \(self)") }
        return v
    }

    static func string(_ text: String) -> CaseValue { .str(text.unicodeScalars.map(\.value)) }
}

/// A test-only stand-in for a Python exception the runtime would raise.
struct TestPythonError: Error {
    let type: String
    let message: String
}

/// Parses one value of the case format.
struct CaseParser {
    let bytes: [UInt8]
    var index = 0

    init(_ text: Substring) { bytes = Array(text.utf8) }

    mutating func value() -> CaseValue {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
            return .str(string())
        case UInt8(ascii: "N"):
            index += 1
            return .none
        case UInt8(ascii: "T"):
            index += 1
            return .bool(true)
        case UInt8(ascii: "F"):
            index += 1
            return .bool(false)
        case UInt8(ascii: "x"):
            index += 1
            var result: [UInt8] = []
            while index + 1 < bytes.count, let high = hex(bytes[index]), let low = hex(bytes[index + 1]) {
                result.append(UInt8(high * 16 + low))
                index += 2
            }
            return .bytes(result)
        case UInt8(ascii: "f"):
            index += 1
            let start = index
            while index < bytes.count && !",]}:".utf8.contains(bytes[index]) { index += 1 }
            return .float(Double(String(decoding: bytes[start..<index], as: UTF8.self))!)
        case UInt8(ascii: "["):
            index += 1
            var items: [CaseValue] = []
            while bytes[index] != UInt8(ascii: "]") {
                items.append(value())
                if bytes[index] == UInt8(ascii: ",") { index += 1 }
            }
            index += 1
            return .list(items)
        case UInt8(ascii: "{"):
            index += 1
            var items: [(CaseValue, CaseValue)] = []
            while bytes[index] != UInt8(ascii: "}") {
                let key = value()
                precondition(bytes[index] == UInt8(ascii: ":"))
                index += 1
                items.append((key, value()))
                if bytes[index] == UInt8(ascii: ",") { index += 1 }
            }
            index += 1
            return .dict(items)
        case UInt8(ascii: "!"):
            index += 1
            let start = index
            while bytes[index] != UInt8(ascii: ":") { index += 1 }
            let type = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            return .error(type: type, message: string())
        default:
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            return .int(Int(String(decoding: bytes[start..<index], as: UTF8.self))!)
        }
    }

    private func hex(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x61...0x66: return Int(byte - 0x57)
        default: return nil
        }
    }

    private mutating func string() -> [UInt32] {
        index += 1
        var result: [UInt32] = []
        while bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 3  // \u{
                var value: UInt32 = 0
                while bytes[index] != UInt8(ascii: "}") {
                    value = value * 16 + UInt32(hex(bytes[index])!)
                    index += 1
                }
                index += 1
                result.append(value)
            } else {
                result.append(UInt32(bytes[index]))
                index += 1
            }
        }
        index += 1
        return result
    }
}

/// One case: method, arguments, expected value, and its line for messages.
struct TextCase {
    let line: Int
    let method: String
    let arguments: [CaseValue]
    let expected: CaseValue

    static func all() -> [TextCase] {
        var cases: [TextCase] = []
        for (number, line) in textCaseData.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let arrow = fields.firstIndex(of: "=>") else { continue }
            let arguments = fields[1..<arrow].map { field -> CaseValue in
                var parser = CaseParser(field)
                return parser.value()
            }
            var parser = CaseParser(fields[arrow + 1])
            cases.append(TextCase(line: number + 1, method: String(fields[0]), arguments: arguments,
                                  expected: parser.value()))
        }
        return cases
    }
}

// MARK: Python-like helpers for the test delegates

/// `repr(str)` (or `ascii(str)`), as CPython writes it.
func pythonRepr(_ text: [UInt32], ascii: Bool = false) -> [UInt32] {
    let hasSingle = text.contains(0x27)
    let hasDouble = text.contains(0x22)
    let quote: UInt32 = hasSingle && !hasDouble ? 0x22 : 0x27
    var out: [UInt32] = [quote]
    for c in text {
        switch c {
        case quote, 0x5C: out += [0x5C, c]
        case 0x09: out += [0x5C, 0x74]
        case 0x0A: out += [0x5C, 0x6E]
        case 0x0D: out += [0x5C, 0x72]
        default:
            if c < 0x20 || c == 0x7F || (c >= 0x80 && (ascii || !UnicodeDatabase.isPrintable(c))) {
                appendBackslashEscape(c, to: &out)
            } else {
                out.append(c)
            }
        }
    }
    out.append(quote)
    return out
}

func pythonRepr(_ value: CaseValue, ascii: Bool = false) -> [UInt32] {
    switch value {
    case .str(let s): return pythonRepr(s, ascii: ascii)
    case .int(let v): return Array(String(v).unicodeScalars.map(\.value))
    case .float(let v): return Array("\(v)".unicodeScalars.map(\.value))
    case .none: return Array("None".unicodeScalars.map(\.value))
    case .bool(let v): return Array((v ? "True" : "False").unicodeScalars.map(\.value))
    case .list(let items):
        var out: [UInt32] = [0x5B]
        for (index, item) in items.enumerated() {
            if index > 0 { out += [0x2C, 0x20] }
            out += pythonRepr(item, ascii: ascii)
        }
        return out + [0x5D]
    case .dict(let items):
        var out: [UInt32] = [0x7B]
        for (index, (key, item)) in items.enumerated() {
            if index > 0 { out += [0x2C, 0x20] }
            out += pythonRepr(key, ascii: ascii) + [0x3A, 0x20] + pythonRepr(item, ascii: ascii)
        }
        return out + [0x7D]
    default: fatalError("no repr for \(value)")
    }
}

func pythonStr(_ value: CaseValue) -> [UInt32] {
    if case .str(let s) = value { return s }
    return pythonRepr(value)
}

func typeName(_ value: CaseValue) -> String {
    switch value {
    case .str: return "str"
    case .int: return "int"
    case .float: return "float"
    case .none: return "NoneType"
    case .bool: return "bool"
    case .bytes: return "bytes"
    case .list: return "list"
    case .dict: return "dict"
    case .error: return "exception"
    }
}

func keyError(_ key: CaseValue) -> TestPythonError {
    TestPythonError(type: "KeyError", message: String(decoding: pythonRepr(key).map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self))
}

func dictLookup(_ items: [(CaseValue, CaseValue)], _ key: CaseValue) throws -> CaseValue {
    for (candidate, value) in items where candidate == key { return value }
    throw keyError(key)
}

/// The `str.format` delegate of the tests: arguments are case values.
struct TestFormatDelegate: FormatStringDelegate {
    let positional: [CaseValue]
    let keywords: [(CaseValue, CaseValue)]

    func positionalArgument(_ index: Int) throws -> CaseValue? {
        index < positional.count ? positional[index] : nil
    }

    func keywordArgument(_ name: [UInt32]) throws -> CaseValue {
        try dictLookup(keywords, .str(name))
    }

    func attribute(of object: CaseValue, named name: [UInt32]) throws -> CaseValue {
        throw TestPythonError(type: "AttributeError",
                              message: "'\(typeName(object))' object has no attribute '\(PyText.swiftString(name))'")
    }

    func item(of object: CaseValue, index: Int) throws -> CaseValue {
        switch object {
        case .list(let items):
            guard index < items.count else { throw TestPythonError(type: "IndexError", message: "list index out of range") }
            return items[index]
        case .str(let s):
            guard index < s.count else { throw TestPythonError(type: "IndexError", message: "string index out of range") }
            return .str([s[index]])
        case .dict(let items):
            return try dictLookup(items, .int(index))
        default:
            throw TestPythonError(type: "TypeError", message: "'\(typeName(object))' object is not subscriptable")
        }
    }

    func item(of object: CaseValue, key: [UInt32]) throws -> CaseValue {
        switch object {
        case .dict(let items): return try dictLookup(items, .str(key))
        case .list: throw TestPythonError(type: "TypeError", message: "list indices must be integers or slices, not str")
        case .str: throw TestPythonError(type: "TypeError", message: "string indices must be integers, not 'str'")
        default: throw TestPythonError(type: "TypeError", message: "'\(typeName(object))' object is not subscriptable")
        }
    }

    func convert(_ object: CaseValue, conversion: UInt32) throws -> CaseValue {
        switch conversion {
        case 0x73: return .str(pythonStr(object))
        case 0x72: return .str(pythonRepr(object))
        default: return .str(pythonRepr(object, ascii: true))
        }
    }

    func format(_ object: CaseValue, spec: [UInt32]) throws -> [UInt32] {
        if case .str(let s) = object {
            return try s.withUnsafeBufferPointer { text in
                try spec.withUnsafeBufferPointer { try PyText.format(text, spec: $0) }
            }
        }
        guard spec.isEmpty else {
            throw TestPythonError(type: "Unsupported", message: "test delegate formats only str with a spec")
        }
        return pythonStr(object)
    }
}

/// The `%` delegate of the tests.
struct TestPercentDelegate: PercentFormatDelegate {
    func item(of mapping: CaseValue, key: [UInt32]) throws -> CaseValue {
        guard case .dict(let items) = mapping else { fatalError() }
        return try dictLookup(items, .str(key))
    }

    func integer(_ argument: CaseValue) throws -> Int? {
        if case .int(let value) = argument { return value }
        return nil
    }

    func string(_ argument: CaseValue, conversion: UInt32) throws -> [UInt32] {
        switch conversion {
        case 0x73: return pythonStr(argument)
        case 0x72: return pythonRepr(argument)
        default: return pythonRepr(argument, ascii: true)
        }
    }

    func number(_ argument: CaseValue, spec: PercentSpec) throws -> [UInt32] {
        let type = spec.type
        let isInteger = [0x64, 0x69, 0x75, 0x6F, 0x78, 0x58].contains(type)
        let letter = Character(Unicode.Scalar(type)!)
        switch argument {
        case .int(let value):
            if isInteger {
                let radix = type == 0x6F ? 8 : (type == 0x78 || type == 0x58) ? 16 : 10
                let digits = String(value.magnitude, radix: radix).unicodeScalars.map(\.value)
                return PercentFormat.integerText(negative: value < 0, digits: digits, type: type,
                                                 alternate: spec.alternate, precision: spec.precision)
            }
            return try number(.float(Double(value)), spec: spec)
        case .float(let value):
            if isInteger {
                if type == 0x6F || type == 0x78 || type == 0x58 {
                    throw TestPythonError(type: "TypeError", message: "%\(letter) format: an integer is required, not float")
                }
                return try number(.int(Int(value)), spec: spec)
            }
            let format = "%" + (spec.alternate ? "#" : "") + ".\(spec.precision ?? 6)" + String(letter)
            return String(format: format, value).unicodeScalars.map(\.value)
        default:
            let kind = (type == 0x6F || type == 0x78 || type == 0x58) ? "an integer" : "a real number"
            throw TestPythonError(type: "TypeError",
                                  message: "%\(letter) format: \(kind) is required, not \(typeName(argument))")
        }
    }

    func character(_ argument: CaseValue) throws -> UInt32 {
        switch argument {
        case .str(let s) where s.count == 1: return s[0]
        case .int(let value):
            guard value >= 0 && value <= 0x10FFFF else { throw PercentFormat.characterRangeError }
            return UInt32(value)
        default: throw PercentFormat.characterTypeError
        }
    }
}

/// The error handlers registered by scripts/gen_text_cases.py, as the
/// runtime would wrap them.
func testErrorHandler(_ name: String) -> CodecErrorHandler {
    if let builtin = CodecErrorHandler(builtinName: name) { return builtin }
    let ascii: ([UInt8]) -> [UInt32] = { $0.map(UInt32.init) }
    switch name {
    case "test.euro":
        return .custom(CustomCodecErrorHandler(encode: { (.text([0x20AC]), $0.end) }, decode: { ([0x20AC], $0.end) }))
    case "test.xy":
        return .custom(CustomCodecErrorHandler(encode: { (.bytes(Array("XY".utf8)), $0.end) },
                                               decode: { (ascii(Array("XY".utf8)), $0.end) }))
    case "test.skip":
        return .custom(CustomCodecErrorHandler(encode: { (.text(ascii(Array("<\($0.start)>".utf8))), $0.start + 1) },
                                               decode: { (ascii(Array("<\($0.start)>".utf8)), $0.start + 1) }))
    case "test.far":
        return .custom(CustomCodecErrorHandler(encode: { _ in (.text([]), 100) }, decode: { _ in ([], 100) }))
    case "test.back":
        return .custom(CustomCodecErrorHandler(encode: { _ in (.text([0x58]), -2) }, decode: { _ in ([0x58], -2) }))
    default:
        return .custom(CustomCodecErrorHandler(encode: { _ in throw CodecErrorHandler.unknownHandler(name) },
                                               decode: { _ in throw CodecErrorHandler.unknownHandler(name) }))
    }
}
