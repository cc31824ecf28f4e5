/// Why evaluation stopped without a result.
///
/// Python exceptions are not objects yet, so the errors the loop can meet
/// are described here, each with the exception class and message CPython
/// gives; they become exception objects raised and caught through the code's
/// exception table when those types exist.
public enum EvalError: Error, Equatable {
    /// An operation or value the runtime does not implement yet.
    case unsupported(String)
    /// UnboundLocalError: a local read before assignment.
    case unboundLocal(String)
    /// NameError: a global or builtin that does not exist.
    case nameError(String)
    /// TypeError with CPython's message.
    case typeError(String)
    /// RecursionError: deeper than `sys.getrecursionlimit()`.
    case recursion
    /// Another built-in exception: its class name and CPython's message.
    case pythonException(String, String)

    /// The last line of CPython's traceback for this error.
    public var pythonMessage: String {
        switch self {
        case .unsupported(let what): return "NotImplementedError: Garter does not support \(what) yet"
        case .unboundLocal(let name):
            return "UnboundLocalError: cannot access local variable '\(name)' where it is not associated with a value"
        case .nameError(let name): return "NameError: name '\(name)' is not defined"
        case .typeError(let message): return "TypeError: \(message)"
        case .recursion: return "RecursionError: maximum recursion depth exceeded"
        case .pythonException(let type, let message): return message.isEmpty ? type : "\(type): \(message)"
        }
    }
}
