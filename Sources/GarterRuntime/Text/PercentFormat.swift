/// printf-style formatting of str: `format % args`.
///
/// The parsing of conversion specifications, the consumption of arguments,
/// `%(key)` lookups, `*` widths and precisions, and the padding/sign/zero
/// rules are here; the runtime supplies the conversions of its objects
/// through `PercentFormatDelegate` (`str`/`repr`/`ascii`, integer and float
/// formatting, `%c`).

/// One conversion specification, as the delegate sees it.
public struct PercentSpec: Equatable, Sendable {
    /// The conversion character (`s`, `d`, `x`, `f`, ...).
    public var type: UInt32
    /// `-`: left-justify.
    public var leftJustify = false
    /// `+`: always a sign.
    public var sign = false
    /// ` `: a space for positive numbers.
    public var blank = false
    /// `#`: alternate form.
    public var alternate = false
    /// `0`: zero padding (numbers).
    public var zeroPad = false
    /// nil when not given.
    public var width: Int?
    /// nil when not given; never negative.
    public var precision: Int?

    public init(type: UInt32) {
        self.type = type
    }
}

/// The right operand of `%`.
public enum PercentArguments<Argument> {
    /// A tuple: its items are consumed one by one.
    case tuple([Argument])
    /// Any other object that is not a mapping: the single argument.
    case single(Argument)
    /// A mapping (not a tuple or str): `%(key)` specs look keys up in it;
    /// other specs take the mapping itself as their argument.
    case mapping(Argument)
}

/// What `%`-formatting needs from the runtime. Errors thrown propagate.
public protocol PercentFormatDelegate {
    associatedtype Argument
    /// `mapping[key]` for `%(key)s`.
    func item(of mapping: Argument, key: [UInt32]) throws -> Argument
    /// The value of an int argument for `*` (nil when the argument is not
    /// an int: "* wants int"; a too-large int raises OverflowError).
    func integer(_ argument: Argument) throws -> Int?
    /// `str(argument)` (`s`), `repr` (`r`) or `ascii` (`a`).
    func string(_ argument: Argument, conversion: UInt32) throws -> [UInt32]
    /// The text of a number for `d i u o x X` (as CPython's
    /// `_PyUnicode_FormatLong`: sign, then `0x`/`0X`/`0o` with `#`, then the
    /// digits zero-padded to the precision; see `PercentFormat.integerText`)
    /// or `e E f F g G` (as `PyOS_double_to_string` with the precision, 6
    /// by default, and `#`). Signs for `+`/` ` and the width are added by the
    /// caller. Raises TypeError for a non-number ("%d format: a real number
    /// is required, not str", "%x format: an integer is required, not float").
    func number(_ argument: Argument, spec: PercentSpec) throws -> [UInt32]
    /// The character for `%c`: a one-character str or an int in
    /// range(0x110000), else `PercentFormat.characterTypeError` or
    /// `characterRangeError`.
    func character(_ argument: Argument) throws -> UInt32
    /// Whether this formats `bytes` (`%b` is then `%s`, and the messages
    /// say "bytes formatting"); false unless the delegate says so.
    var formatsBytes: Bool { get }
}

extension PercentFormatDelegate {
    public var formatsBytes: Bool { false }
}

public enum PercentFormat {
    /// CPython's messages for `%c` arguments, raised by the delegate.
    public static let characterTypeError = TextError.typeError("%c requires int or char")
    public static let characterRangeError = TextError.overflowError("%c arg not in range(0x110000)")

    /// `_PyUnicode_FormatLong`'s layout for an integer whose magnitude is
    /// `digits` (in the base of `type`, lower-case; upper-cased for `X`).
    public static func integerText(negative: Bool, digits: [UInt32], type: UInt32, alternate: Bool,
                                   precision: Int?) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(digits.count + 4)
        if negative { result.append(0x2D) }
        if alternate && (type == 0x78 || type == 0x58 || type == 0x6F) {
            result.append(0x30)
            result.append(type)
        }
        if let precision, precision > digits.count {
            result.append(contentsOf: repeatElement(0x30, count: precision - digits.count))
        }
        if type == 0x58 {
            for digit in digits { result.append(digit >= 0x61 && digit <= 0x7A ? digit - 0x20 : digit) }
        } else {
            result.append(contentsOf: digits)
        }
        return result
    }
}

