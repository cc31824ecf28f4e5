extension Interpreter {
    /// OSError(errno, strerror) of the subclass CPython picks for errno
    /// (`posixError`: made by calling the class, so `errno`/`strerror`
    /// are set), for code that has the interpreter at hand.
    func errnoError(_ code: Int32) -> EvalError {
        guard let thread = Finalization.currentThread else {
            return .withArguments(PosixErrors.exceptionName(code), [.int(Int(code)), newString(PosixErrors.message(code))])
        }
        return thread.posixError(code)
    }
}
