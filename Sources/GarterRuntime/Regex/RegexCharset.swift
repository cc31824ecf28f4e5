/// Membership in a character set: the small program that follows `IN` (and
/// an `INFO` block's charset), a sequence of LITERAL, RANGE,
/// RANGE_UNI_IGNORE, CHARSET, BIGCHARSET, CATEGORY and NEGATE items ended by
/// FAILURE. The validator has checked the layout, so the walk reads no
/// further than the program's FAILURE.
enum RegexCharset {
    /// Whether `ch` is in the set whose items start at `code[at]`.
    @inline(__always)
    static func contains(_ code: UnsafePointer<UInt32>, at start: Int, _ ch: UInt32) -> Bool {
        var matched = true
        var i = start
        while true {
            let op = code[i]
            i += 1
            switch op {
            case SREOp.failure:
                return !matched
            case SREOp.literal:
                if ch == code[i] { return matched }
                i += 1
            case SREOp.category:
                if RegexCharacterRules.isInCategory(code[i], ch) { return matched }
                i += 1
            case SREOp.charset:
                // 256 bits in eight words, bit n of word n/32 for byte n.
                if ch < 256 && code[i + Int(ch >> 5)] & (1 << (ch & 31)) != 0 { return matched }
                i += 8
            case SREOp.range:
                if code[i] <= ch && ch <= code[i + 1] { return matched }
                i += 2
            case SREOp.rangeUniIgnore:
                // `ch` is already lowered; the range holds upper-case ends too.
                if code[i] <= ch && ch <= code[i + 1] { return matched }
                let upper = RegexCharacterRules.upperUnicode(ch)
                if code[i] <= upper && upper <= code[i + 1] { return matched }
                i += 2
            case SREOp.negate:
                matched = !matched
            case SREOp.bigCharset:
                // <count> <256 block numbers as bytes in 64 words> <count blocks of 8 words>
                let blockCount = Int(code[i])
                i += 1
                if ch < 0x10000 {
                    let high = Int(ch >> 8)
                    // The block numbers are bytes packed little-end first into
                    // words, as the compiler's memoryview cast wrote them.
                    let block = Int((code[i + (high >> 2)] >> (UInt32(high & 3) << 3)) & 0xFF)
                    let bit = block * 256 + Int(ch & 255)
                    if code[i + 64 + (bit >> 5)] & (1 << UInt32(bit & 31)) != 0 { return matched }
                }
                i += 64 + blockCount * 8
            default:
                return false
            }
        }
    }

    /// `charset_loc_ignore`: membership of the locale lower or upper case.
    @inline(__always)
    static func containsIgnoringLocaleCase(_ code: UnsafePointer<UInt32>, at start: Int, _ ch: UInt32) -> Bool {
        let lower = RegexCharacterRules.lowerLocale(ch)
        if contains(code, at: start, lower) { return true }
        let upper = RegexCharacterRules.upperLocale(ch)
        return upper != lower && contains(code, at: start, upper)
    }
}
