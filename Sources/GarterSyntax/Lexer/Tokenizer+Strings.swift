/// String literals: one STRING token from the prefix to the closing quotes.
/// f-strings too are a single token, as in Python 3.11; the parser splits them.
extension Tokenizer {
    /// A string whose prefix (possibly empty) starts at `start`, with `position` at the opening quote.
    mutating func scanString(start: Int) -> Bool {
        let quote = text[position]
        let startLine = line
        let startLineStart = lineStart
        position += 1
        var quoteSize = 1
        var closingQuotesSeen = 0
        if text[position] == quote {
            if text[position + 1] == quote {
                quoteSize = 3
                position += 2
            } else {
                // An empty string: the second quote closes it.
                position += 1
                closingQuotesSeen = 1
            }
        }
        while closingQuotesSeen != quoteSize {
            // Skip ordinary characters quickly; everything at or below "\r"
            // (line endings, the end sentinel) and the quote and backslash stop.
            var cursor = position
            var c = text[cursor]
            while c != quote && c != UInt8(ascii: "\\") && c > UInt8(ascii: "\r") {
                cursor &+= 1
                c = text[cursor]
            }
            if cursor != position {
                closingQuotesSeen = 0
                position = cursor
            }
            if c == 0 || (quoteSize == 1 && ByteClass.isLineEnd(c)) {
                if c == 0 && input.nullByteOffset != nil {
                    failNullByte()
                } else {
                    // At the end of input CPython's line number has not moved
                    // past the last line; ours has, after its line ending.
                    let detectedLine = c == 0 ? line - 1 : line
                    failUnterminatedString(isTripleQuoted: quoteSize == 3, detectedAt: detectedLine,
                                           startLine: startLine, startLineStart: startLineStart, start: start)
                }
                return false
            }
            position += 1
            if c == quote {
                closingQuotesSeen += 1
                continue
            }
            closingQuotesSeen = 0
            if c == UInt8(ascii: "\\") {
                // The escaped character cannot close the string; an escaped
                // line ending continues the string on the next line.
                let escaped = text[position]
                if escaped == UInt8(ascii: "\n") {
                    position += 1
                    beginNextLine()
                } else if escaped == UInt8(ascii: "\r") {
                    position += 2
                    beginNextLine()
                } else if escaped != 0 {
                    position += 1
                }
            } else if c == UInt8(ascii: "\n") {
                beginNextLine()
            } else if c == UInt8(ascii: "\r") {
                position += 1
                beginNextLine()
            }
        }
        tokens.append(Token(kind: .string, startOffset: Int32(start), endOffset: Int32(position),
                            line: startLine, column: Int32(start - startLineStart),
                            endLine: line, endColumn: Int32(position - lineStart)))
        return true
    }
}
