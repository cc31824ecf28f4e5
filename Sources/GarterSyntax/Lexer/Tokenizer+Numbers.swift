/// Number literals, with CPython's checks and error positions. The lexer only
/// delimits and validates; `NumberLiteral` computes the value.
extension Tokenizer {
    /// A number starting with a digit at `position`.
    mutating func scanNumber(start: Int) -> Bool {
        guard text[position] == UInt8(ascii: "0") else {
            guard scanDecimalTail() else { return false }
            if text[position] == UInt8(ascii: ".") {
                position += 1
                return scanFraction(start: start)
            }
            return scanExponentAndSuffix(start: start)
        }
        position += 1
        switch ByteClass.lowered(text[position]) {
        case UInt8(ascii: "x"):
            return scanRadixInteger(start: start, kind: "hexadecimal", namesStrayDigits: false,
                                    isDigit: ByteClass.isHexDigit)
        case UInt8(ascii: "o"):
            return scanRadixInteger(start: start, kind: "octal", namesStrayDigits: true) {
                $0 &- UInt8(ascii: "0") < 8
            }
        case UInt8(ascii: "b"):
            return scanRadixInteger(start: start, kind: "binary", namesStrayDigits: true) {
                $0 &- UInt8(ascii: "0") < 2
            }
        default:
            return scanLeadingZeroNumber(start: start)
        }
    }

    /// `0x...`, `0o...`, `0b...` with `position` at the letter. With `namesStrayDigits`
    /// (octal and binary), a decimal digit that does not belong is named in the
    /// error: "invalid digit '8' in octal literal".
    private mutating func scanRadixInteger(start: Int, kind: StaticString, namesStrayDigits: Bool,
                                           isDigit: (UInt8) -> Bool) -> Bool {
        position += 1
        var c = text[position]
        repeat {
            if c == UInt8(ascii: "_") {
                position += 1
                c = text[position]
            }
            if !isDigit(c) {
                if namesStrayDigits && ByteClass.isDigit(c) {
                    failInvalidDigit(c, kind: kind)
                } else {
                    failAtCursor("invalid \(kind) literal", cursor: position)
                }
                return false
            }
            repeat {
                position += 1
                c = text[position]
            } while isDigit(c)
        } while c == UInt8(ascii: "_")
        if namesStrayDigits && ByteClass.isDigit(c) {
            failInvalidDigit(c, kind: kind)
            return false
        }
        guard verifyEndOfNumber(kind: kind) else { return false }
        emit(.number, from: start)
        return true
    }

    /// A decimal digit in an octal or binary literal, which CPython has consumed.
    private mutating func failInvalidDigit(_ digit: UInt8, kind: StaticString) {
        failAtCursor("invalid digit '\(Character(Unicode.Scalar(digit)))' in \(kind) literal", cursor: position + 1)
    }

    /// A number starting with `0` that is not hex, octal or binary, with `position`
    /// after the first zero: `0`, `0_0`, `00.5`, `0e1`, `0j`... More digits
    /// after the zeros are only allowed in a float (`007.5`); `0777` is the old
    /// octal syntax, now an error.
    private mutating func scanLeadingZeroNumber(start: Int) -> Bool {
        var c = text[position]
        while true {
            if c == UInt8(ascii: "_") {
                position += 1
                c = text[position]
                if !ByteClass.isDigit(c) {
                    failAtCursor("invalid decimal literal", cursor: position)
                    return false
                }
            }
            if c != UInt8(ascii: "0") { break }
            position += 1
            c = text[position]
        }
        // CPython remembers its cursor here, just past the first non-zero character.
        let zerosEnd = position + 1
        var hasNonZeroDigits = false
        if ByteClass.isDigit(c) {
            hasNonZeroDigits = true
            guard scanDecimalTail() else { return false }
            c = text[position]
        }
        if c == UInt8(ascii: ".") {
            position += 1
            return scanFraction(start: start)
        }
        let lower = ByteClass.lowered(c)
        if lower == UInt8(ascii: "e") || lower == UInt8(ascii: "j") {
            return scanExponentAndSuffix(start: start)
        }
        if hasNonZeroDigits {
            failLeadingZeros(start: start, zerosEnd: zerosEnd)
            return false
        }
        guard verifyEndOfNumber(kind: "decimal") else { return false }
        emit(.number, from: start)
        return true
    }

