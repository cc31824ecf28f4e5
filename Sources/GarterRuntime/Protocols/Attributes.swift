// Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, with
// descriptors, instance dicts and `__getattr__`, as CPython's
// PyObject_GenericGetAttr and type_getattro do it.

extension ThreadState {
    /// The type of `value` (borrowed).
    @inlinable
    public func typeOf(_ value: Value) -> PyType { interpreter.types.type(of: value) }

    /// `getattr(object, name)`: a new reference, or AttributeError.
    /// An AttributeError raised while looking (by `__getattr__`, a
    /// descriptor, a forwarding type) propagates with its own message.
    public func getAttribute(_ object: Value, _ name: PyStr) throws(EvalError) -> Value {
        let type = typeOf(object)
        let found = if let slot = type.slots.getAttribute { try slot(self, object, name) }
                    else { try genericGetAttribute(object, name) }
        if let found { return found }
        throw attributeError(object, name)
    }

    public func getAttribute(_ object: Value, _ name: String) throws(EvalError) -> Value {
        try getAttribute(object, interpreter.internedString(name))
    }

    /// The attribute, or nil where Python would raise AttributeError (as
    /// `getattr` with a default and `hasattr` need).
    public func lookupAttribute(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        let type = typeOf(object)
        do throws(EvalError) {
            if let slot = type.slots.getAttribute { return try slot(self, object, name) }
            return try genericGetAttribute(object, name)
        } catch {
            if isAttributeError(error) { return nil }
            throw error
        }
    }

    /// Whether `error` is an AttributeError (or a subclass).
    func isAttributeError(_ error: EvalError) -> Bool {
        switch error {
        case .attributeError: return true
        case .pythonException(let name, _): return name == "AttributeError"
        case .exception(let reference):
            guard let attributeError = interpreter.types.exceptions["AttributeError"] else { return false }
            return reference.with { $0.withType { $0.isSubtype(of: attributeError) } }
        default: return false
        }
    }

    /// `object.__getattribute__(name)` for ordinary objects: data
    /// descriptors of the type, then the instance dict, then other
    /// attributes of the type. Nil when not found.
    public func genericGetAttribute(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        let type = typeOf(object)
        let attribute = type.lookup(name)
        var getter: TypeSlots.DescriptorGet?
        if let attribute {
            let attributeType = typeOf(attribute)
            getter = attributeType.slots.descriptorGet
            if let getter, attributeType.slots.descriptorSet != nil {
                return try getter(self, attribute, object, type.value)
            }
        }
        if case .object(let reference) = object, let dict = reference.with({ $0.instanceDictReference }) {
            if let value = dict._withUnsafeGuaranteedRef({ $0.lookup(string: name) }) {
                value.retain()
                return value
            }
        }
        if let attribute {
            if let getter { return try getter(self, attribute, object, type.value) }
            attribute.retain()
            return attribute
        }
        return nil
    }

    /// `__getattribute__` of the first built-in class in the MRO of
    /// `object`'s type (`type.__getattribute__` for classes whose metaclass
    /// defines only `__getattr__`), nil when not found.
    func builtinGetAttribute(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        for ancestor in typeOf(object).mro where !ancestor.isHeapType {
            if let slot = ancestor.slots.getAttribute { return try slot(self, object, name) }
            break
        }
        return try genericGetAttribute(object, name)
    }

    /// The instance dict of `object`, made on first use when its type has one.
    func instanceDict(of object: Value) -> PyDict? {
        guard case .object(let reference) = object else { return nil }
        return reference.with { instance -> PyDict? in
            // Without a `__dict__` a dict that is there is private storage
            // (hidden struct-sequence fields, the __slots__ of subclasses of
            // built-in types: Builtins/SlotStorage.swift), not for new attributes.
            guard instance.withType({ $0.flags.contains(.hasInstanceDict) }) else { return nil }
            if let dict = instance.instanceDictReference { return dict.takeUnretainedValue() }
            let dict = interpreter.newDict()
            instance.instanceDictReference = Unmanaged.passUnretained(dict)
            return dict
        }
    }

    /// `setattr(object, name, value)`, or `delattr` when value is nil.
    public func setAttribute(_ object: Value, _ name: PyStr, _ value: Value?) throws(EvalError) {
        let type = typeOf(object)
        if let slot = type.slots.setAttribute {
            try slot(self, object, name, value)
            return
        }
        try genericSetAttribute(object, name, value)
    }

    /// `object.__setattr__`: a data descriptor of the type, else the instance dict.
    public func genericSetAttribute(_ object: Value, _ name: PyStr, _ value: Value?) throws(EvalError) {
        let type = typeOf(object)
        if let attribute = type.lookup(name), let setter = typeOf(attribute).slots.descriptorSet {
            try setter(self, attribute, object, value)
            return
        }
        guard let dict = instanceDict(of: object) else {
            if type.lookup(name) != nil {
                throw .attributeError("'\(type.name)' object attribute '\(name.string)' is read-only")
            }
            throw .attributeError("'\(type.name)' object has no attribute '\(name.string)'")
        }
        let key = Value.object(ObjectRef(Unmanaged.passUnretained(name)))
        if let value {
            key.retain()
            value.retain()
            try dict.set(key, hash: name.hashValue, value, equalFunction)
        } else {
            guard let old = try dict.remove(key, hash: name.hashValue, equalFunction) else {
                throw .attributeError("'\(type.name)' object has no attribute '\(name.string)'")
            }
            old.release()
        }
    }

