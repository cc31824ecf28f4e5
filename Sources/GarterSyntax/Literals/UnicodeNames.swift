/// Character lookup by name for `\N{...}` escapes, matching Python 3.11's
/// `unicodedata.lookup` (Unicode 14.0): names and aliases compare without
/// regard to ASCII case, except the algorithmic names of Hangul syllables and
/// CJK unified ideographs, which must be written in capitals.
enum UnicodeNames {
    /// The code point named `name` (ASCII text, as written between the braces).
    static func scalar(named name: String) -> UInt32? {
        if name.hasPrefix(hangulPrefix) {
            return hangulSyllables[name]
        }
        if name.hasPrefix(unifiedIdeographPrefix) {
            return unifiedIdeograph(hexDigits: name.dropFirst(unifiedIdeographPrefix.count))
        }
        let key = name.uppercased()
        return namedCharacters[key] ?? aliases[key]
    }

    private static let hangulPrefix = "HANGUL SYLLABLE "
    private static let unifiedIdeographPrefix = "CJK UNIFIED IDEOGRAPH-"

    /// Every named character Python 3.11 knows, except Hangul syllables and
    /// CJK unified ideographs. Swift's names are newer (more characters, and
    /// names for Tangut ideographs), so characters assigned after Unicode 14.0
    /// and Tangut are left out; what remains agrees with Python on every name.
    /// Built on first use (about 0.1 s): few programs use `\N`.
    private static let namedCharacters: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        table.reserveCapacity(50_000)
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), PythonUnicode.isAssigned(scalar),
                  let name = scalar.properties.name else { continue }
            if isAlgorithmicallyNamed(value) || name.hasPrefix("TANGUT IDEOGRAPH-") { continue }
            table[name] = value
        }
        return table
    }()

    private static let hangulSyllables: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for value in UInt32(0xAC00)...0xD7A3 {
            if let name = Unicode.Scalar(value)?.properties.name { table[name] = value }
        }
        return table
    }()

    /// Hangul syllables, and the CJK unified ideograph blocks, which skip the
    /// name table (their names are computed).
    private static func isAlgorithmicallyNamed(_ value: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(value) || isUnifiedIdeograph(value)
    }

    /// CJK unified ideographs as of Unicode 14.0 (Python's `is_unified_ideograph`).
    private static func isUnifiedIdeograph(_ value: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0x20000...0x2A6DF).contains(value) || (0x2A700...0x2B738).contains(value)
            || (0x2B740...0x2B81D).contains(value) || (0x2B820...0x2CEA1).contains(value)
            || (0x2CEB0...0x2EBE0).contains(value) || (0x30000...0x3134A).contains(value)
    }

    /// "CJK UNIFIED IDEOGRAPH-" followed by 4 or 5 upper-case hex digits.
    private static func unifiedIdeograph(hexDigits: Substring) -> UInt32? {
        guard hexDigits.count == 4 || hexDigits.count == 5 else { return nil }
        var value: UInt32 = 0
        for scalar in hexDigits.unicodeScalars {
            switch scalar {
            case "0"..."9": value = value * 16 + (scalar.value - 48)
            case "A"..."F": value = value * 16 + (scalar.value - 55)
            default: return nil
            }
        }
        return isUnifiedIdeograph(value) ? value : nil
    }
}