    /// Digits and single underscores between digits, with `position` at a digit.
    /// Leaves `position` after the last digit.
    private mutating func scanDecimalTail() -> Bool {
        while true {
            repeat {
                position += 1
            } while ByteClass.isDigit(text[position])
            if text[position] != UInt8(ascii: "_") { return true }
            position += 1
            if !ByteClass.isDigit(text[position]) {
                failAtCursor("invalid decimal literal", cursor: position)
                return false
            }
        }
    }

    /// The rest of a float with `position` just after its `.`.
    mutating func scanFraction(start: Int) -> Bool {
        if ByteClass.isDigit(text[position]) {
            guard scanDecimalTail() else { return false }
        }
        return scanExponentAndSuffix(start: start)
    }

    /// An optional exponent, then an optional `j`, then the end of the number.
    private mutating func scanExponentAndSuffix(start: Int) -> Bool {
        if ByteClass.lowered(text[position]) == UInt8(ascii: "e") {
            let exponentStart = position
            position += 1
            var c = text[position]
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                position += 1
                c = text[position]
                if !ByteClass.isDigit(c) {
                    failAtCursor("invalid decimal literal", cursor: position)
                    return false
                }
            } else if !ByteClass.isDigit(c) {
                // Not an exponent after all: the number ends before the `e`
                // (`1else`), which is checked as any character after a number.
                position = exponentStart
                guard verifyEndOfNumber(kind: "decimal") else { return false }
                emit(.number, from: start)
                return true
            }
            guard scanDecimalTail() else { return false }
        }
        if ByteClass.lowered(text[position]) == UInt8(ascii: "j") {
            position += 1
            guard verifyEndOfNumber(kind: "imaginary") else { return false }
        } else {
            guard verifyEndOfNumber(kind: "decimal") else { return false }
        }
        emit(.number, from: start)
        return true
    }

    /// CPython's `verify_end_of_number`, with `position` at the character after
    /// the number. An ASCII letter there is an error ("invalid decimal literal" for `1a`),
    /// except the start of a keyword that may legally follow a number (`1if x
    /// else y`, `0x1for`), which only gets a warning.
    private mutating func verifyEndOfNumber(kind: StaticString) -> Bool {
        let c = text[position]
        var followedByKeyword = false
        switch c {
        case UInt8(ascii: "a"): followedByKeyword = lookahead("nd")
        case UInt8(ascii: "e"): followedByKeyword = lookahead("lse")
        case UInt8(ascii: "f"): followedByKeyword = lookahead("or")
        case UInt8(ascii: "i"):
            let next = text[position + 1]
            followedByKeyword = next == UInt8(ascii: "f") || next == UInt8(ascii: "n") || next == UInt8(ascii: "s")
        case UInt8(ascii: "o"): followedByKeyword = lookahead("r")
        case UInt8(ascii: "n"): followedByKeyword = lookahead("ot")
        default: break
        }
        if followedByKeyword {
            warnings.append(LexerWarning(category: "SyntaxWarning", message: "invalid \(kind) literal", line: Int(line)))
            return true
        }
        // Only ASCII: a non-ASCII character ends the number and starts a NAME
        // (`1é` is NUMBER, NAME), which is checked as an identifier.
        if c < 0x80 && ByteClass.isIdentifierContinue(c) {
            failAtCursor("invalid \(kind) literal", cursor: position)
            return false
        }
        return true
    }

    /// Whether the characters after `text[position]` are `rest` and then something
    /// that cannot continue an identifier.
    private func lookahead(_ rest: StaticString) -> Bool {
        var index = position + 1
        let bytes = UnsafeBufferPointer(start: rest.utf8Start, count: rest.utf8CodeUnitCount)
        for byte in bytes {
            if text[index] != byte { return false }
            index += 1
        }
        return !ByteClass.isIdentifierContinue(text[index])
    }
}
