// Async generators (`async def` with `yield`): `__anext__`/`asend`,
// `athrow` and `aclose` return awaitables that step the generator's frame.
// A value the frame yields through ASYNC_GEN_WRAP ends the step with
// StopIteration(value); a value it yields from an awaited coroutine goes up
// to whoever awaits the step (the event loop). `sys.set_asyncgen_hooks`
// lets asyncio see every async generator's first step and its finalization.

extension ThreadState {
    /// One `send` into a step awaitable (`value` borrowed).
    func sendStep(_ step: PyAsyncGeneratorStep, _ value: Value) throws(EvalError) -> Value {
        let generator = step.generator
        switch step.state {
        case .closed:
            switch step.operation {
            case .send: throw .runtimeError("cannot reuse already awaited __anext__()/asend()")
            case .throwing: throw .runtimeError("cannot reuse already awaited athrow()")
            case .close: throw .runtimeError("cannot reuse already awaited aclose()")
            }
        case .initial:
            try callFirstIterationHook(generator)
            if step.operation == .send {
                if generator.isRunningAsync {
                    throw .runtimeError("anext(): asynchronous generator is already running")
                }
                step.state = .iterating
                generator.isRunningAsync = true
                return try finishStep(step) { () throws(EvalError) in
                    try resume(generator, .send(value.isNone ? step.sendValue : value))
                }
            }
            if generator.state == .finished {
                step.state = .closed
                if step.operation == .close { throw .withArguments("StopIteration", []) }
                throw .pythonException("StopAsyncIteration", "")
            }
            if generator.isRunningAsync {
                throw .runtimeError(step.operation == .close ? "aclose(): asynchronous generator is already running"
                                                             : "athrow(): asynchronous generator is already running")
            }
            if !value.isNone { throw .runtimeError("can't send non-None value to a just-started coroutine") }
            step.state = .iterating
            generator.isRunningAsync = true
            let error = step.pendingError ?? .exception(makeException(named: "GeneratorExit", []))
            step.pendingError = nil
            return try finishStep(step) { () throws(EvalError) in try throwInto(generator, error) }
        case .iterating:
            return try finishStep(step) { () throws(EvalError) in try resume(generator, .send(value)) }
        }
    }

    /// `throw` into a step awaitable.
    func throwIntoStep(_ step: PyAsyncGeneratorStep, _ error: EvalError) throws(EvalError) -> Value {
        if step.state == .closed {
            error.discard()
            throw .runtimeError("cannot reuse already awaited __anext__()/asend()")
        }
        if step.state == .initial { step.state = .iterating }
        step.generator.isRunningAsync = true
        return try finishStep(step) { () throws(EvalError) in try throwInto(step.generator, error) }
    }

    /// Runs one move of the generator and interprets its outcome for `step`.
    private func finishStep(_ step: PyAsyncGeneratorStep,
                            _ move: () throws(EvalError) -> GeneratorOutcome) throws(EvalError) -> Value {
        let generator = step.generator
        let outcome: GeneratorOutcome
        do throws(EvalError) {
            outcome = try move()
        } catch {
            step.state = .closed
            generator.isRunningAsync = false
            if step.operation == .close && (isInstance(error, of: "StopAsyncIteration") || isInstance(error, of: "GeneratorExit")) {
                error.discard()
                throw .withArguments("StopIteration", [])
            }
            throw error
        }
        switch outcome {
        case .returned(let value):
            value.release()
            step.state = .closed
            generator.isRunningAsync = false
            if step.operation == .close { throw .withArguments("StopIteration", []) }
            throw .pythonException("StopAsyncIteration", "")
        case .yielded(let value):
            guard let wrapped = value.as(PyAsyncGeneratorValue.self) else {
                return value   // from an awaited coroutine: up to the event loop
            }
            defer { value.release() }
            step.state = .closed
            generator.isRunningAsync = false
            if step.operation == .close {
                throw .runtimeError("async generator ignored GeneratorExit")
            }
            throw .withArguments("StopIteration", [wrapped.value.retained()])
        }
    }

