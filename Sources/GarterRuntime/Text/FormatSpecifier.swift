/// The format-specification mini-language of `format()`/`__format__`:
///
///     [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
///
/// shared by every type's `__format__` (`str` here; `int`, `float`,
/// `complex` and others reuse the parser). Parsing follows CPython 3.11:
/// widths and precisions may be written in any Unicode decimal digits, a
/// `0` before the width means fill `0` (and `=` alignment when the type's
/// default alignment is right), and the grouping option is checked against
/// the type.
public struct FormatSpecifier: Equatable, Sendable {
    /// How a value is placed in its field.
    public enum Alignment: UInt32, Sendable {
        case left = 0x3C  // <
        case right = 0x3E  // >
        case center = 0x5E  // ^
        /// Padding after the sign (numbers only).
        case afterSign = 0x3D  // =
    }

    public enum Sign: UInt32, Sendable {
        case plus = 0x2B  // +
        case minus = 0x2D  // -
        case space = 0x20  // " "
    }

    /// The thousands separator option.
    public enum Grouping: Sendable {
        /// `,`
        case comma
        /// `_`, every three digits
        case underscore
        /// `_` with `b`, `o`, `x` or `X`: every four digits
        case underscoreEveryFour
    }

    /// The fill character (a space unless given, or `0` with the `0` flag).
    public var fill: UInt32 = 0x20
    /// The alignment given, or implied by the `0` flag; nil for the type's default.
    public var alignment: Alignment?
    public var sign: Sign?
    /// The `z` option: coerce negative zero to zero (floats).
    public var coerceNegativeZero = false
    /// The `#` option: alternate form.
    public var alternate = false
    public var width: Int?
    public var grouping: Grouping?
    public var precision: Int?
    /// The presentation type (`s`, `d`, `f`, ...), or the default type given
    /// to `parse` when the spec has none (nil when that is nil too).
    public var type: UInt32?

    public init() {}

    /// Parses `spec` for an object whose type is named `typeName` (for
    /// messages). `defaultType` is the type assumed when none is written
    /// (`s` for str, `d` for int, nil for float); `defaultAlignment` is the
    /// type's own (`.left` for str, `.right` for numbers), used to decide
    /// what the `0` flag implies.
    public static func parse(_ spec: CodePoints, typeName: String, defaultType: UInt32?,
                             defaultAlignment: Alignment) throws(TextError) -> FormatSpecifier {
        var result = FormatSpecifier()
        result.type = defaultType
        let end = spec.count
        var index = 0
        var fillSpecified = false
        var alignmentSpecified = false
        if end - index >= 2, let alignment = Alignment(rawValue: spec[index + 1]) {
            result.alignment = alignment
            result.fill = spec[index]
            fillSpecified = true
            alignmentSpecified = true
            index += 2
        } else if end - index >= 1, let alignment = Alignment(rawValue: spec[index]) {
            result.alignment = alignment
            alignmentSpecified = true
            index += 1
        }
        if index < end, let sign = Sign(rawValue: spec[index]) {
            result.sign = sign
            index += 1
        }
        if index < end && spec[index] == 0x7A {  // z
            result.coerceNegativeZero = true
            index += 1
        }
        if index < end && spec[index] == 0x23 {  // #
            result.alternate = true
            index += 1
        }
        if !fillSpecified && index < end && spec[index] == 0x30 {
            result.fill = 0x30
            if !alignmentSpecified && defaultAlignment == .right {
                result.alignment = .afterSign
            }
            index += 1
        }
        result.width = try readInteger(spec, &index)
        if index < end && spec[index] == 0x2C {  // ,
            result.grouping = .comma
            index += 1
        }
        if index < end && spec[index] == 0x5F {  // _
            if result.grouping != nil { throw .valueError("Cannot specify both ',' and '_'.") }
            result.grouping = .underscore
            index += 1
        }
        if index < end && spec[index] == 0x2C && result.grouping == .underscore {
            throw .valueError("Cannot specify both ',' and '_'.")
        }
        if index < end && spec[index] == 0x2E {  // .
            index += 1
            guard let precision = try readInteger(spec, &index) else {
                throw .valueError("Format specifier missing precision")
            }
            result.precision = precision
        }
        if end - index > 1 {
            throw .valueError("Invalid format specifier '\(PyText.swiftString(spec))' for object of type '\(typeName)'")
        }
        if end - index == 1 {
            result.type = spec[index]
        }
        if let grouping = result.grouping {
            let separator: Character = grouping == .comma ? "," : "_"
            switch result.type {
            case nil, 0x64, 0x65, 0x66, 0x67, 0x45, 0x47, 0x25, 0x46:  // d e f g E G % F
                break
            case 0x62, 0x6F, 0x78, 0x58:  // b o x X: `_` only, every four digits
                guard grouping == .underscore else { fallthrough }
                result.grouping = .underscoreEveryFour
            default:
                throw .valueError("Cannot specify '\(separator)' with \(quotedCode(result.type ?? 0)).")
            }
        }
        return result
    }

