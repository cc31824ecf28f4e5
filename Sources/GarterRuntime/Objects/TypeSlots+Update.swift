import GarterCompiler

// Classes defined in Python get their slots from their special methods:
// each slot whose method is found on a Python class along the MRO becomes
// a trampoline that looks the method up and calls it (CPython's
// slot_tp_* functions in typeobject.c); the others come from the nearest
// built-in base.

extension PyType {
    /// Recomputes the slots of a heap type after its creation or after one
    /// of its special methods changed.
    func updateSlots(interpreter: Interpreter) {
        guard isHeapType else { return }
        var updated = base?.slots ?? TypeSlots()
        let names = interpreter.names
        /// Whether `name` resolves to an attribute defined by a Python class.
        func defined(_ name: PyStr) -> Bool {
            for type in mro {
                if type.dict.lookup(string: name) != nil { return type.isHeapType }
            }
            return false
        }
        func definedText(_ name: String) -> Bool { defined(interpreter.internedString(name)) }

        if defined(names.__repr__) { updated.repr = SlotTrampolines.unary(names.__repr__) }
        if defined(names.__str__) { updated.str = SlotTrampolines.unary(names.__str__) }
        if defined(names.__hash__) {
            if let value = lookup(names.__hash__), value.isNone {
                updated.hash = { thread, value throws(EvalError) in
                    throw .typeError("unhashable type: '\(thread.typeOf(value).name)'")
                }
            } else {
                updated.hash = SlotTrampolines.hash
            }
        }
        if defined(names.__call__) { updated.call = SlotTrampolines.call }
        flags.remove(.customAttributes)
        if defined(names.__getattribute__) || defined(names.__getattr__) {
            flags.insert(.customAttributes)
            updated.getAttribute = SlotTrampolines.getAttribute(overridesGetAttribute: defined(names.__getattribute__))
        }
        if defined(names.__setattr__) || defined(names.__delattr__) { updated.setAttribute = SlotTrampolines.setAttribute }
        if [names.__eq__, names.__ne__, names.__lt__, names.__le__, names.__gt__, names.__ge__].contains(where: defined) {
            updated.richCompare = SlotTrampolines.richCompare
        }
        if defined(names.__iter__) { updated.iterate = SlotTrampolines.unary(names.__iter__) }
        if defined(names.__next__) { updated.next = SlotTrampolines.next }
        if defined(names.__get__) { updated.descriptorGet = SlotTrampolines.descriptorGet }
        if defined(names.__set__) || defined(names.__delete__) { updated.descriptorSet = SlotTrampolines.descriptorSet }
        if defined(names.__init__) { updated.initialize = SlotTrampolines.initialize }
        if defined(names.__new__) { updated.new = SlotTrampolines.new }
        if defined(names.__del__) {
            updated.finalize = { thread, value throws(EvalError) in
                _ = try thread.callSpecial(value, thread.interpreter.names.__del__, [])?.release()
            }
        }
        if defined(names.__len__) { updated.length = SlotTrampolines.length }
        if defined(names.__getitem__) { updated.getItem = SlotTrampolines.binary(names.__getitem__) }
        if defined(names.__setitem__) || defined(names.__delitem__) { updated.setItem = SlotTrampolines.setItem }
        if defined(names.__contains__) { updated.contains = SlotTrampolines.contains }
        if defined(names.__bool__) { updated.bool = SlotTrampolines.bool }
        if defined(names.__index__) { updated.index = SlotTrampolines.unary(names.__index__) }
        if defined(names.__int__) { updated.int = SlotTrampolines.unary(names.__int__) }
        if defined(names.__float__) { updated.float = SlotTrampolines.unary(names.__float__) }
        if defined(names.__neg__) { updated.negative = SlotTrampolines.unary(names.__neg__) }
        if defined(names.__pos__) { updated.positive = SlotTrampolines.unary(names.__pos__) }
        if defined(names.__invert__) { updated.invert = SlotTrampolines.unary(names.__invert__) }
        if defined(names.__abs__) { updated.absolute = SlotTrampolines.unary(names.__abs__) }
        for (index, name) in SpecialMethods.binaryNames.enumerated() {
            if definedText("__\(name)__") || definedText("__r\(name)__") {
                updated.binary[index] = SlotTrampolines.binary(index: index, interpreter: interpreter)
            }
            if definedText("__i\(name)__") {
                updated.inPlace[index] = SlotTrampolines.inPlace(interpreter.internedString("__i\(name)__"))
            }
        }
        slots = updated
        if defined(names.__del__) { flags.insert(.hasFinalizer) }
    }
}

/// The slot functions of classes defined in Python.
enum SlotTrampolines {
    static func unary(_ name: PyStr) -> TypeSlots.Unary {
        { thread, value throws(EvalError) in
            guard let result = try thread.callSpecial(value, name) else {
                throw thread.attributeError(value, name)
            }
            return result
        }
    }

