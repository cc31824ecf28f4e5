import GarterCompiler

extension Interpreter {
    /// `object`: the root of every class; default attribute access,
    /// identity comparison and hashing, and the default repr.
    func installObjectType() {
        let object = types.object
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in thread.interpreter.newString(thread.defaultRepr(value)) }
        slots.str = { thread, value throws(EvalError) in try thread.repr(value) }
        slots.hash = { _, value throws(EvalError) in
            // CPython hashes the address rotated by 4 bits (objects are 16-byte aligned).
            let address = UInt(bitPattern: value.objectReference?.address ?? 0)
            return Int(bitPattern: (address >> 4) | (address << (UInt(Int.bitWidth) - 4)))
        }
        slots.richCompare = { thread, left, right, operation throws(EvalError) in
            switch operation {
            case .equal: return left.isIdentical(to: right) ? .bool(true) : thread.notImplemented()
            case .notEqual:
                // `!=` is the inverse of `==` when `__eq__` gives an answer.
                let equal = try thread.compareOnlyLeft(left, right, .equal)
                if thread.isNotImplemented(equal) { return equal }
                defer { equal.release() }
                return .bool(!(try thread.truth(equal)))
            default: return thread.notImplemented()
            }
        }
        slots.getAttribute = { thread, value, name throws(EvalError) in try thread.genericGetAttribute(value, name) }
        slots.setAttribute = { thread, value, name, newValue throws(EvalError) in
            try thread.genericSetAttribute(value, name, newValue)
        }
        slots.new = { thread, type, arguments throws(EvalError) in
            if arguments.totalCount > 0 {
                let overridesNew = type.lookup(thread.interpreter.names.__new__).map {
                    !$0.isIdentical(to: thread.interpreter.types.object.dict.lookup(string: thread.interpreter.names.__new__)!)
                } ?? false
                let overridesInit = type.slots.initialize != nil
                    && type.lookup(thread.interpreter.names.__init__).map {
                        !$0.isIdentical(to: thread.interpreter.types.object.dict.lookup(string: thread.interpreter.names.__init__)!)
                    } ?? false
                if overridesNew || !overridesInit {
                    throw .typeError("\(type.name)() takes no arguments")
                }
            }
            if type.flags.contains(.isAbstract) {
                throw .typeError("Can't instantiate abstract class \(type.name) with abstract methods "
                                 + thread.abstractMethodNames(type))
            }
            return .object(ObjectRef.allocate(PyInstance(type: type, slotCount: type.instanceSlotCount)))
        }
        slots.initialize = { thread, value, arguments throws(EvalError) in
            guard arguments.totalCount > 0 else { return }
            let type = thread.typeOf(value)
            let names = thread.interpreter.names
            let objectInit = thread.interpreter.types.object.dict.lookup(string: names.__init__)!
            let objectNew = thread.interpreter.types.object.dict.lookup(string: names.__new__)!
            let overridesInit = !(type.lookup(names.__init__)?.isIdentical(to: objectInit) ?? true)
            let overridesNew = !(type.lookup(names.__new__)?.isIdentical(to: objectNew) ?? true)
            if overridesInit || !overridesNew {
                throw .typeError("\(overridesInit ? "object.__init__()" : "\(type.name).__init__()") takes exactly one argument (the instance to initialize)")
            }
        }
        object.installSlots(slots, self)
        object.defineAttribute("__class__", self, get: { thread, value throws(EvalError) in
            let type = thread.typeOf(value)
            type.incref()
            return type.value
        }, set: { thread, value, newValue throws(EvalError) in
            guard let newValue, case .object(let reference) = newValue, let newType = reference.with({ $0 as? PyType }) else {
                throw .typeError("__class__ must be set to a class")
            }
            guard case .object(let instance) = value, thread.typeOf(value).isHeapType, newType.isHeapType else {
                throw .typeError("__class__ assignment only supported for mutable types or ModuleType subclasses")
            }
            newType.incref()
            let old = thread.typeOf(value)
            instance.with { $0.typePointer = newType.pointer }
            old.decref()
        })
        object.define("__format__", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("__format__", 1...1)
            guard let spec = arguments[0].strObject else {
                throw .typeError("__format__() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            if spec.count > 0 {
                throw .typeError("unsupported format string passed to \(thread.typeOf(value).name).__format__")
            }
            return try thread.str(value)
        }
        object.define("__dir__", self) { thread, value, _ throws(EvalError) in
            try thread.defaultDir(value)
        }
        installObjectReduce(object)
        object.define("__sizeof__", self) { _, _, _ throws(EvalError) in .int(16) }
        object.defineClassMethod("__init_subclass__", self) { _, _ throws(EvalError) in .none }
        object.defineClassMethod("__subclasshook__", self) { thread, _ throws(EvalError) in thread.notImplemented() }
        object.setAttribute("__doc__", newString("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"), self)
    }
}

extension ThreadState {
    /// The rich comparison of the left operand's type only (for `object.__ne__`).
    func compareOnlyLeft(_ left: Value, _ right: Value, _ operation: ComparisonOperation) throws(EvalError) -> Value {
        guard let slot = typeOf(left).slots.richCompare else { return notImplemented() }
        return try slot(self, left, right, operation)
    }

    func abstractMethodNames(_ type: PyType) -> String {
        guard let value = type.lookup(name: "__abstractmethods__"), let names = try? collect(value) else { return "" }
        defer { for name in names { name.release() } }
        let texts = names.compactMap(\.stringValue).sorted()
        return texts.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `object.__dir__`: the instance dict's keys and every attribute of the class and its bases, sorted.
    func defaultDir(_ value: Value) throws(EvalError) -> Value {
        var names = Set<String>()
        if case .object(let reference) = value, let dict = reference.with({ $0.instanceDictReference }) {
            for (key, _) in dict.takeUnretainedValue().pairs { if let text = key.stringValue { names.insert(text) } }
        }
        var classes = typeOf(value).mro
        // A class lists its own and its bases' attributes, not its metaclass's (CPython's type.__dir__).
        if case .object(let reference) = value, let type = reference.with({ $0 as? PyType }) { classes = type.mro }
        if case .object(let reference) = value, let module = reference.with({ $0 as? PyModule }) {
            names = []
            classes = []
            for (key, _) in module.dict.pairs { if let text = key.stringValue { names.insert(text) } }
        }
        for type in classes {
            for (key, _) in type.dict.pairs { if let text = key.stringValue { names.insert(text) } }
        }
        return interpreter.newList(names.sorted().map { interpreter.newString($0) })
    }
}
