// `_io._RawIOBase`: `read` over `readinto` and `readall` over `read`, for
// raw streams written in Python (socket.SocketIO, for example).

extension Interpreter {
    func rawIOBaseType() -> PyType {
        nativeType("_RawIOBase", module: "_io", base: ioBaseType(), flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            type.define("read", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "read")
                let size = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                if size < 0 { return try thread.ioCall(value, "readall") }
                let buffer = thread.interpreter.newByteArray([UInt8](repeating: 0, count: size))
                defer { buffer.release() }
                let result = try thread.ioCall(value, "readinto", [buffer])
                defer { result.release() }
                if result.isNone { return .none }
                let count = try thread.indexInt(result)
                let bytes = buffer.as(PyByteArray.self)!.bytes
                if count < 0 || count > bytes.count {
                    throw .valueError("readinto returned \(count) outside buffer size \(bytes.count)")
                }
                return thread.interpreter.newBytes(Array(bytes[0..<count]))
            }
            type.define("readall", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "readall")
                var result: [UInt8] = []
                while true {
                    let chunk = try thread.ioCall(value, "read", [.int(IOConstants.defaultBufferSize)])
                    defer { chunk.release() }
                    if chunk.isNone {
                        if result.isEmpty { return .none }
                        break
                    }
                    guard let bytes = chunk.as(PyBytes.self)?.bytes else { throw .typeError("read() should return bytes") }
                    if bytes.isEmpty { break }
                    result.append(contentsOf: bytes)
                }
                return thread.interpreter.newBytes(result)
            }
        }
    }
}

/// Numbers `_io` exposes.
enum IOConstants {
    static let defaultBufferSize = 8192
}