    static func binary(_ name: PyStr) -> TypeSlots.Binary {
        { thread, value, argument throws(EvalError) in
            guard let result = try thread.callSpecial(value, name, argument) else {
                throw thread.attributeError(value, name)
            }
            return result
        }
    }

    static func inPlace(_ name: PyStr) -> TypeSlots.Binary {
        { thread, value, argument throws(EvalError) in
            try thread.callSpecial(value, name, argument) ?? thread.notImplemented()
        }
    }

    static var hash: TypeSlots.Size { { thread, value throws(EvalError) in
        guard let result = try thread.callSpecial(value, thread.interpreter.names.__hash__) else { return 0 }
        defer { result.release() }
        switch result {
        case .int(let number): return number == -1 ? -2 : number
        case .bool(let flag): return flag ? 1 : 0
        default:
            if case .object(let reference) = result, reference.with({ $0 is PyLong }) {
                return try thread.hash(result)
            }
            throw .typeError("__hash__ method should return an integer")
        }
    } }

    static var call: TypeSlots.Call { { thread, value, arguments throws(EvalError) in
        let method = try thread.specialMethod(value, thread.interpreter.names.__call__)
        defer { method.release() }
        return try thread.call(method, arguments)
    } }

    static func getAttribute(overridesGetAttribute: Bool) -> TypeSlots.GetAttribute {
        { thread, value, name throws(EvalError) in
            let names = thread.interpreter.names
            let nameValue = Value.object(ObjectRef(Unmanaged.passUnretained(name)))
            do throws(EvalError) {
                if overridesGetAttribute {
                    if let result = try thread.callSpecial(value, names.__getattribute__, nameValue) { return result }
                } else if let result = try thread.builtinGetAttribute(value, name) {
                    return result
                }
                throw thread.attributeError(value, name)
            } catch {
                guard thread.isAttributeError(error), thread.typeOf(value).lookup(names.__getattr__) != nil else { throw error }
                error.discard()
                return try thread.callSpecial(value, names.__getattr__, nameValue)
            }
        }
    }

    static var setAttribute: TypeSlots.SetAttribute { { thread, value, name, newValue throws(EvalError) in
        let names = thread.interpreter.names
        let nameValue = Value.object(ObjectRef(Unmanaged.passUnretained(name)))
        if let newValue {
            guard let result = try thread.callSpecial(value, names.__setattr__, [nameValue, newValue]) else {
                return try thread.genericSetAttribute(value, name, newValue)
            }
            result.release()
        } else {
            guard let result = try thread.callSpecial(value, names.__delattr__, nameValue) else {
                return try thread.genericSetAttribute(value, name, nil)
            }
            result.release()
        }
    } }

    static var richCompare: TypeSlots.RichCompare { { thread, value, other, operation throws(EvalError) in
        let names = thread.interpreter.names
        let name = switch operation {
        case .less: names.__lt__
        case .lessOrEqual: names.__le__
        case .equal: names.__eq__
        case .notEqual: names.__ne__
        case .greater: names.__gt__
        case .greaterOrEqual: names.__ge__
        }
        return try thread.callSpecial(value, name, other) ?? thread.notImplemented()
    } }

    static var next: TypeSlots.Next { { thread, value throws(EvalError) in
        do throws(EvalError) {
            return try thread.callSpecial(value, thread.interpreter.names.__next__)
        } catch {
            if thread.isStopIteration(error) {
                error.discard()
                return nil
            }
            throw error
        }
    } }

    static var descriptorGet: TypeSlots.DescriptorGet { { thread, descriptor, instance, owner throws(EvalError) in
        guard let result = try thread.callSpecial(descriptor, thread.interpreter.names.__get__, [instance ?? .none, owner]) else {
            descriptor.retain()
            return descriptor
        }
        return result
    } }

    static var descriptorSet: TypeSlots.DescriptorSet { { thread, descriptor, instance, value throws(EvalError) in
        let names = thread.interpreter.names
        let result: Value?
        if let value {
            result = try thread.callSpecial(descriptor, names.__set__, [instance, value])
        } else {
            result = try thread.callSpecial(descriptor, names.__delete__, instance)
        }
        guard let result else {
            throw .attributeError("__set__")
        }
        result.release()
    } }

    static var initialize: TypeSlots.Initialize { { thread, value, arguments throws(EvalError) in
        let method = try thread.specialMethod(value, thread.interpreter.names.__init__)
        defer { method.release() }
        let result = try thread.call(method, arguments)
        defer { result.release() }
        if !result.isNone {
            throw .typeError("__init__() should return None, not '\(thread.typeOf(result).name)'")
        }
    } }

