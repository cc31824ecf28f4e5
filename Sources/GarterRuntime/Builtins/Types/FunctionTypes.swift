import GarterSyntax

extension Interpreter {
    /// Functions, methods and the descriptors that bind them.
    func installFunctionTypes() {
        installFunctionType()
        installBuiltinFunctionType()
        installMethodTypes()
        installPropertyType()
        installBuiltinReduce()
    }

    private func installFunctionType() {
        let function = types.function
        var slots = TypeSlots()
        slots.descriptorGet = { thread, descriptor, instance, _ throws(EvalError) in
            guard let instance else {
                descriptor.retain()
                return descriptor
            }
            descriptor.retain()
            instance.retain()
            return .object(ObjectRef.allocate(PyMethod(function: descriptor, receiver: instance, type: thread.interpreter.types.method)))
        }
        slots.repr = { thread, value throws(EvalError) in
            let function = value.as(PyFunction.self)!
            return thread.interpreter.newString("<function \(function.qualifiedName.stringValue ?? "?") at 0x\(String(value.objectReference!.address, radix: 16))>")
        }
        slots.call = { thread, value, arguments throws(EvalError) in
            try thread.callFunction(value.as(PyFunction.self)!, arguments)
        }
        function.installSlots(slots, self)
        func get(_ value: Value) -> PyFunction { value.as(PyFunction.self)! }
        function.defineAttribute("__name__", self, get: { _, value throws(EvalError) in
            let name = get(value).name
            name.retain()
            return name
        }, set: { _, value, newValue throws(EvalError) in
            guard let newValue, newValue.strObject != nil else { throw .typeError("__name__ must be set to a string object") }
            newValue.retain()
            let function = get(value)
            let old = function.name
            function.name = newValue
            old.release()
        })
        function.defineAttribute("__qualname__", self, get: { _, value throws(EvalError) in
            let name = get(value).qualifiedName
            name.retain()
            return name
        }, set: { _, value, newValue throws(EvalError) in
            guard let newValue, newValue.strObject != nil else { throw .typeError("__qualname__ must be set to a string object") }
            newValue.retain()
            let function = get(value)
            let old = function.qualifiedName
            function.qualifiedName = newValue
            old.release()
        })
        function.defineAttribute("__doc__", self, get: { _, value throws(EvalError) in
            let doc = get(value).doc
            doc.retain()
            return doc
        }, set: { _, value, newValue throws(EvalError) in
            let newValue = newValue ?? .none
            newValue.retain()
            let function = get(value)
            let old = function.doc
            function.doc = newValue
            old.release()
        })
        function.defineAttribute("__module__", self, get: { _, value throws(EvalError) in
            let module = get(value).module
            module.retain()
            return module
        }, set: { _, value, newValue throws(EvalError) in
            let newValue = newValue ?? .none
            newValue.retain()
            let function = get(value)
            let old = function.module
            function.module = newValue
            old.release()
        })
        function.defineAttribute("__defaults__", self, get: { _, value throws(EvalError) in
            guard let defaults = get(value).defaults else { return .none }
            defaults.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(defaults)))
        }, set: { _, value, newValue throws(EvalError) in
            let function = get(value)
            let old = function.defaults
            if let newValue, !newValue.isNone {
                guard let tuple = newValue.as(PyTuple.self) else { throw .typeError("__defaults__ must be set to a tuple object") }
                tuple.incref()
                function.defaults = tuple
            } else {
                function.defaults = nil
            }
            old?.decref()
        })
        function.defineAttribute("__kwdefaults__", self, get: { _, value throws(EvalError) in
            guard let defaults = get(value).keywordDefaults else { return .none }
            defaults.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(defaults)))
        }, set: { _, value, newValue throws(EvalError) in
            let function = get(value)
            let old = function.keywordDefaults
            if let newValue, !newValue.isNone {
                guard let dict = newValue.as(PyDict.self) else { throw .typeError("__kwdefaults__ must be set to a dict object") }
                dict.incref()
                function.keywordDefaults = dict
            } else {
                function.keywordDefaults = nil
            }
            old?.decref()
        })
        function.defineAttribute("__code__", self, get: { _, value throws(EvalError) in
            let code = get(value).code
            code.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(code)))
        }, set: { thread, value, newValue throws(EvalError) in
            guard let newValue, let code = newValue.as(LoadedCode.self) else {
                throw .typeError("__code__ must be set to a code object")
            }
            let function = get(value)
            let closureCount = function.closure?.count ?? 0
            let freeCount = code.code.freeVariables.count
            guard closureCount == freeCount else {
                throw .valueError("\(function.name.stringValue ?? "?")() requires a code object with \(closureCount) free vars, not \(freeCount)")
            }
            code.incref()
            let old = function.code
            function.code = code
            old.decref()
        })
        function.defineAttribute("__globals__", self, get: { _, value throws(EvalError) in
            let globals = get(value).globals
            globals.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(globals)))
        })
        function.defineAttribute("__builtins__", self, get: { _, value throws(EvalError) in
            let builtins = get(value).builtins
            builtins.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(builtins)))
        })
        function.defineAttribute("__closure__", self, get: { _, value throws(EvalError) in
            guard let closure = get(value).closure else { return .none }
            closure.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(closure)))
        })
        function.defineAttribute("__annotations__", self, get: { thread, value throws(EvalError) in
            let function = get(value)
            if let annotations = function.annotations {
                annotations.retain()
                return annotations
            }
            let dict = Value.object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.newDict())))
            dict.retain()
            function.annotations = dict
            return dict
        }, set: { _, value, newValue throws(EvalError) in
            let function = get(value)
            newValue?.retain()
            let old = function.annotations
            function.annotations = newValue
            old?.release()
        })
        function.defineAttribute("__dict__", self, get: { thread, value throws(EvalError) in
            let dict = thread.instanceDict(of: value)!
            dict.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(dict)))
        })
    }

    private func installBuiltinFunctionType() {
        let builtin = types.builtinFunction
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            let function = value.as(PyBuiltinFunction.self)!
            if let receiver = function.boundSelf, !(receiver.as(PyModule.self) != nil) {
                let address = String(receiver.objectReference?.address ?? 0, radix: 16)
                return thread.interpreter.newString("<built-in method \(function.name) of \(thread.typeOf(receiver).name) object at 0x\(address)>")
            }
            return thread.interpreter.newString("<built-in function \(function.name)>")
        }
        slots.call = { thread, value, arguments throws(EvalError) in
            try value.as(PyBuiltinFunction.self)!.body(thread, arguments)
        }
        builtin.installSlots(slots, self)
        builtin.defineAttribute("__name__", self, get: { thread, value throws(EvalError) in
            thread.interpreter.newString(value.as(PyBuiltinFunction.self)!.name)
        })
        builtin.defineAttribute("__qualname__", self, get: { thread, value throws(EvalError) in
            let function = value.as(PyBuiltinFunction.self)!
            if let receiver = function.boundSelf, receiver.as(PyModule.self) == nil {
                let owner = receiver.as(PyType.self)?.name ?? thread.typeOf(receiver).name
                return thread.interpreter.newString("\(owner).\(function.name)")
            }
            return thread.interpreter.newString(function.name)
        })
        builtin.defineAttribute("__self__", self, get: { thread, value throws(EvalError) in
            let function = value.as(PyBuiltinFunction.self)!
            guard let receiver = function.boundSelf else {
                return thread.interpreter.builtinsModuleValue()
            }
            receiver.retain()
            return receiver
        })
        builtin.defineAttribute("__module__", self, get: { thread, value throws(EvalError) in
            let function = value.as(PyBuiltinFunction.self)!
            guard let module = function.moduleName else { return .none }
            return thread.interpreter.newString(module)
        })
        builtin.defineAttribute("__doc__", self, get: { _, _ throws(EvalError) in .none })
        let descriptor = types.methodDescriptor
        var descriptorSlots = TypeSlots()
        descriptorSlots.descriptorGet = { thread, value, instance, _ throws(EvalError) in
            guard let instance else {
                value.retain()
                return value
            }
            let method = value.as(PyMethodDescriptor.self)!
            guard thread.typeOf(instance).isSubtype(of: method.owner) else {
                throw .typeError("descriptor '\(method.name)' for '\(method.owner.name)' objects doesn't apply to a '\(thread.typeOf(instance).name)' object")
            }
            let body = method.body
            let bound = PyBuiltinFunction(name: method.name, type: thread.interpreter.types.builtinFunction,
                                          boundSelf: instance) { thread, arguments throws(EvalError) in
                try body(thread, instance, arguments)
            }
            return .object(ObjectRef.allocate(bound))
        }
        descriptorSlots.repr = { thread, value throws(EvalError) in
            let method = value.as(PyMethodDescriptor.self)!
            return thread.interpreter.newString("<method '\(method.name)' of '\(method.owner.name)' objects>")
        }
        descriptorSlots.call = { thread, value, arguments throws(EvalError) in
            try thread.callMethodDescriptor(value.as(PyMethodDescriptor.self)!, arguments)
        }
        descriptor.installSlots(descriptorSlots, self)
        descriptor.define("__reduce__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__reduce__", 0...0)
            let method = value.as(PyMethodDescriptor.self)!
            return try thread.getattrReduction(method.owner.value, method.name)
        }
        descriptor.defineAttribute("__name__", self, get: { thread, value throws(EvalError) in
            thread.interpreter.newString(value.as(PyMethodDescriptor.self)!.name)
        })
        descriptor.defineAttribute("__qualname__", self, get: { thread, value throws(EvalError) in
            let method = value.as(PyMethodDescriptor.self)!
            return thread.interpreter.newString("\(method.owner.name).\(method.name)")
        })
        descriptor.defineAttribute("__objclass__", self, get: { _, value throws(EvalError) in
            let owner = value.as(PyMethodDescriptor.self)!.owner
            owner.incref()
            return owner.value
        })
        descriptor.defineAttribute("__doc__", self, get: { _, _ throws(EvalError) in .none })

        let getset = types.getSetDescriptor
        var getsetSlots = TypeSlots()
        getsetSlots.descriptorGet = { thread, value, instance, _ throws(EvalError) in
            guard let instance else {
                value.retain()
                return value
            }
            let descriptor = value.as(PyGetSetDescriptor.self)!
            return try descriptor.getter(thread, instance)
        }
        getsetSlots.descriptorSet = { thread, value, instance, newValue throws(EvalError) in
            let descriptor = value.as(PyGetSetDescriptor.self)!
            guard let setter = descriptor.setter else {
                throw .attributeError("attribute '\(descriptor.name)' of '\(descriptor.owner.name)' objects is not writable")
            }
            try setter(thread, instance, newValue)
        }
        getsetSlots.repr = { thread, value throws(EvalError) in
            let descriptor = value.as(PyGetSetDescriptor.self)!
            return thread.interpreter.newString("<attribute '\(descriptor.name)' of '\(descriptor.owner.name)' objects>")
        }
        getset.installSlots(getsetSlots, self)
        getset.defineAttribute("__name__", self, get: { thread, value throws(EvalError) in
            thread.interpreter.newString(value.as(PyGetSetDescriptor.self)!.name)
        })
        getset.defineAttribute("__objclass__", self, get: { _, value throws(EvalError) in
            let owner = value.as(PyGetSetDescriptor.self)!.owner
            owner.incref()
            return owner.value
        })
    }

    private func installMethodTypes() {
        let method = types.method
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            let method = value.as(PyMethod.self)!
            var name = try thread.lookupAttribute(method.function, thread.interpreter.names.__qualname__)
            if name == nil { name = try thread.lookupAttribute(method.function, thread.interpreter.names.__name__) }
            defer { name?.release() }
            let receiver = try thread.reprText(method.receiver)
            return thread.interpreter.newString("<bound method \(name?.stringValue ?? "?") of \(receiver)>")
        }
        slots.call = { thread, value, arguments throws(EvalError) in
            let method = value.as(PyMethod.self)!
            return try thread.callPrepending(method.receiver, to: method.function, arguments)
        }
        // types.MethodType(function, instance).
        slots.new = { thread, _, arguments throws(EvalError) in
            try arguments.rejectKeywords("method")
            guard arguments.positionalCount == 2 else {
                throw .typeError("method expected 2 arguments, got \(arguments.positionalCount)")
            }
            let function = arguments[0], receiver = arguments[1]
            guard thread.isCallable(function) else { throw .typeError("first argument must be callable") }
            if receiver.isNone { throw .typeError("instance must not be None") }
            function.retain()
            receiver.retain()
            return .object(ObjectRef.allocate(PyMethod(function: function, receiver: receiver, type: thread.interpreter.types.method)))
        }
        slots.getAttribute = { thread, value, name throws(EvalError) in
            if let found = try thread.genericGetAttribute(value, name) { return found }
            return try thread.lookupAttribute(value.as(PyMethod.self)!.function, name)
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard operation == .equal || operation == .notEqual, let a = left.as(PyMethod.self), let b = right.as(PyMethod.self) else {
                return thread.notImplemented()
            }
            let same = a.receiver.isIdentical(to: b.receiver) ? try thread.equal(a.function, b.function) : false
            return .bool(operation == .equal ? same : !same)
        }
        slots.hash = { thread, value throws(EvalError) in
            let method = value.as(PyMethod.self)!
            return (try thread.hash(method.function)) ^ (method.receiver.objectReference?.address ?? 0)
        }
        slots.descriptorGet = { _, value, _, _ throws(EvalError) in
            value.retain()
            return value
        }
        method.installSlots(slots, self)
        method.defineAttribute("__func__", self, get: { _, value throws(EvalError) in
            let function = value.as(PyMethod.self)!.function
            function.retain()
            return function
        })
        // As CPython's method_getset: the function's docstring, not object's
        // (which the generic lookup would find on the type first).
        method.defineAttribute("__doc__", self, get: { thread, value throws(EvalError) in
            try thread.lookupAttribute(value.as(PyMethod.self)!.function, thread.interpreter.names.__doc__) ?? .none
        })
        method.defineAttribute("__self__", self, get: { _, value throws(EvalError) in
            let receiver = value.as(PyMethod.self)!.receiver
            receiver.retain()
            return receiver
        })

        for (wrapperType, isClassMethod) in [(types.classmethod, true), (types.staticmethod, false)] {
            var wrapperSlots = TypeSlots()
            wrapperSlots.descriptorGet = { thread, value, instance, owner throws(EvalError) in
                let function = value.as(PyMethodWrapper.self)!.function
                if isClassMethod {
                    let receiver = instance.map { thread.typeOf($0).value } ?? owner
                    if let getter = thread.typeOf(function).slots.descriptorGet,
                       thread.typeOf(function) !== thread.interpreter.types.function,
                       thread.typeOf(function) !== thread.interpreter.types.builtinFunction {
                        return try getter(thread, function, receiver, thread.typeOf(receiver).value)
                    }
                    function.retain()
                    receiver.retain()
                    return .object(ObjectRef.allocate(PyMethod(function: function, receiver: receiver, type: thread.interpreter.types.method)))
                }
                function.retain()
                return function
            }
            wrapperSlots.new = { thread, type, arguments throws(EvalError) in
                try arguments.expect(type.name, 1...1)
                return .object(ObjectRef.allocate(PyMethodWrapper(function: arguments[0], type: type)))
            }
            // As CPython 3.10+, the wrapper takes the function's identity (functools.wraps-like).
            wrapperSlots.initialize = { thread, value, _ throws(EvalError) in
                let function = value.as(PyMethodWrapper.self)!.function
                for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
                    let key = thread.interpreter.internedString(name)
                    guard let found = try thread.lookupAttribute(function, key) else { continue }
                    defer { found.release() }
                    try thread.setAttribute(value, key, found)
                }
            }
            if !isClassMethod {
                wrapperSlots.call = { thread, value, arguments throws(EvalError) in
                    try thread.call(value.as(PyMethodWrapper.self)!.function, arguments)
                }
            }
            wrapperType.installSlots(wrapperSlots, self)
            wrapperType.defineAttribute("__func__", self, get: { _, value throws(EvalError) in
                let function = value.as(PyMethodWrapper.self)!.function
                function.retain()
                return function
            })
            wrapperType.defineAttribute("__wrapped__", self, get: { _, value throws(EvalError) in
                let function = value.as(PyMethodWrapper.self)!.function
                function.retain()
                return function
            })
            wrapperType.defineInstanceDictAttribute(self)
            wrapperType.defineAttribute("__isabstractmethod__", self, get: { thread, value throws(EvalError) in
                let function = value.as(PyMethodWrapper.self)!.function
                guard let flag = try thread.lookupAttribute(function, thread.interpreter.internedString("__isabstractmethod__")) else {
                    return .bool(false)
                }
                defer { flag.release() }
                return .bool(try thread.truth(flag))
            })
        }
    }

    private func installPropertyType() {
        let property = types.property
        var slots = TypeSlots()
        slots.descriptorGet = { thread, value, instance, _ throws(EvalError) in
            guard let instance else {
                value.retain()
                return value
            }
            let property = value.as(PyProperty.self)!
            if property.getter.isNone { throw try thread.propertyMissing(property, instance, "getter") }
            return try thread.call(property.getter, [instance])
        }
        slots.descriptorSet = { thread, value, instance, newValue throws(EvalError) in
            let property = value.as(PyProperty.self)!
            if let newValue {
                if property.setter.isNone { throw try thread.propertyMissing(property, instance, "setter") }
                try thread.call(property.setter, [instance, newValue]).release()
            } else {
                if property.deleter.isNone { throw try thread.propertyMissing(property, instance, "deleter") }
                try thread.call(property.deleter, [instance]).release()
            }
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            .object(ObjectRef.allocate(PyProperty(getter: .none, setter: .none, deleter: .none, doc: .none, type: type)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bind("property", ["fget", "fset", "fdel", "doc"], required: 0)
            let property = value.as(PyProperty.self)!
            let values = bound.map { $0 ?? .none }
            for item in values { item.retain() }
            var doc = values[3]
            if doc.isNone, !values[0].isNone, let getterDoc = try thread.lookupAttribute(values[0], thread.interpreter.names.__doc__) {
                doc = getterDoc
            }
            let old = [property.getter, property.setter, property.deleter, property.doc]
            property.getter = values[0]
            property.setter = values[1]
            property.deleter = values[2]
            property.doc = doc
            for item in old { item.release() }
        }
        property.installSlots(slots, self)
        func field(_ name: String, _ key: ReferenceWritableKeyPath<PyProperty, Value>) {
            property.defineAttribute(name, self, get: { _, value throws(EvalError) in
                let result = value.as(PyProperty.self)![keyPath: key]
                result.retain()
                return result
            })
        }
        field("fget", \.getter)
        field("fset", \.setter)
        field("fdel", \.deleter)
        field("__doc__", \.doc)
        func copy(_ name: String, _ key: ReferenceWritableKeyPath<PyProperty, Value>) {
            property.define(name, self) { thread, value, arguments throws(EvalError) in
                try arguments.expect(name, 1...1)
                let original = value.as(PyProperty.self)!
                let made = PyProperty(getter: original.getter, setter: original.setter, deleter: original.deleter,
                                      doc: original.doc, type: thread.typeOf(value))
                let old = made[keyPath: key]
                arguments[0].retain()
                made[keyPath: key] = arguments[0]
                old.release()
                made.name = original.name.retained()
                return .object(ObjectRef.allocate(made))
            }
        }
        copy("getter", \.getter)
        copy("setter", \.setter)
        copy("deleter", \.deleter)
        property.define("__set_name__", self) { thread, value, arguments throws(EvalError) in
            try arguments.rejectKeywords("__set_name__")
            guard arguments.positionalCount == 2 else {
                throw .typeError("__set_name__() takes 2 positional arguments but \(arguments.positionalCount) were given")
            }
            let property = value.as(PyProperty.self)!
            let old = property.name
            property.name = arguments[1].retained()
            old.release()
            return .none
        }
        property.defineAttribute("__isabstractmethod__", self, get: { thread, value throws(EvalError) in
            let property = value.as(PyProperty.self)!
            for function in [property.getter, property.setter, property.deleter] where !function.isNone {
                if let flag = try thread.lookupAttribute(function, thread.interpreter.internedString("__isabstractmethod__")) {
                    defer { flag.release() }
                    if try thread.truth(flag) { return .bool(true) }
                }
            }
            return .bool(false)
        })
    }
}

extension Value {
    /// The object as a `T` if it is one (borrowed; the caller keeps the value alive).
    @inlinable
    public func `as`<T: PyObject>(_ kind: T.Type) -> T? {
        guard case .object(let reference) = self else { return nil }
        return reference.with { $0 as? T }
    }
}

extension ThreadState {
    /// CPython 3.11's AttributeError for a property without the function
    /// asked for: "property 'x' of 'A' object has no setter".
    func propertyMissing(_ property: PyProperty, _ instance: Value, _ what: String) throws(EvalError) -> EvalError {
        let owner = typeOf(instance)
        let ownerName = owner.isHeapType ? owner.qualifiedName : owner.shortName
        let quotedOwner = Repr.string(ownerName.unicodeScalars.map(\.value))
        if property.name.isNone { return .attributeError("property of \(quotedOwner) object has no \(what)") }
        return .attributeError("property \(try reprText(property.name)) of \(quotedOwner) object has no \(what)")
    }
}
