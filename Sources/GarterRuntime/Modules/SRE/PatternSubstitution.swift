// Pattern.sub and subn. As in CPython 3.11, the replacement is used as it is
// when it is callable or a literal (no backslash); anything else goes to
// `re._subx(pattern, template)`, the template compiler of CPython's own
// `re` package, which returns either the expanded literal or a function
// of the match. The engine finds the matches; Python code runs between
// them, so the subject is read through a fresh buffer for each search.

extension ThreadState {
    func sreSubstitute(_ patternValue: Value, _ arguments: Arguments, _ name: String,
                       withCount: Bool) throws(EvalError) -> Value {
        let bound = try sreBind(name, arguments, SREArgumentNames.substitute, required: 2)
        let pattern = patternValue.as(PyPattern.self)!
        let count = try bound[2].map { value throws(EvalError) in try sreSize(value) } ?? 0
        let (filter, filterIsCallable) = try sreReplacementFilter(patternValue, bound[0]!)
        defer { filter.release() }
        let string = bound[1]!
        let subject = try sreSubject(string, for: pattern)
        let workspace = sreWorkspace(pattern, length: subject.count)
        defer { pattern.spareWorkspace = workspace }
        let state = workspace.state

        var pieces: [Value] = []
        defer { for piece in pieces { piece.release() } }
        var last = 0
        var substitutions = 0
        while count == 0 || substitutions < count {
            let found = try sreRun(workspace, subject) { text throws(RegexError) in try state.nextSearch(text) }
            guard found else { break }
            if last < state.matchStart { pieces.append(subject.slice(last..<state.matchStart, interpreter)) }
            let item: Value
            if filterIsCallable {
                let match = sreNewMatch(patternValue, string, subject, state)
                defer { match.release() }
                item = try call(filter, [match])
            } else {
                filter.retain()
                item = filter
            }
            if !item.isNone { pieces.append(item) }
            last = state.matchEnd
            substitutions += 1
        }
        if last < state.endpos { pieces.append(subject.slice(last..<state.endpos, interpreter)) }

        let joiner = subject.slice(0..<0, interpreter)
        defer { joiner.release() }
        for piece in pieces { piece.retain() }
        let list = interpreter.newList(pieces)
        defer { list.release() }
        let joined = try callMethod(joiner, interpreter.internedString("join"), [list])
        return withCount ? interpreter.newTuple([joined, .int(substitutions)]) : joined
    }

    /// The replacement as CPython's `pattern_subx` prepares it: the
    /// callable or literal itself, or what `re._subx` makes of a template
    /// (a new reference), and whether it is to be called with each match.
    private func sreReplacementFilter(_ patternValue: Value, _ replacement: Value) throws(EvalError) -> (Value, Bool) {
        if isCallable(replacement) {
            replacement.retain()
            return (replacement, true)
        }
        var literal = false
        if let text = replacement.strObject {
            literal = !text.codePoints.contains(0x5C)
        } else if let bytes = try bytesLike(replacement) {
            literal = !bytes.contains(0x5C)
        }
        if literal {
            replacement.retain()
            return (replacement, false)
        }
        let module = try importModule("re", globals: nil, fromList: .none, level: 0)
        defer { module.release() }
        let filter = try callMethod(module, interpreter.internedString("_subx"), [patternValue, replacement])
        return (filter, isCallable(filter))
    }
}
