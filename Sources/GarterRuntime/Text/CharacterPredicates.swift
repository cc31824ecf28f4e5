/// The `str.is*` predicates.
extension PyText {
    /// `str.isalpha()`.
    public static func isAlpha(_ text: CodePoints) -> Bool {
        allCharacters(text, UnicodeDatabase.isAlpha)
    }

    /// `str.isalnum()`.
    public static func isAlnum(_ text: CodePoints) -> Bool {
        allCharacters(text, UnicodeDatabase.isAlnum)
    }

    /// `str.isdecimal()`.
    public static func isDecimal(_ text: CodePoints) -> Bool {
        allCharacters(text, UnicodeDatabase.isDecimal)
    }

    /// `str.isdigit()`.
    public static func isDigit(_ text: CodePoints) -> Bool {
        allCharacters(text, UnicodeDatabase.isDigit)
    }

    /// `str.isnumeric()`.
    public static func isNumeric(_ text: CodePoints) -> Bool {
        allCharacters(text, UnicodeDatabase.isNumeric)
    }

    /// `str.isspace()`.
    public static func isSpace(_ text: CodePoints) -> Bool {
        allCharacters(text, UnicodeDatabase.isSpace)
    }

    /// `str.isprintable()` (true for the empty string).
    public static func isPrintable(_ text: CodePoints) -> Bool {
        for codePoint in text where !UnicodeDatabase.isPrintable(codePoint) {
            return false
        }
        return true
    }

    /// `str.isascii()` (true for the empty string).
    public static func isASCII(_ text: CodePoints) -> Bool {
        for codePoint in text where codePoint >= 0x80 {
            return false
        }
        return true
    }

    /// `str.islower()`: some cased character, and no upper- or title-case one.
    public static func isLower(_ text: CodePoints) -> Bool {
        var cased = false
        for codePoint in text {
            if UnicodeDatabase.isUpper(codePoint) || UnicodeDatabase.isTitle(codePoint) {
                return false
            }
            if !cased && UnicodeDatabase.isLower(codePoint) {
                cased = true
            }
        }
        return cased
    }

    /// `str.isupper()`: some cased character, and no lower- or title-case one.
    public static func isUpper(_ text: CodePoints) -> Bool {
        var cased = false
        for codePoint in text {
            if UnicodeDatabase.isLower(codePoint) || UnicodeDatabase.isTitle(codePoint) {
                return false
            }
            if !cased && UnicodeDatabase.isUpper(codePoint) {
                cased = true
            }
        }
        return cased
    }

    /// `str.istitle()`: upper- and title-case characters only after uncased
    /// ones, lower-case characters only after cased ones, and at least one
    /// cased character.
    public static func isTitle(_ text: CodePoints) -> Bool {
        var cased = false
        var previousIsCased = false
        for codePoint in text {
            if UnicodeDatabase.isUpper(codePoint) || UnicodeDatabase.isTitle(codePoint) {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if UnicodeDatabase.isLower(codePoint) {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }

    /// `str.isidentifier()`: XID_Start or `_`, then XID_Continue characters
    /// (no NFKC normalisation, as in CPython).
    public static func isIdentifier(_ text: CodePoints) -> Bool {
        guard let first = text.first else { return false }
        guard first == 0x5F || UnicodeDatabase.isXIDStart(first) else { return false }
        for codePoint in text.dropFirst() where !UnicodeDatabase.isXIDContinue(codePoint) {
            return false
        }
        return true
    }

    @inline(__always)
    private static func allCharacters(_ text: CodePoints, _ predicate: (UInt32) -> Bool) -> Bool {
        guard !text.isEmpty else { return false }
        for codePoint in text where !predicate(codePoint) {
            return false
        }
        return true
    }
}