extension PyText {
    /// `format % arguments` for a str format.
    public static func percentFormat<Delegate: PercentFormatDelegate>(
        _ format: CodePoints, _ arguments: PercentArguments<Delegate.Argument>, delegate: Delegate
    ) throws -> [UInt32] {
        var state = PercentState(arguments)
        var output: [UInt32] = []
        output.reserveCapacity(format.count + 16)
        let count = format.count
        var position = 0
        while position < count {
            if format[position] != 0x25 {
                let start = position
                while position < count && format[position] != 0x25 { position += 1 }
                output.append(contentsOf: format[start..<position])
                continue
            }
            position += 1
            if position < count && format[position] == 0x25 {
                output.append(0x25)
                position += 1
                continue
            }
            try formatOne(format, &position, &state, delegate, &output)
            if state.mapping != nil && state.hasUnusedArguments {
                throw TextError.typeError("not all arguments converted during \(delegate.formatsBytes ? "bytes" : "string") formatting")
            }
        }
        if state.mapping == nil && state.hasUnusedArguments {
            throw TextError.typeError("not all arguments converted during \(delegate.formatsBytes ? "bytes" : "string") formatting")
        }
        return output
    }

    /// Parses one specification after its `%` and writes its conversion.
    private static func formatOne<Delegate: PercentFormatDelegate>(
        _ format: CodePoints, _ position: inout Int, _ state: inout PercentState<Delegate.Argument>,
        _ delegate: Delegate, _ output: inout [UInt32]
    ) throws {
        let count = format.count
        func read() -> UInt32? {
            guard position < count else { return nil }
            defer { position += 1 }
            return format[position]
        }
        var character = read()
        if character == 0x28 {  // (key)
            guard let mapping = state.mapping else { throw TextError.typeError("format requires a mapping") }
            let keyStart = position
            var depth = 1
            while depth > 0, let next = read() {
                if next == 0x29 { depth -= 1 } else if next == 0x28 { depth += 1 }
            }
            if depth > 0 { throw TextError.valueError("incomplete format key") }
            let key = Array(format[keyStart..<(position - 1)])
            state.setCurrent(try delegate.item(of: mapping, key: key))
            character = read()
        }
        var spec = PercentSpec(type: 0)
        flags: while let flag = character {
            switch flag {
            case 0x2D: spec.leftJustify = true
            case 0x2B: spec.sign = true
            case 0x20: spec.blank = true
            case 0x23: spec.alternate = true
            case 0x30: spec.zeroPad = true
            default: break flags
            }
            character = read()
        }
        if character == 0x2A {  // *
            let argument = try state.next()
            guard var width = try delegate.integer(argument) else { throw TextError.typeError("* wants int") }
            if width < 0 {
                spec.leftJustify = true
                width = width == Int.min ? Int.max : -width
            }
            spec.width = width
            character = read()
        } else if let digit = character, digit >= 0x30 && digit <= 0x39 {
            var width = Int(digit - 0x30)
            character = read()
            while let next = character, next >= 0x30 && next <= 0x39 {
                let value = Int(next - 0x30)
                if width > (Int.max - value) / 10 { throw TextError.valueError("width too big") }
                width = width * 10 + value
                character = read()
            }
            spec.width = width
        }
        if character == 0x2E {  // .precision
            spec.precision = 0
            character = read()
            if character == 0x2A {
                let argument = try state.next()
                guard let precision = try delegate.integer(argument) else { throw TextError.typeError("* wants int") }
                guard precision <= Int(Int32.max) && precision >= Int(Int32.min) else {
                    throw TextError.overflowError("Python int too large to convert to C int")
                }
                spec.precision = max(0, precision)
                character = read()
            } else if let digit = character, digit >= 0x30 && digit <= 0x39 {
                var precision = Int(digit - 0x30)
                character = read()
                while let next = character, next >= 0x30 && next <= 0x39 {
                    let value = Int(next - 0x30)
                    if precision > (Int(Int32.max) - value) / 10 { throw TextError.valueError("precision too big") }
                    precision = precision * 10 + value
                    character = read()
                }
                spec.precision = precision
            }
        }
        if let modifier = character, modifier == 0x68 || modifier == 0x6C || modifier == 0x4C {  // h l L
            character = read()
        }
        guard let type = character else { throw TextError.valueError("incomplete format") }
        spec.type = type
        let argument = try state.next()
        let text: [UInt32]
        var isNumber = false
        switch type {
        case 0x73, 0x72, 0x61:  // s r a
            text = try delegate.string(argument, conversion: type)
        case 0x62 where delegate.formatsBytes:  // b
            text = try delegate.string(argument, conversion: type)
        case 0x69, 0x64, 0x75, 0x6F, 0x78, 0x58, 0x65, 0x45, 0x66, 0x46, 0x67, 0x47:  // i d u o x X e E f F g G
            text = try delegate.number(argument, spec: spec)
            isNumber = true
        case 0x63:  // c
            text = [try delegate.character(argument)]
        default:
            let shown = type >= 31 && type <= 126 ? Character(Unicode.Scalar(UInt8(type))) : "?"
            throw TextError.valueError(
                "unsupported format character '\(shown)' (0x\(String(type, radix: 16))) at index \(position - 1)")
        }
        try writePadded(text, spec: spec, isNumber: isNumber, into: &output)
    }

