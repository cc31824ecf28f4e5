/// Which built-in types' instances the cycle collector tracks: the
/// containers that can be part of a reference cycle (CPython's types with
/// Py_TPFLAGS_HAVE_GC). Classes defined in Python always are
/// (`PyType(heapTypeNamed:)`), and so are the built-in exception classes.
/// Leaving a container out only means cycles through it are never freed;
/// tracking a type whose Swift class does not override `traverse` costs a
/// list link and keeps the same guarantee.
extension BuiltinTypes {
    /// Helper and module types made on demand (`other(name)`), by name.
    static let trackedHelperTypes: Set<String> = [
        "generator", "coroutine", "async_generator", "async_generator_wrapped_value", "coroutine_wrapper",
        "list_iterator", "list_reverseiterator", "tuple_iterator", "iterator", "callable_iterator",
        "set_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
        "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator",
        "dict_keys", "dict_values", "dict_items", "super", "ReferenceType", "ProxyType",
        "types.SimpleNamespace", "collections.deque", "collections.defaultdict", "functools.partial",
    ]

    func trackBuiltinContainers() {
        for made in [type, tuple, list, set, frozenset, function, method, classmethod, staticmethod,
                     property, cell, module, frame, traceback, baseException, builtinFunction] {
            made.tracksInstances()
        }
        // Dicts are collectable but start untracked, as CPython's: they join
        // when a key or value that may be part of a cycle is stored
        // (`PyDict.noteStored`), so `{}` and `{"a": 1}` cost the collector nothing.
        dict.flags.insert(.garbageCollected)
    }
}
