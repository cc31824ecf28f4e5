/// `types.SimpleNamespace` (CPython's `namespace` type), needed first for
/// `sys.implementation`: an object whose attributes are its `__dict__`,
/// printed as `namespace(name='garter', ...)`.
extension Interpreter {
    func simpleNamespaceType() -> PyType {
        let type = types.other("SimpleNamespace", flags: [.baseType, .hasInstanceDict])
        if type.has("__repr__") { return type }
        setItem(type.dict, "__module__", intern("types"))
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            guard let reference = value.objectReference else { return thread.interpreter.newString("namespace()") }
            let name = thread.typeOf(value) === thread.interpreter.simpleNamespaceType() ? "namespace" : thread.typeOf(value).name
            if thread.reprInProgress.contains(reference) { return thread.interpreter.newString("\(name)(...)") }
            thread.reprInProgress.insert(reference)
            defer { thread.reprInProgress.remove(reference) }
            var parts: [String] = []
            if let dict = thread.instanceDict(of: value) {
                for (key, item) in dict.pairs {
                    guard let text = key.stringValue else { continue }
                    parts.append("\(text)=\(try thread.reprText(item))")
                }
            }
            return thread.interpreter.newString("\(name)(\(parts.joined(separator: ", ")))")
        }
        slots.new = { thread, type, _ throws(EvalError) in
            .object(ObjectRef.allocate(PyInstance(type: type, slotCount: 0)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            if arguments.positionalCount > 0 {
                throw .typeError("no positional arguments expected")
            }
            guard let dict = thread.instanceDict(of: value) else { return }
            for index in 0..<arguments.keywordCount {
                let key = arguments.keywordNames!.items[index]
                key.retain()
                let item = arguments.keywordValue(index)
                item.retain()
                try dict.set(key, hash: key.strObject!.hashValue, item, Interpreter.stringsOnly)
            }
        }
        type.installSlots(slots, self)
        type.inheritBuiltinSlots()
        return type
    }

    /// A new empty namespace whose dict exists (owned by the caller).
    func newSimpleNamespace() -> PyInstance {
        let namespace = PyInstance(type: simpleNamespaceType(), slotCount: 0)
        _ = ObjectRef.allocate(namespace)
        namespace.instanceDictReference = Unmanaged.passUnretained(newDict())
        return namespace
    }
}
