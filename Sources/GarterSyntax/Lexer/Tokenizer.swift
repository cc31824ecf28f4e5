/// One run of the tokenizer over a source: the scanning position, the
/// indentation and bracket stacks, and the tokens found so far.
///
/// It follows CPython 3.11's `tok_get` (Parser/tokenizer.c) closely, because
/// the exact order of checks decides which error a bad file reports. Where
/// CPython reads a character and "backs up", we look at `text[position]` and
/// only advance `position` to consume it; CPython's cursor after reading the
/// character is `position + 1`.
struct Tokenizer: ~Copyable {
    /// CPython's MAXINDENT and MAXLEVEL.
    static let maxIndentLevels = 100
    static let maxBracketDepth = 200
    static let tabSize = 8

    let source: SourceBuffer
    let input: PreparedInput
    let text: UnsafePointer<UInt8>
    /// Index of the end sentinel in `text` (the source length, plus one when a
    /// final newline was added).
    let end: Int
    let sourceCount: Int

    /// Index in `text` of the next character to scan.
    var position = 0
    var line: Int32 = 1
    var lineStart = 0
    var atLineStart = true
    /// The current logical line holds only whitespace and a comment: it makes no NEWLINE.
    var lineIsBlank = false
    /// Where CPython's line buffer starts: the start of the last line it read
    /// between tokens. Lines read inside a token (a string spanning lines, a
    /// backslash continuation after code) extend the buffer instead, and
    /// CPython counts the column of "unexpected character after line
    /// continuation character" from the buffer's start.
    var bufferStart = 0

    /// Indentation columns of the open blocks, with tabs to multiples of 8 and,
    /// for the consistency check, with tabs counting 1 (CPython's `altcol`).
    var indentStack: [Int] = [0]
    var altIndentStack: [Int] = [0]

    var brackets: [OpenBracket] = []

    var tokens: [Token] = []
    var warnings: [LexerWarning] = []
    var error: SyntaxError? = nil
    var errorTiming: LexerErrorTiming? = nil
    var unclosedBracketError: SyntaxError? = nil

    struct OpenBracket {
        let character: UInt8
        let line: Int32
        /// Byte column of the bracket in its line.
        let column: Int
        /// Byte offset of the bracket in the source.
        let offset: Int
    }

    init(source: SourceBuffer, input: consuming PreparedInput) {
        self.source = source
        self.text = UnsafePointer(input.text)
        self.end = input.end
        self.sourceCount = source.bytes.count
        self.input = input
        tokens.reserveCapacity(sourceCount / 4 + 16)
    }

    /// Tokenizes the whole input; afterwards `tokens` ends with ENDMARKER or an error token.
    mutating func run() {
        while true {
            if atLineStart {
                guard startLine() else { return }
            }
            guard scanToken() else { return }
        }
    }

    /// Scans one token (or skips a line ending that makes none). Returns false
    /// once the input is finished: ENDMARKER or an error token was appended.
    @inline(__always)
    mutating func scanToken() -> Bool {
        // Hot loops work on a local cursor: stores to `position` inside them
        // would go to memory on every byte.
        var cursor = position
        var c = text[cursor]
        while c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == 0x0C {
            cursor &+= 1
            c = text[cursor]
        }
        // The NEWLINE after a comment starts at the comment, as in CPython.
        let start = cursor
        if c == UInt8(ascii: "#") {
            repeat {
                cursor &+= 1
                c = text[cursor]
            } while c > UInt8(ascii: "\r") || (c != 0 && !ByteClass.isLineEnd(c))
        }
        position = cursor

        if ByteClass.isIdentifierStart(c) {
            return scanNameOrPrefixedString(start: start)
        }
        switch c {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            scanLineEnd(tokenStart: start)
            return true
        case 0:
            return finishInput()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return scanNumber(start: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return scanString(start: start)
        case UInt8(ascii: "."):
            let next = text[position + 1]
            if ByteClass.isDigit(next) {
                position += 1
                return scanFraction(start: start)
            }
            if next == UInt8(ascii: ".") && text[position + 2] == UInt8(ascii: ".") {
                position += 3
                emit(.ellipsis, from: start)
            } else {
                position += 1
                emit(.dot, from: start)
            }
            return true
        case UInt8(ascii: "\\"):
            // A continuation joins the next line without indentation processing.
            return continueLine(betweenTokens: false)
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            return openBracket(c, start: start)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return closeBracket(c, start: start)
        default:
            return scanOperator(c, start: start)
        }
    }

    /// A NAME, a keyword, or a string with a prefix (`b"`, `rb'`, `f"""`...).
    @inline(__always)
    mutating func scanNameOrPrefixedString(start: Int) -> Bool {
        var cursor = position
        var c = text[cursor]
        // CPython accepts the prefixes in any case and order among: b, r, u, f,
        // br, rb, fr, rf; "u" combines with nothing.
        var sawB = false, sawR = false, sawU = false, sawF = false
        while true {
            let lower = ByteClass.lowered(c)
            if !(sawB || sawU || sawF) && lower == UInt8(ascii: "b") {
                sawB = true
            } else if !(sawB || sawU || sawR || sawF) && lower == UInt8(ascii: "u") {
                sawU = true
            } else if !(sawR || sawU) && lower == UInt8(ascii: "r") {
                sawR = true
            } else if !(sawF || sawB || sawU) && lower == UInt8(ascii: "f") {
                sawF = true
            } else {
                break
            }
            cursor &+= 1
            c = text[cursor]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                position = cursor
                return scanString(start: start)
            }
        }
        var allBits: UInt8 = 0
        while ByteClass.isIdentifierContinue(c) {
            allBits |= c
            cursor &+= 1
            c = text[cursor]
        }
        position = cursor
        if allBits < 0x80 {
            let keyword = TokenKind.keyword(in: UnsafeBufferPointer(start: text, count: end), from: start, to: position)
            emit(keyword ?? .name, from: start)
            return true
        }
        guard verifyIdentifier(start: start) else { return false }
        emit(.name, from: start)
        return true
    }

