// Warnings issued by the runtime itself (CPython's PyErr_WarnEx): they go
// through `_warnings.warn`, so the filters, `catch_warnings` and
// `assertWarns` see them, and an "error" filter turns them into exceptions.

extension ThreadState {
    /// Warns with the built-in category `categoryName` (e.g.
    /// "DeprecationWarning"), attributed to the Python code `stackLevel`
    /// frames up; throws when a filter makes the warning an error.
    func warn(_ categoryName: String, _ message: String, stackLevel: Int = 1) throws(EvalError) {
        guard let category = interpreter.types.exceptions[categoryName] else {
            throw .runtimeError("unknown warning category \(categoryName)")
        }
        let module = try importModule("_warnings", globals: nil, fromList: .none, level: 0)
        defer { module.release() }
        let function = try getAttribute(module, "warn")
        defer { function.release() }
        let text = interpreter.newString(message)
        defer { text.release() }
        let result = try call(function, [text, category.value, .int(stackLevel)])
        result.release()
    }
}
