// Attribute caches: LOAD_ATTR, LOAD_METHOD and STORE_ATTR without walking
// the MRO.
//
// `obj.name` on an ordinary object looks `name` up along the MRO of the
// object's type (one hash probe per class, all of them misses for an
// instance attribute), then in the instance dict. The answer of the MRO walk
// depends only on the type and can change only when an attribute of the
// type or a base changes, which resets the type's version tag
// (`PyType.versionTag`). So each code object keeps, per name, the last
// type's tag, what that type's MRO has under the name, and the entry number
// where the last instance dict had it: a hit costs a tag comparison and, for
// an instance attribute, one key comparison at the remembered entry.
//
// CPython 3.11 specialises the instructions themselves (LOAD_ATTR_INSTANCE_VALUE,
// LOAD_METHOD_WITH_VALUES, STORE_ATTR_INSTANCE_VALUE, ...) with a cache per
// instruction. Garter keys its caches per name of a code object, as its
// LOAD_GLOBAL cache is: a function uses a name on one type almost always,
// and the code stays unchanged (`dis` and `co_code` read it as compiled).

/// What a code object remembers about one attribute name.
struct AttributeCacheEntry {
    /// The version tag of the type this entry describes; 0 = empty (no
    /// type has tag 0, and `PyType.unassignedVersionTag` is never stored).
    var typeTag: UInt64 = 0
    var kind = AttributeCacheKind.absent
    /// The type's attribute under the name (borrowed: the type's dict holds
    /// it for as long as the tag matches). `.none` when `kind` is `.absent`.
    var attribute: Value = .none
    /// The entry number of the name in the last instance dict that had it.
    var dictHint = 0
    /// Whether the type's instances set attributes by `object.__setattr__`'s rules.
    var setsGenerically = false
}

/// What the MRO of the cached type has under the name.
enum AttributeCacheKind: UInt8 {
    /// Nothing: the attribute can only come from the instance dict.
    case absent
    /// A plain function or a built-in method descriptor: instance dict first,
    /// then the function, which LOAD_METHOD can call without binding.
    case method
    /// Anything else: a data descriptor (property, slot, ...) first, else the
    /// instance dict, then the attribute (through its `__get__`, if any).
    /// The attribute's own type decides which, each time.
    case other
    /// The object is a module: its dict, then the rest as `.absent`.
    case moduleDict
    /// The type's instances look attributes up their own way (or a module's
    /// type has the name): always the slow path, remembered so that the
    /// type is not examined again on every access.
    case uncacheable
}

extension ThreadState {
    // MARK: LOAD_ATTR

    /// `owner.names[nameIndex]` (a new reference), through the code's cache.
    @inline(__always)
    func loadAttribute(_ owner: Value, _ code: LoadedCode, _ nameIndex: Int) throws(EvalError) -> Value {
        let entry = code.attributeCache.baseAddress.unsafelyUnwrapped + nameIndex
        if case .object(let reference) = owner {
            // Borrowed for the instruction: no Swift retain of the object or its type.
            unowned(unsafe) let object = reference.unmanaged.takeUnretainedValue()
            if entry.pointee.typeTag == object.typeVersionTag,
               let value = try cachedAttribute(object, owner, entry, code.names[nameIndex]) {
                return value
            }
        }
        return try loadAttributeSlowly(owner, code, nameIndex)
    }

    /// The cached way to `name` on `object` (whose type's tag matched the
    /// entry), or nil to take the slow path (which also raises
    /// AttributeError and calls `__getattr__`).
    @inline(__always)
    private func cachedAttribute(_ object: PyObject, _ owner: Value, _ entry: UnsafeMutablePointer<AttributeCacheEntry>,
                                 _ name: Value) throws(EvalError) -> Value? {
        switch entry.pointee.kind {
        case .uncacheable:
            return nil
        case .absent:
            guard let value = instanceDictValue(object, name, entry) else { return nil }
            value.retain()
            return value
        case .moduleDict:
            unowned(unsafe) let module = unsafeDowncast(object, to: PyModule.self)
            guard let value = dictValue(module.dict, name, entry) else { return nil }
            value.retain()
            return value
        case .method, .other:
            let attribute = entry.pointee.attribute
            guard case .object(let attributeReference) = attribute else {
                // An int, float, bool or None class attribute: no descriptor.
                if let value = instanceDictValue(object, name, entry) {
                    value.retain()
                    return value
                }
                return attribute
            }
            unowned(unsafe) let attributeType = attributeReference.unmanaged.takeUnretainedValue().ownType
            if attributeType.slots.descriptorSet == nil, let value = instanceDictValue(object, name, entry) {
                value.retain()
                return value
            }
            if let getter = attributeType.slots.descriptorGet {
                return try getter(self, attribute, owner, .object(ObjectRef(.fromOpaque(object.typePointer))))
            }
            attribute.retain()
            return attribute
        }
    }

