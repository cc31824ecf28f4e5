// `_io._BufferedIOBase`: `readinto`/`readinto1` over `read`/`read1`; the
// other methods raise UnsupportedOperation until a subclass defines them.

extension Interpreter {
    func bufferedIOBaseType() -> PyType {
        nativeType("_BufferedIOBase", module: "_io", base: ioBaseType(), flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            for name in ["read", "read1", "write", "detach"] {
                type.define(name, self) { thread, _, _ throws(EvalError) in throw thread.ioUnsupported(name) }
            }
            for (name, reader) in [("readinto", "read"), ("readinto1", "read1")] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.check(1...1, name)
                    let length = try thread.ioWritableLength(arguments[0])
                    let data = try thread.ioCall(value, reader, [.int(length)])
                    defer { data.release() }
                    guard let bytes = data.as(PyBytes.self)?.bytes else {
                        throw .typeError("read() should return bytes")
                    }
                    return .int(try bytes.withUnsafeBufferPointer { buffer throws(EvalError) in
                        try thread.ioWriteIntoBuffer(arguments[0], buffer)
                    })
                }
            }
        }
    }
}
