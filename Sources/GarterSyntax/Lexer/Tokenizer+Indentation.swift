extension Tokenizer {
    /// Measures the indentation of a new line and emits its INDENT or DEDENT
    /// tokens, as CPython does at the beginning of each line.
    ///
    /// Tabs advance to the next multiple of 8; for the consistency check the
    /// same line is also measured with tabs worth 1 column, and both measures
    /// must order the blocks the same way, otherwise the indentation depends on
    /// the tab size (TabError). A form feed resets the column (for Emacs users).
    /// Blank and comment-only lines, and lines inside brackets, do not count.
    mutating func startLine() -> Bool {
        atLineStart = false
        bufferStart = lineStart
        if position >= end && input.nullByteOffset != nil {
            failNullByte()
            return false
        }
        var column = 0
        var altColumn = 0
        // Indentation cannot be split with backslashes: when a backslash
        // continues the indentation, the column before the first one counts.
        var continuationColumn = 0
        var c = text[position]
        measuring: while true {
            switch c {
            case UInt8(ascii: " "):
                column += 1
                altColumn += 1
            case UInt8(ascii: "\t"):
                column = (column / Tokenizer.tabSize + 1) * Tokenizer.tabSize
                altColumn += 1
            case 0x0C:
                column = 0
                altColumn = 0
            case UInt8(ascii: "\\"):
                continuationColumn = continuationColumn != 0 ? continuationColumn : column
                guard continueLine(betweenTokens: true) else { return false }
                c = text[position]
                continue measuring
            default:
                break measuring
            }
            position &+= 1
            c = text[position]
        }

        lineIsBlank = c == UInt8(ascii: "#") || ByteClass.isLineEnd(c)
        guard !lineIsBlank && brackets.isEmpty else { return true }
        if continuationColumn != 0 {
            column = continuationColumn
            altColumn = continuationColumn
        }

        let current = indentStack[indentStack.count - 1]
        if column == current {
            if altColumn != altIndentStack[altIndentStack.count - 1] {
                failIndentation(.tabError, "inconsistent use of tabs and spaces in indentation")
                return false
            }
        } else if column > current {
            if indentStack.count >= Tokenizer.maxIndentLevels {
                failIndentation(.indentationError, "too many levels of indentation")
                return false
            }
            if altColumn <= altIndentStack[altIndentStack.count - 1] {
                failIndentation(.tabError, "inconsistent use of tabs and spaces in indentation")
                return false
            }
            indentStack.append(column)
            altIndentStack.append(altColumn)
            tokens.append(Token(kind: .indent, startOffset: Int32(lineStart), endOffset: Int32(position),
                                line: line, column: 0, endLine: line, endColumn: Int32(position - lineStart)))
        } else {
            // Errors come before any DEDENT token, as in CPython.
            var remaining = indentStack.count - 1
            while remaining > 0 && column < indentStack[remaining] {
                remaining -= 1
            }
            if column != indentStack[remaining] {
                failUnmatchedDedent()
                return false
            }
            if altColumn != altIndentStack[remaining] {
                failIndentation(.tabError, "inconsistent use of tabs and spaces in indentation")
                return false
            }
            for _ in remaining..<(indentStack.count - 1) {
                emitZeroWidth(.dedent, at: position)
            }
            indentStack.removeLast(indentStack.count - 1 - remaining)
            altIndentStack.removeLast(altIndentStack.count - 1 - remaining)
        }
        return true
    }
}
