// `_contextvars` (what `contextvars.py` re-exports): `ContextVar`, `Token`,
// `Context` and `copy_context`. Each thread has a current context, made
// empty on first use; `Context.run` swaps it for the length of a call.

extension ThreadState {
    /// The thread's current context (borrowed).
    var currentContext: PyContext {
        if let context = context { return context }
        let made = PyContext(type: interpreter.contextType)
        _ = ObjectRef.allocate(made)
        context = made
        return made
    }
}

extension Interpreter {
    func makeContextVarsModule() throws(EvalError) -> Value {
        try makeNativeModule("_contextvars", doc: "Context Variables") { module, define throws(EvalError) in
            for type in [contextType, contextVariableType, contextTokenType] { export(type, in: module) }
            define("copy_context") { thread, arguments throws(EvalError) in
                try arguments.expect("copy_context", 0...0)
                let copy = thread.currentContext.copy(type: thread.interpreter.contextType)
                return .object(ObjectRef.allocate(copy))
            }
        }
    }

    var contextType: PyType {
        nativeType("Context", module: "_contextvars", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { _, type, arguments throws(EvalError) in
                if arguments.positionalCount > 0 || arguments.hasKeywords {
                    throw .typeError("Context() does not accept any arguments")
                }
                return .object(ObjectRef.allocate(PyContext(type: type)))
            }
            slots.getItem = { thread, value, key throws(EvalError) in
                try thread.expectContextVariable(key)
                guard let found = value.as(PyContext.self)!.value(of: key) else { throw .withArguments("KeyError", [key.retained()]) }
                found.retain()
                return found
            }
            slots.contains = { thread, value, key throws(EvalError) in
                try thread.expectContextVariable(key)
                return value.as(PyContext.self)!.value(of: key) != nil
            }
            slots.length = { _, value throws(EvalError) in value.as(PyContext.self)!.entries.count }
            slots.iterate = { thread, value throws(EvalError) in
                try thread.iterateContext(value) { entry in entry.variable.retained() }
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard operation == .equal || operation == .notEqual,
                      let a = left.as(PyContext.self), let b = right.as(PyContext.self) else { return thread.notImplemented() }
                var same = a.entries.count == b.entries.count
                for (variable, value) in a.entries where same {
                    if let other = b.value(of: variable) { same = try thread.equal(value, other) } else { same = false }
                }
                return .bool(operation == .equal ? same : !same)
            }
            type.installSlots(slots, self)
            type.define("run", self) { thread, receiver, arguments throws(EvalError) in
                guard arguments.positionalCount >= 1 else { throw .typeError("run() missing 1 required positional argument") }
                return try thread.runInContext(receiver.as(PyContext.self)!, arguments)
            }
            type.define("copy", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("copy", 0...0)
                return .object(ObjectRef.allocate(receiver.as(PyContext.self)!.copy(type: thread.interpreter.contextType)))
            }
            type.define("get", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("get", 1...2)
                try thread.expectContextVariable(arguments[0])
                let found = receiver.as(PyContext.self)!.value(of: arguments[0])
                    ?? (arguments.positionalCount > 1 ? arguments[1] : .none)
                found.retain()
                return found
            }
            type.define("keys", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("keys", 0...0)
                return thread.interpreter.newList(receiver.as(PyContext.self)!.entries.map { $0.variable.retained() })
            }
            type.define("values", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("values", 0...0)
                return thread.interpreter.newList(receiver.as(PyContext.self)!.entries.map { $0.value.retained() })
            }
            type.define("items", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("items", 0...0)
                let interpreter = thread.interpreter
                return interpreter.newList(receiver.as(PyContext.self)!.entries.map {
                    interpreter.newTuple([$0.variable.retained(), $0.value.retained()])
                })
            }
        }
    }

