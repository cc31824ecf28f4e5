// `_io._TextIOBase`: the text stream interface; its methods raise
// UnsupportedOperation until a subclass defines them.

extension Interpreter {
    func textIOBaseType() -> PyType {
        nativeType("_TextIOBase", module: "_io", base: ioBaseType(), flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            for name in ["read", "readline", "write", "detach"] {
                type.define(name, self) { thread, _, _ throws(EvalError) in throw thread.ioUnsupported(name) }
            }
            for name in ["encoding", "newlines", "errors"] {
                type.defineAttribute(name, self, get: { _, _ throws(EvalError) in .none })
            }
        }
    }
}
