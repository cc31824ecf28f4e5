// `types.SimpleNamespace` (its repr says `namespace(...)`): attributes in an
// instance dict, made from keyword arguments. `time.get_clock_info`
// returns one; `sys.implementation` is one in CPython.

extension Interpreter {
    /// The `SimpleNamespace` type, made on first use.
    public var simpleNamespaceType: PyType {
        if let made = types.others["types.SimpleNamespace"] { return made }
        let type = types.other("types.SimpleNamespace", flags: [.baseType, .hasInstanceDict])
        type.name = "SimpleNamespace"
        type.qualifiedName = "SimpleNamespace"
        type.setAttribute("__module__", intern("types"), self)
        var slots = TypeSlots()
        slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyObject(type: type))) }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            if arguments.positionalCount > 0 {
                throw .typeError("no positional arguments expected")
            }
            for index in 0..<arguments.keywordCount {
                let name = thread.interpreter.internedString(arguments.keywordName(index))
                try thread.genericSetAttribute(value, name, arguments.keywordValue(index))
            }
        }
        slots.repr = { thread, value throws(EvalError) in
            let type = thread.typeOf(value)
            let name = type.isHeapType ? type.name : "namespace"
            guard let reference = value.objectReference, !thread.reprInProgress.contains(reference) else {
                return thread.interpreter.newString("\(name)(...)")
            }
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
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            let namespace = thread.interpreter.simpleNamespaceType
            guard operation == .equal || operation == .notEqual,
                  thread.typeOf(left).isSubtype(of: namespace), thread.typeOf(right).isSubtype(of: namespace),
                  let leftDict = thread.instanceDict(of: left), let rightDict = thread.instanceDict(of: right) else {
                return thread.notImplemented()
            }
            let leftValue = Value.object(ObjectRef(Unmanaged.passUnretained(leftDict)))
            let rightValue = Value.object(ObjectRef(Unmanaged.passUnretained(rightDict)))
            let same = try thread.equal(leftValue, rightValue)
            return .bool(operation == .equal ? same : !same)
        }
        type.installSlots(slots, self)
        type.inheritBuiltinSlots()
        return type
    }

    /// A new `SimpleNamespace` with these attributes (values owned).
    func newSimpleNamespace(_ attributes: [(String, Value)]) -> Value {
        let object = PyObject(type: simpleNamespaceType)
        let reference = ObjectRef.allocate(object)
        let dict = newDict()
        for (name, value) in attributes { setItem(dict, name, value) }
        object.instanceDictReference = Unmanaged.passUnretained(dict)
        return .object(reference)
    }
}