    var contextVariableType: PyType {
        nativeType("ContextVar", module: "_contextvars", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let bound = try arguments.bind("ContextVar", ["name", "default"], required: 1, keywordOnlyFrom: 1)
                guard bound[0]!.strObject != nil else { throw .typeError("context variable name must be a str") }
                return .object(ObjectRef.allocate(PyContextVariable(name: bound[0]!, defaultValue: bound[1], type: type)))
            }
            slots.repr = { thread, value throws(EvalError) in
                let variable = value.as(PyContextVariable.self)!
                var text = "<ContextVar name=\(try thread.reprText(variable.name))"
                if let defaultValue = variable.defaultValue { text += " default=\(try thread.reprText(defaultValue))" }
                return thread.interpreter.newString(text + " at \(thread.addressText(value))>")
            }
            slots.hash = { _, value throws(EvalError) in value.objectReference!.address }
            type.installSlots(slots, self)
            type.defineAttribute("name", self, get: { _, value throws(EvalError) in
                value.as(PyContextVariable.self)!.name.retained()
            })
            type.define("get", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("get", 0...1)
                let variable = receiver.as(PyContextVariable.self)!
                if let found = thread.currentContext.value(of: receiver) { return found.retained() }
                if arguments.positionalCount == 1 { return arguments[0].retained() }
                if let defaultValue = variable.defaultValue { return defaultValue.retained() }
                throw .withArguments("LookupError", [receiver.retained()])
            }
            type.define("set", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("set", 1...1)
                let context = thread.currentContext
                let token = PyContextToken(context: .object(ObjectRef(Unmanaged.passUnretained(context))), variable: receiver,
                                           oldValue: context.value(of: receiver), type: thread.interpreter.contextTokenType)
                context.set(receiver, arguments[0])
                return .object(ObjectRef.allocate(token))
            }
            type.define("reset", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("reset", 1...1)
                guard let token = arguments[0].as(PyContextToken.self) else {
                    throw .typeError("expected an instance of Token, got \(try thread.reprText(arguments[0]))")
                }
                if token.isUsed { throw .runtimeError("\(try thread.reprText(arguments[0])) has already been used once") }
                guard token.variable.isIdentical(to: receiver) else {
                    throw .valueError("\(try thread.reprText(arguments[0])) was created by a different ContextVar")
                }
                let context = thread.currentContext
                guard token.context.as(PyContext.self) === context else {
                    throw .valueError("\(try thread.reprText(arguments[0])) was created in a different Context")
                }
                token.isUsed = true
                if let old = token.oldValue { context.set(receiver, old) } else { context.remove(receiver) }
                return .none
            }
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.makeGenericAlias(arguments)
            }
        }
    }

    var contextTokenType: PyType {
        nativeType("Token", module: "_contextvars", flags: []) { type in
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .runtimeError("Tokens can only be created by ContextVars") }
            slots.repr = { thread, value throws(EvalError) in
                let token = value.as(PyContextToken.self)!
                let used = token.isUsed ? " used" : ""
                return thread.interpreter.newString(
                    "<Token\(used) var=\(try thread.reprText(token.variable)) at \(thread.addressText(value))>")
            }
            type.installSlots(slots, self)
            type.defineAttribute("var", self, get: { _, value throws(EvalError) in
                value.as(PyContextToken.self)!.variable.retained()
            })
            type.defineAttribute("old_value", self, get: { thread, value throws(EvalError) in
                value.as(PyContextToken.self)!.oldValue?.retained() ?? thread.interpreter.contextTokenMissing.retained()
            })
            setItem(type.dict, "MISSING", contextTokenMissing.retained())
            type.dictChanged()
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.makeGenericAlias(arguments)
            }
        }
    }

    /// `Token.MISSING`, the `old_value` of a token for a variable that was unset.
    var contextTokenMissing: Value {
        let type = nativeType("Token.MISSING", module: "_contextvars", flags: []) { type in
            type.qualifiedName = "Token.MISSING"
            var slots = TypeSlots()
            slots.repr = { thread, _ throws(EvalError) in thread.interpreter.newString("<Token.MISSING>") }
            type.installSlots(slots, self)
            let marker = PyObject(type: type)
            marker.makeImmortal()
            setItem(type.dict, "instance", .object(ObjectRef(Unmanaged.passUnretained(marker))))
            type.dictChanged()
        }
        return type.dict.lookup(name: "instance")!
    }
}

extension ThreadState {
    func expectContextVariable(_ key: Value) throws(EvalError) {
        guard key.as(PyContextVariable.self) != nil else {
            throw .typeError("a ContextVar key was expected, got \(try reprText(key))")
        }
    }

    /// An iterator over a snapshot of the context's entries.
    func iterateContext(_ context: Value, _ item: ((variable: Value, value: Value)) -> Value) throws(EvalError) -> Value {
        let list = interpreter.newList(context.as(PyContext.self)!.entries.map(item))
        defer { list.release() }
        return try iterate(list)
    }

    /// `context.run(callable, *args, **kwargs)`.
    func runInContext(_ context: PyContext, _ arguments: Arguments) throws(EvalError) -> Value {
        if context.isEntered {
            let value = Value.object(ObjectRef(Unmanaged.passUnretained(context)))
            throw .runtimeError("cannot enter context: \(try reprText(value)) is already entered")
        }
        let saved = currentContext
        context.incref()
        self.context = context
        context.isEntered = true
        defer {
            context.isEntered = false
            self.context = saved
            context.decref()
        }
        return try call(arguments[0], arguments.droppingFirst)
    }
}
