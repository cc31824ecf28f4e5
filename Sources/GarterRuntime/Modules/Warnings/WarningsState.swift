// The state behind `_warnings`, one per interpreter (captured by the
// module's functions): the objects `warnings.py` takes over as its
// `filters`, `onceregistry` and `defaultaction`, and the filters' version
// that `__warningregistry__` dicts remember.

final class WarningsState {
    /// Owned references, kept for the interpreter's life.
    let filters: Value
    let onceRegistry: Value
    let defaultAction: Value
    /// Bumped by `_filters_mutated()`; a registry of an older version is cleared.
    var filtersVersion = 1

    init(_ interpreter: Interpreter) {
        // CPython 3.11's default filters of a release build (Python/_warnings.c,
        // init_filters); the module of the first is plain text, matched exactly.
        func filter(_ action: String, _ category: String, module: String? = nil) -> Value {
            let type = interpreter.types.exceptions[category]!
            type.incref()
            return interpreter.newTuple([interpreter.intern(action), .none, type.value,
                                         module.map { interpreter.newString($0) } ?? .none, .int(0)])
        }
        filters = interpreter.newList([
            filter("default", "DeprecationWarning", module: "__main__"),
            filter("ignore", "DeprecationWarning"),
            filter("ignore", "PendingDeprecationWarning"),
            filter("ignore", "ImportWarning"),
            filter("ignore", "ResourceWarning"),
        ])
        onceRegistry = .object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict())))
        defaultAction = interpreter.intern("default")
    }
}