    /// AttributeError with CPython's message for `object.name`.
    func attributeError(_ object: Value, _ name: PyStr) -> EvalError {
        let type = typeOf(object)
        if type === interpreter.types.module, case .object(let reference) = object,
           let module = reference.with({ $0 as? PyModule }) {
            return .attributeError("module '\(module.name)' has no attribute '\(name.string)'")
        }
        if case .object(let reference) = object, let asType = reference.with({ $0 as? PyType }) {
            return .attributeError("type object '\(asType.name)' has no attribute '\(name.string)'")
        }
        return .attributeError("'\(type.name)' object has no attribute '\(name.string)'")
    }

    /// The equality the runtime uses for dict keys (identity, then `==`).
    var equalFunction: (Value, Value) throws(EvalError) -> Bool {
        { a, b throws(EvalError) in try self.equal(a, b) }
    }
}

// MARK: Attribute slots of particular types

extension ThreadState {
    /// `type.__getattribute__`: the metatype's data descriptors, then the
    /// type's own attributes along its MRO (bound with no instance), then
    /// the metatype's other attributes.
    func typeGetAttribute(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        guard case .object(let reference) = object, let type = reference.with({ $0 as? PyType }) else {
            return try genericGetAttribute(object, name)
        }
        let metatype = typeOf(object)
        let metaAttribute = metatype.lookup(name)
        var metaGetter: TypeSlots.DescriptorGet?
        if let metaAttribute {
            let slots = typeOf(metaAttribute).slots
            metaGetter = slots.descriptorGet
            if let metaGetter, slots.descriptorSet != nil {
                return try metaGetter(self, metaAttribute, object, metatype.value)
            }
        }
        if let attribute = type.lookup(name) {
            if let getter = typeOf(attribute).slots.descriptorGet {
                return try getter(self, attribute, nil, object)
            }
            attribute.retain()
            return attribute
        }
        if let metaAttribute {
            if let metaGetter { return try metaGetter(self, metaAttribute, object, metatype.value) }
            metaAttribute.retain()
            return metaAttribute
        }
        return nil
    }

    /// `type.__setattr__`: built-in types are immutable.
    func typeSetAttribute(_ object: Value, _ name: PyStr, _ value: Value?) throws(EvalError) {
        guard case .object(let reference) = object, let type = reference.with({ $0 as? PyType }) else {
            return try genericSetAttribute(object, name, value)
        }
        guard type.isHeapType else {
            throw .typeError("cannot set '\(name.string)' attribute of immutable type '\(type.name)'")
        }
        let metatype = typeOf(object)
        if let attribute = metatype.lookup(name), let setter = typeOf(attribute).slots.descriptorSet {
            try setter(self, attribute, object, value)
            return
        }
        let key = Value.object(ObjectRef(Unmanaged.passUnretained(name)))
        if let value {
            key.retain()
            value.retain()
            try type.dict.set(key, hash: name.hashValue, value, equalFunction)
        } else {
            guard let old = try type.dict.remove(key, hash: name.hashValue, equalFunction) else {
                throw .attributeError("type object '\(type.name)' has no attribute '\(name.string)'")
            }
            old.release()
        }
        type.attributeChanged(name.string, interpreter: interpreter)
    }

    /// `module.__getattribute__`: the module dict, then its `__getattr__`.
    func moduleGetAttribute(_ object: Value, _ name: PyStr) throws(EvalError) -> Value? {
        guard case .object(let reference) = object, let module = reference.with({ $0 as? PyModule }) else {
            return try genericGetAttribute(object, name)
        }
        // The module's dict plays the instance dict: after the type's data
        // descriptors (`__dict__`), before its plain attributes (`object.__doc__`).
        let type = typeOf(object)
        if let attribute = type.lookup(name) {
            let slots = typeOf(attribute).slots
            if let getter = slots.descriptorGet, slots.descriptorSet != nil {
                return try getter(self, attribute, object, type.value)
            }
        }
        if let value = module.dict.lookup(string: name) {
            value.retain()
            return value
        }
        if let value = try genericGetAttribute(object, name) { return value }
        if let hook = module.dict.lookup(string: interpreter.names.__getattr__) {
            let nameValue = Value.object(ObjectRef(Unmanaged.passUnretained(name)))
            return try call(hook, [nameValue])
        }
        return nil
    }

    func moduleSetAttribute(_ object: Value, _ name: PyStr, _ value: Value?) throws(EvalError) {
        guard case .object(let reference) = object, let module = reference.with({ $0 as? PyModule }) else { return }
        let key = Value.object(ObjectRef(Unmanaged.passUnretained(name)))
        if let value {
            key.retain()
            value.retain()
            try module.dict.set(key, hash: name.hashValue, value, equalFunction)
        } else {
            guard let old = try module.dict.remove(key, hash: name.hashValue, equalFunction) else {
                throw .attributeError("module '\(module.name)' has no attribute '\(name.string)'")
            }
            old.release()
        }
    }
}
