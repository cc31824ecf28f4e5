// `float(x=1)` and `tuple(iterable=())` take no keywords, but a subclass
// that defines its own `__init__` may be called with keywords meant for that
// `__init__`: the immutable types' `__new__` then ignores them (CPython's
// `type->tp_init == Base.tp_init` check in float_new, tuple_new, ...).

extension ThreadState {
    /// TypeError "base() takes no keyword arguments" when keywords came and
    /// `type` (the class being created) has `base`'s own `__init__` (the
    /// check of `__new__`; `list.__init__` checks `__new__` likewise).
    func rejectConstructorKeywords(_ type: PyType, base: PyType, _ arguments: Arguments,
                                   overriding method: String = "__init__") throws(EvalError) {
        guard arguments.hasKeywords else { return }
        let initName = interpreter.internedString(method)
        let inherited = type === base || (type.lookup(initName).map { own in
            base.lookup(initName).map { own.isIdentical(to: $0) } ?? false
        } ?? false)
        if inherited { throw .typeError("\(base.name)() takes no keyword arguments") }
    }
}
