/// Why an operation stopped without a result: a Python exception.
///
/// Swift code raises most exceptions lazily, by class name and message
/// (cheap to throw, no interpreter needed); the evaluation loop turns them
/// into exception objects (`.exception`) when Python code can see them.
public enum EvalError: Error {
    /// A raised exception object (owned reference).
    case exception(ObjectRef)
    /// A built-in exception: its class name and message (CPython's text).
    case pythonException(String, String)
    /// A built-in exception made with these arguments (owned references).
    case withArguments(String, [Value])
    case typeError(String)
    case attributeError(String)
    case unboundLocal(String)
    case nameError(String)
    /// RecursionError: deeper than `sys.getrecursionlimit()`.
    case recursion
    /// An operation or value the runtime does not implement yet.
    case unsupported(String)

    public static func valueError(_ message: String) -> EvalError { .pythonException("ValueError", message) }
    public static func indexError(_ message: String) -> EvalError { .pythonException("IndexError", message) }
    public static func overflowError(_ message: String) -> EvalError { .pythonException("OverflowError", message) }
    public static func zeroDivision(_ message: String) -> EvalError { .pythonException("ZeroDivisionError", message) }
    public static func runtimeError(_ message: String) -> EvalError { .pythonException("RuntimeError", message) }
    public static func keyError(_ key: Value) -> EvalError {
        key.retain()
        return .withArguments("KeyError", [key])
    }

    /// The class name and message of a lazily described exception.
    var classAndMessage: (String, String)? {
        switch self {
        case .exception, .withArguments: return nil
        case .pythonException(let name, let message): return (name, message)
        case .typeError(let message): return ("TypeError", message)
        case .attributeError(let message): return ("AttributeError", message)
        case .unboundLocal(let name):
            return ("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
        case .nameError(let name): return ("NameError", "name '\(name)' is not defined")
        case .recursion: return ("RecursionError", "maximum recursion depth exceeded")
        case .unsupported(let what): return ("NotImplementedError", "Garter does not support \(what) yet")
        }
    }
}
