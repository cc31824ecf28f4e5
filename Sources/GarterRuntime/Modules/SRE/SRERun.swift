extension ThreadState {
    /// Runs the engine on `subject` with `state`, checking for signals every
    /// 4096 engine steps as CPython's `_sre` does: a pending signal's Python
    /// handler runs there, and an exception it raises (KeyboardInterrupt)
    /// stops the match and propagates.
    func sreRun<Result>(_ state: RegexState, _ subject: SRESubject,
                        _ body: (RegexText) throws(RegexError) -> Result) throws(EvalError) -> Result {
        let raised = SREPendingError()
        let breaker = evalBreaker
        state.setInterruptCheck { [unowned self] in
            guard breaker.contains(.signalsPending) else { return false }
            do throws(EvalError) {
                try interpreter.handlePendingSignals(self)
                return false
            } catch {
                raised.error = error
                return true
            }
        }
        defer { state.setInterruptCheck(nil) }
        do throws(RegexError) {
            return try subject.withText(body)
        } catch {
            if case .interrupted = error, let pending = raised.error { throw pending }
            throw error.evalError
        }
    }
}

/// Where the interrupt check leaves the exception a signal handler raised.
private final class SREPendingError {
    var error: EvalError?
}
