// `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`:
// how `copy` and `pickle` take apart an object that defines nothing of its
// own (CPython's typeobject.c: reduce_newobj for protocol 2 and above,
// `copyreg._reduce_ex` below).

extension Interpreter {
    func installObjectReduce(_ object: PyType) {
        object.define("__reduce_ex__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__reduce_ex__", 1...1)
            let protocolNumber = try thread.indexInt(arguments[0])
            // A class that overrides `__reduce__` is asked for it.
            let reduceName = thread.interpreter.internedString("__reduce__")
            if let override = thread.typeOf(receiver).lookup(reduceName),
               override.as(PyMethodDescriptor.self)?.owner !== thread.interpreter.types.object {
                return try thread.callMethod(receiver, reduceName, [])
            }
            return try thread.commonReduce(receiver, protocolNumber)
        }
        object.define("__reduce__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__reduce__", 0...0)
            return try thread.commonReduce(receiver, 0)
        }
        object.define("__getstate__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__getstate__", 0...0)
            return try thread.defaultState(receiver, required: false)
        }
    }
}

extension ThreadState {
    func commonReduce(_ object: Value, _ protocolNumber: Int) throws(EvalError) -> Value {
        if protocolNumber >= 2 { return try reduceNewObject(object) }
        let copyreg = try importModule("copyreg", globals: nil, fromList: .none, level: 0)
        defer { copyreg.release() }
        return try callMethod(copyreg, interpreter.internedString("_reduce_ex"), [object, .int(protocolNumber)])
    }

    /// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
    private func reduceNewObject(_ object: Value) throws(EvalError) -> Value {
        let type = typeOf(object)
        if type.slots.new == nil { throw .typeError("cannot pickle '\(type.isHeapType ? type.name : type.displayName)' object") }
        var arguments: Value? = nil
        var keywords: Value? = nil
        defer { arguments?.release(); keywords?.release() }
        if let getNewArgumentsEx = try lookupAttribute(object, interpreter.internedString("__getnewargs_ex__")) {
            defer { getNewArgumentsEx.release() }
            let result = try call(getNewArgumentsEx, [])
            defer { result.release() }
            guard let pair = result.as(PyTuple.self) else {
                throw .typeError("__getnewargs_ex__ should return a tuple, not '\(typeOf(result).name)'")
            }
            guard pair.count == 2 else { throw .valueError("__getnewargs_ex__ should return a tuple of length 2, not \(pair.count)") }
            guard pair.items[0].as(PyTuple.self) != nil else {
                throw .typeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '\(typeOf(pair.items[0]).name)'")
            }
            guard pair.items[1].as(PyDict.self) != nil else {
                throw .typeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '\(typeOf(pair.items[1]).name)'")
            }
            arguments = pair.items[0].retained()
            keywords = pair.items[1].retained()
        } else if let getNewArguments = try lookupAttribute(object, interpreter.internedString("__getnewargs__")) {
            defer { getNewArguments.release() }
            let result = try call(getNewArguments, [])
            guard result.as(PyTuple.self) != nil else {
                result.release()
                throw .typeError("__getnewargs__ should return a tuple, not '\(typeOf(result).name)'")
            }
            arguments = result
        }
        let hasArguments = arguments != nil
        let isList = type.isSubtype(of: interpreter.types.list)
        let isDict = type.isSubtype(of: interpreter.types.dict)
        let copyreg = try importModule("copyreg", globals: nil, fromList: .none, level: 0)
        defer { copyreg.release() }
        let newObject: Value
        let newArguments: Value
        let positional = arguments?.as(PyTuple.self)?.items ?? []
        if let keywords, keywords.as(PyDict.self)!.count > 0 {
            newObject = try getAttribute(copyreg, interpreter.internedString("__newobj_ex__"))
            type.incref()
            newArguments = interpreter.newTuple([type.value, (arguments ?? interpreter.newTuple([])).retained(),
                                                 keywords.retained()])
        } else {
            newObject = try getAttribute(copyreg, interpreter.internedString("__newobj__"))
            type.incref()
            newArguments = interpreter.newTuple([type.value] + positional.map { $0.retained() })
        }
        let state: Value
        do throws(EvalError) {
            state = try objectState(object, required: !hasArguments && !isList && !isDict)
        } catch {
            newObject.release()
            newArguments.release()
            throw error
        }
        let listItems = isList ? try iterate(object) : Value.none
        var dictItems = Value.none
        if isDict {
            let items = try callMethod(object, interpreter.internedString("items"), [])
            defer { items.release() }
            dictItems = try iterate(items)
        }
        return interpreter.newTuple([newObject, newArguments, state, listItems, dictItems])
    }

    /// `obj.__getstate__()`, or the default state when it is object's own.
    private func objectState(_ object: Value, required: Bool) throws(EvalError) -> Value {
        let name = interpreter.internedString("__getstate__")
        if let method = typeOf(object).lookup(name),
           method.as(PyMethodDescriptor.self)?.owner !== interpreter.types.object {
            return try callMethod(object, name, [])
        }
        return try defaultState(object, required: required)
    }

    /// CPython's object_getstate_default: the instance dict (None when
    /// empty) and, with `__slots__`, `(dict, {slot: value})`.
    func defaultState(_ object: Value, required: Bool) throws(EvalError) -> Value {
        let type = typeOf(object)
        if required && !(object.as(PyInstance.self) != nil || type === interpreter.types.object) {
            // Built-in layouts carry state this cannot see (CPython's basicsize check).
            throw .typeError("cannot pickle '\(type.isHeapType ? type.name : type.displayName)' object")
        }
        var state = Value.none
        if let dict = instanceDict(of: object), dict.count > 0 {
            dict.incref()
            state = .object(ObjectRef(Unmanaged.passUnretained(dict)))
        }
        var slotNames: [String] = []
        for ancestor in type.mro { slotNames += ancestor.slotNames }
        if !slotNames.isEmpty {
            let slots = interpreter.newDict()
            for slotName in slotNames {
                if let value = try lookupAttribute(object, interpreter.internedString(slotName)) {
                    interpreter.setItem(slots, slotName, value)
                }
            }
            if slots.count > 0 {
                return interpreter.newTuple([state, .object(ObjectRef(Unmanaged.passUnretained(slots)))])
            }
            Value.object(ObjectRef(Unmanaged.passUnretained(slots))).release()
        }
        return state
    }
}
