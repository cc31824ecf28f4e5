// `_sre.SRE_Scanner`: the matches of one subject in turn (`match` steps
// only where the last match ended, `search` anywhere after it).

extension Interpreter {
    func sreScannerType() -> PyType {
        nativeType("SRE_Scanner", module: "_sre", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create '_sre.SRE_Scanner' instances") }
            type.installSlots(slots, self)
            for (name, searching) in [("match", false), ("search", true)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect(name, 0...0)
                    return try thread.sreScannerStep(value, searching: searching)
                }
            }
            type.defineAttribute("pattern", self, get: { _, value throws(EvalError) in
                let pattern = value.as(PyScanner.self)!.pattern
                pattern.retain()
                return pattern
            })
        }
    }
}

extension ThreadState {
    func sreScannerStep(_ value: Value, searching: Bool) throws(EvalError) -> Value {
        let scanner = value.as(PyScanner.self)!
        guard !scanner.executing else { throw .valueError("regular expression scanner already executing") }
        scanner.executing = true
        defer { scanner.executing = false }
        let state = scanner.workspace.state
        let found = try sreRun(scanner.workspace, scanner.subject) { text throws(RegexError) in
            searching ? try state.nextSearch(text) : try state.nextMatch(text)
        }
        guard found else { return .none }
        return sreNewMatch(scanner.pattern, scanner.string, scanner.subject, state)
    }
}
