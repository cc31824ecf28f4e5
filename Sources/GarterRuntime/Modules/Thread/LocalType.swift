// `_thread._local` (`threading.local`): attributes that each thread sees
// separately. Each thread's attributes live in a dict of their own, made
// the first time the thread touches the object (calling a subclass's
// `__init__` with the original arguments, as CPython does) and dropped when
// the thread ends (`ThreadRegistry.threadEnded`).

/// A `_thread._local` object (or an instance of a subclass).
public final class PyThreadLocal: PyObject {
    /// One attribute dict per thread that used the object (owned).
    var dicts: [ObjectIdentifier: PyDict] = [:]
    /// The arguments of the constructor call, for subclasses' `__init__` in
    /// each new thread (owned).
    let initArguments: Value
    let initKeywords: Value?
    unowned let registry: ThreadRegistry

    init(type: PyType, arguments: Value, keywords: Value?, registry: ThreadRegistry) {
        initArguments = arguments
        initKeywords = keywords
        self.registry = registry
        super.init(type: type)
    }

    override public func releaseContents() {
        registry.threadLocals[ObjectIdentifier(self)] = nil
        instanceDictReference = nil
        let owned = dicts
        dicts = [:]
        for dict in owned.values { dict.decref() }
        initArguments.release()
        initKeywords?.release()
    }

    /// The per-thread dicts (and the constructor's arguments) can hold the
    /// object itself (`local.x = x` where `x.local is local`): the collector
    /// must see them. `instanceDictReference` only borrows one of `dicts`,
    /// so the base class's traversal (which visits it) is not used.
    override public func traverse(_ visit: (Value) -> Void) {
        withType { type in if type.isHeapType { visit(type.value) } }
        for dict in dicts.values { visit(.object(ObjectRef(Unmanaged.passUnretained(dict)))) }
        visit(initArguments)
        if let initKeywords { visit(initKeywords) }
    }

    /// CPython's local_clear: the dicts go. Not the base class's, which
    /// would release the borrowed `instanceDictReference`.
    override public func clearReferences() {
        instanceDictReference = nil
        let owned = dicts
        dicts = [:]
        for dict in owned.values { dict.decref() }
    }

    /// A thread ended: its dict goes.
    func forget(_ thread: ThreadState) {
        guard let dict = dicts.removeValue(forKey: ObjectIdentifier(thread)) else { return }
        if instanceDictReference?.toOpaque() == Unmanaged.passUnretained(dict).toOpaque() { instanceDictReference = nil }
        dict.decref()
    }
}

extension ThreadState {
    /// This thread's dict of `local`, made (and `__init__` run) on first use,
    /// and installed as the object's instance dict for the lookup that follows.
    func threadLocalDict(_ value: Value) throws(EvalError) -> PyDict {
        let local = value.as(PyThreadLocal.self)!
        let key = ObjectIdentifier(self)
        if let dict = local.dicts[key] {
            local.instanceDictReference = Unmanaged.passUnretained(dict)
            return dict
        }
        let dict = interpreter.newDict()
        local.dicts[key] = dict
        local.instanceDictReference = Unmanaged.passUnretained(dict)
        if hasOwnInitializer(typeOf(value)) {
            let bound = try getAttribute(value, interpreter.names.__init__)
            defer { bound.release() }
            try callUnpacking(bound, local.initArguments, local.initKeywords).release()
            local.instanceDictReference = Unmanaged.passUnretained(dict)
        }
        return dict
    }

    /// Whether a subclass of `_thread._local` defines `__init__` (the base
    /// type's and `object`'s do nothing).
    func hasOwnInitializer(_ type: PyType) -> Bool {
        let name = interpreter.names.__init__
        guard let initializer = type.lookup(name) else { return false }
        for base in [interpreter.threadLocalType, interpreter.types.object] {
            if let inherited = base.dict.lookup(string: name), initializer.isIdentical(to: inherited) { return false }
        }
        return true
    }

    func threadLocalTypeName(_ value: Value) -> String {
        let type = typeOf(value)
        return type.isHeapType ? type.name : "_thread._local"
    }
}

extension Interpreter {
    /// `_thread._local`, made and filled on first use.
    var threadLocalType: PyType {
        if let made = types.others["_thread._local"] { return made }
        let type = types.other("_thread._local", flags: [.baseType, .hasInstanceDict])
        type.tracksInstances()
        type.name = "_local"
        type.qualifiedName = "_local"
        type.setAttribute("__module__", intern("_thread"), self)
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            let interpreter = thread.interpreter
            if arguments.totalCount > 0, !thread.hasOwnInitializer(type) {
                throw .typeError("Initialization arguments are not supported")
            }
            var positional: [Value] = []
            for index in 0..<arguments.positionalCount {
                arguments[index].retain()
                positional.append(arguments[index])
            }
            var keywords: Value?
            if arguments.hasKeywords {
                let dict = interpreter.newDict()
                keywords = .object(ObjectRef(Unmanaged.passUnretained(dict)))
                for index in 0..<arguments.keywordCount {
                    arguments.keywordValue(index).retain()
                    interpreter.setItem(dict, arguments.keywordName(index), arguments.keywordValue(index))
                }
            }
            let local = PyThreadLocal(type: type, arguments: interpreter.newTuple(positional), keywords: keywords,
                                      registry: interpreter.threadRegistry)
            let reference = ObjectRef.allocate(local)
            interpreter.threadRegistry.threadLocals[ObjectIdentifier(local)] = Unmanaged.passUnretained(local)
            // The creating thread's dict exists at once; `__init__` runs
            // through the ordinary call of the type.
            let dict = interpreter.newDict()
            local.dicts[ObjectIdentifier(thread)] = dict
            local.instanceDictReference = Unmanaged.passUnretained(dict)
            return .object(reference)
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.getAttribute = { thread, value, name throws(EvalError) in
            let dict = try thread.threadLocalDict(value)
            if name.equals("__dict__") {
                dict.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(dict)))
            }
            if let found = try thread.genericGetAttribute(value, name) { return found }
            throw .attributeError("'\(thread.threadLocalTypeName(value))' object has no attribute '\(name.string)'")
        }
        slots.setAttribute = { thread, value, name, newValue throws(EvalError) in
            if name.equals("__dict__") {
                throw .attributeError("'\(thread.threadLocalTypeName(value))' object attribute '__dict__' is read-only")
            }
            _ = try thread.threadLocalDict(value)
            do throws(EvalError) {
                try thread.genericSetAttribute(value, name, newValue)
            } catch {
                if case .attributeError = error, newValue == nil {
                    throw .attributeError("'\(thread.threadLocalTypeName(value))' object has no attribute '\(name.string)'")
                }
                throw error
            }
        }
        type.installSlots(slots, self)
        type.inheritBuiltinSlots()
        return type
    }
}
