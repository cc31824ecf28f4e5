extension RegexError {
    /// The Python exception CPython's `_sre` raises for the same failure.
    var evalError: EvalError {
        switch self {
        case .invalidCode: return .runtimeError("invalid SRE code")
        case .internalState: return .runtimeError("internal error in regular expression engine")
        case .interrupted: return .pythonException("KeyboardInterrupt", "")
        case .outOfMemory: return .pythonException("MemoryError", "")
        }
    }
}
