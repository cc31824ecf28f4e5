/// `str.strip`, `lstrip` and `rstrip`, and `removeprefix`/`removesuffix`.
/// They return the range of `text` to keep, so the caller can return the
/// original object when nothing is removed, as CPython does.
extension PyText {
    /// `str.strip([chars])`: `chars` nil strips whitespace.
    public static func strip(_ text: CodePoints, _ chars: CodePoints? = nil) -> Range<Int> {
        let start = leftStripIndex(text, chars)
        return start..<rightStripIndex(text, chars, lowerBound: start)
    }

    /// `str.lstrip([chars])`.
    public static func lstrip(_ text: CodePoints, _ chars: CodePoints? = nil) -> Range<Int> {
        leftStripIndex(text, chars)..<text.count
    }

    /// `str.rstrip([chars])`.
    public static func rstrip(_ text: CodePoints, _ chars: CodePoints? = nil) -> Range<Int> {
        0..<rightStripIndex(text, chars, lowerBound: 0)
    }

    /// `str.removeprefix(prefix)`.
    public static func removePrefix(_ text: CodePoints, _ prefix: CodePoints) -> Range<Int> {
        if prefix.count <= text.count && equal(text, from: 0, prefix) {
            return prefix.count..<text.count
        }
        return 0..<text.count
    }

    /// `str.removesuffix(suffix)`; an empty suffix removes nothing.
    public static func removeSuffix(_ text: CodePoints, _ suffix: CodePoints) -> Range<Int> {
        if !suffix.isEmpty && suffix.count <= text.count && equal(text, from: text.count - suffix.count, suffix) {
            return 0..<(text.count - suffix.count)
        }
        return 0..<text.count
    }

    private static func leftStripIndex(_ text: CodePoints, _ chars: CodePoints?) -> Int {
        var index = 0
        if let chars {
            let set = MemberSet(chars)
            while index < text.count && set.contains(text[index]) { index += 1 }
        } else {
            while index < text.count && UnicodeDatabase.isSpace(text[index]) { index += 1 }
        }
        return index
    }

    private static func rightStripIndex(_ text: CodePoints, _ chars: CodePoints?, lowerBound: Int) -> Int {
        var index = text.count
        if let chars {
            let set = MemberSet(chars)
            while index > lowerBound && set.contains(text[index - 1]) { index -= 1 }
        } else {
            while index > lowerBound && UnicodeDatabase.isSpace(text[index - 1]) { index -= 1 }
        }
        return index
    }

    /// Membership in a small set of characters given as a string: a 64-bit
    /// bloom mask rejects most non-members before the linear check.
    struct MemberSet {
        let members: CodePoints
        let bloom: UInt64

        init(_ members: CodePoints) {
            self.members = members
            var bloom: UInt64 = 0
            for member in members { bloom |= 1 &<< UInt64(member & 63) }
            self.bloom = bloom
        }

        @inline(__always)
        func contains(_ codePoint: UInt32) -> Bool {
            guard bloom & (1 &<< UInt64(codePoint & 63)) != 0 else { return false }
            for member in members where member == codePoint { return true }
            return false
        }
    }
}