    /// `sys.set_asyncgen_hooks(firstiter=...)`: called once per generator,
    /// which also remembers the finalizer in force.
    func callFirstIterationHook(_ generator: PyGenerator) throws(EvalError) {
        guard !generator.asyncHooksCalled else { return }
        generator.asyncHooksCalled = true
        generator.asyncFinalizer.release()
        generator.asyncFinalizer = asyncGeneratorFinalizer.retained()
        guard !asyncGeneratorFirstIteration.isNone else { return }
        let generatorValue = Value.object(ObjectRef(Unmanaged.passUnretained(generator)))
        try call(asyncGeneratorFirstIteration, [generatorValue]).release()
    }

    func newAsyncGeneratorStep(_ generator: Value, _ operation: PyAsyncGeneratorStep.Operation,
                               sendValue: Value = .none, error: EvalError? = nil) -> Value {
        let name = operation == .send ? "async_generator_asend" : "async_generator_athrow"
        return .object(ObjectRef.allocate(PyAsyncGeneratorStep(generator: generator.as(PyGenerator.self)!, operation: operation,
                                                                 sendValue: sendValue.retained(), error: error,
                                                                 type: interpreter.types.other(name))))
    }
}

extension Interpreter {
    /// The methods of `async_generator` and the types of its awaitables.
    func installAsyncGeneratorProtocol() {
        let generatorType = types.other("async_generator")
        var generatorSlots = TypeSlots()
        generatorSlots.finalize = { thread, value throws(EvalError) in
            // Unfinished and started: hand it to the finalizer hook (asyncio
            // schedules `aclose()`), as CPython's _PyGen_Finalize.
            let generator = value.as(PyGenerator.self)!
            guard generator.state == .suspended, !generator.asyncFinalizer.isNone else { return }
            try thread.call(generator.asyncFinalizer, [value]).release()
        }
        generatorType.installSlots(generatorSlots, self)
        generatorType.flags.insert(.hasFinalizer)
        generatorType.define("__aiter__", self) { _, value, _ throws(EvalError) in value.retained() }
        generatorType.define("__anext__", self) { thread, value, _ throws(EvalError) in
            thread.newAsyncGeneratorStep(value, .send)
        }
        generatorType.define("asend", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("asend", 1...1)
            return thread.newAsyncGeneratorStep(value, .send, sendValue: arguments[0])
        }
        generatorType.define("athrow", self) { thread, value, arguments throws(EvalError) in
            try arguments.expect("athrow", 1...3)
            let error = try thread.exceptionForThrow(arguments)
            return thread.newAsyncGeneratorStep(value, .throwing, error: error)
        }
        generatorType.define("aclose", self) { thread, value, _ throws(EvalError) in
            thread.newAsyncGeneratorStep(value, .close)
        }
        generatorType.defineAttribute("ag_await", self, get: { thread, value throws(EvalError) in
            thread.delegatedReceiver(value.as(PyGenerator.self)!)?.retained() ?? .none
        })
        generatorType.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
            try thread.makeGenericAlias(arguments)
        }

        for name in ["async_generator_asend", "async_generator_athrow"] {
            let type = types.other(name)
            var slots = TypeSlots()
            slots.iterate = { _, value throws(EvalError) in value.retained() }
            slots.next = { thread, value throws(EvalError) in
                try thread.sendStep(value.as(PyAsyncGeneratorStep.self)!, .none)
            }
            type.installSlots(slots, self)
            type.define("__await__", self) { _, value, _ throws(EvalError) in value.retained() }
            type.define("send", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("send", 1...1)
                return try thread.sendStep(value.as(PyAsyncGeneratorStep.self)!, arguments[0])
            }
            type.define("throw", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("throw", 1...3)
                let error = try thread.exceptionForThrow(arguments)
                return try thread.throwIntoStep(value.as(PyAsyncGeneratorStep.self)!, error)
            }
            type.define("close", self) { _, value, _ throws(EvalError) in
                value.as(PyAsyncGeneratorStep.self)!.state = .closed
                return .none
            }
        }
    }
}
