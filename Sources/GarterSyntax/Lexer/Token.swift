/// One token of Python source, as plain data.
///
/// Tokens carry positions only; their text is read back from the source bytes
/// (`SourceBuffer`) when the parser needs it. Keeping the token a small POD
/// struct means the token array costs no reference counting while parsing.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// Byte range of the token's text in `SourceBuffer.bytes` (UTF-8).
    public var startOffset: Int32
    public var endOffset: Int32
    /// 1-based line numbers and 0-based UTF-8 byte columns, as CPython's AST has them.
    public var line: Int32
    public var column: Int32
    public var endLine: Int32
    public var endColumn: Int32

    public init(kind: TokenKind, startOffset: Int32, endOffset: Int32,
                line: Int32, column: Int32, endLine: Int32, endColumn: Int32) {
        self.kind = kind
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// Token kinds. Operators and hard keywords get a kind each, so the parser
/// compares small integers instead of strings. Soft keywords (`match`, `case`,
/// `_`) stay `.name`: they are keywords only in context.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case endMarker
    case name
    case number
    case string
    case newline
    case indent
    case dedent
    /// A `# type: ...` comment is not produced: Garter parses without type comments,
    /// as `ast.parse` does by default.

    // Brackets and punctuation
    case leftParen, rightParen, leftSquare, rightSquare, leftBrace, rightBrace
    case colon, comma, semicolon, dot, ellipsis, arrow, at, equal, colonEqual
    // Operators
    case plus, minus, star, slash, vbar, amper, less, greater, percent
    case doubleStar, doubleSlash, tilde, circumflex, leftShift, rightShift
    case eqEqual, notEqual, lessEqual, greaterEqual
    case plusEqual, minusEqual, starEqual, slashEqual, percentEqual, amperEqual
    case vbarEqual, circumflexEqual, leftShiftEqual, rightShiftEqual
    case doubleStarEqual, doubleSlashEqual, atEqual
    /// `!` alone: only valid inside f-string replacement fields.
    case exclamation

    // Hard keywords
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait
    case kwBreak, kwClass, kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept
    case kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn, kwIs
    case kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry
    case kwWhile, kwWith, kwYield

    /// The tokenizer stopped here; `Lexer.error` says why.
    case error
}

extension TokenKind {
    /// The keyword kind for an identifier's text, or nil when it is an ordinary name.
    public static func keyword(_ text: some Collection<UInt8>) -> TokenKind? {
        guard text.count >= 2 && text.count <= 8 else { return nil }
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for byte in text {
            packed |= UInt64(byte) << shift
            shift += 8
        }
        return keyword(packed: packed)
    }

    /// The keyword kind for the identifier in `buffer[start..<end]`, without
    /// making a String: the fast path the lexer uses for every NAME.
    @inlinable
    public static func keyword(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> TokenKind? {
        let length = end - start
        guard length >= 2 && length <= 8 else { return nil }
        var packed: UInt64 = 0
        var index = end - 1
        while index >= start {
            packed = packed << 8 | UInt64(buffer[index])
            index -= 1
        }
        return keyword(packed: packed)
    }

    /// Keywords are 2 to 8 ASCII letters, so an identifier's bytes packed
    /// little-endian into a UInt64 (first byte lowest) identify it uniquely:
    /// one integer switch instead of string comparisons.
    @usableFromInline
    static func keyword(packed: UInt64) -> TokenKind? {
        switch packed {
        case 0x00000065736C6146: return .kwFalse  // "False"
        case 0x00000000656E6F4E: return .kwNone  // "None"
        case 0x0000000065757254: return .kwTrue  // "True"
        case 0x0000000000646E61: return .kwAnd  // "and"
        case 0x0000000000007361: return .kwAs  // "as"
        case 0x0000747265737361: return .kwAssert  // "assert"
        case 0x000000636E797361: return .kwAsync  // "async"
        case 0x0000007469617761: return .kwAwait  // "await"
        case 0x0000006B61657262: return .kwBreak  // "break"
        case 0x0000007373616C63: return .kwClass  // "class"
        case 0x65756E69746E6F63: return .kwContinue  // "continue"
        case 0x0000000000666564: return .kwDef  // "def"
        case 0x00000000006C6564: return .kwDel  // "del"
        case 0x0000000066696C65: return .kwElif  // "elif"
        case 0x0000000065736C65: return .kwElse  // "else"
        case 0x0000747065637865: return .kwExcept  // "except"
        case 0x00796C6C616E6966: return .kwFinally  // "finally"
        case 0x0000000000726F66: return .kwFor  // "for"
        case 0x000000006D6F7266: return .kwFrom  // "from"
        case 0x00006C61626F6C67: return .kwGlobal  // "global"
        case 0x0000000000006669: return .kwIf  // "if"
        case 0x000074726F706D69: return .kwImport  // "import"
        case 0x0000000000006E69: return .kwIn  // "in"
        case 0x0000000000007369: return .kwIs  // "is"
        case 0x00006164626D616C: return .kwLambda  // "lambda"
        case 0x6C61636F6C6E6F6E: return .kwNonlocal  // "nonlocal"
        case 0x0000000000746F6E: return .kwNot  // "not"
        case 0x000000000000726F: return .kwOr  // "or"
        case 0x0000000073736170: return .kwPass  // "pass"
        case 0x0000006573696172: return .kwRaise  // "raise"
        case 0x00006E7275746572: return .kwReturn  // "return"
        case 0x0000000000797274: return .kwTry  // "try"
        case 0x000000656C696877: return .kwWhile  // "while"
        case 0x0000000068746977: return .kwWith  // "with"
        case 0x000000646C656979: return .kwYield  // "yield"
        default: return nil
        }
    }

    public var isKeyword: Bool {
        rawValue >= TokenKind.kwFalse.rawValue && rawValue <= TokenKind.kwYield.rawValue
    }
}
