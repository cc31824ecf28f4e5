/// Checks that a code list is a program the engine can run without reading
/// outside it: every operand present, every skip landing on an instruction of
/// the enclosing block, every group number in range, every block closed by the
/// instruction the engine expects there. It accepts what CPython 3.11's
/// `re._compiler` emits and rejects what CPython's own validator would reject
/// for safety reasons. One deliberate restriction: the item of REPEAT_ONE,
/// MIN_REPEAT_ONE and POSSESSIVE_REPEAT_ONE must be a single one-character
/// instruction (the compiler never emits anything else there), which lets the
/// engine count repetitions without running a nested match.
struct RegexValidator {
    let code: [UInt32]
    let groupCount: Int
    /// Nesting is bounded because the checker recurses; CPython's parser
    /// cannot nest groups nearly this deep, so only hand-made code hits it.
    static let maximumDepth = 1000

    static func validate(_ code: [UInt32], groupCount: Int) throws(RegexError) {
        let validator = RegexValidator(code: code, groupCount: groupCount)
        guard let last = code.last, last == SREOp.success || last == SREOp.failure else {
            throw .invalidCode("the program does not end with SUCCESS or FAILURE")
        }
        try validator.block(0, code.count, depth: 0)
        // Search skips the first `prefix_skip` instructions after the INFO
        // block when the prefix matched, so they must be LITERAL pairs.
        if code[0] == SREOp.info && code[2] & SREInfo.prefix != 0 {
            let body = 1 + Int(code[1])
            for k in 0..<Int(code[6]) {
                let at = body + 2 * k
                guard at + 1 < code.count && code[at] == SREOp.literal else {
                    throw .invalidCode("INFO prefix skip does not cover LITERAL instructions at code word \(at)")
                }
            }
        }
    }

    private func fail(_ what: String, _ at: Int) -> RegexError {
        .invalidCode("\(what) at code word \(at)")
    }

    /// The word at `i`, which must lie before `end`.
    private func word(_ i: Int, _ end: Int) throws(RegexError) -> UInt32 {
        guard i >= 0 && i < end else { throw fail("missing operand", i) }
        return code[i]
    }

    /// A skip operand at `i`: the target `i + skip` must lie in `(i, end]`.
    private func skipTarget(_ i: Int, _ end: Int, offset: Int = 0) throws(RegexError) -> Int {
        let skip = Int(try word(i, end))
        let target = i + skip + offset
        guard skip > 0 && target <= end else { throw fail("skip out of its block", i) }
        return target
    }

