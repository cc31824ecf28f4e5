extension Interpreter {
    /// `type`: calling a class makes an instance; `type(x)` and
    /// `type(name, bases, dict)`; class attributes.
    func installTypeType() {
        let type = types.type
        var slots = TypeSlots()
        slots.call = { thread, callable, arguments throws(EvalError) in
            guard case .object(let reference) = callable, let called = reference.with({ $0 as? PyType }) else {
                throw .typeError("not a type")
            }
            if called === thread.interpreter.types.type && arguments.positionalCount == 1 && !arguments.hasKeywords {
                let result = thread.typeOf(arguments[0])
                result.incref()
                return result.value
            }
            guard let new = called.slots.new else { throw .typeError("cannot create '\(called.name)' instances") }
            let instance = try new(thread, called, arguments)
            let instanceType = thread.typeOf(instance)
            if instanceType.isSubtype(of: called), let initialize = instanceType.slots.initialize {
                do throws(EvalError) {
                    try initialize(thread, instance, arguments)
                } catch {
                    instance.release()
                    throw error
                }
            }
            return instance
        }
        slots.getAttribute = { thread, value, name throws(EvalError) in try thread.typeGetAttribute(value, name) }
        slots.setAttribute = { thread, value, name, newValue throws(EvalError) in
            try thread.typeSetAttribute(value, name, newValue)
        }
        slots.repr = { thread, value throws(EvalError) in
            guard case .object(let reference) = value, let type = reference.with({ $0 as? PyType }) else { return .none }
            return thread.interpreter.newString("<class '\(type.displayName)'>")
        }
        slots.new = { thread, metatype, arguments throws(EvalError) in
            if arguments.positionalCount == 1 && !arguments.hasKeywords {
                let result = thread.typeOf(arguments[0])
                result.incref()
                return result.value
            }
            guard arguments.positionalCount == 3 else { throw .typeError("type() takes 1 or 3 arguments") }
            return try thread.createClass(metatype: metatype, name: arguments[0], bases: arguments[1],
                                          namespace: arguments[2], keywords: arguments)
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.binary[7] = { thread, left, right throws(EvalError) in   // `int | str` makes a union
            try thread.makeUnion(left, right)
        }
        type.installSlots(slots, self)

        func asType(_ value: Value) -> PyType? {
            guard case .object(let reference) = value else { return nil }
            return reference.with { $0 as? PyType }
        }
        type.defineAttribute("__name__", self, get: { thread, value throws(EvalError) in
            thread.interpreter.newString(asType(value)!.shortName)
        }, set: { thread, value, newValue throws(EvalError) in
            guard let type = asType(value), type.isHeapType, let text = newValue?.stringValue else {
                throw .typeError("can only assign string to __name__")
            }
            type.name = text
        })
        type.defineAttribute("__qualname__", self, get: { thread, value throws(EvalError) in
            let type = asType(value)!
            return thread.interpreter.newString(type.isHeapType ? type.qualifiedName : type.shortName)
        }, set: { thread, value, newValue throws(EvalError) in
            guard let type = asType(value), type.isHeapType, let text = newValue?.stringValue else {
                throw .typeError("can only assign string to __qualname__")
            }
            type.qualifiedName = text
        })
        type.defineAttribute("__module__", self, get: { thread, value throws(EvalError) in
            let type = asType(value)!
            // `type`'s own dict holds this descriptor under the name: not a module name.
            if let module = type.dict.lookup(string: thread.interpreter.names.__module__),
               module.as(PyGetSetDescriptor.self) == nil {
                module.retain()
                return module
            }
            return thread.interpreter.intern(type.moduleName ?? "builtins")
        }, set: { thread, value, newValue throws(EvalError) in
            guard let type = asType(value), type.isHeapType, let newValue else { throw .typeError("can't set __module__") }
            newValue.retain()
            thread.interpreter.setItem(type.dict, "__module__", newValue)
            type.attributeChanged("__module__", interpreter: thread.interpreter)
        })
        type.defineAttribute("__bases__", self, get: { thread, value throws(EvalError) in
            let bases = asType(value)!.bases
            for base in bases { base.incref() }
            return thread.interpreter.newTuple(bases.map(\.value))
        })
        type.defineAttribute("__base__", self, get: { _, value throws(EvalError) in
            guard let base = asType(value)!.bases.first else { return .none }
            base.incref()
            return base.value
        })
        type.defineAttribute("__mro__", self, get: { thread, value throws(EvalError) in
            let mro = asType(value)!.mro
            for type in mro { type.incref() }
            return thread.interpreter.newTuple(mro.map(\.value))
        })
        type.defineAttribute("__dict__", self, get: { thread, value throws(EvalError) in
            try thread.makeMappingProxy(asType(value)!.dict)
        })
        type.defineAttribute("__doc__", self, get: { thread, value throws(EvalError) in
            let type = asType(value)!
            guard let doc = type.dict.lookup(string: thread.interpreter.names.__doc__) else { return .none }
            if let getter = thread.typeOf(doc).slots.descriptorGet { return try getter(thread, doc, nil, value) }
            doc.retain()
            return doc
        }, set: { thread, value, newValue throws(EvalError) in
            let type = asType(value)!
            guard type.isHeapType else {
                throw .typeError("cannot set '__doc__' attribute of immutable type '\(type.name)'")
            }
            guard let newValue else { throw .typeError("cannot delete '__doc__' attribute of immutable type '\(type.name)'") }
            thread.interpreter.setItem(type.dict, "__doc__", newValue.retained())
            type.attributeChanged("__doc__", interpreter: thread.interpreter)
        })
        // `__annotations__` of a class (3.10+): its own, made empty on first read.
        type.defineAttribute("__annotations__", self, get: { thread, value throws(EvalError) in
            let type = asType(value)!
            guard type.isHeapType else {
                throw .attributeError("type object '\(type.name)' has no attribute '__annotations__'")
            }
            if let found = type.dict.lookup(name: "__annotations__") {
                if let getter = thread.typeOf(found).slots.descriptorGet {
                    return try getter(thread, found, nil, value)
                }
                found.retain()
                return found
            }
            let made = Value.object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.newDict())))
            made.retain()
            thread.interpreter.setItem(type.dict, "__annotations__", made)
            type.dictChanged()
            return made
        }, set: { thread, value, newValue throws(EvalError) in
            let type = asType(value)!
            guard type.isHeapType else {
                throw .typeError("cannot set '__annotations__' attribute of immutable type '\(type.name)'")
            }
            if let newValue {
                thread.interpreter.setItem(type.dict, "__annotations__", newValue.retained())
            } else {
                let key = thread.interpreter.intern("__annotations__")
                guard let old = try type.dict.remove(key, hash: key.strObject!.hashValue, Interpreter.stringsOnly) else {
                    throw .attributeError("__annotations__")
                }
                old.release()
            }
            type.dictChanged()
        })
        type.defineAttribute("__abstractmethods__", self, get: { thread, value throws(EvalError) in
            let type = asType(value)!
            guard type !== thread.interpreter.types.type, let methods = type.dict.lookup(name: "__abstractmethods__") else {
                throw .attributeError("__abstractmethods__")
            }
            methods.retain()
            return methods
        }, set: { thread, value, newValue throws(EvalError) in
            let type = asType(value)!
            if let newValue {
                newValue.retain()
                thread.interpreter.setItem(type.dict, "__abstractmethods__", newValue)
                if try thread.truth(newValue) { type.flags.insert(.isAbstract) } else { type.flags.remove(.isAbstract) }
            } else {
                let key = thread.interpreter.intern("__abstractmethods__")
                _ = try type.dict.remove(key, hash: key.strObject!.hashValue, Interpreter.stringsOnly)?.release()
                type.flags.remove(.isAbstract)
            }
            type.attributeChanged("__abstractmethods__", interpreter: thread.interpreter)
        })
        type.define("mro", self) { thread, value, _ throws(EvalError) in
            let mro = asType(value)!.mro
            for type in mro { type.incref() }
            return thread.interpreter.newList(mro.map(\.value))
        }
        type.define("__subclasses__", self) { thread, value, _ throws(EvalError) in
            let subclasses = asType(value)!.subclasses.map { $0.takeUnretainedValue() }
            for type in subclasses { type.incref() }
            return thread.interpreter.newList(subclasses.map(\.value))
        }
        type.define("__instancecheck__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__instancecheck__", 1...1)
            let type = asType(value)!
            if thread.typeOf(arguments[0]).isSubtype(of: type) { return .bool(true) }
            return .bool(try thread.instanceByClassAttribute(arguments[0], type))
        }
        type.define("__subclasscheck__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__subclasscheck__", 1...1)
            guard let other = asType(arguments[0]) else { throw .typeError("issubclass() arg 1 must be a class") }
            return .bool(other.isSubtype(of: asType(value)!))
        }
        type.defineClassMethod("__prepare__", self) { thread, _ throws(EvalError) in
            .object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.newDict())))
        }
        type.define("__dir__", self) { thread, value, _ throws(EvalError) in
            // A class lists its own attributes and its bases', not its metaclass's.
            var names = Set<String>()
            for base in asType(value)!.mro {
                for (key, _) in base.dict.pairs { if let text = key.stringValue { names.insert(text) } }
            }
            return thread.interpreter.newList(names.sorted().map { thread.interpreter.newString($0) })
        }
        installTypeLayoutAttributes(type)
    }
}
