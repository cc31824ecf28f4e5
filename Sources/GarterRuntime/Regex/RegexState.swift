/// One use of a program on one subject: what CPython's `SRE_STATE` is for a
/// Pattern method call or a Scanner. It owns the engine's working memory
/// (reused across the matches a scanner makes) and, after a successful
/// match, the match's position and group spans, which the runtime copies
/// into a Match object (`spans()`).
///
/// Not thread-safe: one state serves one thread at a time (a Scanner object
/// guards against re-entry, as CPython's does).
public final class RegexState {
    public let program: RegexProgram
    var machine: RegexMachine
    /// Where the next scan starts; nil once a scan found nothing.
    private var scanStart: Int?

    /// A state for `subjectLength` characters, searching the slice
    /// `pos..<endpos`. Out-of-range bounds are clamped as CPython's
    /// `state_init` does (negative to 0, past the end to the length); `^`
    /// and lookbehinds still see the characters before `pos`.
    public init(program: RegexProgram, subjectLength: Int, pos: Int = 0, endpos: Int = Int.max) {
        self.program = program
        machine = RegexMachine(program: program, length: subjectLength, pos: pos, endpos: endpos)
        self.pos = machine.start
        scanStart = machine.start
    }

    deinit {
        machine.deallocate()
    }

    /// Makes this state serve a new subject, as a fresh state would: a
    /// runtime may keep one state per pattern and reuse its memory for
    /// consecutive calls instead of allocating a state each time.
    public func rebind(subjectLength: Int, pos: Int = 0, endpos: Int = Int.max) {
        machine.rebind(length: subjectLength, pos: pos, endpos: endpos)
        self.pos = machine.start
        scanStart = machine.start
    }

    /// The clamped start of the searched slice.
    public private(set) var pos: Int
    /// The clamped end of the searched slice.
    public var endpos: Int { machine.end }

    // MARK: Interrupts

    /// Called every `interval` engine steps while a match runs (a power of
    /// two; CPython checks signals every 4096 steps). Returning true stops the
    /// match with `RegexError.interrupted`: the runtime checks for pending
    /// signals here and raises the handler's exception.
    public func setInterruptCheck(every interval: Int = 4096, _ check: (() -> Bool)?) {
        precondition(interval > 0 && interval & (interval - 1) == 0, "interval must be a power of two")
        machine.interrupt = check
        machine.interruptMask = UInt32(truncatingIfNeeded: interval - 1)
    }

    // MARK: One-shot operations (Pattern.match, fullmatch, search)

    /// Pattern.match: whether the pattern matches at `pos`.
    public func match(_ text: RegexText) throws(RegexError) -> Bool {
        try attempt(text, fullMatch: false, search: false, from: pos, mustAdvance: false)
    }

    /// Pattern.fullmatch: whether the pattern matches all of `pos..<endpos`.
    public func fullMatch(_ text: RegexText) throws(RegexError) -> Bool {
        try attempt(text, fullMatch: true, search: false, from: pos, mustAdvance: false)
    }

    /// Pattern.search: whether the pattern matches anywhere from `pos` on.
    public func search(_ text: RegexText) throws(RegexError) -> Bool {
        try attempt(text, fullMatch: false, search: true, from: pos, mustAdvance: false)
    }

    // MARK: Scanning (Scanner.match/search, finditer, findall, split, sub)

    /// Scanner.search, and the step every iterating method takes: the next
    /// match after the previous one. An empty match is allowed right after a
    /// non-empty one but never twice at the same place (the 3.7+ rule).
    /// False, for this and every later call, once nothing more matches.
    public func nextSearch(_ text: RegexText) throws(RegexError) -> Bool {
        try scan(text, search: true)
    }

    /// Scanner.match: the next match that starts exactly where the previous
    /// one ended.
    public func nextMatch(_ text: RegexText) throws(RegexError) -> Bool {
        try scan(text, search: false)
    }

    private func scan(_ text: RegexText, search: Bool) throws(RegexError) -> Bool {
        guard let from = scanStart else { return false }
        let found = try attempt(text, fullMatch: false, search: search, from: from, mustAdvance: machine.mustAdvance)
        if found {
            machine.mustAdvance = machine.cursor == machine.start
            scanStart = machine.cursor
        } else {
            scanStart = nil
        }
        return found
    }

    private func attempt(_ text: RegexText, fullMatch: Bool, search: Bool, from: Int, mustAdvance: Bool) throws(RegexError) -> Bool {
        precondition(text.count == machine.length, "the subject's length changed")
        machine.reset()
        machine.start = from
        machine.cursor = from
        machine.matchAll = fullMatch
        machine.mustAdvance = mustAdvance
        defer { machine.shrinkStacks() }
        switch text {
        case .bytes(let buffer):
            let base = regexBase(buffer)
            return search ? try machine.search(base) : try machine.matchAtStart(base)
        case .ucs2(let buffer):
            let base = regexBase(buffer)
            return search ? try machine.search(base) : try machine.matchAtStart(base)
        case .ucs4(let buffer):
            let base = regexBase(buffer)
            return search ? try machine.search(base) : try machine.matchAtStart(base)
        }
    }

    // MARK: The last match

    /// Where the last successful match starts.
    public var matchStart: Int { machine.start }
    /// Where the last successful match ends.
    public var matchEnd: Int { machine.cursor }
    /// Match.lastindex: the group closed last, nil for none.
    public var lastIndex: Int? { machine.lastIndex >= 0 ? machine.lastIndex : nil }

    /// The span of group `group` (0 is the whole match), nil when the group
    /// did not take part in the match.
    public func span(ofGroup group: Int) -> Range<Int>? {
        precondition(group >= 0 && group <= program.groupCount, "no such group")
        if group == 0 { return machine.start..<machine.cursor }
        guard let span = machine.groupSpan(group) else { return nil }
        return span.start..<span.end
    }

    /// Everything a Match object keeps, copied out of the state.
    public func spans() -> RegexMatchSpans {
        var flat = [Int](repeating: -1, count: 2 * (program.groupCount + 1))
        flat[0] = machine.start
        flat[1] = machine.cursor
        if program.groupCount > 0 {
            for group in 1...program.groupCount {
                if let span = machine.groupSpan(group) {
                    flat[2 * group] = span.start
                    flat[2 * group + 1] = span.end
                }
            }
        }
        return RegexMatchSpans(flat: flat, lastIndex: machine.lastIndex)
    }
}
