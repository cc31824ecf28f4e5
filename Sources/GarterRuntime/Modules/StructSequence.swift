/// CPython's "struct sequences" (`sys.version_info`, `sys.flags`,
/// `sys.float_info`, ...): tuples of a subclass whose items can also be read
/// as named attributes, printed as `sys.flags(debug=0, ...)`. The instances
/// are plain `PyTuple`s whose type is the subclass, so every tuple operation
/// works on them unchanged.
extension Interpreter {
    /// Makes the struct sequence type `module.name` with `fields`.
    func makeStructSequenceType(module: String, name: String, fields: [String]) -> PyType {
        let type = PyType(name: name, base: types.tuple, metatype: types.type)
        type.dict = PyDict(type: types.dict)
        type.dict.makeImmortal()
        setItem(type.dict, "__module__", intern(module))
        let qualified = "\(module).\(name)"
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            let items = value.as(PyTuple.self)!.items
            var text = qualified + "("
            for (index, field) in fields.enumerated() where index < items.count {
                if index > 0 { text += ", " }
                text += field + "=" + (try thread.reprText(items[index]))
            }
            return thread.interpreter.newString(text + ")")
        }
        slots.new = { thread, _, _ throws(EvalError) in
            throw .typeError("cannot create '\(qualified)' instances")
        }
        type.installSlots(slots, self)
        type.inheritBuiltinSlots()
        for (index, field) in fields.enumerated() {
            type.defineAttribute(field, self, get: { _, value throws(EvalError) in
                let item = value.as(PyTuple.self)!.items[index]
                item.retain()
                return item
            })
        }
        setItem(type.dict, "n_fields", .int(fields.count))
        setItem(type.dict, "n_sequence_fields", .int(fields.count))
        setItem(type.dict, "n_unnamed_fields", .int(0))
        return type
    }

    /// An instance of a struct sequence type (taking over `items`).
    func makeStructSequence(_ type: PyType, _ items: [Value]) -> Value {
        .object(ObjectRef.allocate(PyTuple(items, type: type)))
    }
}
