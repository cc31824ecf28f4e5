/// `str.format` and `str.format_map`: the parser of format strings (what
/// `_string.formatter_parser` and `_string.formatter_field_name_split`
/// expose) and an evaluator that calls back into the runtime for argument
/// lookup, attribute and item access, conversion and `format()`.
///
/// Parsing is incremental, as in CPython: an error late in the string is
/// raised only after the fields before it have been formatted.

/// One step of a format string: literal text, then possibly a field.
public struct FormatPiece: Equatable, Sendable {
    /// Literal text, as a range of the format string. For an escaped `{{` or
    /// `}}` the range holds the first brace (the second is skipped).
    public var literal: Range<Int>
    public var field: FormatField?
}

/// A replacement field `{name!conversion:spec}`.
public struct FormatField: Equatable, Sendable {
    /// The field name (`0`, `name.attr[key]`, or empty for automatic numbering).
    public var name: Range<Int>
    /// The character after `!`, not yet checked (nil without `!`).
    public var conversion: UInt32?
    /// The format spec after `:` (empty when absent).
    public var spec: Range<Int>
    /// Whether the spec contains nested `{}` fields to expand first.
    public var specNeedsExpanding: Bool
}

/// Iterates over the pieces of a format string (CPython's MarkupIterator).
public struct FormatStringParser {
    public let text: CodePoints
    private var position: Int
    private let end: Int

    /// A parser over `text[range]` (the whole text by default).
    public init(_ text: CodePoints, range: Range<Int>? = nil) {
        self.text = text
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? text.count
    }

    /// The next piece, or nil at the end.
    public mutating func next() throws(TextError) -> FormatPiece? {
        guard position < end else { return nil }
        let start = position
        var brace: UInt32 = 0
        while position < end {
            let character = text[position]
            position += 1
            if character == 0x7B || character == 0x7D {
                brace = character
                break
            }
        }
        let atEnd = position >= end
        var literalEnd = position
        if brace == 0x7D && (atEnd || text[position] != 0x7D) {
            throw .valueError("Single '}' encountered in format string")
        }
        if atEnd && brace == 0x7B {
            throw .valueError("Single '{' encountered in format string")
        }
        guard brace != 0 else {
            return FormatPiece(literal: start..<literalEnd, field: nil)
        }
        if text[position] == brace {
            // An escaped brace: keep the first as literal text, skip the second.
            position += 1
            return FormatPiece(literal: start..<literalEnd, field: nil)
        }
        literalEnd -= 1
        let field = try parseField()
        return FormatPiece(literal: start..<literalEnd, field: field)
    }

    /// Reads a field after its `{`, through its closing `}`.
    private mutating func parseField() throws(TextError) -> FormatField {
        let nameStart = position
        var character: UInt32 = 0
        scan: while position < end {
            character = text[position]
            position += 1
            switch character {
            case 0x7B:
                throw .valueError("unexpected '{' in field name")
            case 0x5B:  // [ ... ] may hold any character but ]
                while position < end && text[position] != 0x5D { position += 1 }
            case 0x7D, 0x3A, 0x21:  // } : !
                break scan
            default:
                continue
            }
        }
        let name = nameStart..<max(nameStart, position - 1)
        guard character == 0x21 || character == 0x3A else {
            if character != 0x7D || position > end {
                throw .valueError("expected '}' before end of string")
            }
            return FormatField(name: name, conversion: nil, spec: position..<position, specNeedsExpanding: false)
        }
        var conversion: UInt32?
        if character == 0x21 {
            guard position < end else {
                throw .valueError("end of string while looking for conversion specifier")
            }
            conversion = text[position]
            position += 1
            if position < end {
                let next = text[position]
                position += 1
                if next == 0x7D {
                    return FormatField(name: name, conversion: conversion, spec: position..<position,
                                       specNeedsExpanding: false)
                }
                if next != 0x3A {
                    throw .valueError("expected ':' after conversion specifier")
                }
            }
        }
        let specStart = position
        var depth = 1
        var needsExpanding = false
        while position < end {
            let next = text[position]
            position += 1
            if next == 0x7B {
                needsExpanding = true
                depth += 1
            } else if next == 0x7D {
                depth -= 1
                if depth == 0 {
                    return FormatField(name: name, conversion: conversion, spec: specStart..<(position - 1),
                                       specNeedsExpanding: needsExpanding)
                }
            }
        }
        throw .valueError("unmatched '{' in format spec")
    }

