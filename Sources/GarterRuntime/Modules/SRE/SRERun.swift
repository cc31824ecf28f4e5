/// A `RegexState` with the signal check of one thread installed: what a
/// Pattern call runs the engine with. A pattern keeps the workspace of its
/// last one-shot call (`PyPattern.spareWorkspace`) and the next call on the
/// same thread reuses it, so a call allocates no engine memory and installs
/// no closure. (Taking and returning the spare relies on the GIL.)
final class SREWorkspace {
    let state: RegexState
    /// The thread whose signals the check handles, compared by identity;
    /// the reference is only followed while that thread runs a match.
    let threadIdentity: ObjectIdentifier
    /// The exception a signal handler raised during the match.
    var pending: EvalError?

    init(_ state: RegexState, thread: ThreadState) {
        self.state = state
        threadIdentity = ObjectIdentifier(thread)
        unowned(unsafe) let owner = thread
        // CPython's `_sre` checks for signals every 4096 steps: a pending
        // signal's Python handler runs there, and an exception it raises
        // (KeyboardInterrupt) stops the match and propagates.
        state.setInterruptCheck { [unowned self] in
            guard owner.evalBreaker.contains(.signalsPending) else { return false }
            do throws(EvalError) {
                try owner.interpreter.handlePendingSignals(owner)
                return false
            } catch {
                self.pending = error
                return true
            }
        }
    }
}

extension ThreadState {
    /// A workspace for `length` characters searched in `pos..<endpos`.
    func sreWorkspace(_ pattern: PyPattern, length: Int, pos: Int = 0, endpos: Int = Int.max) -> SREWorkspace {
        if let spare = pattern.spareWorkspace, spare.threadIdentity == ObjectIdentifier(self) {
            pattern.spareWorkspace = nil
            spare.state.rebind(subjectLength: length, pos: pos, endpos: endpos)
            return spare
        }
        return SREWorkspace(RegexState(program: pattern.program, subjectLength: length, pos: pos, endpos: endpos),
                            thread: self)
    }

    /// Runs the engine on `subject`, turning its errors (and a signal
    /// handler's exception) into Python exceptions.
    func sreRun<Result>(_ workspace: SREWorkspace, _ subject: SRESubject,
                        _ body: (RegexText) throws(RegexError) -> Result) throws(EvalError) -> Result {
        do throws(RegexError) {
            return try subject.withText(body)
        } catch {
            if case .interrupted = error, let pending = workspace.pending {
                workspace.pending = nil
                throw pending
            }
            throw error.evalError
        }
    }
}
