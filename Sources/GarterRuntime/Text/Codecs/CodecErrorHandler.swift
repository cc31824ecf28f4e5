/// The `errors` argument of `str.encode`/`bytes.decode` and of the `_codecs`
/// functions. The built-in handlers behave as CPython's (codecs fast paths
/// included); a handler registered with `codecs.register_error` is a
/// `.custom` one whose callbacks the runtime supplies.
public enum CodecErrorHandler {
    case strict
    case ignore
    case replace
    case surrogateEscape
    case surrogatePass
    case backslashReplace
    case xmlCharRefReplace
    case nameReplace
    case custom(CustomCodecErrorHandler)

    /// The built-in handler with this name, or nil (the caller then looks
    /// the name up in the codec error registry, lazily: CPython raises
    /// "unknown error handler name" only when an error occurs).
    public init?(builtinName name: String) {
        switch name {
        case "strict": self = .strict
        case "ignore": self = .ignore
        case "replace": self = .replace
        case "surrogateescape": self = .surrogateEscape
        case "surrogatepass": self = .surrogatePass
        case "backslashreplace": self = .backslashReplace
        case "xmlcharrefreplace": self = .xmlCharRefReplace
        case "namereplace": self = .nameReplace
        default: return nil
        }
    }

    /// The LookupError CPython raises for an unregistered handler name.
    public static func unknownHandler(_ name: String) -> TextError {
        .lookupError("unknown error handler name '\(name)'")
    }
}

/// What an error handler gives back for an encoding error.
public enum EncodeReplacement: Equatable, Sendable {
    /// A str, which the codec encodes itself (it must be encodable).
    case text([UInt32])
    /// Bytes, copied to the output as they are.
    case bytes([UInt8])
}

/// A Python error handler (from `codecs.register_error`): called with the
/// failure, it returns the replacement and the position to resume at
/// (negative positions count from the end), or throws.
public struct CustomCodecErrorHandler {
    public var encode: (UnicodeEncodeFailure) throws -> (replacement: EncodeReplacement, resume: Int)
    public var decode: (UnicodeDecodeFailure) throws -> (replacement: [UInt32], resume: Int)

    public init(encode: @escaping (UnicodeEncodeFailure) throws -> (replacement: EncodeReplacement, resume: Int),
                decode: @escaping (UnicodeDecodeFailure) throws -> (replacement: [UInt32], resume: Int)) {
        self.encode = encode
        self.decode = decode
    }
}

// MARK: The built-in handlers as functions (`codecs.lookup_error(name)(exc)`)

extension CodecErrorHandler {
    /// Applies the handler to an encoding failure: the replacement and the
    /// resume position, as the handler function `codecs.lookup_error(name)`
    /// returns them.
    public func handleEncode(_ failure: UnicodeEncodeFailure) throws -> (replacement: EncodeReplacement, resume: Int) {
        try failure.object.withUnsafeBufferPointer { text in
            try handleEncode(text, failure.start, failure.end, encoding: failure.encoding, reason: failure.reason,
                             object: { failure.object })
        }
    }

    /// Applies the handler to a decoding failure.
    public func handleDecode(_ failure: UnicodeDecodeFailure) throws -> (replacement: [UInt32], resume: Int) {
        try failure.object.withUnsafeBufferPointer { bytes in
            try handleDecode(bytes, failure.start, failure.end, encoding: failure.encoding, reason: failure.reason,
                             object: { failure.object })
        }
    }