    /// All the pieces (errors are raised at once rather than as reached).
    public static func parse(_ text: CodePoints) throws(TextError) -> [FormatPiece] {
        var parser = FormatStringParser(text)
        var pieces: [FormatPiece] = []
        while let piece = try parser.next() { pieces.append(piece) }
        return pieces
    }
}

// MARK: Field names

/// The state of automatic field numbering (`{}`) across one `format` call,
/// nested specs included.
public struct FieldNumbering: Sendable {
    enum State { case initial, automatic, manual }
    var state = State.initial
    var nextIndex = 0

    public init() {}
}

/// The first part of a field name: an argument index or a keyword.
public enum FieldNameHead: Equatable, Sendable {
    case index(Int)
    case keyword(Range<Int>)
}

/// One `.attribute` or `[key]` after the first part of a field name.
public enum FieldAccessor: Equatable, Sendable {
    case attribute(Range<Int>)
    /// `[digits]`: an int key.
    case index(Int)
    /// `[text]`: a str key.
    case key(Range<Int>)
}

public enum FieldName {
    /// Splits a field name into its first part and the accessors that
    /// follow (`formatter_field_name_split`). With `numbering`, an empty
    /// name takes the next automatic index, and mixing automatic and manual
    /// numbering is an error; without it, an empty name is the keyword "".
    public static func split(_ text: CodePoints, _ range: Range<Int>,
                             numbering: inout FieldNumbering?) throws(TextError) -> (head: FieldNameHead, rest: FieldAccessorIterator) {
        var firstEnd = range.lowerBound
        while firstEnd < range.upperBound && text[firstEnd] != 0x2E && text[firstEnd] != 0x5B {
            firstEnd += 1
        }
        let first = range.lowerBound..<firstEnd
        let rest = FieldAccessorIterator(position: firstEnd, end: range.upperBound)
        let index = try decimalInteger(text, first)
        let isEmpty = first.isEmpty
        if var current = numbering {
            if isEmpty || index != nil {
                if current.state == .initial {
                    current.state = isEmpty ? .automatic : .manual
                }
                if current.state == .manual && isEmpty {
                    throw .valueError("cannot switch from manual field specification to automatic field numbering")
                }
                if current.state == .automatic && !isEmpty {
                    throw .valueError("cannot switch from automatic field numbering to manual field specification")
                }
            }
            if isEmpty {
                let automatic = current.nextIndex
                current.nextIndex += 1
                numbering = current
                return (.index(automatic), rest)
            }
            numbering = current
        }
        if let index { return (.index(index), rest) }
        return (.keyword(first), rest)
    }

    /// The value of a non-empty run of decimal digits (any script), nil for
    /// anything else; ValueError when too large.
    static func decimalInteger(_ text: CodePoints, _ range: Range<Int>) throws(TextError) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for index in range {
            guard let digit = UnicodeDatabase.decimalValue(text[index]) else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw .valueError("Too many decimal digits in format string") }
            value = sum
        }
        return value
    }
}

/// The accessors of a field name, read one at a time (errors in the rest
/// of a name appear only when reached, as in CPython). It holds positions
/// only; each call is given the field name's text again, so a runtime
/// iterator object can keep its own copy of the string.
public struct FieldAccessorIterator: Sendable {
    public private(set) var position: Int
    public let end: Int

    public init(position: Int, end: Int) {
        self.position = position
        self.end = end
    }

    public mutating func next(in text: CodePoints) throws(TextError) -> FieldAccessor? {
        guard position < end else { return nil }
        let character = text[position]
        position += 1
        let start = position
        let accessor: FieldAccessor
        if character == 0x2E {  // .attribute
            while position < end && text[position] != 0x2E && text[position] != 0x5B { position += 1 }
            accessor = .attribute(start..<position)
        } else if character == 0x5B {  // [key]
            while position < end && text[position] != 0x5D { position += 1 }
            guard position < end else { throw .valueError("Missing ']' in format string") }
            let key = start..<position
            position += 1
            if let index = try FieldName.decimalInteger(text, key) {
                accessor = .index(index)
            } else {
                accessor = .key(key)
            }
        } else {
            throw .valueError("Only '.' or '[' may follow ']' in format field specifier")
        }
        if position == start || (character == 0x5B && position == start + 1) {
            throw .valueError("Empty attribute in format string")
        }
        return accessor
    }
}

