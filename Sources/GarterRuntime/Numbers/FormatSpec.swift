/// A parsed standard format specifier (the `format()` mini-language):
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
public struct FormatSpec: Equatable, Sendable {
    public enum Grouping: Equatable, Sendable {
        case none
        /// `,` every three digits.
        case comma
        /// `_` every three digits (decimal) or four (`b`, `o`, `x`, `X`).
        case underscore
    }

    /// The fill code point (a space unless given).
    public var fill: UInt32 = 0x20
    /// One of `<`, `>`, `=`, `^` (the type's default when not given).
    public var align: UInt32
    /// `+`, `-`, ` `, or nil when not given.
    public var sign: UInt32?
    /// `z`: negative zero shows as zero (floats only).
    public var noNegativeZero = false
    /// `#`.
    public var alternate = false
    /// The minimum width, or nil.
    public var width: Int?
    public var grouping: Grouping = .none
    /// The precision, or nil.
    public var precision: Int?
    /// The presentation type, or nil when none is given and the type has no
    /// default (floats).
    public var type: UInt32?

    public init(align: UInt32, type: UInt32?) {
        self.align = align
        self.type = type
    }

    /// Parses `spec` as CPython's `parse_internal_render_format_spec`, with
    /// the defaults of the object's type (`int`: type `d`; `float`: none;
    /// both align right). `typeName` appears in the error for a spec with
    /// characters left over.
    public static func parse(_ spec: some Collection<UInt32>, defaultType: UInt32?, defaultAlign: UInt32,
                             typeName: String) throws(NumberError) -> FormatSpec {
        let text = Array(spec)
        var result = FormatSpec(align: defaultAlign, type: defaultType)
        var position = 0
        let end = text.count
        func isAlign(_ c: UInt32) -> Bool { c == 0x3C || c == 0x3E || c == 0x3D || c == 0x5E }

        var fillGiven = false
        var alignGiven = false
        if end - position >= 2 && isAlign(text[position + 1]) {
            result.align = text[position + 1]
            result.fill = text[position]
            fillGiven = true
            alignGiven = true
            position += 2
        } else if end - position >= 1 && isAlign(text[position]) {
            result.align = text[position]
            alignGiven = true
            position += 1
        }
        if position < end && (text[position] == 0x2B || text[position] == 0x2D || text[position] == 0x20) {
            result.sign = text[position]
            position += 1
        }
        if position < end && text[position] == 0x7A {  // z
            result.noNegativeZero = true
            position += 1
        }
        if position < end && text[position] == 0x23 {  // #
            result.alternate = true
            position += 1
        }
        if !fillGiven && position < end && text[position] == 0x30 {  // 0
            result.fill = 0x30
            if !alignGiven && defaultAlign == 0x3E { result.align = 0x3D }
            position += 1
        }
        result.width = try parseInteger(text, &position)
        if position < end && text[position] == 0x2C {  // ,
            result.grouping = .comma
            position += 1
            if position < end && text[position] == 0x5F { throw bothSeparators }
        } else if position < end && text[position] == 0x5F {  // _
            result.grouping = .underscore
            position += 1
            if position < end && text[position] == 0x2C { throw bothSeparators }
        }
        if position < end && text[position] == 0x2E {  // .
            position += 1
            guard let precision = try parseInteger(text, &position) else {
                throw NumberError.valueError("Format specifier missing precision")
            }
            result.precision = precision
        }
        if end - position > 1 {
            throw NumberError.valueError("Invalid format specifier '\(scalarsText(text))' for object of type '\(typeName)'")
        }
        if end - position == 1 {
            result.type = text[position]
        }
        if result.grouping != .none {
            switch result.type {
            case nil, 0x64, 0x65, 0x66, 0x67, 0x45, 0x47, 0x25, 0x46:  // d e f g E G % F
                break
            case 0x62, 0x6F, 0x78, 0x58:  // b o x X: only '_' (every four digits)
                if result.grouping == .comma { throw separatorNotAllowed(result.grouping, result.type ?? 0) }
            default:
                throw separatorNotAllowed(result.grouping, result.type ?? 0)
            }
        }
        return result
    }

    static func separatorNotAllowed(_ grouping: Grouping, _ code: UInt32) -> NumberError {
        .valueError("Cannot specify '\(grouping == .comma ? "," : "_")' with \(quotedCode(code)).")
    }

    static let bothSeparators = NumberError.valueError("Cannot specify both ',' and '_'.")

    /// Decimal digits (any Unicode decimal digits) as a width or precision.
    static func parseInteger(_ text: [UInt32], _ position: inout Int) throws(NumberError) -> Int? {
        var value = 0
        var count = 0
        while position < text.count, let digit = UnicodeDatabase.decimalValue(text[position]) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            if overflow1 || overflow2 {
                throw NumberError.valueError("Too many decimal digits in format string")
            }
            value = sum
            count += 1
            position += 1
        }
        return count == 0 ? nil : value
    }

    /// `'q'`, or `'\x1'` for a code outside printable ASCII (CPython's `%c`
    /// versus `\x%x` choice).
    static func quotedCode(_ code: UInt32) -> String {
        if code > 32 && code < 128 { return "'" + String(Character(Unicode.Scalar(UInt8(code)))) + "'" }
        return "'\\x" + String(code, radix: 16) + "'"
    }

    static func scalarsText(_ text: [UInt32]) -> String {
        var scalars = String.UnicodeScalarView()
        for c in text { scalars.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
        return String(scalars)
    }

    /// The presentation type as an ASCII byte (0 for none or non-ASCII).
    var typeByte: UInt8 {
        guard let type, type < 0x80 else { return type == nil ? 0 : 0xFF }
        return UInt8(type)
    }
}