    /// `object` gives the whole text as an array (codecs make it once per
    /// call, however many errors there are).
    func handleEncode(_ text: CodePoints, _ start: Int, _ end: Int, encoding: String, reason: String,
                      object: () -> [UInt32]) throws -> (replacement: EncodeReplacement, resume: Int) {
        func failure() -> TextError {
            .unicodeEncodeError(UnicodeEncodeFailure(encoding: encoding, object: object(),
                                                     start: start, end: end, reason: reason))
        }
        switch self {
        case .strict:
            throw failure()
        case .ignore:
            return (.text([]), end)
        case .replace:
            return (.text([UInt32](repeating: 0x3F, count: max(0, end - start))), end)
        case .backslashReplace:
            var output: [UInt32] = []
            for index in start..<max(start, end) { appendBackslashEscape(text[index], to: &output) }
            return (.text(output), end)
        case .xmlCharRefReplace:
            var output: [UInt32] = []
            for index in start..<max(start, end) {
                output.append(0x26)
                output.append(0x23)
                for digit in String(text[index]).unicodeScalars { output.append(digit.value) }
                output.append(0x3B)
            }
            return (.text(output), end)
        case .nameReplace:
            var output: [UInt32] = []
            for index in start..<max(start, end) {
                let codePoint = text[index]
                if let name = UnicodeDatabase.name(codePoint) {
                    output.append(0x5C)
                    output.append(0x4E)
                    output.append(0x7B)
                    for scalar in name.unicodeScalars { output.append(scalar.value) }
                    output.append(0x7D)
                } else {
                    appendBackslashEscape(codePoint, to: &output)
                }
            }
            return (.text(output), end)
        case .surrogateEscape:
            var output: [UInt8] = []
            for index in start..<max(start, end) {
                let codePoint = text[index]
                guard codePoint >= 0xDC80 && codePoint <= 0xDCFF else { throw failure() }
                output.append(UInt8(codePoint - 0xDC00))
            }
            return (.bytes(output), end)
        case .surrogatePass:
            guard let form = StandardEncodingForm(encoding) else { throw failure() }
            var output: [UInt8] = []
            for index in start..<max(start, end) {
                let codePoint = text[index]
                guard codePoint >= 0xD800 && codePoint <= 0xDFFF else { throw failure() }
                form.appendUnit(codePoint, to: &output)
            }
            return (.bytes(output), end)
        case .custom(let handler):
            return try handler.encode(UnicodeEncodeFailure(encoding: encoding, object: object(), start: start,
                                                           end: end, reason: reason))
        }
    }

    func handleDecode(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, encoding: String,
                      reason: String, object: () -> [UInt8]) throws -> (replacement: [UInt32], resume: Int) {
        func failure() -> TextError {
            .unicodeDecodeError(UnicodeDecodeFailure(encoding: encoding, object: object(),
                                                     start: start, end: end, reason: reason))
        }
        switch self {
        case .strict:
            throw failure()
        case .ignore:
            return ([], end)
        case .replace:
            return ([0xFFFD], end)
        case .backslashReplace:
            var output: [UInt32] = []
            for index in start..<max(start, end) { appendBackslashEscape(UInt32(bytes[index]), to: &output) }
            return (output, end)
        case .xmlCharRefReplace, .nameReplace:
            throw TextError.typeError("don't know how to handle UnicodeDecodeError in error callback")
        case .surrogateEscape:
            var output: [UInt32] = []
            while output.count < 4 && output.count < end - start && bytes[start + output.count] >= 0x80 {
                output.append(0xDC00 + UInt32(bytes[start + output.count]))
            }
            if output.isEmpty { throw failure() }
            return (output, start + output.count)
        case .surrogatePass:
            guard let form = StandardEncodingForm(encoding), bytes.count - start >= form.unitSize,
                  let codePoint = form.readSurrogate(bytes, at: start) else { throw failure() }
            return ([codePoint], start + form.unitSize)
        case .custom(let handler):
            return try handler.decode(UnicodeDecodeFailure(encoding: encoding, object: object(), start: start,
                                                           end: end, reason: reason))
        }
    }
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, lower-case, as `backslashreplace` writes.
func appendBackslashEscape(_ codePoint: UInt32, to output: inout [UInt32]) {
    output.append(0x5C)
    let width: Int
    if codePoint >= 0x10000 {
        output.append(0x55)
        width = 8
    } else if codePoint >= 0x100 {
        output.append(0x75)
        width = 4
    } else {
        output.append(0x78)
        width = 2
    }
    var shift = (width - 1) * 4
    while shift >= 0 {
        let digit = (codePoint >> UInt32(shift)) & 0xF
        output.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        shift -= 4
    }
}

/// The UTF encodings `surrogatepass` understands, recognised from the
/// encoding name in the error ("utf-8", "utf_16", "UTF-32-BE", ...; a bare
/// "utf-16"/"utf-32" is little-endian, the native order here).
struct StandardEncodingForm {
    enum Kind { case utf8, utf16LE, utf16BE, utf32LE, utf32BE }
    let kind: Kind

    init?(_ encoding: String) {
        var rest = Substring(encoding)
        guard rest.count >= 3, rest.prefix(3).lowercased() == "utf" else {
            if encoding == "CP_UTF8" { kind = .utf8; return }
            return nil
        }
        rest = rest.dropFirst(3)
        if rest.first == "-" || rest.first == "_" { rest = rest.dropFirst() }
        if rest == "8" { kind = .utf8; return }
        let isSixteen: Bool
        if rest.hasPrefix("16") {
            isSixteen = true
        } else if rest.hasPrefix("32") {
            isSixteen = false
        } else {
            return nil
        }
        rest = rest.dropFirst(2)
        if rest.isEmpty {
            kind = isSixteen ? .utf16LE : .utf32LE
            return
        }
        if rest.first == "-" || rest.first == "_" { rest = rest.dropFirst() }
        switch rest.lowercased() {
        case "le": kind = isSixteen ? .utf16LE : .utf32LE
        case "be": kind = isSixteen ? .utf16BE : .utf32BE
        default: return nil
        }
    }

