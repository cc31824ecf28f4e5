import BigInt

// The runtime's side of `str.format`/`format_map` (FormatStringDelegate)
// and of `%` for str and bytes (PercentFormatDelegate): field lookups,
// conversions and number formatting on objects. The text library does the
// parsing and the layout.

/// `str.format(*args, **kwargs)` or `str.format_map(mapping)`.
final class StrFormatDelegate: FormatStringDelegate {
    typealias Object = Value
    let thread: ThreadState
    let positional: [Value]
    let keywords: [(name: [UInt32], value: Value)]
    let mapping: Value?
    /// References the lookups returned, released when formatting ends.
    var owned: [Value] = []

    init(thread: ThreadState, arguments: Arguments) {
        self.thread = thread
        positional = arguments.positional
        keywords = (0..<arguments.keywordCount).map {
            (arguments.keywordNames!.items[$0].strObject?.codePoints ?? [], arguments.keywordValue($0))
        }
        mapping = nil
    }

    init(thread: ThreadState, mapping: Value) {
        self.thread = thread
        positional = []
        keywords = []
        self.mapping = mapping
    }

    deinit {
        for value in owned { value.release() }
    }

    private func keep(_ value: Value) -> Value {
        owned.append(value)
        return value
    }

    private func string(_ codePoints: [UInt32]) -> Value {
        keep(thread.interpreter.newString(codePoints: codePoints))
    }

    func positionalArgument(_ index: Int) throws -> Value? {
        index < positional.count ? positional[index] : nil
    }

    func keywordArgument(_ name: [UInt32]) throws -> Value {
        if let mapping { return keep(try thread.getItem(mapping, string(name))) }
        for keyword in keywords where keyword.name == name { return keyword.value }
        throw EvalError.keyError(string(name))
    }

    func attribute(of object: Value, named name: [UInt32]) throws -> Value {
        keep(try thread.getAttribute(object, string(name).strObject!))
    }

    func item(of object: Value, index: Int) throws -> Value {
        keep(try thread.getItem(object, .int(index)))
    }

    func item(of object: Value, key: [UInt32]) throws -> Value {
        keep(try thread.getItem(object, string(key)))
    }

    func convert(_ object: Value, conversion: UInt32) throws -> Value {
        switch conversion {
        case 0x72: return keep(try thread.repr(object))
        case 0x61: return keep(try thread.asciiText(object))
        default: return keep(try thread.str(object))
        }
    }

    /// `format(object, spec)`, with CPython's shortcuts for exact str (its
    /// `__format__` is the text library's) and for exact int and float with
    /// an empty spec (their `str()`).
    func format(_ object: Value, spec: [UInt32]) throws -> [UInt32] {
        let types = thread.interpreter.types
        if let text = object.as(PyStr.self), thread.typeOf(object) === types.str {
            if spec.isEmpty { return text.codePoints }
            return try text.codePoints.withUnsafeBufferPointer { buffer in
                try spec.withUnsafeBufferPointer { try PyText.format(buffer, spec: $0) }
            }
        }
        if spec.isEmpty {
            switch object {
            case .int(let number):
                var digits = DecimalDigits.of(number.magnitude)
                if number < 0 { digits.insert(0x2D, at: 0) }
                return digits
            case .bool(let flag): return Array((flag ? "True" : "False").unicodeScalars.map(\.value))
            case .float(let number): return Array(FloatText.repr(number).unicodeScalars.map(\.value))
            default: break
            }
        }
        let result = keep(try thread.format(object, string(spec)))
        return result.strObject!.codePoints
    }
}

/// `format % arguments` for str (`formatsBytes` false) and bytes (true),
/// whose results are bytes carried as code points below 256.
final class PercentFormatter: PercentFormatDelegate {
    typealias Argument = Value
    let thread: ThreadState
    let formatsBytes: Bool
    var owned: [Value] = []

    init(thread: ThreadState, bytes: Bool) {
        self.thread = thread
        self.formatsBytes = bytes
    }

    deinit {
        for value in owned { value.release() }
    }

