/// Turns Python source into tokens, as CPython 3.11's tokenizer (Parser/tokenizer.c) does.
public struct Lexer {
    /// Tokenizes all of `source`. On the first error the token list ends with a
    /// token of kind `.error` at the error's position, and `error` describes it;
    /// otherwise it ends with NEWLINE (if needed), DEDENTs and `.endMarker`.
    ///
    /// Positions are CPython's: byte columns; NEWLINE runs from a trailing
    /// comment (or the line ending) to the line ending, with no width without
    /// a comment; INDENT covers the indentation; DEDENT is empty, before the
    /// first token of its line; DEDENTs and ENDMARKER at the end of the input
    /// sit at the end of the last line.
    ///
    /// A character no grammar rule accepts but CPython's tokenizer lets through
    /// (`$`, `?`, a backquote, `<>`) becomes an `.error` token in the middle of
    /// the list without stopping the lexer: CPython's parser reports it as a
    /// plain "invalid syntax" where it meets it, and so should ours.
    public static func tokenize(_ source: SourceBuffer) -> (tokens: [Token], error: SyntaxError?) {
        let output = tokenizeWithDiagnostics(source)
        return (output.tokens, output.error)
    }

    /// Like `tokenize`, also telling when CPython would report the error and
    /// which warnings the tokenizer issues.
    public static func tokenizeWithDiagnostics(_ source: SourceBuffer) -> LexerOutput {
        source.bytes.withUnsafeBufferPointer { bytes in
            var tokenizer = Tokenizer(source: source, input: PreparedInput(bytes))
            tokenizer.run()
            return LexerOutput(tokens: tokenizer.tokens, error: tokenizer.error,
                               errorTiming: tokenizer.errorTiming,
                               unclosedBracketError: tokenizer.unclosedBracketError,
                               warnings: tokenizer.warnings)
        }
    }
}

/// Everything the lexer found.
public struct LexerOutput: Sendable {
    public var tokens: [Token]
    /// The error that stopped the lexer; the last token is then `.error`.
    public var error: SyntaxError?
    /// When CPython reports `error`, relative to errors its parser finds; nil when `error` is nil.
    public var errorTiming: LexerErrorTiming?
    /// When the lexer stopped on an error inside brackets, "'(' was never
    /// closed" for the innermost open bracket. After a generic "invalid
    /// syntax" CPython tokenizes the rest of the file, and if that stops on
    /// an error token while a bracket is open that was opened on a line
    /// before the syntax error's line, it reports this instead (whatever the
    /// tokenizer error was).
    public var unclosedBracketError: SyntaxError?
    /// Warnings CPython's tokenizer issues (e.g. `1if x else y`).
    public var warnings: [LexerWarning]
}

/// CPython's tokenizer signals errors in two ways, and its parser treats them
/// differently (Parser/pegen_errors.c).
public enum LexerErrorTiming: Sendable, Equatable {
    /// The tokenizer raises the SyntaxError itself (bad numbers, unterminated
    /// strings, bad brackets, invalid characters, null bytes). When the parser
    /// meets a generic "invalid syntax" earlier in the file, CPython tokenizes
    /// the rest of the file and this error replaces the generic one.
    case raisedByTokenizer
    /// The tokenizer only sets an error code and the parser raises the error
    /// when it reaches the error token (TabError, "unindent does not match",
    /// "too many levels of indentation", "unexpected character after line
    /// continuation character", "unexpected EOF while parsing" and "'(' was
    /// never closed"). A syntax error the parser finds earlier wins, except
    /// that an unclosed bracket opened on a line before that error's line is
    /// reported instead of it.
    case reportedByParser
}

/// A warning from the tokenizer, for the compiler to issue with `warnings.warn_explicit`.
public struct LexerWarning: Sendable, Equatable {
    /// The Python warning class, e.g. "SyntaxWarning".
    public var category: String
    public var message: String
    /// 1-based line, as CPython passes it to the warning machinery.
    public var line: Int

    public init(category: String, message: String, line: Int) {
        self.category = category
        self.message = message
        self.line = line
    }
}
