import BigInt

/// `format(x, spec)` for `int` and `float` (also what f-strings and
/// `str.format` call): CPython 3.11's `_PyLong_FormatAdvancedWriter` and
/// `_PyFloat_FormatAdvancedWriter`. Results are code points (a fill may be
/// any code point); the `String` overloads are for Swift callers and tests.
///
/// The `n` type uses the C locale: `.` as decimal point and no grouping.
public enum NumberFormat {
    // MARK: int

    /// `format(value, spec)` for an int. `typeName` is the object's type name
    /// for error messages (`bool` for `True`); `maxDigits` is the
    /// interpreter's `sys.get_int_max_str_digits()`. An empty spec gives
    /// `str(value)` (callers of `bool.__format__` give "True"/"False"
    /// themselves).
    public static func format(_ value: PyInteger, spec: some Collection<UInt32>, typeName: String = "int",
                              maxDigits: Int) throws(NumberError) -> [UInt32] {
        if spec.isEmpty {
            return try value.toDecimalString(maxDigits: maxDigits).unicodeScalars.map(\.value)
        }
        let parsed = try FormatSpec.parse(spec, defaultType: 0x64, defaultAlign: 0x3E, typeName: typeName)
        switch parsed.typeByte {
        case UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "o"),
             UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "n"):
            return try formatInteger(value, parsed, maxDigits: maxDigits)
        case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "%"):
            return try formatFloat(value.toDouble(), parsed)
        default:
            throw unknownCode(parsed.type ?? 0, typeName)
        }
    }

    public static func format(_ value: PyInteger, spec: String, typeName: String = "int",
                              maxDigits: Int = IntegerText.defaultMaxStrDigits) throws(NumberError) -> String {
        text(try format(value, spec: spec.unicodeScalars.map(\.value), typeName: typeName, maxDigits: maxDigits))
    }

    static func formatInteger(_ value: PyInteger, _ spec: FormatSpec, maxDigits: Int) throws(NumberError) -> [UInt32] {
        if spec.precision != nil {
            throw NumberError.valueError("Precision not allowed in integer format specifier")
        }
        if spec.noNegativeZero {
            throw NumberError.valueError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        let type = spec.typeByte
        if type == UInt8(ascii: "c") {
            if spec.sign != nil {
                throw NumberError.valueError("Sign not allowed with integer format specifier 'c'")
            }
            if spec.alternate {
                throw NumberError.valueError("Alternate form (#) not allowed with integer format specifier 'c'")
            }
            guard case .small(let code) = value else {
                throw NumberError.overflowError("Python int too large to convert to C long")
            }
            guard code >= 0 && code <= 0x10FFFF else {
                throw NumberError.overflowError("%c arg not in range(0x110000)")
            }
            return try layout(negative: false, prefix: [], digits: [], remainder: [UInt32(code)], spec)
        }
        let radix: Int
        var prefix: [UInt32] = []
        switch type {
        case UInt8(ascii: "b"): radix = 2; prefix = [0x30, 0x62]
        case UInt8(ascii: "o"): radix = 8; prefix = [0x30, 0x6F]
        case UInt8(ascii: "x"): radix = 16; prefix = [0x30, 0x78]
        case UInt8(ascii: "X"): radix = 16; prefix = [0x30, 0x58]
        default: radix = 10
        }
        if !spec.alternate { prefix = [] }
        var digitText: [UInt8]
        switch value {
        case .small(let small):
            digitText = Array(String(small.magnitude, radix: radix, uppercase: type == UInt8(ascii: "X")).utf8)
        case .big(let big):
            if radix == 10 { try IntegerText.checkDigitLimit(big.magnitude, maxDigits: maxDigits) }
            digitText = Array(IntegerText.digits(of: big.magnitude, radix: radix,
                                                 uppercase: type == UInt8(ascii: "X")).utf8)
        }
        // `n` groups by the (C) locale: not at all.
        return try layout(negative: value.isNegative, prefix: prefix, digits: digitText, remainder: [], spec,
                          groupSize: radix == 10 ? 3 : 4, grouping: type == UInt8(ascii: "n") ? .none : spec.grouping)
    }

    // MARK: float

    /// `format(value, spec)` for a float. An empty spec gives `str(value)`.
    public static func format(_ value: Double, spec: some Collection<UInt32>,
                              typeName: String = "float") throws(NumberError) -> [UInt32] {
        if spec.isEmpty { return FloatText.repr(value).unicodeScalars.map(\.value) }
        let parsed = try FormatSpec.parse(spec, defaultType: nil, defaultAlign: 0x3E, typeName: typeName)
        switch parsed.typeByte {
        case 0, UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "n"), UInt8(ascii: "%"):
            return try formatFloat(value, parsed)
        default:
            throw unknownCode(parsed.type ?? 0, typeName)
        }
    }

    public static func format(_ value: Double, spec: String, typeName: String = "float") throws(NumberError) -> String {
        text(try format(value, spec: spec.unicodeScalars.map(\.value), typeName: typeName))
    }

    static func formatFloat(_ value: Double, _ spec: FormatSpec) throws(NumberError) -> [UInt32] {
        if let precision = spec.precision, precision > Int(Int32.max) {
            throw NumberError.valueError("precision too big")
        }
        if let precision = spec.precision, precision > NumberLimits.maxFormattedLength {
            throw NumberError.memoryError
        }
        var flags: FloatText.Flags = []
        if spec.alternate { flags.insert(.alternate) }
        if spec.noNegativeZero { flags.insert(.noNegativeZero) }
        var code = spec.typeByte
        var defaultPrecision = 6
        var x = value
        var percent = false
        if code == 0 {
            flags.insert(.addDotZero)
            code = UInt8(ascii: "r")
            defaultPrecision = 0
        }
        if code == UInt8(ascii: "n") { code = UInt8(ascii: "g") }
        if code == UInt8(ascii: "%") {
            code = UInt8(ascii: "f")
            x *= 100
            percent = true
        }
        var precision = defaultPrecision
        if let given = spec.precision {
            precision = given
            if code == UInt8(ascii: "r") { code = UInt8(ascii: "g") }
        }
        var buffer: [UInt8] = []
        FloatText.append(x, code: code, precision: precision, flags: flags, to: &buffer)
        if percent { buffer.append(UInt8(ascii: "%")) }
        if spec.width == nil && spec.sign == nil && spec.grouping == .none {
            // Nothing to pad, group or sign: the text as it is.
            return buffer.map { UInt32($0) }
        }
        var start = 0
        var negative = false
        if buffer.first == UInt8(ascii: "-") {
            negative = true
            start = 1
        }
        var split = start
        while split < buffer.count && buffer[split] &- 0x30 < 10 { split += 1 }
        return try layout(negative: negative, prefix: [], digits: buffer[start..<split],
                          remainder: buffer[split...].map { UInt32($0) }, spec,
                          groupSize: 3, grouping: spec.typeByte == UInt8(ascii: "n") ? .none : spec.grouping)
    }

    // MARK: Layout

    /// CPython's `calc_number_widths` and `fill_number`:
    /// `[padding][sign][prefix][zero padding][grouped digits][remainder][padding]`,
    /// where `remainder` is the decimal point, fraction, exponent, `%`, or
    /// the character of `c`.
    static func layout(negative: Bool, prefix: [UInt32], digits: some Collection<UInt8>, remainder: [UInt32],
                       _ spec: FormatSpec, groupSize: Int = 3,
                       grouping: FormatSpec.Grouping = .none) throws(NumberError) -> [UInt32] {
        let width = spec.width ?? -1
        if width > NumberLimits.maxFormattedLength { throw NumberError.memoryError }
        var signCode: UInt32? = nil
        switch spec.sign {
        case 0x2B: signCode = negative ? 0x2D : 0x2B
        case 0x20: signCode = negative ? 0x2D : 0x20
        default: signCode = negative ? 0x2D : nil
        }
        let nonDigits = (signCode == nil ? 0 : 1) + prefix.count + remainder.count
        let zeroPadded = spec.fill == 0x30 && spec.align == 0x3D
        let minimumWidth = zeroPadded ? width - nonDigits : 0
        let separator: UInt32? = switch grouping {
        case .none: nil
        case .comma: 0x2C
        case .underscore: 0x5F
        }
        let grouped = digits.isEmpty ? [] : group(Array(digits), minimumWidth: minimumWidth,
                                                  separator: separator, size: groupSize)
        let padding = max(0, width - (nonDigits + grouped.count))
        var left = 0, inner = 0, right = 0
        switch spec.align {
        case 0x3C: right = padding
        case 0x5E: left = padding / 2; right = padding - left
        case 0x3D: inner = padding
        default: left = padding
        }
        var out: [UInt32] = []
        out.reserveCapacity(nonDigits + grouped.count + padding)
        out.append(contentsOf: repeatElement(spec.fill, count: left))
        if let signCode { out.append(signCode) }
        out.append(contentsOf: prefix)
        out.append(contentsOf: repeatElement(spec.fill, count: inner))
        out.append(contentsOf: grouped)
        out.append(contentsOf: remainder)
        out.append(contentsOf: repeatElement(spec.fill, count: right))
        return out
    }

    /// Digits with separators every `size` from the right, left-padded with
    /// zeros (and separators) to at least `minimumWidth`
    /// (CPython's `_PyUnicode_InsertThousandsGrouping`).
    static func group(_ digits: [UInt8], minimumWidth: Int, separator: UInt32?, size: Int) -> [UInt32] {
        guard let separator else {
            let zeros = max(0, max(minimumWidth, 1) - digits.count)
            var out = [UInt32](repeating: 0x30, count: zeros)
            out.reserveCapacity(zeros + digits.count)
            for digit in digits { out.append(UInt32(digit)) }
            return out
        }
        // Built from the right, then reversed.
        var out: [UInt32] = []
        out.reserveCapacity(max(digits.count, minimumWidth) * (size + 1) / size + 1)
        var remaining = digits.count
        var minWidth = minimumWidth
        var end = digits.count
        var first = true
        while true {
            let length = min(size, max(remaining, minWidth, 1))
            let zeros = max(0, length - remaining)
            let count = max(0, min(remaining, length))
            if !first { out.append(separator) }
            first = false
            var index = end - 1
            while index >= end - count {
                out.append(UInt32(digits[index]))
                index -= 1
            }
            for _ in 0..<zeros { out.append(0x30) }
            end -= count
            remaining -= count
            minWidth -= length
            if remaining <= 0 && minWidth <= 0 { break }
            minWidth -= 1
        }
        out.reverse()
        return out
    }

    static func unknownCode(_ code: UInt32, _ typeName: String) -> NumberError {
        .valueError("Unknown format code \(FormatSpec.quotedCode(code)) for object of type '\(typeName)'")
    }

    static func text(_ codePoints: [UInt32]) -> String {
        if codePoints.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: codePoints.count) { buffer in
                for (index, c) in codePoints.enumerated() { buffer[index] = UInt8(truncatingIfNeeded: c) }
                return codePoints.count
            }
        }
        var scalars = String.UnicodeScalarView()
        for c in codePoints { scalars.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
        return String(scalars)
    }
}
