/// Errors, with the exact class, message and position CPython 3.11 reports.
///
/// CPython computes positions in two ways, and we mirror both:
/// - errors its tokenizer raises itself put `offset` at the number of
///   characters between the start of the line and its read cursor, so the
///   position depends on whether it had consumed the offending character;
/// - errors its parser raises from a tokenizer error code take a byte column,
///   converted as for any parser error (by `SyntaxError(_:_:in:line:byteColumn:)`),
///   and a fixed end offset of 0 or -1.
extension Tokenizer {
    /// An error CPython's tokenizer raises with its cursor at byte `cursor` of the current line.
    mutating func failAtCursor(_ message: String, cursor: Int) {
        let offset = characterCount(from: lineStart, to: cursor)
        var tokenOffset = max(cursor - 1, lineStart)
        while tokenOffset > lineStart && text[tokenOffset] & 0xC0 == 0x80 {
            tokenOffset -= 1
        }
        fail(makeError(.syntaxError, message, line: line, offset: offset, endOffset: offset),
             timing: .raisedByTokenizer, at: tokenOffset, line: line, lineStart: lineStart)
    }

    /// `0777`: CPython gives this range in bytes, from the first zero to just
    /// past the first non-zero digit, without converting to characters.
    mutating func failLeadingZeros(start: Int, zerosEnd: Int) {
        let message = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
        fail(makeError(.syntaxError, message, line: line, offset: start - lineStart + 1, endOffset: zerosEnd - lineStart),
             timing: .raisedByTokenizer, at: start, line: line, lineStart: lineStart)
    }

    /// Reported at the string's first character (its prefix, if any).
    mutating func failUnterminatedString(isTripleQuoted: Bool, detectedAt detectedLine: Int32,
                                         startLine: Int32, startLineStart: Int, start: Int) {
        let message = isTripleQuoted
            ? "unterminated triple-quoted string literal (detected at line \(detectedLine))"
            : "unterminated string literal (detected at line \(detectedLine))"
        let offset = characterCount(from: startLineStart, to: start + 1)
        fail(makeError(.syntaxError, message, line: startLine, offset: offset, endOffset: offset),
             timing: .raisedByTokenizer, at: start, line: startLine, lineStart: startLineStart)
    }

    /// TabError and "too many levels of indentation": CPython's parser puts
    /// these at offset 1 with an end offset of 0.
    mutating func failIndentation(_ kind: SyntaxError.Kind, _ message: String) {
        fail(parserReportedError(kind, message, line: line, byteColumn: 0, endOffset: 0),
             timing: .reportedByParser, at: position, line: line, lineStart: lineStart)
    }

    /// Reported at the end of the line, past its line ending, with end offset -1.
    mutating func failUnmatchedDedent() {
        let lineEnd = lineEndOffset(from: position)
        fail(parserReportedError(.indentationError, "unindent does not match any outer indentation level",
                                 line: line, byteColumn: lineEnd - lineStart, endOffset: -1),
             timing: .reportedByParser, at: position, line: line, lineStart: lineStart)
    }

    /// A backslash followed by something other than a line ending at `offset`.
    /// CPython counts the column from the start of its line buffer, which is
    /// an earlier line when the backslash ends a token spanning lines.
    mutating func failContinuationCharacter(at offset: Int) {
        var error = parserReportedError(.syntaxError, "unexpected character after line continuation character",
                                        line: line, byteColumn: offset - lineStart, endOffset: 0)
        if bufferStart != lineStart {
            error.offset = characterCount(from: bufferStart, to: offset, readingLineEndsAsOne: true) + 1
        }
        fail(error, timing: .reportedByParser, at: offset, line: line, lineStart: lineStart)
    }

    /// A backslash continuation on the last line: CPython reports the end of
    /// that line, past its line ending. It converts that byte column to
    /// characters over its line buffer, which starts on an earlier line when
    /// the backslash ends a chain of continuations after code.
    mutating func failAtContinuationEOF(lastLineStart: Int, lastLineEnd: Int) {
        if !brackets.isEmpty {
            failUnclosedBracket()
            return
        }
        let lastLine = line - 1
        var error = parserReportedError(.syntaxError, "unexpected EOF while parsing", line: lastLine,
                                        byteColumn: lastLineEnd - lastLineStart, endOffset: -1)
        if bufferStart != lastLineStart {
            error.offset = characterCount(inFirst: lastLineEnd - lastLineStart + 1, bytesFrom: bufferStart)
        }
        fail(error, timing: .reportedByParser, at: lastLineEnd, line: lastLine, lineStart: lastLineStart)
    }