    /// How CPython reads the right operand of `%`.
    func arguments(_ value: Value) -> PercentArguments<Value> {
        if let tuple = value.as(PyTuple.self) { return .tuple(tuple.items) }
        let isText = value.as(PyStr.self) != nil || (formatsBytes && value.as(PyBytes.self) != nil)
        if thread.typeOf(value).slots.getItem != nil && !isText { return .mapping(value) }
        return .single(value)
    }

    func item(of mapping: Value, key: [UInt32]) throws -> Value {
        let keyValue = formatsBytes ? thread.interpreter.newBytes(ByteText.narrowed(key))
                                    : thread.interpreter.newString(codePoints: key)
        defer { keyValue.release() }
        let result = try thread.getItem(mapping, keyValue)
        owned.append(result)
        return result
    }

    func integer(_ argument: Value) throws -> Int? {
        guard let integer = Arithmetic.pyInteger(argument) else { return nil }
        guard let small = integer.smallValue else {
            throw EvalError.overflowError("Python int too large to convert to C ssize_t")
        }
        return small
    }

    func string(_ argument: Value, conversion: UInt32) throws -> [UInt32] {
        if conversion == 0x72 && !formatsBytes { return try text(thread.repr(argument)) }
        if conversion == 0x72 || conversion == 0x61 { return try text(thread.asciiText(argument)) }
        if !formatsBytes { return try text(thread.str(argument)) }
        if let bytes = argument.as(PyBytes.self) { return bytes.bytes.map(UInt32.init) }
        if let result = try thread.callSpecial(argument, thread.interpreter.internedString("__bytes__"), []) {
            defer { result.release() }
            guard let bytes = result.as(PyBytes.self) else {
                throw EvalError.typeError("__bytes__ returned non-bytes (type \(thread.typeOf(result).name))")
            }
            return bytes.bytes.map(UInt32.init)
        }
        if let bytes = try thread.bytesLike(argument) { return bytes.map(UInt32.init) }
        throw EvalError.typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '\(thread.typeOf(argument).name)'")
    }

    private func text(_ value: Value) -> [UInt32] {
        defer { value.release() }
        return value.strObject!.codePoints
    }

    func number(_ argument: Value, spec: PercentSpec) throws -> [UInt32] {
        let type = spec.type
        let code = Character(Unicode.Scalar(UInt8(type)))
        let argumentType = thread.typeOf(argument)
        switch type {
        case 0x65, 0x45, 0x66, 0x46, 0x67, 0x47:  // e E f F g G
            let value = try double(argument)
            var flags: FloatText.Flags = []
            if spec.alternate { flags.insert(.alternate) }
            var formatted: [UInt8] = []
            FloatText.append(value, code: UInt8(type), precision: spec.precision ?? 6, flags: flags, to: &formatted)
            return formatted.map(UInt32.init)
        default:
            var integer = Arithmetic.pyInteger(argument)
            if integer == nil {
                let wantsIndex = type == 0x6F || type == 0x78 || type == 0x58
                if wantsIndex {
                    guard argumentType.slots.index != nil else {
                        throw EvalError.typeError("%\(code) format: an integer is required, not \(argumentType.name)")
                    }
                    let converted = try thread.index(argument)
                    defer { converted.release() }
                    integer = Arithmetic.pyInteger(converted)
                } else {
                    guard argumentType.slots.index != nil || argumentType.slots.int != nil || argumentType.slots.float != nil else {
                        throw EvalError.typeError("%\(code) format: a real number is required, not \(argumentType.name)")
                    }
                    let converted = try thread.call(thread.interpreter.types.int.value, [argument])
                    defer { converted.release() }
                    integer = Arithmetic.pyInteger(converted)
                }
            }
            guard let integer else { throw EvalError.typeError("an integer is required") }
            let radix = type == 0x6F ? 8 : (type == 0x78 || type == 0x58) ? 16 : 10
            let digits: [UInt32]
            if radix == 10, case .small(let value) = integer {
                digits = DecimalDigits.of(value.magnitude)
            } else if radix == 10 {
                var text: String
                do {
                    text = try integer.toDecimalString(maxDigits: thread.interpreter.maxStringDigits)
                } catch {
                    throw EvalError.valueError(error.message)
                }
                if text.hasPrefix("-") { text.removeFirst() }
                digits = text.unicodeScalars.map(\.value)
            } else {
                switch integer {
                case .small(let value): digits = String(value.magnitude, radix: radix).unicodeScalars.map(\.value)
                case .big(let value): digits = String(value.magnitude, radix: radix).unicodeScalars.map(\.value)
                }
            }
            return PercentFormat.integerText(negative: integer.isNegative, digits: digits,
                                             type: type, alternate: spec.alternate, precision: spec.precision)
        }
    }

