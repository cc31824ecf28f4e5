/// A STRING token taken apart: its prefix, where its body is, and for all but
/// f-strings its value.
public struct DecodedString: Sendable, Equatable {
    /// `b` prefix: the value is `.bytes`.
    public var isBytes: Bool
    /// `r` prefix: backslashes are literal.
    public var isRaw: Bool
    /// `f` prefix: the parser splits the body into literal chunks (see
    /// `StringLiteral.decodeEscapes`) and replacement fields.
    public var isFormatted: Bool
    /// `u` prefix: the AST's Constant has kind "u".
    public var hasUPrefix: Bool
    /// Byte offsets in `SourceBuffer.bytes` of the text between the quotes.
    public var bodyStart: Int32
    public var bodyEnd: Int32
    /// 1 or 3.
    public var quoteLength: Int
    /// `.str` or `.bytes`; nil for an f-string.
    public var value: Constant?
    /// DeprecationWarning messages to issue for this token, such as "invalid
    /// escape sequence '\q'" (CPython reports only the first bad escape of a
    /// literal), at the token's line.
    public var warnings: [String]

    public init(isBytes: Bool, isRaw: Bool, isFormatted: Bool, hasUPrefix: Bool, bodyStart: Int32, bodyEnd: Int32,
                quoteLength: Int, value: Constant?, warnings: [String]) {
        self.isBytes = isBytes
        self.isRaw = isRaw
        self.isFormatted = isFormatted
        self.hasUPrefix = hasUPrefix
        self.bodyStart = bodyStart
        self.bodyEnd = bodyEnd
        self.quoteLength = quoteLength
        self.value = value
        self.warnings = warnings
    }
}
