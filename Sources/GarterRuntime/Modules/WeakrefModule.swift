/// `_weakref`: weak references and proxies (the `weakref` module of
/// CPython's Lib builds on it).
extension Interpreter {
    func makeWeakrefModule() throws(EvalError) -> Value {
        let referenceType = weakReferenceType()
        return try makeNativeModule("_weakref") { module, define throws(EvalError) in
            referenceType.incref()
            setItem(module.dict, "ref", referenceType.value)
            referenceType.incref()
            setItem(module.dict, "ReferenceType", referenceType.value)
            let proxy = types.other("ProxyType")
            proxy.moduleName = "weakproxy"
            proxy.incref()
            setItem(module.dict, "ProxyType", proxy.value)
            proxy.incref()
            setItem(module.dict, "CallableProxyType", proxy.value)
            define("getweakrefcount") { thread, arguments throws(EvalError) in
                try arguments.expect("getweakrefcount", 1...1)
                guard let reference = arguments[0].objectReference else { return .int(0) }
                return .int(thread.interpreter.weakReferences[reference]?.count ?? 0)
            }
            define("getweakrefs") { thread, arguments throws(EvalError) in
                try arguments.expect("getweakrefs", 1...1)
                guard let reference = arguments[0].objectReference else { return thread.interpreter.newList([]) }
                let references = thread.interpreter.weakReferences[reference] ?? []
                return thread.interpreter.newList(references.map { weak in
                    weak._withUnsafeGuaranteedRef { $0.incref() }
                    return .object(ObjectRef(Unmanaged.passUnretained(weak.takeUnretainedValue())))
                })
            }
            define("proxy") { thread, arguments throws(EvalError) in
                try arguments.expect("proxy", 1...2)
                let callback = arguments.positionalCount > 1 && !arguments[1].isNone ? arguments[1] : nil
                return try thread.makeWeakReference(arguments[0], callback: callback, type: thread.interpreter.types.other("ProxyType"),
                                                    isProxy: true)
            }
            define("_remove_dead_weakref") { thread, arguments throws(EvalError) in
                try arguments.expect("_remove_dead_weakref", 2...2)
                guard let dict = arguments[0].as(PyDict.self) else { throw .typeError("_remove_dead_weakref: not a dict") }
                let key = arguments[1]
                if let found = try dict.lookup(key, hash: try thread.hash(key), thread.equalFunction),
                   let weak = found.as(PyWeakReference.self), weak.target == nil {
                    _ = try dict.remove(key, hash: try thread.hash(key), thread.equalFunction)?.release()
                }
                return .none
            }
        }
    }

    /// `weakref.ReferenceType`, made once.
    func weakReferenceType() -> PyType {
        let type = types.other("ReferenceType", flags: [.baseType])
        if type.moduleName != nil { return type }
        type.moduleName = "weakref"
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            try arguments.expect("ref", 1...2)
            let callback = arguments.positionalCount > 1 && !arguments[1].isNone ? arguments[1] : nil
            return try thread.makeWeakReference(arguments[0], callback: callback, type: type, isProxy: false)
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.call = { _, value, arguments throws(EvalError) in
            try arguments.expect("weakref", 0...0)
            guard let target = value.as(PyWeakReference.self)?.target else { return .none }
            Value.object(target).retain()
            return .object(target)
        }
        slots.repr = { thread, value throws(EvalError) in
            let weak = value.as(PyWeakReference.self)!
            let address = String(value.objectReference!.address, radix: 16)
            guard let target = weak.target else { return thread.interpreter.newString("<weakref at 0x\(address); dead>") }
            let targetValue = Value.object(target)
            return thread.interpreter.newString("<weakref at 0x\(address); to '\(thread.typeOf(targetValue).displayName)' at 0x\(String(target.address, radix: 16))>")
        }
        slots.hash = { thread, value throws(EvalError) in
            let weak = value.as(PyWeakReference.self)!
            if let cached = weak.cachedHash { return cached }
            guard let target = weak.target else { throw .typeError("weak object has gone away") }
            let hash = try thread.hash(.object(target))
            weak.cachedHash = hash
            return hash
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let a = left.as(PyWeakReference.self),
                  let b = right.as(PyWeakReference.self) else { return thread.notImplemented() }
            guard let x = a.target, let y = b.target else {
                let same = left.isIdentical(to: right)
                return .bool(operation == .equal ? same : !same)
            }
            return try thread.compare(.object(x), .object(y), operation)
        }
        type.installSlots(slots, self)
        type.defineAttribute("__callback__", self, get: { _, value throws(EvalError) in
            let callback = value.as(PyWeakReference.self)!.callback ?? .none
            callback.retain()
            return callback
        })
        type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in try thread.makeGenericAlias(arguments) }
        // Proxies forward attribute access to the referent.
        let proxy = types.other("ProxyType")
        var proxySlots = TypeSlots()
        func referent(_ thread: ThreadState, _ value: Value) throws(EvalError) -> Value {
            guard let target = value.as(PyWeakReference.self)?.target else {
                throw .pythonException("ReferenceError", "weakly-referenced object no longer exists")
            }
            return .object(target)
        }
        proxySlots.getAttribute = { thread, value, name throws(EvalError) in try thread.getAttribute(try referent(thread, value), name) }
        proxySlots.setAttribute = { thread, value, name, newValue throws(EvalError) in
            try thread.setAttribute(try referent(thread, value), name, newValue)
        }
        proxySlots.repr = { thread, value throws(EvalError) in
            let address = String(value.objectReference!.address, radix: 16)
            let target = try referent(thread, value)
            return thread.interpreter.newString("<weakproxy at 0x\(address); to '\(thread.typeOf(target).displayName)' at 0x\(String(target.objectReference!.address, radix: 16))>")
        }
        proxySlots.str = { thread, value throws(EvalError) in try thread.str(try referent(thread, value)) }
        proxySlots.call = { thread, value, arguments throws(EvalError) in try thread.call(try referent(thread, value), arguments) }
        proxySlots.length = { thread, value throws(EvalError) in try thread.length(try referent(thread, value)) }
        proxySlots.getItem = { thread, value, key throws(EvalError) in try thread.getItem(try referent(thread, value), key) }
        proxySlots.hash = { _, _ throws(EvalError) in throw .typeError("unhashable type: 'weakref.ProxyType'") }
        proxy.installSlots(proxySlots, self)
        return type
    }
}

