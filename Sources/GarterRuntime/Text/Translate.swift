/// `str.translate` and `str.maketrans`.
extension PyText {
    /// What a translation table gives for one character (`table[ord(c)]`).
    public enum TranslationEntry: Equatable, Sendable {
        /// The lookup raised LookupError: the character stays.
        case keep
        /// The table maps the character to None.
        case delete
        /// The table maps it to an int (checked to be in range(0x110000)).
        case codePoint(Int)
        /// The table maps it to a str.
        case text([UInt32])
    }

    /// `str.translate(table)`: `lookup` reads the table (the caller turns a
    /// LookupError into `.keep` and raises "character mapping must return
    /// integer, None or str" for other results). Errors thrown by `lookup`
    /// propagate.
    public static func translate(_ text: CodePoints, _ lookup: (UInt32) throws -> TranslationEntry) throws -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        for codePoint in text {
            switch try lookup(codePoint) {
            case .keep:
                result.append(codePoint)
            case .delete:
                break
            case .codePoint(let value):
                guard value >= 0 && value <= 0x10FFFF else {
                    throw TextError.valueError("character mapping must be in range(0x110000)")
                }
                result.append(UInt32(value))
            case .text(let replacement):
                result.append(contentsOf: replacement)
            }
        }
        return result
    }

    /// `str.maketrans(x, y[, z])`: the entries of the dict it returns, in
    /// insertion order (`nil` values map to None). Later entries for the same
    /// key replace earlier ones in the caller's dict, as in CPython.
    public static func makeTranslation(from: CodePoints, to: CodePoints,
                                       delete: CodePoints? = nil) throws(TextError) -> [(key: UInt32, value: UInt32?)] {
        guard from.count == to.count else {
            throw .valueError("the first two maketrans arguments must have equal length")
        }
        var entries: [(key: UInt32, value: UInt32?)] = []
        entries.reserveCapacity(from.count + (delete?.count ?? 0))
        for index in 0..<from.count {
            entries.append((from[index], to[index]))
        }
        if let delete {
            for codePoint in delete {
                entries.append((codePoint, nil))
            }
        }
        return entries
    }

    /// A str key of the dict given alone to `str.maketrans`, as the int key
    /// of the result.
    public static func translationKey(_ key: CodePoints) throws(TextError) -> UInt32 {
        guard key.count == 1 else {
            throw .valueError("string keys in translate table must be of length 1")
        }
        return key[0]
    }

    /// CPython's messages for the remaining `maketrans`/`translate` errors,
    /// which depend on argument types the caller checks (all TypeError).
    public enum TranslationMessage {
        public static let onlyOneArgumentMustBeDict =
            "if you give only one argument to maketrans it must be a dict"
        public static let keysMustBeStringsOrIntegers = "keys in translate table must be strings or integers"
        public static let secondArgumentMustBeString = "maketrans() argument 2 must be str, not "
        public static let mappingMustReturn = "character mapping must return integer, None or str"
    }
}
