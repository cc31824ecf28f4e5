#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The process environment: `posix.environ` (a dict of bytes to bytes, read
// once when the module is made, as CPython's) and `putenv`/`unsetenv`,
// which change the C environment that exec'd programs inherit.

extension Interpreter {
    /// The environment as CPython's `posix.environ`: bytes keys and values
    /// (the first of duplicated names wins).
    func makeEnvironmentDict() throws(EvalError) -> PyDict {
        let dict = newDict()
        var cursor = environ
        while let entry = cursor.pointee {
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(entry)))
            cursor += 1
            guard let equals = bytes.firstIndex(of: 0x3D), equals > 0 else { continue }
            let name = Array(bytes[..<equals])
            let hash = BytesHashing.hash(name)
            let key = newBytes(name)
            let equal: KeyEquality = { a, b throws(EvalError) in a.as(PyBytes.self)!.bytes == b.as(PyBytes.self)!.bytes }
            if try dict.lookup(key, hash: hash, equal) != nil {
                key.release()
                continue
            }
            try dict.set(key, hash: hash, newBytes(Array(bytes[(equals + 1)...])), equal)
        }
        return dict
    }

    func definePosixEnvironmentFunctions(_ define: (String, @escaping PyBuiltinFunction.Body) -> Void) {
        define("putenv") { thread, arguments throws(EvalError) in
            try arguments.expect("putenv", 2...2)
            let name = try thread.fileSystemBytes(arguments[0])
            let value = try thread.fileSystemBytes(arguments[1])
            // An empty name is left to setenv, which refuses it (EINVAL), as in CPython.
            if name.contains(0x3D) { throw .valueError("illegal environment variable name") }
            let status = (name + [0]).withUnsafeBufferPointer { key in
                (value + [0]).withUnsafeBufferPointer { text in
                    setenv(UnsafeRawPointer(key.baseAddress!).assumingMemoryBound(to: CChar.self),
                           UnsafeRawPointer(text.baseAddress!).assumingMemoryBound(to: CChar.self), 1)
                }
            }
            guard status == 0 else { throw thread.lastPosixError() }
            return .none
        }
        define("unsetenv") { thread, arguments throws(EvalError) in
            try arguments.expect("posix.unsetenv", 1...1)
            let name = try thread.fileSystemBytes(arguments[0])
            let status = (name + [0]).withUnsafeBufferPointer { key in
                unsetenv(UnsafeRawPointer(key.baseAddress!).assumingMemoryBound(to: CChar.self))
            }
            guard status == 0 else { throw thread.lastPosixError() }
            return .none
        }
    }
}
