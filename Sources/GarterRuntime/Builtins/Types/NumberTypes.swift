extension Interpreter {
    /// `int`, `bool`, `float`, `complex` (one file each), and the constant
    /// singletons' types.
    func installNumberTypes() {
        installIntType()
        installBoolType()
        installFloatType()
        installComplexType()
        for type in [types.int, types.bool, types.float, types.complex] {
            // CPython's docstrings are its own text: Garter's are None.
            setItem(type.dict, "__doc__", .none)
            type.dictChanged()
        }
        for type in [types.int, types.float, types.complex] { defineGenericGetAttribute(on: type) }
        installSingletonTypes()
    }

    /// `__getattribute__` in the type's dict, as CPython's number types
    /// have it (their `tp_getattro` is set explicitly): the generic lookup.
    private func defineGenericGetAttribute(on type: PyType) {
        type.define("__getattribute__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__getattribute__", 1...1)
            guard let name = arguments[0].strObject else {
                throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[0]).name)'")
            }
            guard let value = try thread.genericGetAttribute(receiver, name) else { throw thread.attributeError(receiver, name) }
            return value
        }
    }
}