    /// Validates the instructions of `[start, end)`.
    private func block(_ start: Int, _ end: Int, depth: Int) throws(RegexError) {
        guard depth <= Self.maximumDepth else { throw fail("blocks nested too deeply", start) }
        var pc = start
        while pc < end {
            let op = code[pc]
            let a = pc + 1  // first operand
            switch op {
            case SREOp.failure, SREOp.success, SREOp.any, SREOp.anyAll:
                pc = a
            case SREOp.literal, SREOp.notLiteral, SREOp.literalIgnore, SREOp.notLiteralIgnore,
                 SREOp.literalUniIgnore, SREOp.notLiteralUniIgnore,
                 SREOp.literalLocIgnore, SREOp.notLiteralLocIgnore:
                _ = try word(a, end)
                pc = a + 1
            case SREOp.at:
                guard try word(a, end) < SREAt.count else { throw fail("unknown AT code", a) }
                pc = a + 1
            case SREOp.category:
                guard try word(a, end) < SRECategory.count else { throw fail("unknown category", a) }
                pc = a + 1
            case SREOp.mark:
                guard Int(try word(a, end)) < 2 * groupCount else { throw fail("mark out of range", a) }
                pc = a + 1
            case SREOp.groupref, SREOp.grouprefIgnore, SREOp.grouprefUniIgnore, SREOp.grouprefLocIgnore:
                guard Int(try word(a, end)) < groupCount else { throw fail("group reference out of range", a) }
                pc = a + 1
            case SREOp.in, SREOp.inIgnore, SREOp.inUniIgnore, SREOp.inLocIgnore:
                let target = try skipTarget(a, end)
                try charset(a + 1, target)
                pc = target
            case SREOp.info:
                let target = try skipTarget(a, end)
                try info(a, target)
                pc = target
            case SREOp.jump:
                // A lone JUMP only appears at the end of a branch alternative or
                // of a conditional's "yes" arm, whose callers check the target.
                throw fail("JUMP outside a branch", pc)
            case SREOp.branch:
                pc = try branch(a, end, depth: depth)
            case SREOp.repeat, SREOp.possessiveRepeat:
                let target = try skipTarget(a, end)
                try repeatBounds(a, target)
                try block(a + 3, target, depth: depth + 1)
                guard target < end else { throw fail("repeat without its closing instruction", target) }
                let closing = code[target]
                if op == SREOp.repeat {
                    guard closing == SREOp.maxUntil || closing == SREOp.minUntil else {
                        throw fail("REPEAT not closed by MAX_UNTIL or MIN_UNTIL", target)
                    }
                } else {
                    guard closing == SREOp.success else { throw fail("POSSESSIVE_REPEAT not closed by SUCCESS", target) }
                }
                pc = target + 1
            case SREOp.repeatOne, SREOp.minRepeatOne, SREOp.possessiveRepeatOne:
                let target = try skipTarget(a, end)
                try repeatBounds(a, target)
                try singleCharacterItem(a + 3, target - 1)
                guard code[target - 1] == SREOp.success else { throw fail("repeated item not closed by SUCCESS", target - 1) }
                pc = target
            case SREOp.atomicGroup:
                let target = try skipTarget(a, end)
                guard target - 1 > a, code[target - 1] == SREOp.success else { throw fail("atomic group not closed by SUCCESS", target - 1) }
                try block(a + 1, target - 1, depth: depth + 1)
                pc = target
            case SREOp.assert, SREOp.assertNot:
                let target = try skipTarget(a, end)
                guard target - 1 > a + 1, code[target - 1] == SREOp.success else { throw fail("assertion not closed by SUCCESS", target - 1) }
                try block(a + 2, target - 1, depth: depth + 1)
                pc = target
            case SREOp.grouprefExists:
                pc = try conditional(a, end, depth: depth)
            default:
                // MAX_UNTIL/MIN_UNTIL are only valid where a REPEAT's skip lands;
                // charset items and SUBPATTERN never appear as instructions.
                throw fail("unexpected opcode \(op)", pc)
            }
        }
        guard pc == end else { throw fail("instruction runs past its block", pc) }
    }

    private func repeatBounds(_ a: Int, _ target: Int) throws(RegexError) {
        guard a + 3 <= target else { throw fail("repeat without bounds", a) }
        let minimum = code[a + 1], maximum = code[a + 2]
        guard minimum <= maximum, minimum != RegexConstants.maxRepeat else { throw fail("bad repeat bounds", a + 1) }
    }

    /// The item of a one-character repeat: exactly one instruction that
    /// consumes exactly one character, filling `[start, end)`.
    private func singleCharacterItem(_ start: Int, _ end: Int) throws(RegexError) {
        guard start < end else { throw fail("empty repeated item", start) }
        let op = code[start]
        var next: Int
        switch op {
        case SREOp.any, SREOp.anyAll:
            next = start + 1
        case SREOp.literal, SREOp.notLiteral, SREOp.literalIgnore, SREOp.notLiteralIgnore,
             SREOp.literalUniIgnore, SREOp.notLiteralUniIgnore,
             SREOp.literalLocIgnore, SREOp.notLiteralLocIgnore:
            next = start + 2
        case SREOp.category:
            guard start + 1 < end, code[start + 1] < SRECategory.count else { throw fail("unknown category", start + 1) }
            next = start + 2
        case SREOp.in, SREOp.inIgnore, SREOp.inUniIgnore, SREOp.inLocIgnore:
            next = try skipTarget(start + 1, end)
            try charset(start + 2, next)
        default:
            throw fail("repeated item is not a single-character instruction", start)
        }
        guard next == end else { throw fail("repeated item is not a single instruction", start) }
    }

