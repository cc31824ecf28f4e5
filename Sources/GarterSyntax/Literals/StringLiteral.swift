/// Values of STRING tokens, as CPython's Parser/string_parser.c computes them.
public enum StringLiteral {
    /// A bad escape sequence. CPython reports these as SyntaxErrors whose
    /// message wraps the codec error: "(unicode error) 'unicodeescape' codec
    /// can't decode bytes in position 0-1: truncated \xXX escape" for str,
    /// "(value error) invalid \x escape at position 0" for bytes.
    public struct EscapeError: Error, Equatable, Sendable {
        public var message: String

        /// The SyntaxError CPython raises, located at `token`: CPython puts it
        /// at the last token its parser has read, which is the token after
        /// the string (or after the last of several adjacent strings).
        public func syntaxError(at token: Token, in source: SourceBuffer) -> SyntaxError {
            SyntaxError(.syntaxError, message, in: source, line: Int(token.line), byteColumn: Int(token.column),
                        endLine: Int(token.endLine), endByteColumn: Int(token.endColumn))
        }
    }

    /// Takes a STRING token apart and, unless it is an f-string, computes its value.
    ///
    /// Errors are CPython's: "bytes can only contain ASCII literal characters"
    /// at the token, and escape errors at `errorToken` (pass the token that
    /// follows the string or strings, where CPython reports them; the string
    /// token itself when nil).
    public static func decode(_ token: Token, in source: SourceBuffer,
                              errorToken: Token? = nil) throws(SyntaxError) -> DecodedString {
        try source.bytes.withUnsafeBufferPointer { bytes throws(SyntaxError) in
            var index = Int(token.startOffset)
            var isBytes = false, isRaw = false, isFormatted = false, hasUPrefix = false
            while bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "'") {
                switch bytes[index] | 0x20 {
                case UInt8(ascii: "b"): isBytes = true
                case UInt8(ascii: "r"): isRaw = true
                case UInt8(ascii: "f"): isFormatted = true
                default: hasUPrefix = true
                }
                index += 1
            }
            let end = Int(token.endOffset)
            // Two equal quotes first are either an empty string or the start of three.
            let quote = bytes[index]
            let quoteLength = end - index >= 6 && bytes[index + 1] == quote && bytes[index + 2] == quote ? 3 : 1
            let bodyStart = index + quoteLength
            let bodyEnd = end - quoteLength
            let body = UnsafeBufferPointer(rebasing: bytes[bodyStart..<bodyEnd])

            var decoded = DecodedString(isBytes: isBytes, isRaw: isRaw, isFormatted: isFormatted,
                                        hasUPrefix: hasUPrefix, bodyStart: Int32(bodyStart), bodyEnd: Int32(bodyEnd),
                                        quoteLength: quoteLength, value: nil, warnings: [])
            if isFormatted { return decoded }
            if isBytes && !body.allSatisfy({ $0 < 0x80 }) {
                var error = SyntaxError(.syntaxError, "bytes can only contain ASCII literal characters", in: source,
                                        line: Int(token.line), byteColumn: Int(token.column),
                                        endLine: Int(token.endLine), endByteColumn: Int(token.endColumn))
                // CPython 3.11 leaves this error's end in UTF-8 bytes, not characters.
                if token.endLine == token.line { error.endOffset = Int(token.endColumn) + 1 }
                throw error
            }
            do throws(EscapeError) {
                if isBytes {
                    decoded.value = .bytes(isRaw ? BytesEscapeDecoder.rawBytes(body)
                                                 : try BytesEscapeDecoder.decode(body, warnings: &decoded.warnings))
                } else {
                    decoded.value = .str(PyString(codePoints: isRaw ? rawText(body)
                                                  : try UnicodeEscapeDecoder.decode(body, warnings: &decoded.warnings)))
                }
            } catch {
                throw error.syntaxError(at: errorToken ?? token, in: source)
            }
            return decoded
        }
    }

    /// Decodes the escapes of a non-raw str body, or of a literal chunk of an
    /// f-string (the text between replacement fields, cut where CPython's
    /// `fstring_find_literal` cuts it). Like CPython, a backslash at the very
    /// end (`f"\{x}"` has the chunk `\`) stays a backslash. Appends to
    /// `warnings` the first invalid escape's message, if any.
    public static func decodeEscapes(_ text: UnsafeBufferPointer<UInt8>,
                                     warnings: inout [String]) throws(EscapeError) -> [UInt32] {
        try UnicodeEscapeDecoder.decode(text, warnings: &warnings)
    }

    /// `decodeEscapes` on `source.bytes[start..<end]`.
    public static func decodeEscapes(in source: SourceBuffer, from start: Int, to end: Int,
                                     warnings: inout [String]) throws(EscapeError) -> [UInt32] {
        try source.bytes.withUnsafeBufferPointer { bytes throws(EscapeError) in
            try UnicodeEscapeDecoder.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]), warnings: &warnings)
        }
    }

    /// The code points of raw text (a raw string's body or chunk): UTF-8
    /// decoded, with line endings read as `\n` as CPython reads source.
    public static func rawText(_ text: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        guard let base = text.baseAddress else { return result }
        var index = 0
        while index < text.count {
            let byte = base[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\r") {
                    result.append(UInt32(UInt8(ascii: "\n")))
                    index += index + 1 < text.count && base[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                } else {
                    result.append(UInt32(byte))
                    index += 1
                }
            } else {
                let (value, length) = UTF8Decoding.multiByteScalar(in: base, at: index, limit: text.count)
                result.append(value)
                index += length
            }
        }
        return result
    }
}
