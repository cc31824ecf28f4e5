#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The OSError subclass CPython's `OSError(errno, ...)` constructor picks
/// for an errno value (PEP 3151), for errors raised from Swift.
enum OSErrorClass {
    static func name(for code: Int32) -> String {
        switch code {
        case EAGAIN, EALREADY, EINPROGRESS: return "BlockingIOError"
        case ECHILD: return "ChildProcessError"
        case EPIPE, ESHUTDOWN: return "BrokenPipeError"
        case ECONNABORTED: return "ConnectionAbortedError"
        case ECONNREFUSED: return "ConnectionRefusedError"
        case ECONNRESET: return "ConnectionResetError"
        case EEXIST: return "FileExistsError"
        case ENOENT: return "FileNotFoundError"
        case EISDIR: return "IsADirectoryError"
        case ENOTDIR: return "NotADirectoryError"
        case EINTR: return "InterruptedError"
        case EACCES, EPERM: return "PermissionError"
        case ESRCH: return "ProcessLookupError"
        case ETIMEDOUT: return "TimeoutError"
        default: return "OSError"
        }
    }
}

extension Interpreter {
    /// OSError(errno, strerror) of the subclass CPython picks for errno,
    /// made by calling the class so that `errno`/`strerror` are set (a
    /// lazily described `.withArguments` error would skip `__init__`).
    func errnoError(_ code: Int32) -> EvalError {
        let type = types.exceptions[OSErrorClass.name(for: code)]!
        let arguments = [Value.int(Int(code)), newString(String(cString: strerror(code)))]
        guard let thread = Finalization.currentThread else { return .withArguments(type.name, arguments) }
        return thread.raisedInstance(type, arguments)
    }
}