    var unitSize: Int {
        switch kind {
        case .utf8: return 3
        case .utf16LE, .utf16BE: return 2
        case .utf32LE, .utf32BE: return 4
        }
    }

    /// Writes a surrogate code point in this form.
    func appendUnit(_ value: UInt32, to output: inout [UInt8]) {
        switch kind {
        case .utf8:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case .utf16LE:
            output.append(UInt8(value & 0xFF))
            output.append(UInt8(value >> 8))
        case .utf16BE:
            output.append(UInt8(value >> 8))
            output.append(UInt8(value & 0xFF))
        case .utf32LE:
            output.append(UInt8(value & 0xFF))
            output.append(UInt8((value >> 8) & 0xFF))
            output.append(UInt8((value >> 16) & 0xFF))
            output.append(UInt8(value >> 24))
        case .utf32BE:
            output.append(UInt8(value >> 24))
            output.append(UInt8((value >> 16) & 0xFF))
            output.append(UInt8((value >> 8) & 0xFF))
            output.append(UInt8(value & 0xFF))
        }
    }

    /// The surrogate encoded at `offset` (`unitSize` bytes are available), or nil.
    func readSurrogate(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
        let value: UInt32
        switch kind {
        case .utf8:
            let (b0, b1, b2) = (UInt32(bytes[offset]), UInt32(bytes[offset + 1]), UInt32(bytes[offset + 2]))
            guard b0 & 0xF0 == 0xE0 && b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 else { return nil }
            value = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)
        case .utf16LE:
            value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
        case .utf16BE:
            value = UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1])
        case .utf32LE:
            value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        case .utf32BE:
            value = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
                | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
        }
        return value >= 0xD800 && value <= 0xDFFF ? value : nil
    }
}

/// The state codecs share while reporting errors in one call: the input
/// as an array is made at most once.
final class CodecErrorContext<Element> {
    let input: UnsafeBufferPointer<Element>
    let encoding: String
    let handler: CodecErrorHandler
    private var array: [Element]?

    init(_ input: UnsafeBufferPointer<Element>, encoding: String, handler: CodecErrorHandler) {
        self.input = input
        self.encoding = encoding
        self.handler = handler
    }

    func object() -> [Element] {
        if let array { return array }
        let made = Array(input)
        array = made
        return made
    }

    /// A resume position from a handler: negative counts from the end; out
    /// of range is IndexError.
    func checkedResume(_ position: Int) throws -> Int {
        let resolved = position < 0 ? position + input.count : position
        guard resolved >= 0 && resolved <= input.count else {
            throw TextError.indexError("position \(resolved) from error handler out of bounds")
        }
        return resolved
    }
}

extension CodecErrorContext where Element == UInt32 {
    func failure(_ start: Int, _ end: Int, _ reason: String) -> TextError {
        .unicodeEncodeError(UnicodeEncodeFailure(encoding: encoding, object: object(), start: start, end: end,
                                                 reason: reason))
    }

    /// Runs the handler through its general (non fast-path) interface.
    func callHandler(_ start: Int, _ end: Int, _ reason: String) throws -> (replacement: EncodeReplacement, resume: Int) {
        let (replacement, resume) = try handler.handleEncode(input, start, end, encoding: encoding, reason: reason,
                                                             object: object)
        return (replacement, try checkedResume(resume))
    }
}

extension CodecErrorContext where Element == UInt8 {
    func failure(_ start: Int, _ end: Int, _ reason: String) -> TextError {
        .unicodeDecodeError(UnicodeDecodeFailure(encoding: encoding, object: object(), start: start, end: end,
                                                 reason: reason))
    }

    /// Handles a decoding error: appends the replacement and returns where
    /// to resume. `strict`, `ignore`, `replace` and `surrogateescape` take
    /// the fast paths CPython's decoders take.
    func handle(_ start: Int, _ end: Int, _ reason: String, output: inout [UInt32]) throws -> Int {
        switch handler {
        case .strict:
            throw failure(start, end, reason)
        case .ignore:
            return end
        case .replace:
            output.append(0xFFFD)
            return end
        default:
            let (replacement, resume) = try handler.handleDecode(input, start, end, encoding: encoding,
                                                                 reason: reason, object: object)
            output.append(contentsOf: replacement)
            return try checkedResume(resume)
        }
    }
}