    /// The input ended inside brackets: reported at the innermost open one.
    mutating func failUnclosedBracket() {
        let bracket = brackets[brackets.count - 1]
        fail(unclosedBracketError(bracket), timing: .reportedByParser, at: bracket.offset,
             line: bracket.line, lineStart: bracket.offset - bracket.column)
    }

    func unclosedBracketError(_ bracket: OpenBracket) -> SyntaxError {
        let message = "'\(Character(Unicode.Scalar(bracket.character)))' was never closed"
        return parserReportedError(.syntaxError, message, line: bracket.line, byteColumn: bracket.column, endOffset: 0)
    }

    /// CPython refuses a line holding a NUL byte when it reads that line; the
    /// input was cut at its start. The error text is the line up to the NUL.
    mutating func failNullByte() {
        let nullOffset = input.nullByteOffset ?? position
        let lineText = source.bytes.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<nullOffset]), as: UTF8.self)
        }
        let error = SyntaxError(.syntaxError, "source code cannot contain null bytes", filename: source.filename,
                                lineno: Int(line), offset: 0, endLineno: Int(line), endOffset: 0, text: lineText)
        fail(error, timing: .raisedByTokenizer, at: position, line: line, lineStart: lineStart)
    }

    // MARK: Helpers

    /// An error with the offsets CPython's tokenizer computed itself.
    func makeError(_ kind: SyntaxError.Kind, _ message: String, line: Int32, offset: Int, endOffset: Int) -> SyntaxError {
        SyntaxError(kind, message, filename: source.filename, lineno: Int(line), offset: offset,
                    endLineno: Int(line), endOffset: endOffset, text: source.lineWithEnding(Int(line)))
    }

    /// An error CPython's parser raises from a tokenizer error code, at a byte column.
    func parserReportedError(_ kind: SyntaxError.Kind, _ message: String, line: Int32, byteColumn: Int,
                             endOffset: Int) -> SyntaxError {
        var error = SyntaxError(kind, message, in: source, line: Int(line), byteColumn: byteColumn)
        error.endOffset = endOffset
        return error
    }

    /// Records the error and ends the token list with an error token at byte `offset`.
    mutating func fail(_ error: SyntaxError, timing: LexerErrorTiming, at offset: Int, line: Int32, lineStart: Int) {
        self.error = error
        self.errorTiming = timing
        if let innermost = brackets.last {
            unclosedBracketError = unclosedBracketError(innermost)
        }
        let clamped = Int32(min(offset, sourceCount))
        let column = Int32(max(0, offset - lineStart))
        tokens.append(Token(kind: .error, startOffset: clamped, endOffset: clamped,
                            line: line, column: column, endLine: line, endColumn: column))
    }

    /// The number of characters (code points) in `text[start..<stop]`; with
    /// `readingLineEndsAsOne`, a `\r\n` counts once, as in CPython's
    /// translated buffer.
    func characterCount(from start: Int, to stop: Int, readingLineEndsAsOne: Bool = false) -> Int {
        var count = 0
        var index = start
        while index < stop {
            let byte = text[index]
            let isCarriageReturnOfPair = readingLineEndsAsOne && byte == UInt8(ascii: "\r")
            if byte & 0xC0 != 0x80 && !isCarriageReturnOfPair { count += 1 }
            index += 1
        }
        return count
    }

    /// The number of characters in the first `byteCount` bytes from `start`,
    /// reading `\r\n` as one byte as CPython's translated buffer has it.
    func characterCount(inFirst byteCount: Int, bytesFrom start: Int) -> Int {
        var count = 0
        var remaining = byteCount
        var index = start
        while remaining > 0 && text[index] != 0 {
            let byte = text[index]
            if !(byte == UInt8(ascii: "\r") && text[index + 1] == UInt8(ascii: "\n")) {
                if byte & 0xC0 != 0x80 { count += 1 }
                remaining -= 1
            }
            index += 1
        }
        return count
    }

    /// The offset of the line ending at or after `offset`.
    func lineEndOffset(from offset: Int) -> Int {
        var index = offset
        while text[index] != 0 && !ByteClass.isLineEnd(text[index]) {
            index += 1
        }
        return index
    }

    /// `value` in upper-case hex with at least 4 digits, as in "U+00A0".
    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
