/// Why evaluation stopped without a result.
///
/// Python exceptions are not objects yet, so the few errors the loop can
/// meet are described here; they become exception objects (`TypeError`,
/// `UnboundLocalError`, ...) raised and caught through the code's exception
/// table when those types exist.
public enum EvalError: Error, Equatable {
    /// An operation or value the runtime does not implement yet.
    case unsupported(String)
    /// UnboundLocalError: a local read before assignment.
    case unboundLocal(String)
}
