extension RegexMachine {
    /// Runs the program from instruction `entry` at position `cursor`
    /// (CPython's `SRE(match)`). On success `cursor` is the end of the match
    /// and the marks hold the groups.
    ///
    /// Backtracking never recurses in Swift: an instruction that must try
    /// something and possibly come back pushes a `RegexFrame`, runs the
    /// attempt, and when the attempt returns the frame's `resume` code says
    /// which step continues. The attempt includes the rest of the pattern, so
    /// the stack depth grows with the number of open choice points (for
    /// `(a|b)*` one per repetition), in heap memory only.
    mutating func run<Char: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafePointer<Char>, at entry: Int, toplevel: Bool
    ) throws(RegexError) -> Bool {
        let code = self.code
        let end = self.end
        var top = 0
        frames[0] = RegexFrame(ptr: 0, count: 0, pc: 0, lastMark: -1, lastIndex: -1, aux: 0,
                               resume: RegexResume.none, toplevel: toplevel)
        var pc = entry
        var ptr = cursor
        var result = false
        var entering = true

        outer: while true {
            attempt: do {
                if entering {
                    entering = false
                    // An INFO block at the start of an attempt: reject a
                    // subject shorter than the pattern's minimum width.
                    if code[pc] == SREOp.info {
                        let minimum = code[pc + 3]
                        if minimum != 0 && UInt(bitPattern: end - ptr) < UInt(minimum) {
                            result = false
                            break attempt
                        }
                        pc += Int(code[pc + 1]) + 1
                    }
                }
                while true {
                    steps &+= 1
                    if steps & interruptMask == 0, let check = interrupt, check() {
                        throw .interrupted
                    }
                    let op = code[pc]
                    pc += 1
                    switch op {
                    case SREOp.mark:
                        let i = Int(code[pc])
                        if i & 1 != 0 { lastIndex = i / 2 + 1 }
                        if i > lastMark {
                            // Marks skipped over were not reached in this attempt.
                            var j = lastMark + 1
                            while j < i { marks[j] = -1; j += 1 }
                            lastMark = i
                        }
                        marks[i] = ptr
                        pc += 1

                    case SREOp.literal:
                        if ptr >= end || regexCharacter(text, ptr) != code[pc] { result = false; break attempt }
                        pc += 1; ptr += 1
                    case SREOp.notLiteral:
                        if ptr >= end || regexCharacter(text, ptr) == code[pc] { result = false; break attempt }
                        pc += 1; ptr += 1
                    case SREOp.literalIgnore:
                        if ptr >= end || RegexCharacterRules.lowerASCII(regexCharacter(text, ptr)) != code[pc] {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1
                    case SREOp.notLiteralIgnore:
                        if ptr >= end || RegexCharacterRules.lowerASCII(regexCharacter(text, ptr)) == code[pc] {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1
                    case SREOp.literalUniIgnore:
                        if ptr >= end || RegexCharacterRules.lowerUnicode(regexCharacter(text, ptr)) != code[pc] {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1
                    case SREOp.notLiteralUniIgnore:
                        if ptr >= end || RegexCharacterRules.lowerUnicode(regexCharacter(text, ptr)) == code[pc] {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1
                    case SREOp.literalLocIgnore:
                        if ptr >= end || !RegexCharacterRules.equalIgnoringLocaleCase(pattern: code[pc], regexCharacter(text, ptr)) {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1
                    case SREOp.notLiteralLocIgnore:
                        if ptr >= end || RegexCharacterRules.equalIgnoringLocaleCase(pattern: code[pc], regexCharacter(text, ptr)) {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1

                    case SREOp.success:
                        if frames[top].toplevel && ((matchAll && ptr != end) || (mustAdvance && ptr == start)) {
                            result = false; break attempt
                        }
                        cursor = ptr
                        result = true; break attempt

                    case SREOp.at:
                        if !Self.isAt(text, ptr, code[pc], end: end, length: length) { result = false; break attempt }
                        pc += 1
                    case SREOp.category:
                        if ptr >= end || !RegexCharacterRules.isInCategory(code[pc], regexCharacter(text, ptr)) {
                            result = false; break attempt
                        }
                        pc += 1; ptr += 1
                    case SREOp.any:
                        if ptr >= end || regexCharacter(text, ptr) == 0x0A { result = false; break attempt }
                        ptr += 1
                    case SREOp.anyAll:
                        if ptr >= end { result = false; break attempt }
                        ptr += 1

                    case SREOp.in:
                        if ptr >= end || !RegexCharset.contains(code, at: pc + 1, regexCharacter(text, ptr)) {
                            result = false; break attempt
                        }
                        pc += Int(code[pc]); ptr += 1
                    case SREOp.inIgnore:
                        if ptr >= end || !RegexCharset.contains(code, at: pc + 1, RegexCharacterRules.lowerASCII(regexCharacter(text, ptr))) {
                            result = false; break attempt
                        }
                        pc += Int(code[pc]); ptr += 1
                    case SREOp.inUniIgnore:
                        if ptr >= end || !RegexCharset.contains(code, at: pc + 1, RegexCharacterRules.lowerUnicode(regexCharacter(text, ptr))) {
                            result = false; break attempt
                        }
                        pc += Int(code[pc]); ptr += 1
                    case SREOp.inLocIgnore:
                        if ptr >= end || !RegexCharset.containsIgnoringLocaleCase(code, at: pc + 1, regexCharacter(text, ptr)) {
                            result = false; break attempt
                        }
                        pc += Int(code[pc]); ptr += 1

                    case SREOp.jump, SREOp.info:
                        pc += Int(code[pc])

                    case SREOp.branch:
                        // <BRANCH> <skip> alternative <JUMP> ... <0>
                        frames[top].lastMark = Int32(lastMark)
                        frames[top].lastIndex = Int32(lastIndex)
                        if currentRepeat >= 0 { try pushMarks(lastMark) }
                        if Self.nextAlternative(text, code, &pc, ptr, end: end) {
                            cursor = ptr
                            try call(&top, resume: RegexResume.branch, pc: pc, ptr: ptr)
                            pc += 1; ptr = cursor; entering = true
                            continue outer
                        }
                        if currentRepeat >= 0 { discardMarks(lastMark) }
                        result = false; break attempt

                    case SREOp.repeatOne:
                        // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy,
                        // count as many as possible, then give back one at a time.
                        let minimum = Int(code[pc + 1])
                        if minimum > end - ptr { result = false; break attempt }
                        cursor = ptr
                        var count = Self.countRepetitions(text, code, item: pc + 3, from: ptr, maximum: code[pc + 2], end: end)
                        ptr += count
                        if count < minimum { result = false; break attempt }
                        let tail = pc + Int(code[pc])
                        if code[tail] == SREOp.success && ptr == end
                            && !(frames[top].toplevel && mustAdvance && ptr == start) {
                            cursor = ptr
                            result = true; break attempt
                        }
                        frames[top].lastMark = Int32(lastMark)
                        frames[top].lastIndex = Int32(lastIndex)
                        if currentRepeat >= 0 { try pushMarks(lastMark) }
                        if code[tail] == SREOp.literal {
                            // Only try positions where the literal that follows is.
                            let next = code[tail + 1]
                            while count >= minimum && (ptr >= end || regexCharacter(text, ptr) != next) {
                                ptr -= 1; count -= 1
                            }
                            if count >= minimum {
                                frames[top].aux = next
                                frames[top].count = count
                                cursor = ptr
                                try call(&top, resume: RegexResume.repeatOneLiteral, pc: pc, ptr: ptr)
                                pc = tail; ptr = cursor; entering = true
                                continue outer
                            }
                        } else if count >= minimum {
                            frames[top].count = count
                            cursor = ptr
                            try call(&top, resume: RegexResume.repeatOne, pc: pc, ptr: ptr)
                            pc = tail; ptr = cursor; entering = true
                            continue outer
                        }
                        if currentRepeat >= 0 { discardMarks(Int(frames[top].lastMark)) }
                        result = false; break attempt

                    case SREOp.minRepeatOne:
                        // Lazy: the minimum first, then one more at a time.
                        let minimum = Int(code[pc + 1])
                        if minimum > end - ptr { result = false; break attempt }
                        cursor = ptr
                        var count = 0
                        if minimum != 0 {
                            count = Self.countRepetitions(text, code, item: pc + 3, from: ptr, maximum: code[pc + 1], end: end)
                            if count < minimum { result = false; break attempt }
                            ptr += count
                        }
                        let tail = pc + Int(code[pc])
                        if code[tail] == SREOp.success
                            && !(frames[top].toplevel && ((matchAll && ptr != end) || (mustAdvance && ptr == start))) {
                            cursor = ptr
                            result = true; break attempt
                        }
                        frames[top].lastMark = Int32(lastMark)
                        frames[top].lastIndex = Int32(lastIndex)
                        if currentRepeat >= 0 { try pushMarks(lastMark) }
                        let maximum = code[pc + 2]
                        if maximum == RegexConstants.maxRepeat || count <= Int(maximum) {
                            frames[top].count = count
                            cursor = ptr
                            try call(&top, resume: RegexResume.minRepeatOne, pc: pc, ptr: ptr)
                            pc = tail; ptr = cursor; entering = true
                            continue outer
                        }
                        if currentRepeat >= 0 { discardMarks(lastMark) }
                        result = false; break attempt

                    case SREOp.possessiveRepeatOne:
                        // Greedy with no giving back: the tail runs in this frame.
                        let minimum = Int(code[pc + 1])
                        if minimum > end - ptr { result = false; break attempt }
                        cursor = ptr
                        let count = Self.countRepetitions(text, code, item: pc + 3, from: ptr, maximum: code[pc + 2], end: end)
                        ptr += count
                        if count < minimum { result = false; break attempt }
                        pc += Int(code[pc])
                        if code[pc] == SREOp.success && ptr == end
                            && !(frames[top].toplevel && mustAdvance && ptr == start) {
                            cursor = ptr
                            result = true; break attempt
                        }

                    case SREOp.repeat:
                        // <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail:
                        // make the loop's record, then run the UNTIL, which
                        // does the work.
                        let record = try pushRepeat(pc: pc)
                        currentRepeat = record
                        frames[top].aux = UInt32(record)
                        cursor = ptr
                        try call(&top, resume: RegexResume.repeat, pc: pc, ptr: ptr)
                        pc += Int(code[pc]); ptr = cursor; entering = true
                        continue outer

                    case SREOp.maxUntil:
                        let record = currentRepeat
                        if record < 0 { throw .internalState }
                        cursor = ptr
                        let count = repeats[record].count + 1
                        frames[top].count = count
                        frames[top].aux = UInt32(record)
                        let loop = Int(repeats[record].pc)
                        if count < Int(code[loop + 1]) {
                            repeats[record].count = count
                            try call(&top, resume: RegexResume.maxUntilMinimum, pc: pc, ptr: ptr)
                            pc = loop + 3; ptr = cursor; entering = true
                            continue outer
                        }
                        let maximum = code[loop + 2]
                        if (count < Int(maximum) || maximum == RegexConstants.maxRepeat) && cursor != repeats[record].lastPtr {
                            repeats[record].count = count
                            frames[top].lastMark = Int32(lastMark)
                            frames[top].lastIndex = Int32(lastIndex)
                            try pushMarks(lastMark)
                            try pushData(repeats[record].lastPtr)
                            repeats[record].lastPtr = cursor
                            try call(&top, resume: RegexResume.maxUntilMore, pc: pc, ptr: ptr)
                            pc = loop + 3; ptr = cursor; entering = true
                            continue outer
                        }
                        currentRepeat = Int(repeats[record].previous)
                        try call(&top, resume: RegexResume.maxUntilTail, pc: pc, ptr: ptr)
                        ptr = cursor; entering = true
                        continue outer

                    case SREOp.minUntil:
                        let record = currentRepeat
                        if record < 0 { throw .internalState }
                        cursor = ptr
                        let count = repeats[record].count + 1
                        frames[top].count = count
                        frames[top].aux = UInt32(record)
                        let loop = Int(repeats[record].pc)
                        if count < Int(code[loop + 1]) {
                            repeats[record].count = count
                            try call(&top, resume: RegexResume.minUntilMinimum, pc: pc, ptr: ptr)
                            pc = loop + 3; ptr = cursor; entering = true
                            continue outer
                        }
                        // Lazy: try the tail first.
                        currentRepeat = Int(repeats[record].previous)
                        frames[top].lastMark = Int32(lastMark)
                        frames[top].lastIndex = Int32(lastIndex)
                        if currentRepeat >= 0 { try pushMarks(lastMark) }
                        try call(&top, resume: RegexResume.minUntilTail, pc: pc, ptr: ptr)
                        ptr = cursor; entering = true
                        continue outer

                    case SREOp.possessiveRepeat:
                        // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                        cursor = ptr
                        frames[top].count = 0
                        if code[pc + 1] > 0 {
                            try call(&top, resume: RegexResume.possessiveMinimum, pc: pc, ptr: ptr, toplevel: false)
                            pc += 3; ptr = cursor; entering = true
                            continue outer
                        }
                        if try possessiveNext(&top, pc: pc, previous: -1) {
                            pc += 3; ptr = cursor; entering = true
                            continue outer
                        }
                        pc += Int(code[pc]) + 1
                        ptr = cursor

                    case SREOp.atomicGroup:
                        // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                        cursor = ptr
                        try call(&top, resume: RegexResume.atomicGroup, pc: pc, ptr: ptr, toplevel: false)
                        pc += 1; ptr = cursor; entering = true
                        continue outer

                    case SREOp.groupref, SREOp.grouprefIgnore, SREOp.grouprefUniIgnore, SREOp.grouprefLocIgnore:
                        let mark = Int(code[pc]) * 2
                        if mark >= lastMark { result = false; break attempt }
                        var p = marks[mark]
                        let e = marks[mark + 1]
                        if p < 0 || e < 0 || e < p { result = false; break attempt }
                        while p < e {
                            if ptr >= end { result = false; break attempt }
                            let a = regexCharacter(text, ptr), b = regexCharacter(text, p)
                            let same: Bool
                            switch op {
                            case SREOp.groupref: same = a == b
                            case SREOp.grouprefIgnore: same = RegexCharacterRules.lowerASCII(a) == RegexCharacterRules.lowerASCII(b)
                            case SREOp.grouprefUniIgnore: same = RegexCharacterRules.lowerUnicode(a) == RegexCharacterRules.lowerUnicode(b)
                            default: same = RegexCharacterRules.lowerLocale(a) == RegexCharacterRules.lowerLocale(b)
                            }
                            if !same { result = false; break attempt }
                            p += 1; ptr += 1
                        }
                        pc += 1

                    case SREOp.grouprefExists:
                        // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
                        let mark = Int(code[pc]) * 2
                        if mark >= lastMark || marks[mark] < 0 || marks[mark + 1] < 0 || marks[mark + 1] < marks[mark] {
                            pc += Int(code[pc + 1])
                        } else {
                            pc += 2
                        }

                    case SREOp.assert:
                        // <ASSERT> <skip> <back> pattern <SUCCESS>
                        let back = Int(code[pc + 1])
                        if ptr < back { result = false; break attempt }
                        cursor = ptr - back
                        try call(&top, resume: RegexResume.assert, pc: pc, ptr: ptr, toplevel: false)
                        pc += 2; ptr = cursor; entering = true
                        continue outer

                    case SREOp.assertNot:
                        let back = Int(code[pc + 1])
                        if ptr >= back {
                            cursor = ptr - back
                            frames[top].lastMark = Int32(lastMark)
                            frames[top].lastIndex = Int32(lastIndex)
                            if currentRepeat >= 0 { try pushMarks(lastMark) }
                            try call(&top, resume: RegexResume.assertNot, pc: pc, ptr: ptr, toplevel: false)
                            pc += 2; ptr = cursor; entering = true
                            continue outer
                        }
                        pc += Int(code[pc])

                    case SREOp.failure:
                        result = false; break attempt

                    default:
                        throw .internalState
                    }
                }
            }

            // An attempt returned `result`: pop its frame and resume its parent.
            unwind: while true {
                let resume = frames[top].resume
                top -= 1
                if top < 0 { return result }
                pc = Int(frames[top].pc)
                ptr = frames[top].ptr
                let savedMark = Int(frames[top].lastMark)

                switch resume {
                case RegexResume.branch:
                    if result {
                        if currentRepeat >= 0 { discardMarks(savedMark) }
                        continue unwind
                    }
                    if currentRepeat >= 0 { popMarks(savedMark, keep: true) }
                    restoreLastMark(top)
                    pc += Int(code[pc])
                    if Self.nextAlternative(text, code, &pc, ptr, end: end) {
                        cursor = ptr
                        try call(&top, resume: RegexResume.branch, pc: pc, ptr: ptr)
                        pc += 1; ptr = cursor; entering = true
                        continue outer
                    }
                    if currentRepeat >= 0 { discardMarks(savedMark) }
                    continue unwind

                case RegexResume.repeatOneLiteral, RegexResume.repeatOne:
                    if result {
                        if currentRepeat >= 0 { discardMarks(savedMark) }
                        continue unwind
                    }
                    if currentRepeat >= 0 { popMarks(savedMark, keep: true) }
                    restoreLastMark(top)
                    let minimum = Int(code[pc + 1])
                    var count = frames[top].count - 1
                    ptr -= 1
                    if resume == RegexResume.repeatOneLiteral {
                        let next = frames[top].aux
                        while count >= minimum && (ptr >= end || regexCharacter(text, ptr) != next) {
                            ptr -= 1; count -= 1
                        }
                    }
                    if count >= minimum {
                        frames[top].count = count
                        cursor = ptr
                        try call(&top, resume: resume, pc: pc, ptr: ptr)
                        pc += Int(code[pc]); ptr = cursor; entering = true
                        continue outer
                    }
                    if currentRepeat >= 0 { discardMarks(savedMark) }
                    result = false
                    continue unwind

                case RegexResume.minRepeatOne:
                    if result {
                        if currentRepeat >= 0 { discardMarks(savedMark) }
                        continue unwind
                    }
                    if currentRepeat >= 0 { popMarks(savedMark, keep: true) }
                    restoreLastMark(top)
                    cursor = ptr
                    if Self.countRepetitions(text, code, item: pc + 3, from: ptr, maximum: 1, end: end) != 0 {
                        ptr += 1
                        let count = frames[top].count + 1
                        let maximum = code[pc + 2]
                        if maximum == RegexConstants.maxRepeat || count <= Int(maximum) {
                            frames[top].count = count
                            cursor = ptr
                            try call(&top, resume: RegexResume.minRepeatOne, pc: pc, ptr: ptr)
                            pc += Int(code[pc]); ptr = cursor; entering = true
                            continue outer
                        }
                    }
                    if currentRepeat >= 0 { discardMarks(savedMark) }
                    result = false
                    continue unwind

                case RegexResume.repeat:
                    currentRepeat = Int(repeats[Int(frames[top].aux)].previous)
                    repeatCount -= 1
                    continue unwind

                case RegexResume.maxUntilMinimum, RegexResume.minUntilMinimum:
                    if result { continue unwind }
                    let record = Int(frames[top].aux)
                    repeats[record].count = frames[top].count - 1
                    cursor = ptr
                    continue unwind

                case RegexResume.maxUntilMore:
                    let record = Int(frames[top].aux)
                    repeats[record].lastPtr = popData()
                    if result {
                        discardMarks(savedMark)
                        continue unwind
                    }
                    popMarks(savedMark)
                    restoreLastMark(top)
                    repeats[record].count = frames[top].count - 1
                    cursor = ptr
                    // No further iteration: the tail must match here.
                    currentRepeat = Int(repeats[record].previous)
                    try call(&top, resume: RegexResume.maxUntilTail, pc: pc, ptr: ptr)
                    ptr = cursor; entering = true
                    continue outer

                case RegexResume.maxUntilTail:
                    currentRepeat = Int(frames[top].aux)
                    if result { continue unwind }
                    cursor = ptr
                    continue unwind

                case RegexResume.minUntilTail:
                    let record = Int(frames[top].aux)
                    let tailRepeat = currentRepeat
                    currentRepeat = record
                    if result {
                        if tailRepeat >= 0 { discardMarks(savedMark) }
                        continue unwind
                    }
                    if tailRepeat >= 0 { popMarks(savedMark) }
                    restoreLastMark(top)
                    cursor = ptr
                    // The tail failed: one more iteration, if allowed.
                    let count = frames[top].count
                    let maximum = code[Int(repeats[record].pc) + 2]
                    if (count >= Int(maximum) && maximum != RegexConstants.maxRepeat) || cursor == repeats[record].lastPtr {
                        result = false
                        continue unwind
                    }
                    repeats[record].count = count
                    try pushData(repeats[record].lastPtr)
                    repeats[record].lastPtr = cursor
                    try call(&top, resume: RegexResume.minUntilMore, pc: pc, ptr: ptr)
                    pc = Int(repeats[record].pc) + 3; ptr = cursor; entering = true
                    continue outer

                case RegexResume.minUntilMore:
                    let record = Int(frames[top].aux)
                    repeats[record].lastPtr = popData()
                    if result { continue unwind }
                    repeats[record].count = frames[top].count - 1
                    cursor = ptr
                    continue unwind

                case RegexResume.possessiveMinimum:
                    if !result {
                        cursor = ptr
                        continue unwind
                    }
                    let count = frames[top].count + 1
                    frames[top].count = count
                    if count < Int(code[pc + 1]) {
                        try call(&top, resume: RegexResume.possessiveMinimum, pc: pc, ptr: ptr, toplevel: false)
                        pc += 3; ptr = cursor; entering = true
                        continue outer
                    }
                    if try possessiveNext(&top, pc: pc, previous: -1) {
                        pc += 3; ptr = cursor; entering = true
                        continue outer
                    }
                    pc += Int(code[pc]) + 1
                    ptr = cursor
                    continue outer

                case RegexResume.possessiveMore:
                    if result {
                        discardMarks(savedMark)
                        frames[top].count += 1
                        if try possessiveNext(&top, pc: pc, previous: ptr) {
                            pc += 3; ptr = cursor; entering = true
                            continue outer
                        }
                    } else {
                        popMarks(savedMark)
                        restoreLastMark(top)
                        cursor = ptr
                    }
                    pc += Int(code[pc]) + 1
                    ptr = cursor
                    continue outer

                case RegexResume.atomicGroup:
                    if !result {
                        cursor = ptr
                        continue unwind
                    }
                    pc += Int(code[pc])
                    ptr = cursor
                    continue outer

                case RegexResume.assert:
                    if !result { continue unwind }
                    pc += Int(code[pc])
                    continue outer

                case RegexResume.assertNot:
                    if result {
                        if currentRepeat >= 0 { discardMarks(savedMark) }
                        result = false
                        continue unwind
                    }
                    if currentRepeat >= 0 { popMarks(savedMark) }
                    restoreLastMark(top)
                    pc += Int(code[pc])
                    continue outer

                default:
                    throw .internalState
                }
            }
        }
    }

    /// Starts an attempt: remembers where the current frame resumes
    /// (`pc`, `ptr`) and pushes the attempt's frame, which starts at `cursor`.
    @inline(__always)
    private mutating func call(_ top: inout Int, resume: UInt8, pc: Int, ptr: Int, toplevel: Bool? = nil) throws(RegexError) {
        frames[top].pc = Int32(truncatingIfNeeded: pc)
        frames[top].ptr = ptr
        let inherited = toplevel ?? frames[top].toplevel
        top += 1
        if top == frameCapacity {
            frames = try Self.grow(frames, &frameCapacity)
        }
        frames[top] = RegexFrame(ptr: 0, count: 0, pc: 0, lastMark: -1, lastIndex: -1, aux: 0,
                                 resume: resume, toplevel: inherited)
    }

    /// CPython's LASTMARK_RESTORE from the frame at `top`.
    @inline(__always)
    private mutating func restoreLastMark(_ top: Int) {
        lastMark = Int(frames[top].lastMark)
        lastIndex = Int(frames[top].lastIndex)
    }

    /// The loop of POSSESSIVE_REPEAT after its minimum: starts one more
    /// iteration when the maximum allows and the previous one (which started
    /// at `previous`, -1 for none) advanced; false when the loop is over.
    @inline(__always)
    private mutating func possessiveNext(_ top: inout Int, pc: Int, previous: Int) throws(RegexError) -> Bool {
        let maximum = code[pc + 2]
        let count = frames[top].count
        guard (count < Int(maximum) || maximum == RegexConstants.maxRepeat) && cursor != previous else {
            return false
        }
        frames[top].lastMark = Int32(lastMark)
        frames[top].lastIndex = Int32(lastIndex)
        try pushMarks(lastMark)
        try call(&top, resume: RegexResume.possessiveMore, pc: pc, ptr: cursor, toplevel: false)
        return true
    }
}
