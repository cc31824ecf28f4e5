// `aiter(x)` and `anext(it[, default])`: the async counterparts of `iter`
// and `next`. With a default, `anext` returns an `anext_awaitable` that
// drives the awaitable `__anext__` gave and turns its StopAsyncIteration
// into the default (as a StopIteration carrying it: the await's result).

final class PyAnextAwaitable: PyObject {
    /// What `__anext__()` returned (owned).
    let wrapped: Value
    /// The value for the end of the iteration (owned).
    let fallback: Value

    init(wrapped: Value, fallback: Value, type: PyType) {
        self.wrapped = wrapped
        self.fallback = fallback
        super.init(type: type)
    }

    override func releaseContents() {
        wrapped.release()
        fallback.release()
    }

    override func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        visit(wrapped)
        visit(fallback)
    }
}

extension Interpreter {
    func installAsyncIterationBuiltins() {
        func define(_ name: String, _ body: @escaping PyBuiltinFunction.Body) {
            let function = PyBuiltinFunction(name: name, type: types.builtinFunction, moduleName: "builtins", body: body)
            function.makeImmortal()
            setItem(builtins, name, .object(ObjectRef(Unmanaged.passUnretained(function))))
        }
        define("aiter") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("aiter")
            guard arguments.positionalCount == 1 else {
                throw .typeError("aiter() takes exactly one argument (\(arguments.positionalCount) given)")
            }
            let iterable = arguments[0]
            guard let iterator = try thread.callSpecial(iterable, thread.interpreter.internedString("__aiter__"), []) else {
                throw .typeError("'\(thread.typeOf(iterable).name)' object is not an async iterable")
            }
            guard thread.typeOf(iterator).lookup(thread.interpreter.internedString("__anext__")) != nil else {
                let name = thread.typeOf(iterator).name
                iterator.release()
                throw .typeError("aiter() returned not an async iterator of type '\(name)'")
            }
            return iterator
        }
        define("anext") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("anext")
            try arguments.expect("anext", 1...2)
            let iterator = arguments[0]
            guard let awaitable = try thread.callSpecial(iterator, thread.interpreter.internedString("__anext__"), []) else {
                throw .typeError("'\(thread.typeOf(iterator).name)' object is not an async iterator")
            }
            guard arguments.positionalCount == 2 else { return awaitable }
            return .object(ObjectRef.allocate(PyAnextAwaitable(wrapped: awaitable, fallback: arguments[1].retained(),
                                                               type: thread.interpreter.types.other("anext_awaitable"))))
        }
        installAnextAwaitableType()
    }

    private func installAnextAwaitableType() {
        let type = types.other("anext_awaitable")
        var slots = TypeSlots()
        slots.iterate = { _, value throws(EvalError) in value.retained() }
        slots.next = { thread, value throws(EvalError) in
            try thread.anextStep(value.as(PyAnextAwaitable.self)!) { thread, inner throws(EvalError) in
                try thread.sendToSubiterator(inner, .none)
            }
        }
        type.installSlots(slots, self)
        type.define("__await__", self) { _, value, arguments throws(EvalError) in
            try arguments.expect("__await__", 0...0)
            return value.retained()
        }
        type.define("send", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("send", 1...1)
            let sent = arguments[0]
            return try thread.anextStep(value.as(PyAnextAwaitable.self)!) { thread, inner throws(EvalError) in
                try thread.sendToSubiterator(inner, sent)
            }
        }
        for name in ["throw", "close"] {
            type.define(name, self) { thread, value, arguments throws(EvalError) in
                if name == "throw" { try arguments.expect("throw", 1...3) } else { try arguments.expect("close", 0...0) }
                let passed = (0..<arguments.positionalCount).map { arguments[$0] }
                return try thread.anextStep(value.as(PyAnextAwaitable.self)!) { thread, inner throws(EvalError) in
                    .yielded(try thread.callMethod(inner, thread.interpreter.internedString(name), passed))
                }
            }
        }
    }
}

extension ThreadState {
    /// One step of the awaitable `__anext__` returned (the iterator `await`
    /// would drive, found afresh each time as CPython does); its end of
    /// iteration becomes `StopIteration(default)`.
    func anextStep(_ awaitable: PyAnextAwaitable,
                   _ step: (ThreadState, Value) throws(EvalError) -> GeneratorOutcome) throws(EvalError) -> Value {
        let inner = try self.awaitable(awaitable.wrapped, context: 0)
        defer { inner.release() }
        do throws(EvalError) {
            switch try step(self, inner) {
            case .yielded(let item): return item
            case .returned(let result): throw .withArguments("StopIteration", [result])
            }
        } catch {
            guard isInstance(error, of: "StopAsyncIteration") else { throw error }
            error.discard()
            throw .withArguments("StopIteration", [awaitable.fallback.retained()])
        }
    }
}
