/// Number literals, with CPython's checks and error positions. The lexer only
/// delimits and validates; `NumberLiteral` computes the value.
extension Tokenizer {
    /// A number starting with a digit at `p`.
    mutating func scanNumber(start: Int) -> Bool {
        guard text[p] == UInt8(ascii: "0") else {
            guard scanDecimalTail() else { return false }
            if text[p] == UInt8(ascii: ".") {
                p += 1
                return scanFraction(start: start)
            }
            return scanExponentAndSuffix(start: start)
        }
        p += 1
        switch ByteClass.lowered(text[p]) {
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

    /// `0x...`, `0o...`, `0b...` with `p` at the letter. With `namesStrayDigits`
    /// (octal and binary), a decimal digit that does not belong is named in the
    /// error: "invalid digit '8' in octal literal".
    private mutating func scanRadixInteger(start: Int, kind: StaticString, namesStrayDigits: Bool,
                                           isDigit: (UInt8) -> Bool) -> Bool {
        p += 1
        var c = text[p]
        repeat {
            if c == UInt8(ascii: "_") {
                p += 1
                c = text[p]
            }
            if !isDigit(c) {
                if namesStrayDigits && ByteClass.isDigit(c) {
                    failAtCursor("invalid digit '\(Character(Unicode.Scalar(c)))' in \(kind) literal", cursor: p + 1)
                } else {
                    failAtCursor("invalid \(kind) literal", cursor: p)
                }
                return false
            }
            repeat {
                p += 1
                c = text[p]
            } while isDigit(c)
        } while c == UInt8(ascii: "_")
        if namesStrayDigits && ByteClass.isDigit(c) {
            failAtCursor("invalid digit '\(Character(Unicode.Scalar(c)))' in \(kind) literal", cursor: p + 1)
            return false
        }
        guard verifyEndOfNumber(kind: kind) else { return false }
        emit(.number, from: start)
        return true
    }

    /// A number starting with `0` that is not hex, octal or binary, with `p`
    /// after the first zero: `0`, `0_0`, `00.5`, `0e1`, `0j`... More digits
    /// after the zeros are only allowed in a float (`007.5`); `0777` is the old
    /// octal syntax, now an error.
    private mutating func scanLeadingZeroNumber(start: Int) -> Bool {
        var c = text[p]
        while true {
            if c == UInt8(ascii: "_") {
                p += 1
                c = text[p]
                if !ByteClass.isDigit(c) {
                    failAtCursor("invalid decimal literal", cursor: p)
                    return false
                }
            }
            if c != UInt8(ascii: "0") { break }
            p += 1
            c = text[p]
        }
        // CPython remembers its cursor here, just past the first non-zero character.
        let zerosEnd = p + 1
        var hasNonZeroDigits = false
        if ByteClass.isDigit(c) {
            hasNonZeroDigits = true
            guard scanDecimalTail() else { return false }
            c = text[p]
        }
        if c == UInt8(ascii: ".") {
            p += 1
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

    /// Digits and single underscores between digits, with `p` at a digit.
    /// Leaves `p` after the last digit.
    private mutating func scanDecimalTail() -> Bool {
        while true {
            repeat {
                p += 1
            } while ByteClass.isDigit(text[p])
            if text[p] != UInt8(ascii: "_") { return true }
            p += 1
            if !ByteClass.isDigit(text[p]) {
                failAtCursor("invalid decimal literal", cursor: p)
                return false
            }
        }
    }

    /// The rest of a float with `p` just after its `.`.
    mutating func scanFraction(start: Int) -> Bool {
        if ByteClass.isDigit(text[p]) {
            guard scanDecimalTail() else { return false }
        }
        return scanExponentAndSuffix(start: start)
    }

    /// An optional exponent, then an optional `j`, then the end of the number.
    private mutating func scanExponentAndSuffix(start: Int) -> Bool {
        if ByteClass.lowered(text[p]) == UInt8(ascii: "e") {
            let exponentStart = p
            p += 1
            var c = text[p]
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                p += 1
                c = text[p]
                if !ByteClass.isDigit(c) {
                    failAtCursor("invalid decimal literal", cursor: p)
                    return false
                }
            } else if !ByteClass.isDigit(c) {
                // Not an exponent after all: the number ends before the `e`
                // (`1else`), which is checked as any character after a number.
                p = exponentStart
                guard verifyEndOfNumber(kind: "decimal") else { return false }
                emit(.number, from: start)
                return true
            }
            guard scanDecimalTail() else { return false }
        }
        if ByteClass.lowered(text[p]) == UInt8(ascii: "j") {
            p += 1
            guard verifyEndOfNumber(kind: "imaginary") else { return false }
        } else {
            guard verifyEndOfNumber(kind: "decimal") else { return false }
        }
        emit(.number, from: start)
        return true
    }

    /// CPython's `verify_end_of_number`, with `p` at the character after the
    /// number. A letter there is an error ("invalid decimal literal" for `1a`),
    /// except the start of a keyword that may legally follow a number (`1if x
    /// else y`, `0x1for`), which only gets a warning.
    private mutating func verifyEndOfNumber(kind: StaticString) -> Bool {
        let c = text[p]
        var followedByKeyword = false
        switch c {
        case UInt8(ascii: "a"): followedByKeyword = lookahead("nd")
        case UInt8(ascii: "e"): followedByKeyword = lookahead("lse")
        case UInt8(ascii: "f"): followedByKeyword = lookahead("or")
        case UInt8(ascii: "i"):
            let next = text[p + 1]
            followedByKeyword = next == UInt8(ascii: "f") || next == UInt8(ascii: "n") || next == UInt8(ascii: "s")
        case UInt8(ascii: "o"): followedByKeyword = lookahead("r")
        case UInt8(ascii: "n"): followedByKeyword = lookahead("ot")
        default: break
        }
        if followedByKeyword {
            warnings.append(LexerWarning(category: "SyntaxWarning", message: "invalid \(kind) literal", line: Int(line)))
            return true
        }
        if ByteClass.isIdentifierContinue(c) {
            failAtCursor("invalid \(kind) literal", cursor: p)
            return false
        }
        return true
    }

    /// Whether the characters after `text[p]` are `rest` and then something
    /// that cannot continue an identifier.
    private func lookahead(_ rest: StaticString) -> Bool {
        var index = p + 1
        let bytes = UnsafeBufferPointer(start: rest.utf8Start, count: rest.utf8CodeUnitCount)
        for byte in bytes {
            if text[index] != byte { return false }
            index += 1
        }
        return !ByteClass.isIdentifierContinue(text[index])
    }
}
