/// Operators, delimiters and brackets.
extension Tokenizer {
    /// One operator at `position` (longest match), or the error for a character that
    /// starts no token.
    mutating func scanOperator(_ c: UInt8, start: Int) -> Bool {
        let next = text[position + 1]
        let equalsFollows = next == UInt8(ascii: "=")
        let kind: TokenKind
        let length: Int
        switch c {
        case UInt8(ascii: ","):
            (kind, length) = (.comma, 1)
        case UInt8(ascii: ";"):
            (kind, length) = (.semicolon, 1)
        case UInt8(ascii: "~"):
            (kind, length) = (.tilde, 1)
        case UInt8(ascii: ":"):
            (kind, length) = equalsFollows ? (.colonEqual, 2) : (.colon, 1)
        case UInt8(ascii: "="):
            (kind, length) = equalsFollows ? (.eqEqual, 2) : (.equal, 1)
        case UInt8(ascii: "!"):
            (kind, length) = equalsFollows ? (.notEqual, 2) : (.exclamation, 1)
        case UInt8(ascii: "+"):
            (kind, length) = equalsFollows ? (.plusEqual, 2) : (.plus, 1)
        case UInt8(ascii: "%"):
            (kind, length) = equalsFollows ? (.percentEqual, 2) : (.percent, 1)
        case UInt8(ascii: "&"):
            (kind, length) = equalsFollows ? (.amperEqual, 2) : (.amper, 1)
        case UInt8(ascii: "|"):
            (kind, length) = equalsFollows ? (.vbarEqual, 2) : (.vbar, 1)
        case UInt8(ascii: "^"):
            (kind, length) = equalsFollows ? (.circumflexEqual, 2) : (.circumflex, 1)
        case UInt8(ascii: "@"):
            (kind, length) = equalsFollows ? (.atEqual, 2) : (.at, 1)
        case UInt8(ascii: "-"):
            if next == UInt8(ascii: ">") {
                (kind, length) = (.arrow, 2)
            } else {
                (kind, length) = equalsFollows ? (.minusEqual, 2) : (.minus, 1)
            }
        case UInt8(ascii: "*"):
            if next == UInt8(ascii: "*") {
                (kind, length) = text[position + 2] == UInt8(ascii: "=") ? (.doubleStarEqual, 3) : (.doubleStar, 2)
            } else {
                (kind, length) = equalsFollows ? (.starEqual, 2) : (.star, 1)
            }
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "/") {
                (kind, length) = text[position + 2] == UInt8(ascii: "=") ? (.doubleSlashEqual, 3) : (.doubleSlash, 2)
            } else {
                (kind, length) = equalsFollows ? (.slashEqual, 2) : (.slash, 1)
            }
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "<") {
                (kind, length) = text[position + 2] == UInt8(ascii: "=") ? (.leftShiftEqual, 3) : (.leftShift, 2)
            } else if next == UInt8(ascii: ">") {
                // Python 2's `<>`: CPython makes it a NOTEQUAL token that only
                // the Barry-as-FLUFL mode accepts, so it is invalid syntax.
                (kind, length) = (.error, 2)
            } else {
                (kind, length) = equalsFollows ? (.lessEqual, 2) : (.less, 1)
            }
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: ">") {
                (kind, length) = text[position + 2] == UInt8(ascii: "=") ? (.rightShiftEqual, 3) : (.rightShift, 2)
            } else {
                (kind, length) = equalsFollows ? (.greaterEqual, 2) : (.greater, 1)
            }
        default:
            if c < 0x20 || c == 0x7F {
                failAtCursor("invalid non-printable character U+\(Tokenizer.hex4(UInt32(c)))", cursor: position + 1)
                return false
            }
            // `$`, `?` and the backquote: CPython's tokenizer passes them on as
            // an operator no grammar rule accepts.
            (kind, length) = (.error, 1)
        }
        position += length
        emit(kind, from: start)
        return true
    }

    mutating func openBracket(_ c: UInt8, start: Int) -> Bool {
        if brackets.count >= Tokenizer.maxBracketDepth {
            failAtCursor("too many nested parentheses", cursor: position + 1)
            return false
        }
        brackets.append(OpenBracket(character: c, line: line, column: start - lineStart, offset: start))
        position += 1
        emit(c == UInt8(ascii: "(") ? .leftParen : c == UInt8(ascii: "[") ? .leftSquare : .leftBrace, from: start)
        return true
    }

    mutating func closeBracket(_ c: UInt8, start: Int) -> Bool {
        let closing = Character(Unicode.Scalar(c))
        guard let opening = brackets.popLast() else {
            failAtCursor("unmatched '\(closing)'", cursor: position + 1)
            return false
        }
        let expected: UInt8 = opening.character == UInt8(ascii: "(") ? UInt8(ascii: ")")
            : opening.character == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        if c != expected {
            let openingCharacter = Character(Unicode.Scalar(opening.character))
            var message = "closing parenthesis '\(closing)' does not match opening parenthesis '\(openingCharacter)'"
            if opening.line != line {
                message += " on line \(opening.line)"
            }
            failAtCursor(message, cursor: position + 1)
            return false
        }
        position += 1
        emit(c == UInt8(ascii: ")") ? .rightParen : c == UInt8(ascii: "]") ? .rightSquare : .rightBrace, from: start)
        return true
    }
}
