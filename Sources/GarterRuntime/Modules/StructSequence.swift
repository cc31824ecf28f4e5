// Named tuples made by native modules, as CPython's structseq: a tuple
// subclass whose first `visibleCount` fields are the tuple's items and
// whose other fields (`tm_zone`, `tm_gmtoff` of `time.struct_time`) are
// attributes only. The instances are plain `PyTuple`s of the subclass, so
// every tuple operation works on them unchanged. `sys.flags`,
// `sys.version_info`, `time.struct_time`, `_thread._ExceptHookArgs`, ...

struct StructSequenceDescription {
    /// Dotted, as CPython's tp_name: "time.struct_time".
    let fullName: String
    let fields: [String]
    let visibleCount: Int
    /// False for `sys.flags` and `sys.version_info`, which Python code
    /// cannot instantiate.
    var instantiable = true

    init(fullName: String, fields: [String], visibleCount: Int? = nil, instantiable: Bool = true) {
        self.fullName = fullName
        self.fields = fields
        self.visibleCount = visibleCount ?? fields.count
        self.instantiable = instantiable
    }

    /// "builtins" for an undotted name (`asyncgen_hooks`).
    var module: String { fullName.lastIndex(of: ".").map { String(fullName[..<$0]) } ?? "builtins" }
    var name: String { fullName.lastIndex(of: ".").map { String(fullName[fullName.index(after: $0)...]) } ?? fullName }
}

extension Interpreter {
    /// The type for `description`, made on first use.
    func structSequenceType(_ description: StructSequenceDescription) -> PyType {
        if let made = types.others[description.fullName] { return made }
        let type = types.other(description.fullName, base: types.tuple)
        type.name = description.name
        type.qualifiedName = description.name
        type.setAttribute("__module__", intern(description.module), self)
        type.setAttribute("n_sequence_fields", .int(description.visibleCount), self)
        type.setAttribute("n_fields", .int(description.fields.count), self)
        type.setAttribute("n_unnamed_fields", .int(0), self)
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            guard description.instantiable else { throw .typeError("cannot create '\(description.fullName)' instances") }
            let bound = try arguments.bind(description.fullName, ["sequence", "dict"], required: 1)
            let items = try thread.collect(bound[0]!)
            let minimum = description.visibleCount, maximum = description.fields.count
            if items.count < minimum || items.count > maximum {
                for item in items { item.release() }
                if minimum == maximum {
                    throw .typeError("\(description.fullName)() takes a \(minimum)-sequence (\(items.count)-sequence given)")
                }
                if items.count < minimum {
                    throw .typeError("\(description.fullName)() takes an at least \(minimum)-sequence (\(items.count)-sequence given)")
                }
                throw .typeError("\(description.fullName)() takes an at most \(maximum)-sequence (\(items.count)-sequence given)")
            }
            var values = items
            let extra = bound[1].flatMap { $0.isNone ? nil : $0.as(PyDict.self) }
            for field in description.fields[items.count...] {
                let value = extra?.lookup(name: field) ?? .none
                value.retain()
                values.append(value)
            }
            return thread.interpreter.newStructSequence(type, description, values)
        }
        slots.repr = { thread, value throws(EvalError) in
            let tuple = value.as(PyTuple.self)!
            var text = description.fullName + "("
            for index in 0..<min(description.visibleCount, tuple.count) {
                if index > 0 { text += ", " }
                text += description.fields[index] + "=" + (try thread.reprText(tuple.items[index]))
            }
            return thread.interpreter.newString(text + ")")
        }
        type.installSlots(slots, self)
        for (index, field) in description.fields.enumerated() where index < description.visibleCount {
            type.defineAttribute(field, self, get: { _, value throws(EvalError) in
                let item = value.as(PyTuple.self)!.items[index]
                item.retain()
                return item
            })
        }
        type.define("__reduce__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__reduce__", 0...0)
            let tuple = receiver.as(PyTuple.self)!
            let visible = Array(tuple.items.prefix(description.visibleCount))
            for item in visible { item.retain() }
            let hidden = thread.interpreter.newDict()
            for field in description.fields[description.visibleCount...] {
                let item = (try thread.lookupAttribute(receiver, thread.interpreter.internedString(field))) ?? .none
                thread.interpreter.setItem(hidden, field, item)
            }
            let type = thread.typeOf(receiver)
            type.incref()
            return thread.interpreter.newTuple([
                type.value,
                thread.interpreter.newTuple([thread.interpreter.newTuple(visible), .object(ObjectRef(Unmanaged.passUnretained(hidden)))]),
            ])
        }
        type.inheritBuiltinSlots()
        return type
    }

    /// A new struct sequence taking over `values` (one per field).
    func newStructSequence(_ type: PyType, _ description: StructSequenceDescription, _ values: [Value]) -> Value {
        let tuple = PyTuple(Array(values.prefix(description.visibleCount)), type: type)
        let reference = ObjectRef.allocate(tuple)
        if values.count > description.visibleCount {
            let hidden = newDict()
            for (field, value) in zip(description.fields[description.visibleCount...], values[description.visibleCount...]) {
                setItem(hidden, field, value)
            }
            tuple.instanceDictReference = Unmanaged.passUnretained(hidden)
        }
        return .object(reference)
    }
}