    /// PyFloat_AsDouble: floats, ints, `__float__`, then `__index__`.
    private func double(_ argument: Value) throws -> Double {
        if case .float(let value) = argument { return value }
        if let integer = Arithmetic.pyInteger(argument) { return try convert(integer) }
        let type = thread.typeOf(argument)
        if let slot = type.slots.float {
            let result = try slot(thread, argument)
            defer { result.release() }
            if case .float(let value) = result { return value }
            throw EvalError.typeError("\(type.name).__float__ returned non-float (type \(thread.typeOf(result).name))")
        }
        if type.slots.index != nil {
            let result = try thread.index(argument)
            defer { result.release() }
            if let integer = Arithmetic.pyInteger(result) { return try convert(integer) }
        }
        throw EvalError.typeError("must be real number, not \(type.name)")
    }

    private func convert(_ integer: PyInteger) throws -> Double {
        do {
            return try integer.toDouble()
        } catch {
            throw EvalError.overflowError(error.message)
        }
    }

    func character(_ argument: Value) throws -> UInt32 {
        if formatsBytes {
            if let bytes = argument.as(PyBytes.self)?.bytes ?? argument.as(PyByteArray.self)?.bytes, bytes.count == 1 {
                return UInt32(bytes[0])
            }
            guard thread.typeOf(argument).slots.index != nil || Arithmetic.pyInteger(argument) != nil else {
                throw TextError.typeError("%c requires an integer in range(256) or a single byte")
            }
            guard let value = try thread.indexIntOrOverflow(argument), value >= 0 && value <= 255 else {
                throw TextError.overflowError("%c arg not in range(256)")
            }
            return UInt32(value)
        }
        if let text = argument.as(PyStr.self) {
            guard text.count == 1 else { throw PercentFormat.characterTypeError }
            return text.codePoints[0]
        }
        guard thread.typeOf(argument).slots.index != nil || Arithmetic.pyInteger(argument) != nil else {
            throw PercentFormat.characterTypeError
        }
        guard let value = try thread.indexIntOrOverflow(argument), value >= 0 && value <= 0x10FFFF else {
            throw PercentFormat.characterRangeError
        }
        return UInt32(value)
    }
}

extension ThreadState {
    /// `format % arguments` for a str format.
    func percentFormatString(_ format: [UInt32], _ arguments: Value) throws(EvalError) -> [UInt32] {
        let formatter = PercentFormatter(thread: self, bytes: false)
        return try textCall {
            try format.withUnsafeBufferPointer { try PyText.percentFormat($0, formatter.arguments(arguments), delegate: formatter) }
        }
    }

    /// `format % arguments` for a bytes or bytearray format.
    func percentFormatBytes(_ format: [UInt8], _ arguments: Value) throws(EvalError) -> [UInt8] {
        let formatter = PercentFormatter(thread: self, bytes: true)
        return ByteText.narrowed(try textCall {
            try ByteText.widened(format) { try PyText.percentFormat($0, formatter.arguments(arguments), delegate: formatter) }
        })
    }
}

/// The decimal digits of a word as code points, without going through a
/// Swift `String` (the common case of `%d` and `{}`).
enum DecimalDigits {
    static func of(_ value: UInt) -> [UInt32] {
        if value < 10 { return [0x30 + UInt32(value)] }
        var digits: [UInt32] = []
        digits.reserveCapacity(20)
        var rest = value
        while rest > 0 {
            digits.append(0x30 + UInt32(rest % 10))
            rest /= 10
        }
        digits.reverse()
        return digits
    }
}
