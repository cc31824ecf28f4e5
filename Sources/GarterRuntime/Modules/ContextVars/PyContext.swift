/// `contextvars.Context`: a mapping from context variables to values. The
/// thread's current context changes when a variable is set; `copy()` and
/// `copy_context()` snapshot it, and `run` makes a context current for a
/// call. (CPython keeps an immutable HAMT; contexts here own a small table
/// and copying is O(n) in the few variables a program has.)
public final class PyContext: PyObject {
    /// Variables in the order they were first set, each with its value (owned).
    var entries: [(variable: Value, value: Value)] = []
    /// Whether the context is some thread's current one inside `run`.
    var isEntered = false

    func index(of variable: Value) -> Int? {
        entries.firstIndex { $0.variable.isIdentical(to: variable) }
    }

    /// The value of `variable` (borrowed), nil when unset.
    func value(of variable: Value) -> Value? {
        index(of: variable).map { entries[$0].value }
    }

    /// Sets `variable` (both borrowed; retained here).
    func set(_ variable: Value, _ value: Value) {
        value.retain()
        if let index = index(of: variable) {
            let old = entries[index].value
            entries[index].value = value
            old.release()
        } else {
            variable.retain()
            entries.append((variable, value))
        }
    }

    func remove(_ variable: Value) {
        guard let index = index(of: variable) else { return }
        let (oldVariable, oldValue) = entries.remove(at: index)
        oldVariable.release()
        oldValue.release()
    }

    /// A new context with the same entries.
    func copy(type: PyType) -> PyContext {
        let copy = PyContext(type: type)
        for (variable, value) in entries {
            variable.retain()
            value.retain()
        }
        copy.entries = entries
        return copy
    }

    override public func releaseContents() {
        let old = entries
        entries = []
        for (variable, value) in old {
            variable.release()
            value.release()
        }
    }
}

/// `contextvars.ContextVar`.
public final class PyContextVariable: PyObject {
    let name: Value
    /// The `default=` given at creation (owned), if any.
    let defaultValue: Value?

    init(name: Value, defaultValue: Value?, type: PyType) {
        name.retain()
        defaultValue?.retain()
        self.name = name
        self.defaultValue = defaultValue
        super.init(type: type)
    }

    override public func releaseContents() {
        name.release()
        defaultValue?.release()
    }
}

/// `contextvars.Token`: what `ContextVar.set` returns, for `reset`.
public final class PyContextToken: PyObject {
    let context: Value
    let variable: Value
    /// The value before the `set` (owned); nil when the variable was unset.
    let oldValue: Value?
    var isUsed = false

    init(context: Value, variable: Value, oldValue: Value?, type: PyType) {
        context.retain()
        variable.retain()
        oldValue?.retain()
        self.context = context
        self.variable = variable
        self.oldValue = oldValue
        super.init(type: type)
    }

    override public func releaseContents() {
        context.release()
        variable.release()
        oldValue?.release()
    }
}