    /// `BRANCH <skip> alternative ... 0`, each alternative ending with a JUMP
    /// to the instruction after the terminating 0. Returns that position.
    private func branch(_ a: Int, _ end: Int, depth: Int) throws(RegexError) -> Int {
        var p = a
        var after = -1
        while true {
            let skip = Int(try word(p, end))
            if skip == 0 { break }
            let next = try skipTarget(p, end)
            // The alternative's last two words are JUMP <offset>.
            guard next - 2 > p, code[next - 2] == SREOp.jump else { throw fail("branch alternative without JUMP", p) }
            let target = (next - 1) + Int(code[next - 1])
            if after < 0 { after = target }
            guard target == after else { throw fail("branch alternatives end in different places", next - 1) }
            try block(p + 1, next - 2, depth: depth + 1)
            p = next
        }
        guard after < 0 || after == p + 1 else { throw fail("branch JUMP does not reach the branch's end", p) }
        return p + 1
    }

    /// `GROUPREF_EXISTS <group> <skip> yes [JUMP <skip> no]`. The "yes" arm
    /// ends with a JUMP over the "no" arm when there is one; which form it is
    /// shows only in the code, so the form with a "no" arm is tried first.
    private func conditional(_ a: Int, _ end: Int, depth: Int) throws(RegexError) -> Int {
        guard Int(try word(a, end)) < groupCount else { throw fail("group reference out of range", a) }
        let noArm = a + Int(try word(a + 1, end))
        guard noArm >= a + 2 && noArm <= end else { throw fail("conditional skip out of its block", a + 1) }
        if noArm - 2 >= a + 2 && code[noArm - 2] == SREOp.jump {
            let after = (noArm - 1) + Int(code[noArm - 1])
            if after >= noArm && after <= end {
                do {
                    try block(a + 2, noArm - 2, depth: depth + 1)
                    try block(noArm, after, depth: depth + 1)
                    return after
                } catch {
                    // Not that form after all: fall through to the other.
                }
            }
        }
        try block(a + 2, noArm, depth: depth + 1)
        return noArm
    }

    /// A charset program filling `[start, end)` and ending with FAILURE.
    private func charset(_ start: Int, _ end: Int) throws(RegexError) {
        var i = start
        while i < end {
            let op = code[i]
            i += 1
            switch op {
            case SREOp.failure:
                guard i == end else { throw fail("charset continues after FAILURE", i) }
                return
            case SREOp.negate:
                break
            case SREOp.literal:
                i += 1
            case SREOp.category:
                guard i < end, code[i] < SRECategory.count else { throw fail("unknown category", i) }
                i += 1
            case SREOp.range, SREOp.rangeUniIgnore:
                guard i + 1 < end, code[i] <= code[i + 1] else { throw fail("bad range", i) }
                i += 2
            case SREOp.charset:
                i += 8
            case SREOp.bigCharset:
                guard i < end else { throw fail("missing operand", i) }
                let blockCount = Int(code[i])
                i += 1
                guard i + 64 <= end else { throw fail("truncated BIGCHARSET", i) }
                // Every block number must name one of the blocks that follow.
                for w in 0..<64 {
                    let packed = code[i + w]
                    for byte in 0..<4 where Int((packed >> UInt32(byte * 8)) & 0xFF) >= blockCount {
                        throw fail("BIGCHARSET block number out of range", i + w)
                    }
                }
                i += 64 + blockCount * 8
            default:
                throw fail("unexpected charset opcode \(op)", i - 1)
            }
        }
        throw fail("charset not closed by FAILURE", end)
    }

    /// `INFO <skip> <flags> <min> <max> [prefix or charset]` filling `[a - 1, end)`.
    private func info(_ a: Int, _ end: Int) throws(RegexError) {
        guard a + 4 <= end else { throw fail("truncated INFO block", a) }
        let flags = code[a + 1]
        if flags & SREInfo.prefix != 0 {
            guard a + 6 <= end else { throw fail("truncated INFO prefix", a) }
            let length = Int(code[a + 4]), skip = Int(code[a + 5])
            guard length >= 1, skip <= length, a + 6 + 2 * length <= end else { throw fail("bad INFO prefix", a + 4) }
            for k in 0..<length where Int(code[a + 6 + length + k]) >= length {
                throw fail("bad INFO overlap table", a + 6 + length + k)
            }
        } else if flags & SREInfo.charset != 0 {
            try charset(a + 4, end)
        }
    }
}