    static var new: TypeSlots.New { { thread, type, arguments throws(EvalError) in
        guard let function = type.lookup(thread.interpreter.names.__new__) else {
            throw .typeError("cannot create '\(type.name)' instances")
        }
        // `__new__` is a static method: unwrap it and pass the class first.
        var callable = function
        if case .object(let reference) = function, let wrapper = reference.with({ $0 as? PyMethodWrapper }) {
            callable = wrapper.function
        }
        return try thread.callPrepending(type.value, to: callable, arguments)
    } }

    static var length: TypeSlots.Size { { thread, value throws(EvalError) in
        guard let result = try thread.callSpecial(value, thread.interpreter.names.__len__, []) else { return 0 }
        defer { result.release() }
        guard case .int(let number) = try thread.index(result) else {
            throw .overflowError("cannot fit 'int' into an index-sized integer")
        }
        if number < 0 { throw .valueError("__len__() should return >= 0") }
        return number
    } }

    static var setItem: TypeSlots.SetItem { { thread, container, key, value throws(EvalError) in
        let names = thread.interpreter.names
        let result: Value?
        if let value {
            result = try thread.callSpecial(container, names.__setitem__, [key, value])
        } else {
            result = try thread.callSpecial(container, names.__delitem__, [key])
        }
        guard let result else {
            throw .attributeError(value == nil ? "__delitem__" : "__setitem__")
        }
        result.release()
    } }

    static var contains: (ThreadState, Value, Value) throws(EvalError) -> Bool { { thread, container, item throws(EvalError) in
        guard let result = try thread.callSpecial(container, thread.interpreter.names.__contains__, [item]) else { return false }
        defer { result.release() }
        return try thread.truth(result)
    } }

    static var bool: TypeSlots.Predicate { { thread, value throws(EvalError) in
        guard let result = try thread.callSpecial(value, thread.interpreter.names.__bool__, []) else { return true }
        defer { result.release() }
        guard case .bool(let flag) = result else {
            throw .typeError("__bool__ should return bool, returned \(thread.typeOf(result).name)")
        }
        return flag
    } }

    /// A binary operator of a Python class: `__op__` on the left operand,
    /// `__rop__` on the right one, in CPython's order (the right operand
    /// first when its class is a subclass that overrides `__rop__`).
    static func binary(index: Int, interpreter: Interpreter) -> TypeSlots.Binary {
        let name = SpecialMethods.binaryNames[index]
        let forward = interpreter.internedString("__\(name)__")
        let reflected = interpreter.internedString("__r\(name)__")
        return { thread, left, right throws(EvalError) in
            let leftType = thread.typeOf(left)
            let rightType = thread.typeOf(right)
            let leftHas = leftType.lookup(forward) != nil
            var rightHas = leftType !== rightType && rightType.lookup(reflected) != nil
            if leftHas {
                if rightHas, rightType.isSubtype(of: leftType),
                   !(leftType.lookup(reflected).map { $0.isIdentical(to: rightType.lookup(reflected)!) } ?? false) {
                    if let result = try thread.callSpecial(right, reflected, [left]) {
                        if !thread.isNotImplemented(result) { return result }
                    }
                    rightHas = false
                }
                if let result = try thread.callSpecial(left, forward, [right]) {
                    if !thread.isNotImplemented(result) || leftType === rightType { return result }
                }
            }
            if rightHas, let result = try thread.callSpecial(right, reflected, [left]) {
                return result
            }
            return thread.notImplemented()
        }
    }
}

extension ThreadState {
    /// The special method `name` of `object`'s type, bound to it.
    func specialMethod(_ object: Value, _ name: PyStr) throws(EvalError) -> Value {
        let type = typeOf(object)
        guard let attribute = type.lookup(name) else { throw attributeError(object, name) }
        if let getter = typeOf(attribute).slots.descriptorGet {
            return try getter(self, attribute, object, type.value)
        }
        attribute.retain()
        return attribute
    }

    /// Whether `error` is a StopIteration.
    func isStopIteration(_ error: EvalError) -> Bool { isInstance(error, of: "StopIteration") }

    /// Whether `error` is an instance of the built-in exception `name`.
    func isInstance(_ error: EvalError, of name: String) -> Bool {
        guard let type = interpreter.types.exceptions[name] else { return false }
        switch error {
        case .exception(let reference): return reference.with { $0.withType { $0.isSubtype(of: type) } }
        default:
            let className: String
            if case .withArguments(let name, _) = error { className = name } else { className = error.classAndMessage?.0 ?? "" }
            return interpreter.types.exceptions[className]?.isSubtype(of: type) ?? false
        }
    }
}

extension EvalError {
    /// Drops the references an error holds when it is swallowed.
    func discard() {
        switch self {
        case .exception(let reference): Value.object(reference).release()
        case .withArguments(_, let values): for value in values { value.release() }
        default: break
        }
    }
}
