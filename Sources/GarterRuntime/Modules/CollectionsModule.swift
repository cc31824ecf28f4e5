import GarterCompiler

// The `_collections` module: `deque` (DequeType.swift), `defaultdict`,
// `_count_elements` (Counter's counting loop) and `_tuplegetter` (the
// field descriptors of named tuples). `OrderedDict` is left to
// collections/__init__.py's pure-Python version.

extension Interpreter {
    func makeCollectionsModule() throws(EvalError) -> Value {
        try makeNativeModule("_collections", doc: "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n") { module, define throws(EvalError) in
            export(dequeType(), in: module)
            export(defaultdictType(), in: module)
            export(dequeIteratorType(reversed: false), in: module)
            export(dequeIteratorType(reversed: true), in: module)
            export(tupleGetterType(), in: module)
            define("_count_elements") { thread, arguments throws(EvalError) in
                try arguments.expect("_count_elements", 2...2)
                try thread.countElements(arguments[0], arguments[1])
                return .none
            }
        }
    }

    func defaultdictType() -> PyType {
        nativeType("defaultdict", module: "collections", base: types.dict, flags: [.baseType, .mapping]) { type in
            var slots = TypeSlots()
            slots.initialize = { thread, value, arguments throws(EvalError) in
                var factory = Value.none
                var rest = arguments
                if arguments.positionalCount > 0 {
                    factory = arguments[0]
                    if !factory.isNone && thread.typeOf(factory).slots.call == nil {
                        throw .typeError("first argument must be callable or None")
                    }
                    rest = arguments.droppingFirst
                }
                try thread.setDefaultFactory(value, factory)
                try thread.interpreter.types.dict.slots.initialize!(thread, value, rest)
            }
            slots.repr = { thread, value throws(EvalError) in
                let factory = try thread.defaultFactory(of: value)
                let factoryText: String
                if let reference = factory.objectReference, thread.reprInProgress.contains(reference) {
                    factoryText = "..."
                } else {
                    factoryText = try thread.reprText(factory)
                }
                let dictText = try thread.interpreter.types.dict.slots.repr!(thread, value)
                defer { dictText.release() }
                return thread.interpreter.newString("\(thread.typeOf(value).shortName)(\(factoryText), \(dictText.stringValue!))")
            }
            slots.binary[Int(BinaryOperation.or.rawValue)] = { thread, left, right throws(EvalError) in
                let defaults = thread.interpreter.defaultdictType()
                let (own, other) = thread.typeOf(left).isSubtype(of: defaults) ? (left, right) : (right, left)
                guard other.as(PyDict.self) != nil else { return thread.notImplemented() }
                let result = try thread.call(thread.typeOf(own).value, [try thread.defaultFactory(of: own), left])
                do throws(EvalError) { try thread.update(result.as(PyDict.self)!, from: right) } catch {
                    result.release()
                    throw error
                }
                return result
            }
            type.installSlots(slots, self)
            type.define("__missing__", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("__missing__", 1...1)
                let factory = try thread.defaultFactory(of: value)
                if factory.isNone { throw EvalError.keyError(arguments[0]) }
                let made = try thread.call(factory, [])
                do throws(EvalError) { try thread.setItem(value, arguments[0], made) } catch {
                    made.release()
                    throw error
                }
                return made
            }
            for name in ["copy", "__copy__"] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.expect(name, 0...0)
                    return try thread.call(thread.typeOf(value).value, [try thread.defaultFactory(of: value), value])
                }
            }
            type.define("__reduce__", self) { thread, value, _ throws(EvalError) in
                let factory = try thread.defaultFactory(of: value)
                factory.retain()
                let arguments = factory.isNone ? thread.interpreter.newTuple([]) : thread.interpreter.newTuple([factory])
                if factory.isNone { factory.release() }
                let items = try thread.callMethod(value, thread.interpreter.internedString("items"), [])
                defer { items.release() }
                let iterator = try thread.iterate(items)
                let kind = thread.typeOf(value)
                kind.incref()
                return thread.interpreter.newTuple([kind.value, arguments, .none, .none, iterator])
            }
            type.defineAttribute("default_factory", self, get: { thread, value throws(EvalError) in
                let factory = try thread.defaultFactory(of: value)
                factory.retain()
                return factory
            }, set: { thread, value, newValue throws(EvalError) in
                try thread.setDefaultFactory(value, newValue ?? .none)
            })
        }
    }

    /// `_collections._tuplegetter(index, doc)`.
    func tupleGetterType() -> PyType {
        nativeType("_tuplegetter", module: "_collections", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                try arguments.rejectKeywordsForType(type, "_tuplegetter", thread)
                try arguments.expectPositional("_tuplegetter", 2)
                let index = try thread.sizeArgument(arguments[0])
                arguments[1].retain()
                return .object(ObjectRef.allocate(PyTupleGetter(index: index, doc: arguments[1], type: type)))
            }
            slots.descriptorGet = { thread, value, instance, _ throws(EvalError) in
                let getter = value.as(PyTupleGetter.self)!
                guard let instance else {
                    value.retain()
                    return value
                }
                guard let tuple = instance.as(PyTuple.self) else {
                    throw .typeError("descriptor for index '\(getter.index)' for tuple subclasses doesn't apply to '\(thread.typeOf(instance).name)' object")
                }
                guard getter.index >= 0 && getter.index < tuple.count else { throw .indexError("tuple index out of range") }
                let item = tuple.items[getter.index]
                item.retain()
                return item
            }
            slots.descriptorSet = { _, _, _, newValue throws(EvalError) in
                throw .attributeError(newValue == nil ? "can't delete attribute" : "can't set attribute")
            }
            type.installSlots(slots, self)
            type.defineAttribute("__doc__", self, get: { _, value throws(EvalError) in
                let doc = value.as(PyTupleGetter.self)!.doc
                doc.retain()
                return doc
            }, set: { _, value, newValue throws(EvalError) in
                let getter = value.as(PyTupleGetter.self)!
                let doc = newValue ?? .none
                doc.retain()
                let old = getter.doc
                getter.doc = doc
                old.release()
            })
        }
    }
}

