#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Paths as `posix` functions take them (CPython's path_converter): str
// (encoded as the file system encoding, UTF-8 with surrogateescape),
// bytes and other bytes-like objects, objects with `__fspath__`, and for
// some functions an open file descriptor. Results that are paths come back
// as str or bytes the way the argument came.

struct PathArgument {
    /// The path as C bytes (no terminating NUL; `withCString` adds one).
    var bytes: [UInt8] = []
    /// The file descriptor given instead of a path.
    var fd: Int32?
    /// The argument was bytes: returned paths are bytes too.
    var isBytes = false
    /// The argument as given (borrowed), for the exception's `filename`.
    var object: Value = .none

    /// Runs `body` with the path as a NUL-terminated C string.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws(EvalError) -> Result) throws(EvalError) -> Result {
        let result: Result
        do {
            result = try (bytes + [0]).withUnsafeBufferPointer { buffer in
                try buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    try body(pointer)
                }
            }
        } catch let error as EvalError {
            throw error
        } catch {
            throw .runtimeError("\(error)")
        }
        return result
    }
}

extension ThreadState {
    /// The path in `value` for function `function` (its name is in the
    /// TypeError). `allowFD`: an int is a file descriptor; `allowNone`:
    /// None stands for `.` (listdir, scandir).
    func pathArgument(_ value: Value, function: String, allowFD: Bool = false,
                      allowNone: Bool = false, argumentName: String = "path") throws(EvalError) -> PathArgument {
        var path = PathArgument()
        path.object = value
        if allowNone && value.isNone {
            path.bytes = Array(".".utf8)
            return path
        }
        if allowFD, !(value.as(PyStr.self) != nil), typeOf(value).slots.index != nil || isIntValue(value) {
            let number = try cLong(value)
            guard let fd = Int32(exactly: number) else {
                throw .overflowError(number < 0 ? "fd is less than minimum" : "fd is greater than maximum")
            }
            path.fd = fd
            return path
        }
        if let string = value.as(PyStr.self) {
            path.bytes = try fileSystemEncode(string)
        } else if let bytes = try bytesLike(value) {
            path.bytes = bytes
            path.isBytes = true
        } else if let result = try callSpecial(value, interpreter.internedString("__fspath__"), []) {
            defer { result.release() }
            if let string = result.as(PyStr.self) {
                path.bytes = try fileSystemEncode(string)
            } else if let bytes = result.as(PyBytes.self) {
                path.bytes = bytes.bytes
                path.isBytes = true
            } else {
                throw .typeError("expected \(typeOf(value).name).__fspath__() to return str or bytes, not \(typeOf(result).name)")
            }
        } else {
            let accepted: String
            switch (allowFD, allowNone) {
            case (false, false): accepted = "string, bytes or os.PathLike"
            case (true, false): accepted = "string, bytes, os.PathLike or integer"
            case (false, true): accepted = "string, bytes, os.PathLike or None"
            case (true, true): accepted = "string, bytes, os.PathLike, integer or None"
            }
            throw .typeError("\(function): \(argumentName) should be \(accepted), not \(typeOf(value).name)")
        }
        if path.bytes.contains(0) { throw .valueError("embedded null byte") }
        return path
    }

    /// A str, bytes or os.PathLike argument as file-system bytes
    /// (CPython's PyUnicode_FSConverter: putenv, exec's arguments).
    func fileSystemBytes(_ value: Value) throws(EvalError) -> [UInt8] {
        let path = try fspath(value)
        defer { path.release() }
        let bytes = try path.as(PyStr.self).map { string throws(EvalError) in try fileSystemEncode(string) }
            ?? path.as(PyBytes.self)!.bytes
        if bytes.contains(0) { throw .valueError("embedded null byte") }
        return bytes
    }

    private func isIntValue(_ value: Value) -> Bool {
        switch value {
        case .int, .bool: return true
        default: return false
        }
    }

    /// A str encoded as the file system encoding (UTF-8, surrogateescape).
    func fileSystemEncode(_ string: PyStr) throws(EvalError) -> [UInt8] {
        try textCall {
            try string.codePoints.withUnsafeBufferPointer { buffer in
                try PyCodecs.encodeUTF8(buffer, errors: .surrogateEscape)
            }
        }
    }

    /// A file name from the system as the kind of path the caller gave.
    func pathResult(_ bytes: [UInt8], asBytes: Bool) -> Value {
        if asBytes { return interpreter.newBytes(bytes) }
        return interpreter.fileSystemDecode(bytes)
    }

    /// An optional `dir_fd` argument (None or absent: the current directory).
    func directoryFD(_ value: Value?) throws(EvalError) -> Int32 {
        guard let value, !value.isNone else { return AT_FDCWD }
        return try fileDescriptor(value)
    }

    /// A file descriptor argument (C int).
    func fileDescriptor(_ value: Value) throws(EvalError) -> Int32 {
        if case .float = value { throw .typeError("'float' object cannot be interpreted as an integer") }
        let number = try cLong(value)
        guard let fd = Int32(exactly: number) else {
            throw .overflowError(number < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum")
        }
        return fd
    }

    /// A C int argument.
    func cInt(_ value: Value) throws(EvalError) -> Int32 { try fileDescriptor(value) }

    /// An optional bool argument (`follow_symlinks=True`).
    func flag(_ value: Value?, default defaultValue: Bool) throws(EvalError) -> Bool {
        guard let value else { return defaultValue }
        return try truth(value)
    }
}

extension Interpreter {
    /// Bytes from the system (file names, environment) as str, decoded as
    /// the file system encoding.
    func fileSystemDecode(_ bytes: [UInt8]) -> Value {
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            try? PyCodecs.decodeUTF8(buffer, errors: .surrogateEscape).text
        }
        return newString(codePoints: decoded ?? bytes.map { UInt32($0) })
    }
}

extension Arguments {
    /// A fixed number of positional arguments, with the messages of
    /// CPython's PyArg_ParseTuple (`kill`, `waitpid`).
    func expectClassic(_ function: String, _ count: Int) throws(EvalError) {
        try rejectKeywords(function)
        if positionalCount != count {
            throw .typeError("\(function)() takes exactly \(count) argument\(count == 1 ? "" : "s") (\(positionalCount) given)")
        }
    }
}