// MARK: Evaluation

/// What `str.format` needs from the runtime. Errors thrown propagate.
public protocol FormatStringDelegate {
    associatedtype Object
    /// Positional argument `index`, or nil when out of range. Called only
    /// when positional arguments are allowed (`format`, not `format_map`).
    func positionalArgument(_ index: Int) throws -> Object?
    /// `kwargs[name]` / `mapping[name]` (raising KeyError as the runtime does).
    func keywordArgument(_ name: [UInt32]) throws -> Object
    /// `getattr(object, name)`.
    func attribute(of object: Object, named name: [UInt32]) throws -> Object
    /// `object[index]` for a `[digits]` accessor.
    func item(of object: Object, index: Int) throws -> Object
    /// `object[key]` for a `[text]` accessor.
    func item(of object: Object, key: [UInt32]) throws -> Object
    /// `str(object)`, `repr(object)` or `ascii(object)` for `!s`, `!r`, `!a`.
    func convert(_ object: Object, conversion: UInt32) throws -> Object
    /// `format(object, spec)`.
    func format(_ object: Object, spec: [UInt32]) throws -> [UInt32]
}

extension PyText {
    /// `format_string.format(*args, **kwargs)` (`allowsPositional` true) or
    /// `format_string.format_map(mapping)` (false: a positional field raises
    /// "Format string contains positional fields").
    public static func format<Delegate: FormatStringDelegate>(_ formatString: CodePoints, allowsPositional: Bool = true,
                                                              delegate: Delegate) throws -> [UInt32] {
        var numbering: FieldNumbering? = FieldNumbering()
        var output: [UInt32] = []
        output.reserveCapacity(formatString.count)
        try render(formatString, range: 0..<formatString.count, depth: 2, numbering: &numbering,
                   allowsPositional: allowsPositional, delegate: delegate, into: &output)
        return output
    }

    private static func render<Delegate: FormatStringDelegate>(_ text: CodePoints, range: Range<Int>, depth: Int,
                                                               numbering: inout FieldNumbering?,
                                                               allowsPositional: Bool, delegate: Delegate,
                                                               into output: inout [UInt32]) throws {
        if depth <= 0 { throw TextError.valueError("Max string recursion exceeded") }
        var parser = FormatStringParser(text, range: range)
        while let piece = try parser.next() {
            output.append(contentsOf: text[piece.literal])
            guard let field = piece.field else { continue }
            var (head, accessors) = try FieldName.split(text, field.name, numbering: &numbering)
            var object: Delegate.Object
            switch head {
            case .keyword(let name):
                object = try delegate.keywordArgument(Array(text[name]))
            case .index(let index):
                guard allowsPositional else {
                    throw TextError.valueError("Format string contains positional fields")
                }
                guard let argument = try delegate.positionalArgument(index) else {
                    throw TextError.indexError("Replacement index \(index) out of range for positional args tuple")
                }
                object = argument
            }
            while let accessor = try accessors.next(in: text) {
                switch accessor {
                case .attribute(let name): object = try delegate.attribute(of: object, named: Array(text[name]))
                case .index(let index): object = try delegate.item(of: object, index: index)
                case .key(let key): object = try delegate.item(of: object, key: Array(text[key]))
                }
            }
            if let conversion = field.conversion {
                guard conversion == 0x72 || conversion == 0x73 || conversion == 0x61 else {
                    throw unknownConversion(conversion)
                }
                object = try delegate.convert(object, conversion: conversion)
            }
            var spec: [UInt32]
            if field.specNeedsExpanding {
                spec = []
                try render(text, range: field.spec, depth: depth - 1, numbering: &numbering,
                           allowsPositional: allowsPositional, delegate: delegate, into: &spec)
            } else {
                spec = Array(text[field.spec])
            }
            output.append(contentsOf: try delegate.format(object, spec: spec))
        }
    }

    /// "Unknown conversion specifier X" for a conversion other than r, s, a.
    public static func unknownConversion(_ conversion: UInt32) -> TextError {
        if conversion > 32 && conversion < 127 {
            return .valueError("Unknown conversion specifier \(Character(Unicode.Scalar(UInt8(conversion))))")
        }
        return .valueError("Unknown conversion specifier \\x\(String(conversion, radix: 16))")
    }
}
