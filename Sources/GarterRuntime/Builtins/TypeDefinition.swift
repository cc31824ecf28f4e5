import GarterCompiler

// How built-in types are described: methods and attributes go into the
// type's dict as descriptors; `finishBuiltin` then exposes each filled
// slot under its special-method name (`__add__`, `__len__`, ...) as
// CPython's slot wrappers do.

extension PyType {
    /// Adds a method (`method_descriptor`) to a built-in type.
    public func define(_ name: String, _ interpreter: Interpreter, _ body: @escaping PyMethodDescriptor.Body) {
        let descriptor = PyMethodDescriptor(name: name, owner: self, type: interpreter.types.methodDescriptor, body: body)
        descriptor.makeImmortal()
        interpreter.setItem(dict, name, .object(ObjectRef(Unmanaged.passUnretained(descriptor))))
    }

    /// Adds a computed attribute (`getset_descriptor`).
    public func defineAttribute(_ name: String, _ interpreter: Interpreter,
                                get: @escaping PyGetSetDescriptor.Getter, set: PyGetSetDescriptor.Setter? = nil) {
        let descriptor = PyGetSetDescriptor(name: name, owner: self, type: interpreter.types.getSetDescriptor,
                                            getter: get, setter: set)
        descriptor.makeImmortal()
        interpreter.setItem(dict, name, .object(ObjectRef(Unmanaged.passUnretained(descriptor))))
    }

    /// Adds a class method of a built-in type (`dict.fromkeys`): the body
    /// gets the class the method was looked up on first.
    public func defineClassMethod(_ name: String, _ interpreter: Interpreter,
                                  _ body: @escaping PyBuiltinFunction.Body) {
        let function = PyBuiltinFunction(name: name, type: interpreter.types.builtinFunction, body: body)
        _ = ObjectRef.allocate(function)
        let wrapper = PyMethodWrapper(function: .object(ObjectRef(Unmanaged.passUnretained(function))),
                                      type: interpreter.types.classmethod)
        function.decref()
        wrapper.makeImmortal()
        interpreter.setItem(dict, name, .object(ObjectRef(Unmanaged.passUnretained(wrapper))))
    }

    /// Adds a static method or plain function attribute.
    public func defineStatic(_ name: String, _ interpreter: Interpreter, _ body: @escaping PyBuiltinFunction.Body) {
        let function = PyBuiltinFunction(name: name, type: interpreter.types.builtinFunction, body: body)
        function.makeImmortal()
        let wrapper = PyMethodWrapper(function: .object(ObjectRef(Unmanaged.passUnretained(function))),
                                      type: interpreter.types.staticmethod)
        wrapper.makeImmortal()
        interpreter.setItem(dict, name, .object(ObjectRef(Unmanaged.passUnretained(wrapper))))
    }

