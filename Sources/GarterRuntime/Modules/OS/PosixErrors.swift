#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// OSError as `posix` raises it (CPython's PyErr_SetFromErrnoWithFilenameObjects):
// the subclass chosen by errno, `strerror`'s text, and the file names the
// call was given ("[Errno 2] No such file or directory: 'x' -> 'y'").

enum PosixErrors {
    /// The OSError subclass CPython 3.11 makes for each errno (PEP 3151).
    static func exceptionName(_ code: Int32) -> String {
        switch code {
        case EAGAIN, EALREADY, EWOULDBLOCK, EINPROGRESS: return "BlockingIOError"
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

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}

extension ThreadState {
    /// The OSError for `code` (errno) with the file names, as an error to throw.
    func posixError(_ code: Int32, _ filename: Value? = nil, _ filename2: Value? = nil) -> EvalError {
        let interpreter = self.interpreter
        let type = interpreter.types.exceptions[PosixErrors.exceptionName(code)]!
        var values: [Value] = [.int(Int(code)), interpreter.newString(PosixErrors.message(code))]
        if let filename {
            values.append(filename)
            if let filename2 {
                values.append(.none)
                values.append(filename2)
            }
        }
        defer { values[1].release() }
        do {
            let exception = try call(type.value, values)
            guard case .object(let reference) = exception else { return .pythonException("OSError", PosixErrors.message(code)) }
            return .exception(reference)
        } catch {
            return error
        }
    }

    /// The OSError for the current `errno`.
    func lastPosixError(_ filename: Value? = nil, _ filename2: Value? = nil) -> EvalError {
        posixError(errno, filename, filename2)
    }

    /// The OSError for the current errno, naming the path argument (a
    /// file descriptor given instead of a path is named too, as CPython does).
    func lastPosixError(_ path: PathArgument) -> EvalError {
        posixError(errno, path.object)
    }
}