    /// `name` in the instance dict of `object` (borrowed), trying the
    /// entry's hint first and updating it.
    @inline(__always)
    private func instanceDictValue(_ object: PyObject, _ name: Value,
                                   _ entry: UnsafeMutablePointer<AttributeCacheEntry>) -> Value? {
        guard let dict = object.instanceDictReference else { return nil }
        return dict._withUnsafeGuaranteedRef { dictValue($0, name, entry) }
    }

    @inline(__always)
    private func dictValue(_ dict: PyDict, _ name: Value, _ entry: UnsafeMutablePointer<AttributeCacheEntry>) -> Value? {
        guard let number = dict.entryIndex(string: name, hint: entry.pointee.dictHint) else { return nil }
        entry.pointee.dictHint = number
        return dict.value(atEntry: number)
    }

    @inline(never)
    func loadAttributeSlowly(_ owner: Value, _ code: LoadedCode, _ nameIndex: Int) throws(EvalError) -> Value {
        let name = code.names[nameIndex].unsafeStrObject
        let entry = code.attributeCache.baseAddress.unsafelyUnwrapped + nameIndex
        let type = typeOf(owner)
        // A matching entry was already tried by the fast path (a miss, or an
        // uncacheable type): only a stale one is worth describing again.
        if entry.pointee.typeTag != type.versionTag, fillAttributeCache(entry, type, name), case .object(let reference) = owner {
            unowned(unsafe) let object = reference.unmanaged.takeUnretainedValue()
            if let value = try cachedAttribute(object, owner, entry, code.names[nameIndex]) { return value }
        }
        return try getAttribute(owner, name)
    }

    /// Describes `type`'s `name` in `entry`; false (entry left empty) when
    /// the type's instances do not get attributes the generic way.
    private func fillAttributeCache(_ entry: UnsafeMutablePointer<AttributeCacheEntry>, _ type: PyType, _ name: PyStr) -> Bool {
        entry.pointee.typeTag = 0
        let isModule = type === interpreter.types.module
        guard isModule || getsAttributesGenerically(type) else { return markUncacheable(entry, type) }
        let attribute = type.lookup(name)
        if isModule {
            // Only the module dict is cached; anything the type has (`__dict__`,
            // `__class__`, ...) goes the slow way.
            guard attribute == nil else { return markUncacheable(entry, type) }
            entry.pointee.kind = .moduleDict
        } else if let attribute {
            let attributeType = typeOf(attribute)
            let isMethod = attributeType === interpreter.types.function || attributeType === interpreter.types.methodDescriptor
            entry.pointee.kind = isMethod ? .method : .other
        } else {
            entry.pointee.kind = .absent
        }
        entry.pointee.attribute = attribute ?? .none
        entry.pointee.setsGenerically = !isModule && setsAttributesGenerically(type)
        entry.pointee.typeTag = type.assignedVersionTag
        return true
    }

    private func markUncacheable(_ entry: UnsafeMutablePointer<AttributeCacheEntry>, _ type: PyType) -> Bool {
        entry.pointee.kind = .uncacheable
        entry.pointee.attribute = .none
        entry.pointee.setsGenerically = false
        entry.pointee.typeTag = type.assignedVersionTag
        return false
    }

    /// Whether `type`'s instances get attributes by `object.__getattribute__`'s
    /// rules: no class in the MRO defines `__getattribute__` or `__getattr__`,
    /// and no built-in one has its own way (`type`, `module`, `super`, proxies).
    private func getsAttributesGenerically(_ type: PyType) -> Bool {
        let object = interpreter.types.object
        for ancestor in type.mro {
            if ancestor.isHeapType {
                if ancestor.flags.contains(.customAttributes) { return false }
            } else if ancestor !== object && ancestor.ownSlots.getAttribute != nil {
                return false
            }
        }
        return true
    }

