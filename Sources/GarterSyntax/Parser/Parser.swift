/// A recursive-descent parser for Python 3.11 that builds the same tree, with the
/// same positions and the same syntax errors, as CPython's PEG parser.
///
/// CPython's grammar is PEG with memoised backtracking; most of it is LL(1) in
/// practice, so this parser decides by looking at the next token or two and
/// backtracks (by resetting `index`) only where the grammar really is ambiguous:
/// `match` as a soft keyword, parenthesised `with` items, keyword arguments.
/// Targets of assignments are parsed as expressions and then checked and turned
/// into store/delete context, which is also where CPython's "cannot assign to
/// ..." messages come from.
///
/// Node positions follow CPython's rule: a node starts at the first token its
/// grammar rule consumed and ends at the last one. So `(a) + b` starts at the
/// parenthesis while the inner `a` does not. Each parse function therefore notes
/// the token it started at (`startToken`) and closes the node's range with the end
/// of the last consumed token (`previous`).
public struct Parser {
    let source: SourceBuffer
    var tokens: [Token]
    var index = 0
    /// The furthest token the parser has looked at: where a generic
    /// "invalid syntax" is reported, as CPython does.
    var furthest = 0
    /// The furthest token ever read, trial parses for better messages included
    /// (CPython's last filled token), which decides whether an unclosed
    /// bracket is reported instead of a parse error.
    var furthestRead = 0
    let lexerError: SyntaxError?
    /// How CPython would report `lexerError` (see `prioritized`).
    var lexerErrorTiming: LexerErrorTiming?
    /// "'(' was never closed" when the lexer stopped inside brackets.
    var unclosedBracketError: SyntaxError?
    /// Nesting depth of the current expression, to fail cleanly instead of
    /// overflowing the stack (CPython: "too many nested parentheses" or
    /// a RecursionError-like SyntaxError).
    var depth = 0

    /// Where the source came from. CPython's parser reads a script file and a
    /// string slightly differently; the only visible difference is the column
    /// of errors at the end of the input: none (0) for a file, one past the
    /// last line's end for a string.
    public enum InputKind: Sendable {
        case file, string
    }

    var inputKind = InputKind.string

    public init(source: SourceBuffer) {
        self.source = source
        let output = Lexer.tokenizeWithDiagnostics(source)
        self.tokens = output.tokens
        self.lexerError = output.error
        self.lexerErrorTiming = output.errorTiming
        self.unclosedBracketError = output.unclosedBracketError
    }

    init(source: SourceBuffer, tokens: [Token], lexerError: SyntaxError?) {
        self.source = source
        self.tokens = tokens
        self.lexerError = lexerError
    }

    // MARK: Entry points

    /// Parses a whole module (`exec` mode).
    public static func parseModule(_ source: SourceBuffer, from inputKind: InputKind = .string) throws(SyntaxError) -> Module {
        var parser = Parser(source: source)
        parser.inputKind = inputKind
        do {
            return try parser.parseFile()
        } catch {
            throw parser.prioritized(error)
        }
    }

    /// Parses a single expression (`eval` mode).
    public static func parseExpression(_ source: SourceBuffer) throws(SyntaxError) -> Module {
        var parser = Parser(source: source)
        do {
            return try parser.parseEval()
        } catch {
            throw parser.prioritized(error)
        }
    }

    /// Parses one interactive statement (`single` mode).
    public static func parseInteractive(_ source: SourceBuffer) throws(SyntaxError) -> Module {
        var parser = Parser(source: source)
        return try parser.parseSingle()
    }

    /// Which error CPython would report when both the parser and the
    /// tokenizer found one. The tokenizer's error is raised the moment any
    /// parse attempt (a lookahead for a better message included) reads its
    /// token. Otherwise, after a parse error CPython tokenizes the rest of the
    /// file: an error its tokenizer raises replaces the parser's; one it only
    /// flags does not, but a bracket still open there replaces the parser's
    /// error when the parser had read past that bracket's line. The generic
    /// "unexpected indent" skips that check.
    func prioritized(_ error: SyntaxError) -> SyntaxError {
        guard let lexerError, lexerError != error else { return error }
        let lastRead = tokens[min(max(furthest, furthestRead), tokens.count - 1)]
        if lastRead.kind == .error && lastRead == tokens[tokens.count - 1] { return lexerError }
        if error.message == "unexpected indent" || error.message == "unexpected unindent" { return error }
        if lexerErrorTiming == .raisedByTokenizer { return lexerError }
        if let unclosedBracketError, Int(lastRead.line) > unclosedBracketError.lineno {
            return unclosedBracketError
        }
        return error
    }

    mutating func parseFile() throws(SyntaxError) -> Module {
        var body: [Stmt] = []
        while !at(.endMarker) {
            try parseStatement(into: &body)
        }
        return .module(body: body, typeIgnores: [])
    }

    mutating func parseEval() throws(SyntaxError) -> Module {
        let body = try parseExpressions()
        while accept(.newline) != nil {}
        try expectEnd()
        return .expression(body: body)
    }

    mutating func parseSingle() throws(SyntaxError) -> Module {
        var body: [Stmt] = []
        if at(.newline) {
            let token = advance()
            body.append(Stmt(.pass, SourceRange(token)))
        } else if !at(.endMarker) {
            try parseStatement(into: &body)
        }
        return .interactive(body: body)
    }

    mutating func expectEnd() throws(SyntaxError) {
        if !at(.endMarker) { throw invalidSyntax() }
    }

    // MARK: Token cursor

    var current: Token {
        @inline(__always) get { tokens[index] }
    }