    /// A run of decimal digits (any script) as an Int, nil when there is none.
    private static func readInteger(_ spec: CodePoints, _ index: inout Int) throws(TextError) -> Int? {
        var value = 0
        var digits = 0
        while index < spec.count, let digit = UnicodeDatabase.decimalValue(spec[index]) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw .valueError("Too many decimal digits in format string") }
            value = sum
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    /// `'c'` for printable ASCII, else `'\xNN'`, as CPython quotes a
    /// presentation type in messages.
    static func quotedCode(_ code: UInt32) -> String {
        if code > 32 && code < 128 {
            return "'" + String(Unicode.Scalar(UInt8(code))) + "'"
        }
        return "'\\x" + String(code, radix: 16) + "'"
    }

    /// The error for a presentation type the object's type does not support.
    public static func unknownFormatCode(_ code: UInt32, typeName: String) -> TextError {
        .valueError("Unknown format code \(quotedCode(code)) for object of type '\(typeName)'")
    }

    /// Pads `content` to the spec's width with its fill character;
    /// `alignment` is the effective one (the spec's or the type's default).
    /// `.afterSign` is the caller's business and is treated as `.left` here.
    public func pad(_ content: [UInt32], alignment: Alignment) -> [UInt32] {
        guard let width, width > content.count else { return content }
        let total = width - content.count
        let left: Int
        switch alignment {
        case .right: left = total
        case .center: left = total / 2
        case .left, .afterSign: left = 0
        }
        var result: [UInt32] = []
        result.reserveCapacity(width)
        result.append(contentsOf: repeatElement(fill, count: left))
        result.append(contentsOf: content)
        result.append(contentsOf: repeatElement(fill, count: total - left))
        return result
    }
}

extension PyText {
    /// A Swift string of code points (lone surrogates as U+FFFD), for
    /// messages.
    public static func swiftString(_ codePoints: CodePoints) -> String {
        var result = String.UnicodeScalarView()
        for value in codePoints {
            result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(result)
    }

    /// `swiftString` of an array.
    public static func swiftString(_ codePoints: [UInt32]) -> String {
        codePoints.withUnsafeBufferPointer { swiftString($0) }
    }
}

extension PyText {
    /// `format(text, spec)` / `str.__format__`: precision truncates, width
    /// pads (left-aligned by default). An empty spec returns the text.
    public static func format(_ text: CodePoints, spec: CodePoints) throws(TextError) -> [UInt32] {
        if spec.isEmpty { return Array(text) }
        let parsed = try FormatSpecifier.parse(spec, typeName: "str", defaultType: 0x73, defaultAlignment: .left)
        guard parsed.type == 0x73 else {
            throw FormatSpecifier.unknownFormatCode(parsed.type ?? 0, typeName: "str")
        }
        if let sign = parsed.sign {
            throw .valueError(sign == .space ? "Space not allowed in string format specifier"
                                             : "Sign not allowed in string format specifier")
        }
        if parsed.coerceNegativeZero {
            throw .valueError("Negative zero coercion (z) not allowed in string format specifier")
        }
        if parsed.alternate {
            throw .valueError("Alternate form (#) not allowed in string format specifier")
        }
        if parsed.alignment == .afterSign {
            throw .valueError("'=' alignment not allowed in string format specifier")
        }
        var length = text.count
        if let precision = parsed.precision, precision < length {
            length = precision
        }
        if let width = parsed.width, width > maximumLength { throw .memoryError }
        return parsed.pad(Array(text[0..<length]), alignment: parsed.alignment ?? .left)
    }
}
