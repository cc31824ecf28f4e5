/// The per-character rules of the engine: case folding and character
/// classes, as `_sre` defines them. Three families exist because the code
/// names which one applies: ASCII rules (bytes patterns and `re.ASCII`),
/// locale rules (`re.LOCALE`, bytes only), and Unicode rules (str patterns).
///
/// Locale rules: Garter never switches the C library's `LC_CTYPE`, so they are
/// those of the C (and C.UTF-8) locale, where only ASCII letters have case
/// and bytes 0x80-0xFF are neither letters nor digits. CPython gives the same
/// answers under those locales.
public enum RegexCharacterRules {
    // MARK: Case

    /// `sre_lower_ascii`: ASCII letters lowered, everything else unchanged.
    @inline(__always)
    public static func lowerASCII(_ ch: UInt32) -> UInt32 {
        ch &- 0x41 < 26 ? ch | 0x20 : ch
    }

    /// The C locale's `tolower` for bytes; code points past 255 unchanged.
    @inline(__always)
    static func lowerLocale(_ ch: UInt32) -> UInt32 {
        ch &- 0x41 < 26 ? ch | 0x20 : ch
    }

    /// The C locale's `toupper` for bytes; code points past 255 unchanged.
    @inline(__always)
    static func upperLocale(_ ch: UInt32) -> UInt32 {
        ch &- 0x61 < 26 ? ch ^ 0x20 : ch
    }

    /// `sre_lower_unicode`: the first code point of the character's lower-case
    /// mapping (CPython's `_PyUnicode_ToLowercase`).
    @inline(__always)
    public static func lowerUnicode(_ ch: UInt32) -> UInt32 {
        if ch < 0x80 { return lowerASCII(ch) }
        return UnicodeDatabase.simpleMapping(.lower, of: ch)
    }

    /// `sre_upper_unicode` (`_PyUnicode_ToUppercase`).
    @inline(__always)
    public static func upperUnicode(_ ch: UInt32) -> UInt32 {
        if ch < 0x80 { return ch &- 0x61 < 26 ? ch ^ 0x20 : ch }
        return UnicodeDatabase.simpleMapping(.upper, of: ch)
    }

    /// `char_loc_ignore`: `ch` equals `pattern` ignoring case in the locale.
    @inline(__always)
    static func equalIgnoringLocaleCase(pattern: UInt32, _ ch: UInt32) -> Bool {
        ch == pattern || lowerLocale(ch) == pattern || upperLocale(ch) == pattern
    }

    // MARK: The `_sre` module functions the compiler calls

    /// `_sre.ascii_iscased(ch)`.
    public static func asciiIsCased(_ ch: UInt32) -> Bool {
        ch < 128 && (ch | 0x20) &- 0x61 < 26
    }

    /// `_sre.ascii_tolower(ch)`.
    public static func asciiToLower(_ ch: UInt32) -> UInt32 {
        lowerASCII(ch)
    }

    /// `_sre.unicode_iscased(ch)`: the character has another case.
    public static func unicodeIsCased(_ ch: UInt32) -> Bool {
        ch != lowerUnicode(ch) || ch != upperUnicode(ch)
    }

    /// `_sre.unicode_tolower(ch)`.
    public static func unicodeToLower(_ ch: UInt32) -> UInt32 {
        lowerUnicode(ch)
    }

    // MARK: Classes

    /// `\w` under the ASCII rules: letters, digits and `_` below 128.
    @inline(__always)
    static func isASCIIWord(_ ch: UInt32) -> Bool {
        ch < 128 && ((ch | 0x20) &- 0x61 < 26 || ch &- 0x30 < 10 || ch == 0x5F)
    }

    /// `\w` under the (C) locale rules.
    @inline(__always)
    static func isLocaleWord(_ ch: UInt32) -> Bool {
        isASCIIWord(ch)
    }

    /// `\w` under the Unicode rules: `str.isalnum` of the character, or `_`.
    @inline(__always)
    static func isUnicodeWord(_ ch: UInt32) -> Bool {
        if ch < 128 { return isASCIIWord(ch) }
        return UnicodeDatabase.isAlnum(ch)
    }

    /// `sre_category`: whether `ch` belongs to the class `category`.
    /// An unknown category matches nothing (the validator rejects it anyway).
    @inline(__always)
    static func isInCategory(_ category: UInt32, _ ch: UInt32) -> Bool {
        switch category {
        case SRECategory.digit: return ch &- 0x30 < 10
        case SRECategory.notDigit: return !(ch &- 0x30 < 10)
        case SRECategory.space: return ch == 0x20 || ch &- 0x09 < 5
        case SRECategory.notSpace: return !(ch == 0x20 || ch &- 0x09 < 5)
        case SRECategory.word: return isASCIIWord(ch)
        case SRECategory.notWord: return !isASCIIWord(ch)
        case SRECategory.lineBreak: return ch == 0x0A
        case SRECategory.notLineBreak: return ch != 0x0A
        case SRECategory.locWord: return isLocaleWord(ch)
        case SRECategory.locNotWord: return !isLocaleWord(ch)
        case SRECategory.uniDigit: return UnicodeDatabase.isDecimal(ch)
        case SRECategory.uniNotDigit: return !UnicodeDatabase.isDecimal(ch)
        case SRECategory.uniSpace: return UnicodeDatabase.isSpace(ch)
        case SRECategory.uniNotSpace: return !UnicodeDatabase.isSpace(ch)
        case SRECategory.uniWord: return isUnicodeWord(ch)
        case SRECategory.uniNotWord: return !isUnicodeWord(ch)
        case SRECategory.uniLineBreak: return UnicodeDatabase.isLineBreak(ch)
        case SRECategory.uniNotLineBreak: return !UnicodeDatabase.isLineBreak(ch)
        default: return false
        }
    }
}