    /// Applies precision (s r a), sign, width, zero padding and the `0x`
    /// prefix placement as CPython's unicode_format_arg_output.
    private static func writePadded(_ text: [UInt32], spec: PercentSpec, isNumber: Bool,
                                    into output: inout [UInt32]) throws {
        var length = text.count
        if !isNumber && (spec.type == 0x73 || spec.type == 0x72 || spec.type == 0x61 || spec.type == 0x62),
           let precision = spec.precision, precision < length {
            length = precision
        }
        let fill: UInt32 = isNumber && spec.zeroPad ? 0x30 : 0x20
        var index = 0
        var signCharacter: UInt32?
        if isNumber {
            if length > 0 && (text[0] == 0x2D || text[0] == 0x2B) {
                signCharacter = text[0]
                index = 1
                length -= 1
            } else if spec.sign {
                signCharacter = 0x2B
            } else if spec.blank {
                signCharacter = 0x20
            }
        }
        var width = max(spec.width ?? -1, length)
        if width > maximumLength { throw TextError.memoryError }
        if signCharacter != nil && width > length { width -= 1 }
        let hasPrefix = isNumber && spec.alternate && (spec.type == 0x78 || spec.type == 0x58 || spec.type == 0x6F)
        if fill != 0x20 {
            if let signCharacter { output.append(signCharacter) }
            if hasPrefix {
                output.append(text[index])
                output.append(text[index + 1])
            }
        }
        if hasPrefix {
            if fill != 0x20 { index += 2 }
            width = max(0, width - 2)
            length -= 2
        }
        if width > length && !spec.leftJustify {
            output.append(contentsOf: repeatElement(fill, count: width - length))
            width = length
        }
        if fill == 0x20 {
            if let signCharacter { output.append(signCharacter) }
            if hasPrefix {
                output.append(text[index])
                output.append(text[index + 1])
                index += 2
            }
        }
        if length > 0 {
            output.append(contentsOf: text[index..<(index + length)])
        }
        if width > length {
            output.append(contentsOf: repeatElement(0x20, count: width - length))
        }
    }
}

/// The arguments of one `%` operation as CPython's formatter walks them.
private struct PercentState<Argument> {
    var items: [Argument]
    /// The single argument (or the mapping's value for the current key).
    var current: Argument?
    /// -1 for a single argument, else the tuple's length.
    var length: Int
    var index: Int
    let mapping: Argument?

    init(_ arguments: PercentArguments<Argument>) {
        switch arguments {
        case .tuple(let items):
            self.items = items
            current = nil
            length = items.count
            index = 0
            mapping = nil
        case .single(let argument):
            items = []
            current = argument
            length = -1
            index = -2
            mapping = nil
        case .mapping(let argument):
            items = []
            current = argument
            length = -1
            index = -2
            mapping = argument
        }
    }

    var hasUnusedArguments: Bool { index < length }

    /// After `%(key)`: the key's value becomes the single argument.
    mutating func setCurrent(_ argument: Argument) {
        current = argument
        length = -1
        index = -2
    }

    mutating func next() throws -> Argument {
        guard index < length else { throw TextError.typeError("not enough arguments for format string") }
        index += 1
        if length < 0 { return current! }
        return items[index - 1]
    }
}
