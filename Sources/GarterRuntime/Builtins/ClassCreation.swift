// The `class` statement: `__build_class__` runs the class body in a fresh
// namespace, then calls the metaclass, whose `type.__new__` makes the
// class (C3 MRO, `__slots__`, `__classcell__`, `__set_name__`,
// `__init_subclass__`), as CPython's bltinmodule.c and typeobject.c do.

extension ThreadState {
    /// `__build_class__(body, name, *bases, metaclass=None, **kwds)`.
    func buildClass(_ arguments: Arguments) throws(EvalError) -> Value {
        guard arguments.positionalCount >= 2 else { throw .typeError("__build_class__: not enough arguments") }
        guard let body = arguments[0].as(PyFunction.self) else { throw .typeError("__build_class__: func must be a function") }
        let name = arguments[1]
        guard name.strObject != nil else { throw .typeError("__build_class__: name is not a string") }
        var bases: [Value] = []
        for index in 2..<arguments.positionalCount { bases.append(arguments[index]) }
        // PEP 560: bases that are not classes may supply the real ones.
        var resolved: [Value] = []
        var changed = false
        for base in bases {
            if base.as(PyType.self) == nil, let entries = try lookupAttribute(base, interpreter.names.__mro_entries__) {
                defer { entries.release() }
                let original = interpreter.newTuple(bases.map { $0.retain(); return $0 })
                defer { original.release() }
                let replacement = try call(entries, [original])
                defer { replacement.release() }
                let items = try collect(replacement)
                resolved.append(contentsOf: items)
                changed = true
            } else {
                base.retain()
                resolved.append(base)
            }
        }
        defer { for base in resolved { base.release() } }
        var metaclass: Value?
        var keywordNames: [Value] = []
        var keywordValues: [Value] = []
        for index in 0..<arguments.keywordCount {
            if arguments.keywordName(index) == "metaclass" {
                metaclass = arguments.keywordValue(index)
            } else {
                keywordNames.append(arguments.keywordNames!.items[index])
                keywordValues.append(arguments.keywordValue(index))
            }
        }
        let isClass = metaclass.map { $0.as(PyType.self) != nil } ?? true
        var meta = metaclass ?? (resolved.first.map { typeOf($0).value } ?? interpreter.types.type.value)
        if isClass, let metaType = meta.as(PyType.self) {
            meta = try mostDerivedMetaclass(metaType, bases: resolved).value
        }
        let basesTuple = interpreter.newTuple(resolved.map { $0.retain(); return $0 })
        defer { basesTuple.release() }
        // The namespace: `__prepare__(name, bases, **kwds)`.
        let namespace: Value
        if let prepare = try lookupAttribute(meta, interpreter.names.__prepare__) {
            defer { prepare.release() }
            for keyword in keywordNames { keyword.retain() }
            let names = keywordNames.isEmpty ? nil : interpreter.newTuple(keywordNames).as(PyTuple.self)
            namespace = try Arguments.with([name, basesTuple] + keywordValues, keywordNames: names) { (arguments) throws(EvalError) -> Value in
                try call(prepare, arguments)
            }
            names.map { Value.object(ObjectRef(Unmanaged.passUnretained($0))).release() }
        } else {
            namespace = .object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict())))
        }
        defer { namespace.release() }
        let cell = try runClassBody(body, namespace: namespace)
        defer { cell.release() }
        if changed, let dict = namespace.as(PyDict.self) {
            let original = interpreter.newTuple(bases.map { $0.retain(); return $0 })
            interpreter.setItem(dict, "__orig_bases__", original)
        }
        for keyword in keywordNames { keyword.retain() }
        let names = keywordNames.isEmpty ? nil : interpreter.newTuple(keywordNames).as(PyTuple.self)
        defer { names.map { Value.object(ObjectRef(Unmanaged.passUnretained($0))).release() } }
        let result = try Arguments.with([name, basesTuple, namespace] + keywordValues, keywordNames: names) { (arguments) throws(EvalError) -> Value in
            try call(meta, arguments)
        }
        if let cell = cell.as(PyCell.self), result.as(PyType.self) != nil {
            if cell.contents == nil || !(cell.contents!.isIdentical(to: result)) {
                if cell.contents == nil {
                    result.retain()
                    cell.contents = result
                } else {
                    result.release()
                    throw .typeError("__class__ set to \(try reprText(cell.contents!)) defining \(name.stringValue ?? "") as \(try reprText(result))")
                }
            }
        }
        return result
    }

    /// Runs a class body with `namespace` as its locals; returns what it
    /// returns (the `__class__` cell, or None).
    private func runClassBody(_ body: PyFunction, namespace: Value) throws(EvalError) -> Value {
        let code = body.code
        let frame = frameStack.push(slots: code.localCount + code.stackSize)
        body.incref()
        namespace.retain()
        frame.initialize(code: code, function: body, globals: body.globals, builtins: body.builtins,
                         locals: namespace, previous: currentFrame, isGenerator: false)
        frame.pointee.isEntry = true
        return try evaluate(frame)
    }

    /// The metaclass of a new class: the most derived of the candidates.
    func mostDerivedMetaclass(_ metatype: PyType, bases: [Value]) throws(EvalError) -> PyType {
        var winner = metatype
        for base in bases {
            let candidate = typeOf(base)
            if winner.isSubtype(of: candidate) { continue }
            if candidate.isSubtype(of: winner) {
                winner = candidate
                continue
            }
            throw .typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        return winner
    }

    /// `type.__new__(metatype, name, bases, namespace, **kwds)`.
    func createClass(metatype: PyType, name nameValue: Value, bases basesValue: Value, namespace: Value,
                     keywords: Arguments) throws(EvalError) -> Value {
        guard let name = nameValue.stringValue else { throw .typeError("type.__new__() argument 1 must be str, not \(typeOf(nameValue).name)") }
        guard let basesTuple = basesValue.as(PyTuple.self) else {
            throw .typeError("type.__new__() argument 2 must be tuple, not \(typeOf(basesValue).name)")
        }
        guard let source = namespace.as(PyDict.self) else {
            throw .typeError("type.__new__() argument 3 must be dict, not \(typeOf(namespace).name)")
        }
        var bases: [PyType] = []
        for base in basesTuple.items {
            guard let type = base.as(PyType.self) else { throw .typeError("bases must be types") }
            guard type.flags.contains(.baseType) else {
                throw .typeError("type '\(type.name)' is not an acceptable base type")
            }
            bases.append(type)
        }
        if bases.isEmpty { bases = [interpreter.types.object] }
        let metatype = try mostDerivedMetaclass(metatype, bases: bases.map(\.value))
        let solidBase = try bestBase(bases)
        let mro = try linearize(bases, name: name)
        let type = PyType(heapTypeNamed: name, qualifiedName: name, bases: bases, base: solidBase, mro: [], metatype: metatype)
        let typeValue = Value.object(ObjectRef.allocate(type))
        type.mro = [type] + mro
        for base in bases { base.incref() }
        for ancestor in mro { ancestor.incref() }
        let dict = interpreter.newDict()
        type.dict = dict
        try update(dict, from: namespace)
        _ = source
        let names = interpreter.names
        if dict.lookup(string: names.__module__) == nil, let frame = currentFrame {
            if let module = frame.pointee.globals.takeUnretainedValue().lookup(string: names.__name__) {
                module.retain()
                interpreter.setItem(dict, "__module__", module)
            }
        }
        if let qualified = dict.lookup(string: names.__qualname__) {
            guard let text = qualified.stringValue else {
                throw .typeError("type __qualname__ must be a str, not \(typeOf(qualified).name)")
            }
            type.qualifiedName = text
            let key = Value.object(ObjectRef(Unmanaged.passUnretained(names.__qualname__)))
            _ = try dict.remove(key, hash: names.__qualname__.hashValue, equalFunction)?.release()
        }
        // Flags from the bases.
        for base in bases {
            if base.flags.contains(.exceptionSubclass) { type.flags.insert(.exceptionSubclass) }
            if base.flags.contains(.sequence) { type.flags.insert(.sequence) }
            if base.flags.contains(.mapping) { type.flags.insert(.mapping) }
            if base.flags.contains(.hasFinalizer) { type.flags.insert(.hasFinalizer) }
        }
        // __slots__.
        type.instanceSlotCount = solidBase.instanceSlotCount
        if let slots = dict.lookup(string: names.__slots__) {
            var slotNames: [String] = []
            if let text = slots.stringValue {
                slotNames = [text]
            } else {
                for item in try collect(slots) {
                    defer { item.release() }
                    guard let text = item.stringValue else {
                        throw .typeError("__slots__ items must be strings, not '\(typeOf(item).name)'")
                    }
                    slotNames.append(text)
                }
            }
            var wantsDict = false
            var wantsWeakReferences = false
            for slotName in slotNames {
                if slotName == "__dict__" { wantsDict = true; continue }
                if slotName == "__weakref__" { wantsWeakReferences = true; continue }
                let mangled = slotName.hasPrefix("__") && !slotName.hasSuffix("__") ? "_\(name.drop { $0 == "_" })\(slotName)" : slotName
                if type.slotNames.contains(mangled) { continue }
                if dict.lookup(name: mangled) != nil {
                    throw .valueError("'\(mangled)' in __slots__ conflicts with class variable")
                }
                let index = type.instanceSlotCount
                type.instanceSlotCount += 1
                type.slotNames.append(mangled)
                type.defineAttribute(mangled, interpreter, get: { thread, value throws(EvalError) in
                    guard let stored = thread.slotValue(of: value, index: index) else {
                        throw .attributeError("'\(thread.typeOf(value).name)' object has no attribute '\(mangled)'")
                    }
                    stored.retain()
                    return stored
                }, set: { thread, value, newValue throws(EvalError) in
                    if !thread.setSlotValue(of: value, index: index, newValue) && newValue == nil {
                        throw .attributeError(mangled)
                    }
                })
            }
            if wantsDict || bases.contains(where: { $0.flags.contains(.hasInstanceDict) }) { type.flags.insert(.hasInstanceDict) }
            if !wantsWeakReferences && !bases.contains(where: { acceptsWeakReferences($0) }) {
                type.flags.insert(.refusesWeakReferences)
            }
        } else {
            type.flags.insert(.hasInstanceDict)
        }
        // Metaclasses keep `type.__dict__` (the class namespace), as CPython
        // adds no `__dict__` when the base has one of its own.
        let isMetaclass = solidBase.isSubtype(of: interpreter.types.type)
        if !isMetaclass && type.flags.contains(.hasInstanceDict) && (type.lookup(names.__dict__) == nil
            || !bases.contains(where: { $0.flags.contains(.hasInstanceDict) && $0.isHeapType })) {
            if dict.lookup(string: names.__dict__) == nil {
                type.defineAttribute("__dict__", interpreter, get: { thread, value throws(EvalError) in
                    guard let instanceDict = thread.instanceDict(of: value) else {
                        throw .attributeError("'\(thread.typeOf(value).name)' object has no attribute '__dict__'")
                    }
                    instanceDict.incref()
                    return .object(ObjectRef(Unmanaged.passUnretained(instanceDict)))
                }, set: { thread, value, newValue throws(EvalError) in
                    guard let newValue, let newDict = newValue.as(PyDict.self), case .object(let reference) = value else {
                        throw .typeError("__dict__ must be set to a dictionary, not a '\(newValue.map { thread.typeOf($0).name } ?? "NoneType")'")
                    }
                    newDict.incref()
                    reference.with { object in
                        let old = object.instanceDictReference
                        object.instanceDictReference = Unmanaged.passUnretained(newDict)
                        old?._withUnsafeGuaranteedRef { $0.decref() }
                    }
                })
            }
        }
        // `__weakref__`: on the first class of the line whose instances take weak references.
        if !isMetaclass && acceptsWeakReferences(type) && !bases.contains(where: { acceptsWeakReferences($0) })
            && dict.lookup(string: interpreter.internedString("__weakref__")) == nil {
            type.defineAttribute("__weakref__", interpreter, get: { thread, value throws(EvalError) in
                guard let reference = value.objectReference,
                      let first = thread.interpreter.weakReferences[reference]?.first else { return .none }
                let weak = first.takeUnretainedValue()
                weak.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(weak)))
            })
        }
        // After the slots, as CPython's type_ready: a `__doc__` slot keeps its descriptor.
        if dict.lookup(string: names.__doc__) == nil { interpreter.setItem(dict, "__doc__", .none) }
        // Implicit class/static methods.
        for (special, wrapperType) in [(names.__new__, interpreter.types.staticmethod),
                                       (names.__init_subclass__, interpreter.types.classmethod),
                                       (names.__class_getitem__, interpreter.types.classmethod)] {
            if let function = dict.lookup(string: special), function.as(PyFunction.self) != nil {
                let wrapper = Value.object(ObjectRef.allocate(PyMethodWrapper(function: function, type: wrapperType)))
                interpreter.setItem(dict, special.string, wrapper)
            }
        }
        if dict.lookup(string: names.__eq__) != nil && dict.lookup(string: names.__hash__) == nil {
            interpreter.setItem(dict, "__hash__", .none)
        }
        // The `__class__` cell of methods that use super() or __class__.
        if let cell = dict.lookup(string: names.__classcell__) {
            guard let cellObject = cell.as(PyCell.self) else {
                throw .typeError("__classcell__ must be a nonlocal cell, not \(typeOf(cell))")
            }
            typeValue.retain()
            let old = cellObject.contents
            cellObject.contents = typeValue
            old?.release()
            let key = Value.object(ObjectRef(Unmanaged.passUnretained(names.__classcell__)))
            _ = try dict.remove(key, hash: names.__classcell__.hashValue, equalFunction)?.release()
        }
        // The dict was filled directly above, after lookups may have cached the type.
        type.dictChanged()
        for base in bases { base.subclasses.append(Unmanaged.passUnretained(type)) }
        type.updateSlots(interpreter: interpreter)
        // __set_name__ on the attributes that have it.
        for (key, value) in dict.pairs {
            key.retain(); value.retain()
            defer { key.release(); value.release() }
            if let hook = try callSpecial(value, names.__set_name__, [typeValue, key]) { hook.release() }
        }
        // __init_subclass__ of the parent classes.
        let parentSuper = try makeSuper(start: type, object: typeValue)
        defer { parentSuper.release() }
        if let initSubclass = try lookupAttribute(parentSuper, names.__init_subclass__) {
            defer { initSubclass.release() }
            var keywordNames: [Value] = []
            var keywordValues: [Value] = []
            for index in 0..<keywords.keywordCount {
                keywordNames.append(keywords.keywordNames!.items[index])
                keywordValues.append(keywords.keywordValue(index))
            }
            for keyword in keywordNames { keyword.retain() }
            let namesTuple = keywordNames.isEmpty ? nil : interpreter.newTuple(keywordNames).as(PyTuple.self)
            defer { namesTuple.map { Value.object(ObjectRef(Unmanaged.passUnretained($0))).release() } }
            try Arguments.with(keywordValues, keywordNames: namesTuple) { (arguments) throws(EvalError) -> Value in
                try call(initSubclass, arguments)
            }.release()
        }
        return typeValue
    }

    /// The base whose instance layout the new class extends.
    static let exceptionsWithOwnLayout: Set<String> = [
        "BaseException", "BaseExceptionGroup", "StopIteration", "SystemExit", "ImportError", "OSError",
        "SyntaxError", "UnicodeError", "NameError", "AttributeError",
    ]

    private func bestBase(_ bases: [PyType]) throws(EvalError) -> PyType {
        // The nearest class that adds to its instances' layout (CPython's
        // solid_base). Built-in exceptions share BaseException's layout
        // except those CPython gives fields of their own.
        func addsLayout(_ type: PyType) -> Bool {
            if type.isHeapType { return false }
            guard type.flags.contains(.exceptionSubclass) else { return true }
            return Self.exceptionsWithOwnLayout.contains(type.name)
        }
        func layoutRoot(_ type: PyType) -> PyType {
            var current = type
            while !addsLayout(current), let base = current.base { current = base }
            return current
        }
        var best = bases[0]
        for base in bases.dropFirst() {
            let a = layoutRoot(best)
            let b = layoutRoot(base)
            if a === b || b === interpreter.types.object || a.isSubtype(of: b) { continue }
            if b.isSubtype(of: a) || a === interpreter.types.object {
                best = base
                continue
            }
            throw .typeError("multiple bases have instance lay-out conflict")
        }
        return best
    }

    /// C3 linearisation of the bases (the new class itself excluded).
    private func linearize(_ bases: [PyType], name: String) throws(EvalError) -> [PyType] {
        var sequences: [[PyType]] = bases.map(\.mro) + [bases]
        var result: [PyType] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyType?
            for sequence in sequences {
                let head = sequence[0]
                if !sequences.contains(where: { $0.dropFirst().contains { $0 === head } }) {
                    candidate = head
                    break
                }
            }
            guard let next = candidate else {
                var seen: [String] = []
                for sequence in sequences where !seen.contains(sequence[0].name) { seen.append(sequence[0].name) }
                throw .typeError("Cannot create a consistent method resolution\norder (MRO) for bases " + seen.joined(separator: ", "))
            }
            result.append(next)
            sequences = sequences.map { $0.first === next ? Array($0.dropFirst()) : $0 }
        }
    }
}
