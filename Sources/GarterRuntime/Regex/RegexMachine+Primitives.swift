/// The subject's character at `i`, widened to a code word.
@inline(__always)
func regexCharacter<Char: FixedWidthInteger & UnsignedInteger>(_ text: UnsafePointer<Char>, _ i: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: text[i])
}

/// The primitives are static functions of the few values they need, not
/// methods: called from the matching loop (where the machine is `inout`), a
/// method that is not inlined would receive a copy of the whole machine.
extension RegexMachine {
    /// `AT`: whether position `ptr` satisfies the position test `kind`, in a
    /// subject of `length` characters searched up to `end`.
    static func isAt<Char: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafePointer<Char>, _ ptr: Int, _ kind: UInt32, end: Int, length: Int
    ) -> Bool {
        switch kind {
        case SREAt.beginning, SREAt.beginningString:
            return ptr == 0
        case SREAt.beginningLine:
            return ptr == 0 || regexCharacter(text, ptr - 1) == 0x0A
        case SREAt.end:
            return (end - ptr == 1 && regexCharacter(text, ptr) == 0x0A) || ptr == end
        case SREAt.endLine:
            // Past `end` (pos > endpos) CPython reads the string's terminating
            // NUL; positions past the subject read as no character here.
            return ptr == end || (ptr < length && regexCharacter(text, ptr) == 0x0A)
        case SREAt.endString:
            return ptr == end
        case SREAt.boundary, SREAt.nonBoundary:
            return isBoundary(text, ptr, end, RegexCharacterRules.isASCIIWord) == (kind == SREAt.boundary)
                && end != 0
        case SREAt.locBoundary, SREAt.locNonBoundary:
            return isBoundary(text, ptr, end, RegexCharacterRules.isLocaleWord) == (kind == SREAt.locBoundary)
                && end != 0
        case SREAt.uniBoundary, SREAt.uniNonBoundary:
            return isBoundary(text, ptr, end, RegexCharacterRules.isUnicodeWord) == (kind == SREAt.uniBoundary)
                && end != 0
        default:
            return false
        }
    }

    /// Whether a word character is on exactly one side of `ptr`. (A subject
    /// sliced to nothing, `end == 0`, has neither boundaries nor non-boundaries;
    /// the caller checks that.)
    @inline(__always)
    private static func isBoundary<Char: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafePointer<Char>, _ ptr: Int, _ end: Int, _ isWord: (UInt32) -> Bool
    ) -> Bool {
        let before = ptr > 0 && isWord(regexCharacter(text, ptr - 1))
        let after = ptr < end && isWord(regexCharacter(text, ptr))
        return before != after
    }

    /// How many times (at most `maximum`) the one-character item at
    /// `code[item]` matches from `from` on, before `end` (CPython's `SRE(count)`).
    static func countRepetitions<Char: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafePointer<Char>, _ code: UnsafePointer<UInt32>, item: Int, from: Int, maximum: UInt32, end: Int
    ) -> Int {
        var limit = end
        if maximum != RegexConstants.maxRepeat && Int(maximum) < end - from {
            limit = from + Int(maximum)
        }
        var p = from
        let operand = code[item + 1]
        switch code[item] {
        case SREOp.in:
            while p < limit && RegexCharset.contains(code, at: item + 2, regexCharacter(text, p)) { p += 1 }
        case SREOp.any:
            while p < limit && regexCharacter(text, p) != 0x0A { p += 1 }
        case SREOp.anyAll:
            p = max(limit, from)
        case SREOp.literal:
            while p < limit && regexCharacter(text, p) == operand { p += 1 }
        case SREOp.notLiteral:
            while p < limit && regexCharacter(text, p) != operand { p += 1 }
        case SREOp.literalIgnore:
            while p < limit && RegexCharacterRules.lowerASCII(regexCharacter(text, p)) == operand { p += 1 }
        case SREOp.notLiteralIgnore:
            while p < limit && RegexCharacterRules.lowerASCII(regexCharacter(text, p)) != operand { p += 1 }
        case SREOp.literalUniIgnore:
            while p < limit && RegexCharacterRules.lowerUnicode(regexCharacter(text, p)) == operand { p += 1 }
        case SREOp.notLiteralUniIgnore:
            while p < limit && RegexCharacterRules.lowerUnicode(regexCharacter(text, p)) != operand { p += 1 }
        case SREOp.literalLocIgnore:
            while p < limit && RegexCharacterRules.equalIgnoringLocaleCase(pattern: operand, regexCharacter(text, p)) { p += 1 }
        case SREOp.notLiteralLocIgnore:
            while p < limit && !RegexCharacterRules.equalIgnoringLocaleCase(pattern: operand, regexCharacter(text, p)) { p += 1 }
        case SREOp.category:
            while p < limit && RegexCharacterRules.isInCategory(operand, regexCharacter(text, p)) { p += 1 }
        case SREOp.inIgnore:
            while p < limit && RegexCharset.contains(code, at: item + 2, RegexCharacterRules.lowerASCII(regexCharacter(text, p))) { p += 1 }
        case SREOp.inUniIgnore:
            while p < limit && RegexCharset.contains(code, at: item + 2, RegexCharacterRules.lowerUnicode(regexCharacter(text, p))) { p += 1 }
        case SREOp.inLocIgnore:
            while p < limit && RegexCharset.containsIgnoringLocaleCase(code, at: item + 2, regexCharacter(text, p)) { p += 1 }
        default:
            break  // the validator admits nothing else as a repeated item
        }
        return p - from
    }

    /// Moves `pc` to the next alternative of a BRANCH (at or after `pc`) whose
    /// first instruction does not obviously fail at `ptr`; false when none is left.
    @inline(__always)
    static func nextAlternative<Char: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafePointer<Char>, _ code: UnsafePointer<UInt32>, _ pc: inout Int, _ ptr: Int, end: Int
    ) -> Bool {
        while code[pc] != 0 {
            let first = code[pc + 1]
            if first == SREOp.literal && (ptr >= end || regexCharacter(text, ptr) != code[pc + 2]) {
                pc += Int(code[pc])
                continue
            }
            if first == SREOp.in && (ptr >= end || !RegexCharset.contains(code, at: pc + 3, regexCharacter(text, ptr))) {
                pc += Int(code[pc])
                continue
            }
            return true
        }
        return false
    }
}
