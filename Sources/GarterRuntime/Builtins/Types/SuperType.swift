/// `super(type, obj)`: attribute lookup along `obj`'s MRO after `type`.
/// `super(type)` alone is unbound (no object): a descriptor whose `__get__`
/// binds it to the instance it is read from.
public final class PySuper: PyObject {
    /// The class after which the search starts.
    let start: PyType
    /// The object (or class) the attributes are bound to (owned); nil when unbound.
    let object: Value?
    /// The class whose MRO is searched; nil when unbound.
    let objectType: PyType?

    init(start: PyType, object: Value?, objectType: PyType?, type: PyType) {
        self.start = start
        self.object = object
        self.objectType = objectType
        super.init(type: type)
        start.incref()
        object?.retain()
        objectType?.incref()
    }

    override public func releaseContents() {
        start.decref()
        object?.release()
        objectType?.decref()
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(start.referenceValue)
        if let object { visit(object) }
        if let objectType { visit(objectType.referenceValue) }
    }
}

extension Interpreter {
    func installSuperType() {
        let superType = types.other("super", flags: [.baseType])
        var slots = TypeSlots()
        slots.new = { thread, type, arguments throws(EvalError) in
            try arguments.rejectKeywords("super")
            if arguments.positionalCount == 0 { return try thread.zeroArgumentSuper(type: type) }
            guard let start = arguments[0].as(PyType.self) else {
                throw .typeError("super() argument 1 must be a type, not \(thread.typeOf(arguments[0]).name)")
            }
            if arguments.positionalCount == 1 || arguments[1].isNone {
                return .object(ObjectRef.allocate(PySuper(start: start, object: nil, objectType: nil, type: type)))
            }
            return try thread.makeSuper(start: start, object: arguments[1], type: type)
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.getAttribute = { thread, value, name throws(EvalError) in
            let instance = value.as(PySuper.self)!
            if !name.equals("__class__"), let object = instance.object, let objectType = instance.objectType {
                let mro = objectType.mro
                if let position = mro.firstIndex(where: { $0 === instance.start }) {
                    for type in mro[(position + 1)...] {
                        guard let found = type.dict.lookup(string: name) else { continue }
                        if let getter = thread.typeOf(found).slots.descriptorGet {
                            let bindTo: Value? = object.isIdentical(to: objectType.value) ? nil : object
                            return try getter(thread, found, bindTo, objectType.value)
                        }
                        found.retain()
                        return found
                    }
                }
            }
            return try thread.genericGetAttribute(value, name)
        }
        slots.repr = { thread, value throws(EvalError) in
            let instance = value.as(PySuper.self)!
            guard let objectType = instance.objectType else {
                return thread.interpreter.newString("<super: <class '\(instance.start.name)'>, NULL>")
            }
            return thread.interpreter.newString("<super: <class '\(instance.start.name)'>, <\(objectType.name) object>>")
        }
        // An unbound super read from an instance binds to it; a bound one stays as it is.
        slots.descriptorGet = { thread, value, instance, _ throws(EvalError) in
            let unbound = value.as(PySuper.self)!
            guard let instance, !instance.isNone, unbound.object == nil else { return value.retained() }
            let ownType = thread.typeOf(value)
            if ownType !== thread.interpreter.types.other("super") {
                return try thread.call(ownType.value, [unbound.start.value, instance])
            }
            return try thread.makeSuper(start: unbound.start, object: instance)
        }
        superType.installSlots(slots, self)
        superType.defineAttribute("__self__", self, get: { _, value throws(EvalError) in
            value.as(PySuper.self)!.object?.retained() ?? .none
        })
        superType.defineAttribute("__thisclass__", self, get: { _, value throws(EvalError) in
            let start = value.as(PySuper.self)!.start
            start.incref()
            return start.value
        })
        superType.defineAttribute("__self_class__", self, get: { _, value throws(EvalError) in
            guard let type = value.as(PySuper.self)!.objectType else { return .none }
            type.incref()
            return type.value
        })
        setItem(builtins, "super", superType.value)
    }
}

extension ThreadState {
    func makeSuper(start: PyType, object: Value, type: PyType? = nil) throws(EvalError) -> Value {
        let objectType: PyType
        if let asType = object.as(PyType.self), asType.isSubtype(of: start) {
            objectType = asType
        } else if typeOf(object).isSubtype(of: start) {
            objectType = typeOf(object)
        } else {
            throw .typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return .object(ObjectRef.allocate(PySuper(start: start, object: object, objectType: objectType,
                                                  type: type ?? interpreter.types.other("super"))))
    }

    /// `super()` inside a method: the `__class__` cell and the first argument of the calling frame.
    func zeroArgumentSuper(type: PyType) throws(EvalError) -> Value {
        guard let frame = currentFrame else { throw .runtimeError("super(): no current frame") }
        let code = frame.pointee.code.takeUnretainedValue()
        guard code.code.argumentCount > 0 || code.flags.contains(.varArgs) else { throw .runtimeError("super(): no arguments") }
        let slots = frame.localsPlus
        var first = slots[0]
        if first == nil, let cellIndex = code.code.cellVariables.firstIndex(of: code.code.variableNames[0]) {
            first = slots[code.code.variableNames.count + cellIndex]?.as(PyCell.self)?.contents
        }
        guard let object = first else { throw .runtimeError("super(): arg[0] deleted") }
        guard let freeIndex = code.code.freeVariables.firstIndex(of: "__class__") else {
            throw .runtimeError("super(): __class__ cell not found")
        }
        let slot = code.code.variableNames.count + code.code.cellVariables.count + freeIndex
        guard let cell = slots[slot]?.as(PyCell.self), let classValue = cell.contents,
              let start = classValue.as(PyType.self) else {
            throw .runtimeError("super(): empty __class__ cell")
        }
        return try makeSuper(start: start, object: object, type: type)
    }
}
