// Where the runtime meets `sys`'s replaceable objects: `print` and the
// interactive display write to `sys.stdout` once user code replaced it;
// uncaught exceptions go through `sys.excepthook`; expression statements
// of the interactive prompt through `sys.displayhook`. While the originals
// are in place the runtime takes its direct paths.

extension ThreadState {
    /// `sys.stdout` when it is not the stream `sys` started with (borrowed);
    /// nil while the original is in place (write to `output`).
    public var replacedStandardOutput: Value? {
        guard let sys = interpreter.sys else { return nil }
        guard let current = sys.attribute(sys.stdoutKey) else { return Value.none }
        if case .object(let reference) = current, reference.with({ $0 === sys.standardOutput }) { return nil }
        return current
    }

    /// `sys.stderr` when replaced (borrowed), as `replacedStandardOutput`.
    public var replacedStandardError: Value? {
        guard let sys = interpreter.sys else { return nil }
        guard let current = sys.attribute(sys.stderrKey) else { return Value.none }
        if case .object(let reference) = current, reference.with({ $0 === sys.standardError }) { return nil }
        return current
    }

    /// Calls `file.write(text)`.
    func writeText(_ file: Value, _ text: Value) throws(EvalError) {
        let write = try getAttribute(file, "write")
        defer { write.release() }
        try call(write, [text]).release()
    }

    /// Writes text to `sys.stderr`, or straight to file descriptor 2.
    public func writeStandardError(_ text: String) {
        if let replaced = replacedStandardError, !replaced.isNone {
            let value = interpreter.newString(text)
            defer { value.release() }
            do throws(EvalError) { try writeText(replaced, value) } catch { error.discard() }
            return
        }
        StandardStreamIO.writeAll(2, Array(text.utf8))
    }

    /// `sys.__displayhook__`: prints `repr(value)` on `sys.stdout` and keeps
    /// the value as `builtins._`.
    func defaultDisplayHook(_ value: Value) throws(EvalError) {
        if value.isNone { return }
        interpreter.setItem(interpreter.builtins, "_", .none)
        let text = try repr(value)
        defer { text.release() }
        if let replaced = replacedStandardOutput {
            if replaced.isNone { throw .runtimeError("lost sys.stdout") }
            try writeText(replaced, text)
            let newline = interpreter.newString("\n")
            defer { newline.release() }
            try writeText(replaced, newline)
        } else {
            try writeStandardOutput(text.as(PyStr.self)!.codePoints + [10])
        }
        value.retain()
        interpreter.setItem(interpreter.builtins, "_", value)
    }

    /// PRINT_EXPR: `sys.displayhook(value)`.
    public func display(_ value: Value) throws(EvalError) {
        guard let sys = interpreter.sys else { return try defaultDisplayHook(value) }
        guard let hook = sys.attribute(sys.displayHookKey) else { throw .runtimeError("lost sys.displayhook") }
        if hook.isIdentical(to: sys.originalDisplayHook) { return try defaultDisplayHook(value) }
        try call(hook, [value]).release()
    }

    /// `sys.__excepthook__`: the traceback on `sys.stderr`.
    func defaultExceptHook(_ value: Value) throws(EvalError) {
        let text = formatException(value)
        if let replaced = replacedStandardError, !replaced.isNone {
            let string = interpreter.newString(text)
            defer { string.release() }
            try writeText(replaced, string)
        } else {
            StandardStreamIO.writeAll(2, Array(text.utf8))
        }
    }

    /// Reports an exception nobody caught through `sys.excepthook`, as
    /// CPython's PyErr_Print does (also used by the interactive prompt).
    /// Records it as `sys.last_type`/`last_value`/`last_traceback`.
    public func printException(_ value: Value) {
        guard let sys = interpreter.sys else {
            StandardStreamIO.writeAll(2, Array(formatException(value).utf8))
            return
        }
        let type = typeOf(value)
        let traceback: Value = value.as(PyBaseException.self)?.traceback.map { .object(ObjectRef(Unmanaged.passUnretained($0))) } ?? .none
        for (name, item) in [("last_type", type.value), ("last_value", value), ("last_traceback", traceback)] {
            item.retain()
            interpreter.setItem(sys.module.dict, name, item)
        }
        guard let hook = sys.attribute("excepthook") else {
            writeStandardError("sys.excepthook is missing\n")
            StandardStreamIO.writeAll(2, Array(formatException(value).utf8))
            return
        }
        do throws(EvalError) {
            if hook.isIdentical(to: sys.originalExceptHook) {
                try defaultExceptHook(value)
            } else {
                try call(hook, [type.value, value, traceback]).release()
            }
        } catch {
            let failure = normalize(error, newlyRaised: false)
            defer { Value.object(failure).release() }
            var text = "Error in sys.excepthook:\n" + formatException(.object(failure))
            text += "\nOriginal exception was:\n" + formatException(value)
            StandardStreamIO.writeAll(2, Array(text.utf8))
        }
    }
}