    var currentKind: TokenKind {
        @inline(__always) get { tokens[index].kind }
    }

    /// The last consumed token.
    var previous: Token {
        @inline(__always) get { tokens[index - 1] }
    }

    @inline(__always)
    func peek(_ offset: Int = 1) -> Token {
        let position = index + offset
        return position < tokens.count ? tokens[position] : tokens[tokens.count - 1]
    }

    @inline(__always)
    func at(_ kind: TokenKind) -> Bool {
        tokens[index].kind == kind
    }

    @inline(__always)
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .endMarker && token.kind != .error {
            index += 1
            if index > furthest {
                furthest = index
                if index > furthestRead { furthestRead = index }
            }
        }
        return token
    }

    @inline(__always)
    mutating func accept(_ kind: TokenKind) -> Token? {
        if tokens[index].kind == kind { return advance() }
        return nil
    }

    /// Consumes a token of `kind` or fails with `expected 'x'` (CPython's `&&` rule
    /// and its "expected ':'" family), or with a generic syntax error.
    @discardableResult
    mutating func expect(_ kind: TokenKind) throws(SyntaxError) -> Token {
        if tokens[index].kind == kind { return advance() }
        throw invalidSyntax()
    }

    /// True when the current token is the identifier `word` (soft keywords).
    func atSoftKeyword(_ word: StaticString) -> Bool {
        let token = tokens[index]
        return token.kind == .name && tokenText(token, equals: word)
    }

    func tokenText(_ token: Token, equals word: StaticString) -> Bool {
        let length = Int(token.endOffset - token.startOffset)
        guard length == word.utf8CodeUnitCount else { return false }
        return source.bytes.withUnsafeBufferPointer { buffer in
            let start = Int(token.startOffset)
            let wordBytes = word.utf8Start
            for offset in 0..<length where buffer[start + offset] != wordBytes[offset] {
                return false
            }
            return true
        }
    }

    /// The identifier a NAME token spells, NFKC-normalised when not ASCII.
    func identifier(_ token: Token) -> String {
        let text = source.text(token.startOffset, token.endOffset)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return Identifier.normalize(text)
    }

    /// Consumes a NAME and returns it with its token.
    mutating func expectName() throws(SyntaxError) -> (String, Token) {
        guard at(.name) else { throw invalidSyntax() }
        let token = advance()
        return (identifier(token), token)
    }

    /// Range from the start of `start` to the end of the last consumed token.
    @inline(__always)
    func rangeFrom(_ start: Token) -> SourceRange {
        let last = tokens[index - 1]
        return SourceRange(lineno: start.line, colOffset: start.column,
                           endLineno: last.endLine, endColOffset: last.endColumn)
    }

    /// Range from the start of `start` (a node) to the end of the last consumed token.
    @inline(__always)
    func rangeFrom(_ start: SourceRange) -> SourceRange {
        let last = tokens[index - 1]
        return SourceRange(lineno: start.lineno, colOffset: start.colOffset,
                           endLineno: last.endLine, endColOffset: last.endColumn)
    }

    // MARK: Errors

    /// A lexer error that the parser has reached: it wins over any syntax error
    /// found at the same place, as in CPython where the tokenizer fails first.
    func pendingLexerError() -> SyntaxError? {
        guard let lexerError else { return nil }
        // Only the last token is the lexer's error; a stray `$` earlier is an
        // `.error` token too, which the parser reports as "invalid syntax".
        let errorIndex = tokens.count - 1
        return furthest >= errorIndex || index == errorIndex ? lexerError : nil
    }

    /// CPython's generic error: "invalid syntax" at the furthest token reached.
    func invalidSyntax() -> SyntaxError {
        if let lexerError = pendingLexerError() { return lexerError }
        let token = tokens[min(furthest, tokens.count - 1)]
        switch token.kind {
        case .indent:
            return error("unexpected indent", at: token, kind: .indentationError)
        case .dedent:
            return error("unexpected unindent", at: token, kind: .indentationError)
        default:
            return error("invalid syntax", at: token)
        }
    }

    func error(_ message: String, at token: Token, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        var error = SyntaxError(kind, message, in: source, line: Int(token.line), byteColumn: Int(token.column),
                                endLine: Int(token.endLine), endByteColumn: Int(token.endColumn))
        if inputKind == .file && Int(token.startOffset) >= source.bytes.count
            && (token.kind == .endMarker || token.kind == .dedent) {
            error.offset = 0
            error.endOffset = -1
        }
        return error
    }

    func error(_ message: String, at range: SourceRange, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        SyntaxError(kind, message, in: source, line: Int(range.lineno), byteColumn: Int(range.colOffset),
                    endLine: Int(range.endLineno), endByteColumn: Int(range.endColOffset))
    }

    func error(_ message: String, from start: SourceRange, to end: SourceRange) -> SyntaxError {
        error(message, at: SourceRange(from: start, to: end))
    }

    /// An error placed just after the last consumed token, like CPython's
    /// "expected ':'" (an empty range at the previous token's end).
    func errorAfterPrevious(_ message: String) -> SyntaxError {
        let last = index > 0 ? tokens[index - 1] : tokens[0]
        return SyntaxError(.syntaxError, message, in: source, line: Int(last.endLine),
                           byteColumn: Int(last.endColumn), endLine: Int(last.endLine),
                           endByteColumn: Int(last.endColumn))
    }

    /// Guards recursion depth so that deeply nested input fails with a SyntaxError
    /// rather than overflowing the native stack.
    mutating func enterNesting() throws(SyntaxError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw error("too many nested parentheses", at: current)
        }
    }

    static let maximumDepth = 1000
}