    /// The end of a physical line: a NEWLINE token unless the line is blank or
    /// inside brackets. The token runs from the trailing comment, if any, to
    /// the line ending (excluded), as CPython's does.
    mutating func scanLineEnd(tokenStart: Int) {
        let lineEnd = position
        position += text[position] == UInt8(ascii: "\r") ? 2 : 1
        if !lineIsBlank && brackets.isEmpty {
            tokens.append(Token(kind: .newline, startOffset: Int32(min(tokenStart, sourceCount)),
                                endOffset: Int32(min(lineEnd, sourceCount)),
                                line: line, column: Int32(tokenStart - lineStart),
                                endLine: line, endColumn: Int32(lineEnd - lineStart)))
        }
        beginNextLine()
        atLineStart = true
    }

    /// Called with `position` just past a line ending.
    @inline(__always)
    mutating func beginNextLine() {
        line += 1
        lineStart = position
    }

    /// The end of the input (at the start of a line, after the DEDENTs).
    mutating func finishInput() -> Bool {
        if input.nullByteOffset != nil {
            failNullByte()
        } else if !brackets.isEmpty {
            failUnclosedBracket()
        } else {
            emitZeroWidth(.endMarker, at: position)
        }
        return false
    }

    /// A backslash at `position`: it must end its line, and the next line must
    /// exist. `betweenTokens` when it continues the indentation of a line.
    mutating func continueLine(betweenTokens: Bool) -> Bool {
        let next = text[position + 1]
        guard ByteClass.isLineEnd(next) else {
            failContinuationCharacter(at: position + 1)
            return false
        }
        let backslashLineStart = lineStart
        let lineEnd = position + 1
        position += next == UInt8(ascii: "\r") ? 3 : 2
        beginNextLine()
        if text[position] == 0 {
            if input.nullByteOffset != nil {
                failNullByte()
            } else {
                failAtContinuationEOF(lastLineStart: backslashLineStart, lastLineEnd: lineEnd)
            }
            return false
        }
        if betweenTokens {
            bufferStart = lineStart
        }
        return true
    }

    // MARK: Emitting tokens

    /// A token from `start` to `position` on the current line.
    @inline(__always)
    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind: kind, startOffset: Int32(truncatingIfNeeded: start),
                            endOffset: Int32(truncatingIfNeeded: position),
                            line: line, column: Int32(truncatingIfNeeded: start - lineStart),
                            endLine: line, endColumn: Int32(truncatingIfNeeded: position - lineStart)))
    }

    /// DEDENT and ENDMARKER: empty tokens, kept inside the source's byte range.
    /// At the end of the input CPython's tokenizer is still on the last line
    /// it read, so these tokens sit at the end of that line, not on a new one.
    mutating func emitZeroWidth(_ kind: TokenKind, at offset: Int) {
        let clamped = Int32(min(offset, sourceCount))
        var tokenLine = line
        var column = Int32(max(0, offset - lineStart))
        if offset >= sourceCount && offset == lineStart && line > 1 {
            var lineEnd = lineStart - 1
            if lineEnd > 0 && text[lineEnd] == UInt8(ascii: "\n") && text[lineEnd - 1] == UInt8(ascii: "\r") {
                lineEnd -= 1
            }
            var previousStart = lineEnd
            while previousStart > 0 && !ByteClass.isLineEnd(text[previousStart - 1]) {
                previousStart -= 1
            }
            tokenLine = line - 1
            column = Int32(lineEnd - previousStart)
        }
        tokens.append(Token(kind: kind, startOffset: clamped, endOffset: clamped,
                            line: tokenLine, column: column, endLine: tokenLine, endColumn: column))
    }
}