extension ThreadState {
    /// A weak reference (or proxy) to `object`, reusing an existing plain
    /// reference without callback as CPython does.
    func makeWeakReference(_ object: Value, callback: Value?, type: PyType, isProxy: Bool) throws(EvalError) -> Value {
        guard case .object(let reference) = object, acceptsWeakReferences(typeOf(object)) else {
            throw .typeError("cannot create weak reference to '\(typeOf(object).name)' object")
        }
        var list = interpreter.weakReferences[reference] ?? []
        if callback == nil, !isProxy, type === interpreter.weakReferenceType(),
           let existing = list.first(where: { weak in
               weak._withUnsafeGuaranteedRef { $0.callback == nil && !$0.isProxy && $0.withType { $0 === type } }
           }) {
            existing._withUnsafeGuaranteedRef { $0.incref() }
            return .object(ObjectRef(Unmanaged.passUnretained(existing.takeUnretainedValue())))
        }
        let weak = PyWeakReference(target: reference, callback: callback, isProxy: isProxy, type: type)
        let value = Value.object(ObjectRef.allocate(weak))
        list.append(Unmanaged.passUnretained(weak))
        interpreter.weakReferences[reference] = list
        reference.with { $0.objectFlags.insert(.hasWeakReferences) }
        return value
    }

    /// Whether instances of `type` can be weakly referenced (as CPython's
    /// tp_weaklistoffset says: classes defined in Python unless their
    /// `__slots__` leave out `__weakref__`, functions, types, sets, ...).
    func acceptsWeakReferences(_ type: PyType) -> Bool {
        if type.isHeapType { return !type.flags.contains(.refusesWeakReferences) }
        let types = interpreter.types
        for accepted in [types.function, types.type, types.set, types.frozenset, types.method, types.code, types.module,
                         types.property] where type.isSubtype(of: accepted) {
            return true
        }
        // Looked up, not made: class creation asks before these types exist
        // (making one here would give it the wrong flags).
        for name in ["generator", "coroutine", "ReferenceType"] {
            if let accepted = types.others[name], type.isSubtype(of: accepted) { return true }
        }
        if let array = types.othersByName("array.array"), type.isSubtype(of: array) { return true }
        // Native classes of modules whose CPython instances have a weakref list.
        // (Their `name` is CPython's tp_name: dotted, as "re.Pattern", for most.)
        for ancestor in type.mro {
            if ThreadState.weakReferenceableNative.contains(ancestor.name) { return true }
            if let module = ancestor.moduleName, ThreadState.weakReferenceableNative.contains("\(module).\(ancestor.name)") {
                return true
            }
        }
        // The thread and queue types have a weak-reference slot in CPython.
        for name in ["_thread.lock", "_thread.RLock", "_thread._local", "_queue.SimpleQueue"] {
            if let accepted = types.others[name], type.isSubtype(of: accepted) { return true }
        }
        return false
    }

    static let weakReferenceableNative: Set<String> = [
        "re.Pattern", "functools.partial", "functools._lru_cache_wrapper", "collections.deque",
    ]
}
