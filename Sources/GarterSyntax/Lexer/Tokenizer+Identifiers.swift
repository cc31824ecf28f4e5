extension Tokenizer {
    /// Checks an identifier holding non-ASCII characters, `text[start..<position]`,
    /// against PEP 3131: XID_Start or `_` first, then XID_Continue (in Unicode
    /// 14.0, Python 3.11's version). Like
    /// CPython, the check is on the text as written, before NFKC normalisation,
    /// and the error names the first offending character.
    mutating func verifyIdentifier(start: Int) -> Bool {
        var index = start
        while index < position {
            let (value, length) = UTF8Decoding.scalar(in: text, at: index, limit: position)
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let isValid = index == start
                ? scalar == "_" || PythonUnicode.isXIDStart(scalar)
                : PythonUnicode.isXIDContinue(scalar)
            if !isValid {
                let code = Tokenizer.hex4(value)
                let message = PythonUnicode.isPrintable(scalar)
                    ? "invalid character '\(Character(scalar))' (U+\(code))"
                    : "invalid non-printable character U+\(code)"
                failAtCursor(message, cursor: index + length)
                return false
            }
            index += length
        }
        return true
    }
}