    /// The same for `object.__setattr__`/`__delattr__`.
    private func setsAttributesGenerically(_ type: PyType) -> Bool {
        let object = interpreter.types.object
        for ancestor in type.mro {
            if ancestor.isHeapType {
                if ancestor.dict.lookup(string: interpreter.names.__setattr__) != nil
                    || ancestor.dict.lookup(string: interpreter.names.__delattr__) != nil { return false }
            } else if ancestor !== object && ancestor.ownSlots.setAttribute != nil {
                return false
            }
        }
        return true
    }

    // MARK: LOAD_METHOD

    /// LOAD_METHOD's lookup: the function to call with `owner` as its first
    /// argument (a new reference), or nil when `owner.name` must be fetched
    /// (and bound) by LOAD_ATTR's rules.
    @inline(__always)
    func loadMethod(_ owner: Value, _ code: LoadedCode, _ nameIndex: Int) -> Value? {
        guard case .object(let reference) = owner else { return nil }
        unowned(unsafe) let object = reference.unmanaged.takeUnretainedValue()
        let entry = code.attributeCache.baseAddress.unsafelyUnwrapped + nameIndex
        if entry.pointee.typeTag != object.typeVersionTag {
            guard fillAttributeCache(entry, object.ownType, code.names[nameIndex].unsafeStrObject) else { return nil }
        }
        guard entry.pointee.kind == .method,
              instanceDictValue(object, code.names[nameIndex], entry) == nil else { return nil }
        let function = entry.pointee.attribute
        function.retain()
        return function
    }

    // MARK: STORE_ATTR

    /// `owner.names[nameIndex] = value` (both borrowed), through the code's cache.
    @inline(__always)
    func storeAttribute(_ owner: Value, _ code: LoadedCode, _ nameIndex: Int, _ value: Value) throws(EvalError) {
        let entry = code.attributeCache.baseAddress.unsafelyUnwrapped + nameIndex
        if case .object(let reference) = owner {
            unowned(unsafe) let object = reference.unmanaged.takeUnretainedValue()
            if entry.pointee.typeTag == object.typeVersionTag, entry.pointee.setsGenerically,
               try storeCached(object, owner, entry, code.names[nameIndex], value) {
                return
            }
        }
        try storeAttributeSlowly(owner, code, nameIndex, value)
    }

    /// STORE_ATTR's cached way: a data descriptor's `__set__`, or replacing
    /// the value in the instance dict; false when the name is new there.
    @inline(__always)
    private func storeCached(_ object: PyObject, _ owner: Value, _ entry: UnsafeMutablePointer<AttributeCacheEntry>,
                             _ name: Value, _ value: Value) throws(EvalError) -> Bool {
        if entry.pointee.kind == .other, case .object(let attributeReference) = entry.pointee.attribute {
            unowned(unsafe) let attributeType = attributeReference.unmanaged.takeUnretainedValue().ownType
            if let setter = attributeType.slots.descriptorSet {
                try setter(self, entry.pointee.attribute, owner, value)
                return true
            }
        }
        guard let dictReference = object.instanceDictReference else { return false }
        unowned(unsafe) let dict = dictReference.takeUnretainedValue()
        guard let number = dict.entryIndex(string: name, hint: entry.pointee.dictHint) else { return false }
        entry.pointee.dictHint = number
        dict.replaceValue(atEntry: number, with: value.retained()).release()
        return true
    }

    @inline(never)
    func storeAttributeSlowly(_ owner: Value, _ code: LoadedCode, _ nameIndex: Int, _ value: Value) throws(EvalError) {
        let name = code.names[nameIndex].unsafeStrObject
        let entry = code.attributeCache.baseAddress.unsafelyUnwrapped + nameIndex
        let type = typeOf(owner)
        // A new attribute (`self.x = x` in `__init__`) misses the fast path
        // every time: the entry is only described again when it is stale.
        if entry.pointee.typeTag != type.versionTag { _ = fillAttributeCache(entry, type, name) }
        try setAttribute(owner, name, value)
    }
}

extension PyObject {
    /// This object's type (borrowed; the object holds a reference to it).
    @inline(__always)
    var ownType: PyType { Unmanaged<PyType>.fromOpaque(typePointer).takeUnretainedValue() }

    /// The version tag of this object's type, read without retaining the type.
    @inline(__always)
    var typeVersionTag: UInt64 { Unmanaged<PyType>.fromOpaque(typePointer)._withUnsafeGuaranteedRef { $0.versionTag } }
}