    /// Sets a plain attribute (taking over the reference).
    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) {
        interpreter.setItem(dict, name, value)
    }

    func has(_ name: String) -> Bool { dict.lookup(name: name) != nil }

    /// Gives a built-in type the slots it implements itself, and exposes
    /// each under its special-method name unless the type defined that
    /// name itself. Inherited slots are merged in by `inheritBuiltinSlots`.
    public func installSlots(_ own: TypeSlots, _ interpreter: Interpreter) {
        ownSlots.merge(own)
        // Types made after start-up (by native modules) take effect at once;
        // the built-in ones are recomputed bases-first by `finishTypes`.
        slots.merge(own)
        func wrap(_ name: String, _ body: @escaping PyMethodDescriptor.Body) {
            if !has(name) { define(name, interpreter, body) }
        }
        if let repr = own.repr { wrap("__repr__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__repr__", 0...0); return try repr(thread, receiver) } }
        if let str = own.str { wrap("__str__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__str__", 0...0); return try str(thread, receiver) } }
        if let hash = own.hash { wrap("__hash__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__hash__", 0...0); return .int(try hash(thread, receiver)) } }
        if let length = own.length { wrap("__len__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__len__", 0...0); return .int(try length(thread, receiver)) } }
        if let getItem = own.getItem { wrap("__getitem__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__getitem__", 1...1); return try getItem(thread, receiver, arguments[0]) } }
        if let setItem = own.setItem {
            wrap("__setitem__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__setitem__", 2...2)
                try setItem(thread, receiver, arguments[0], arguments[1]); return .none }
            wrap("__delitem__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__delitem__", 1...1)
                try setItem(thread, receiver, arguments[0], nil); return .none }
        }
        if let contains = own.contains { wrap("__contains__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__contains__", 1...1); return .bool(try contains(thread, receiver, arguments[0])) } }
        if let iterate = own.iterate { wrap("__iter__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__iter__", 0...0); return try iterate(thread, receiver) } }
        if let next = own.next { wrap("__next__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__next__", 0...0)
            guard let value = try next(thread, receiver) else { throw .pythonException("StopIteration", "") }
            return value } }
        if let bool = own.bool { wrap("__bool__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__bool__", 0...0); return .bool(try bool(thread, receiver)) } }
        if let call = own.call { wrap("__call__") { thread, receiver, arguments throws(EvalError) in
            try call(thread, receiver, arguments) } }
        if let index = own.index { wrap("__index__") { thread, receiver, _ throws(EvalError) in try index(thread, receiver) } }
        if let int = own.int { wrap("__int__") { thread, receiver, _ throws(EvalError) in try int(thread, receiver) } }
        if let float = own.float { wrap("__float__") { thread, receiver, _ throws(EvalError) in try float(thread, receiver) } }
        if let negative = own.negative { wrap("__neg__") { thread, receiver, _ throws(EvalError) in try negative(thread, receiver) } }
        if let positive = own.positive { wrap("__pos__") { thread, receiver, _ throws(EvalError) in try positive(thread, receiver) } }
        if let invert = own.invert { wrap("__invert__") { thread, receiver, _ throws(EvalError) in try invert(thread, receiver) } }
        if let absolute = own.absolute { wrap("__abs__") { thread, receiver, _ throws(EvalError) in try absolute(thread, receiver) } }
        if let getAttribute = own.getAttribute {
            wrap("__getattribute__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__getattribute__", 1...1)
                guard let name = arguments[0].strObject else {
                    throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[0]).name)'")
                }
                guard let value = try getAttribute(thread, receiver, name) else { throw thread.attributeError(receiver, name) }
                return value }
        }
        if let setAttribute = own.setAttribute {
            wrap("__setattr__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__setattr__", 2...2)
                guard let name = arguments[0].strObject else {
                    throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[0]).name)'")
                }
                try setAttribute(thread, receiver, name, arguments[1]); return .none }
            wrap("__delattr__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__delattr__", 1...1)
                guard let name = arguments[0].strObject else {
                    throw .typeError("attribute name must be string, not '\(thread.typeOf(arguments[0]).name)'")
                }
                try setAttribute(thread, receiver, name, nil); return .none }
        }
        if let getter = own.descriptorGet { wrap("__get__") { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("__get__", 1...2)
            let instance = arguments[0]
            let owner = arguments.positionalCount > 1 ? arguments[1] : thread.typeOf(instance).value
            return try getter(thread, receiver, instance.isNone ? nil : instance, owner) } }
        if let setter = own.descriptorSet {
            wrap("__set__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__set__", 2...2); try setter(thread, receiver, arguments[0], arguments[1]); return .none }
            wrap("__delete__") { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("__delete__", 1...1); try setter(thread, receiver, arguments[0], nil); return .none }
        }
        if let richCompare = own.richCompare {
            let operations: [(String, ComparisonOperation)] = [("__lt__", .less), ("__le__", .lessOrEqual), ("__eq__", .equal),
                                                               ("__ne__", .notEqual), ("__gt__", .greater), ("__ge__", .greaterOrEqual)]
            for (name, operation) in operations {
                wrap(name) { thread, receiver, arguments throws(EvalError) in
                    try arguments.expect(name, 1...1); return try richCompare(thread, receiver, arguments[0], operation) }
            }
        }
        for (index, name) in SpecialMethods.binaryNames.enumerated() {
            if let slot = own.binary[index] {
                let limit = name == "pow" ? 2 : 1
                wrap("__\(name)__") { thread, receiver, arguments throws(EvalError) in
                    try arguments.expect("__\(name)__", 1...limit); return try slot(thread, receiver, arguments[0]) }
                wrap("__r\(name)__") { thread, receiver, arguments throws(EvalError) in
                    try arguments.expect("__r\(name)__", 1...limit); return try slot(thread, arguments[0], receiver) }
            }
            if let slot = own.inPlace[index] {
                wrap("__i\(name)__") { thread, receiver, arguments throws(EvalError) in
                    try arguments.expect("__i\(name)__", 1...1); return try slot(thread, receiver, arguments[0]) }
            }
        }
        if let initialize = own.initialize { wrap("__init__") { thread, receiver, arguments throws(EvalError) in
            try initialize(thread, receiver, arguments); return .none } }
        if let new = own.new, !has("__new__") {
            let owner = self
            let function = PyBuiltinFunction(name: "__new__", type: interpreter.types.builtinFunction) { thread, arguments throws(EvalError) in
                guard arguments.positionalCount >= 1, case .object(let reference) = arguments[0],
                      let subtype = reference.with({ $0 as? PyType }) else {
                    throw .typeError("\(owner.name).__new__(): not enough arguments")
                }
                guard subtype.isSubtype(of: owner) else {
                    throw .typeError("\(owner.name).__new__(\(subtype.name)): \(subtype.name) is not a subtype of \(owner.name)")
                }
                // CPython's tp_new_wrapper: the nearest built-in class of `subtype`
                // that makes its own instances must be `owner` (`int.__new__(bool)`
                // would skip bool's checks).
                var maker: PyType? = subtype
                while let candidate = maker, candidate.isHeapType || candidate.ownSlots.new == nil { maker = candidate.base }
                if let maker, maker !== owner {
                    throw .typeError("\(owner.name).__new__(\(subtype.name)) is not safe, use \(maker.name).__new__()")
                }
                return try new(thread, subtype, arguments.droppingFirst)
            }
            function.makeImmortal()
            let wrapper = PyMethodWrapper(function: .object(ObjectRef(Unmanaged.passUnretained(function))),
                                          type: interpreter.types.staticmethod)
            wrapper.makeImmortal()
            interpreter.setItem(dict, "__new__", .object(ObjectRef(Unmanaged.passUnretained(wrapper))))
        }
    }

    /// Built-in types take their base's slots, then their own on top.
    /// Called once all built-in types are installed, bases first.
    func inheritBuiltinSlots() {
        var merged = base?.slots ?? TypeSlots()
        merged.merge(ownSlots)
        slots = merged
    }
}

/// The special-method names of the numeric slots, in `BinaryOperation` order.
enum SpecialMethods {
    static let binaryNames = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift",
                              "sub", "truediv", "xor"]
}