/// A named tuple's field: item `index` of the tuple it is read from.
final class PyTupleGetter: PyObject {
    let index: Int
    /// Owned.
    var doc: Value

    init(index: Int, doc: Value, type: PyType) {
        self.index = index
        self.doc = doc
        super.init(type: type)
    }

    override func releaseContents() { doc.release() }
}

extension Arguments {
    /// `_PyArg_NoKeywords` for the exact type only.
    func rejectKeywordsForType(_ type: PyType, _ name: String, _ thread: ThreadState) throws(EvalError) {
        try thread.rejectKeywordsForType(type, name, self)
    }
}

extension ThreadState {
    /// A defaultdict keeps its factory in its instance dict, under a key no
    /// attribute lookup can name (the `defaultdict` type itself): `PyDict`
    /// has no room for it.
    private func factoryKey() -> Value { interpreter.defaultdictType().value }

    /// The `default_factory` of a defaultdict (borrowed; None when unset).
    func defaultFactory(of value: Value) throws(EvalError) -> Value {
        guard case .object(let reference) = value, let dict = reference.with({ $0.instanceDictReference }) else { return .none }
        let key = factoryKey()
        let table = dict.takeUnretainedValue()
        return try table.lookup(key, hash: try hash(key), equalFunction) ?? .none
    }

    func setDefaultFactory(_ value: Value, _ factory: Value) throws(EvalError) {
        guard case .object(let reference) = value else { return }
        let dict: PyDict
        if let existing = reference.with({ $0.instanceDictReference }) {
            dict = existing.takeUnretainedValue()
        } else {
            dict = interpreter.newDict()
            reference.with { $0.instanceDictReference = Unmanaged.passUnretained(dict) }
        }
        let key = factoryKey()
        key.retain()
        factory.retain()
        try dict.set(key, hash: try hash(key), factory, equalFunction)
    }

    /// `_count_elements(mapping, iterable)`: mapping[x] = mapping.get(x, 0) + 1 for each x.
    func countElements(_ mapping: Value, _ iterable: Value) throws(EvalError) {
        let getName = interpreter.internedString("get")
        let exactDict = typeOf(mapping) === interpreter.types.dict ? mapping.as(PyDict.self) : nil
        try forEach(iterable) { item throws(EvalError) in
            if let dict = exactDict {
                let itemHash = try hash(item)
                let old = try dict.lookup(item, hash: itemHash, equalFunction) ?? .int(0)
                let count = try binaryOperation(Int(BinaryOperation.add.rawValue), old, .int(1))
                item.retain()
                try dict.set(item, hash: itemHash, count, equalFunction)
                return
            }
            let old = try callMethod(mapping, getName, [item, .int(0)])
            defer { old.release() }
            let count = try binaryOperation(Int(BinaryOperation.add.rawValue), old, .int(1))
            defer { count.release() }
            try setItem(mapping, item, count)
        }
    }
}
