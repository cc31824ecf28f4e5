import GarterCompiler

// Generators and coroutines: making them from a frame at RETURN_GENERATOR,
// resuming them (send/throw/close), `yield from`/`await` delegation (SEND),
// and the `generator`/`coroutine` types.

/// How a resumed generator stopped.
enum GeneratorOutcome {
    case yielded(Value)
    case returned(Value)
}

extension ThreadState {
    /// RETURN_GENERATOR: moves the running frame into a new generator
    /// object (returned as a new reference) and off the frame stack.
    func makeGenerator(from frame: UnsafeMutablePointer<Frame>) -> Value {
        let code = frame.pointee.code.takeUnretainedValue()
        let byteCount = Frame.byteCount(slots: frame.pointee.capacity)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 16)
        memory.copyMemory(from: UnsafeRawPointer(frame), byteCount: byteCount)
        let moved = memory.bindMemory(to: Frame.self, capacity: 1)
        moved.pointee.isGenerator = true
        moved.pointee.isEntry = true
        moved.pointee.previous = nil
        if let object = moved.pointee.frameObject { object._withUnsafeGuaranteedRef { $0.live = moved } }
        if currentFrame == frame { currentFrame = frame.pointee.previous }
        frameStack.pop(frame)
        let kind: PyGenerator.Kind
        let typeName: String
        if code.flags.contains(.coroutine) {
            kind = .coroutine
            typeName = "coroutine"
        } else if code.flags.contains(.asyncGenerator) {
            kind = .asyncGenerator
            typeName = "async_generator"
        } else {
            kind = .generator
            typeName = "generator"
        }
        let function = moved.pointee.function?.takeUnretainedValue()
        let generator = PyGenerator(kind: kind, frame: moved, code: code, name: function?.name ?? code.nameValue,
                                    qualifiedName: function?.qualifiedName ?? code.qualifiedNameValue,
                                    type: interpreter.types.other(typeName))
        return .object(ObjectRef.allocate(generator))
    }

    /// How to resume a generator.
    enum Resumption {
        /// Push this value as the result of the pending yield.
        case send(Value)
        /// Raise this (owned) exception at the pending yield.
        case raise(EvalError)
        /// The frame's stack is already right (a delegated `yield from` ended).
        case resume
    }

    /// Resumes `generator` until it yields, returns or raises.
    func resume(_ generator: PyGenerator, _ how: Resumption) throws(EvalError) -> GeneratorOutcome {
        switch generator.state {
        case .running:
            how.discard()
            throw .valueError("\(generator.typeDescription) already executing")
        case .finished:
            if case .raise(let error) = how { throw error }
            if generator.kind == .coroutine { throw .runtimeError("cannot reuse already awaited coroutine") }
            return .returned(.none)
        case .created:
            if case .send(let value) = how, !value.isNone {
                throw .typeError("can't send non-None value to a just-started \(generator.typeDescription)")
            }
        case .suspended:
            break
        }
        guard let frame = generator.frame else { return .returned(.none) }
        frame.pointee.previous = currentFrame
        var pending: EvalError?
        switch how {
        case .send(let value):
            value.retain()
            let stack = frame.localsPlus + generator.code.localCount
            (stack + frame.pointee.stackDepth).initialize(to: value)
            frame.pointee.stackDepth += 1
        case .raise(let error):
            pending = error
        case .resume:
            break
        }
        generator.state = .running
        handledExceptions.append(generator.savedException)
        generator.savedException = .none
        defer { generator.savedException = handledExceptions.removeLast() }
        do throws(EvalError) {
            let result = try evaluate(frame, throwing: pending)
            if frame.pointee.hasYielded {
                generator.state = .suspended
                return .yielded(result)
            }
            generator.state = .finished
            generator.dropFrame()
            return .returned(result)
        } catch {
            generator.state = .finished
            generator.dropFrame()
            if isInstance(error, of: "StopIteration") || (generator.kind == .asyncGenerator && isInstance(error, of: "StopAsyncIteration")) {
                let what = generator.kind == .generator ? "generator" : generator.kind == .coroutine ? "coroutine" : "async generator"
                let original = normalize(error, newlyRaised: false)
                let replacement = makeException(named: "RuntimeError",
                                                [interpreter.newString("\(what) raised \(isInstance(error, of: "StopIteration") ? "StopIteration" : "StopAsyncIteration")")])
                let object = Value.object(replacement).as(PyBaseException.self)!
                object.cause = .object(original)
                original.retainValue()
                object.context = .object(original)
                object.suppressContext = true
                throw .exception(replacement)
            }
            throw error
        }
    }

    /// SEND: one step of `yield from`/`await` on `receiver`.
    func sendToSubiterator(_ receiver: Value, _ value: Value) throws(EvalError) -> GeneratorOutcome {
        if let generator = receiver.as(PyGenerator.self) {
            return try resume(generator, .send(value))
        }
        do throws(EvalError) {
            if value.isNone {
                if let item = try next(receiver) { return .yielded(item) }
                return .returned(.none)
            }
            return .yielded(try callMethod(receiver, interpreter.internedString("send"), [value]))
        } catch {
            if isStopIteration(error) { return .returned(stopIterationValue(error)) }
            throw error
        }
    }

    /// The value a StopIteration carries (a new reference); consumes the error.
    func stopIterationValue(_ error: EvalError) -> Value {
        if case .withArguments(_, let values) = error {
            // Not made into an object yet (raised from Swift): the value is right there.
            for extra in values.dropFirst() { extra.release() }
            return values.first ?? .none
        }
        defer { error.discard() }
        guard case .exception(let reference) = error, let exception = Value.object(reference).as(PyBaseException.self),
              let first = exception.args.items.first else { return .none }
        first.retain()
        return first
    }

    /// `generator.throw(exception)`, delegating to a `yield from` target first.
    func throwInto(_ generator: PyGenerator, _ error: EvalError) throws(EvalError) -> GeneratorOutcome {
        if generator.state == .suspended, let frame = generator.frame, let receiver = delegatedReceiver(generator) {
            let isGeneratorExit = isInstance(error, of: "GeneratorExit")
            var outcome: GeneratorOutcome?
            do throws(EvalError) {
                if isGeneratorExit {
                    try closeIterator(receiver)
                } else if let inner = receiver.as(PyGenerator.self) {
                    outcome = try throwInto(inner, error.retained())
                } else if let method = try lookupAttribute(receiver, interpreter.internedString("throw")) {
                    defer { method.release() }
                    let exception = normalize(error.retained(), newlyRaised: false)
                    defer { Value.object(exception).release() }
                    outcome = .yielded(try call(method, [.object(exception)]))
                }
            } catch {
                var delegatedError = error
                if isStopIteration(delegatedError) {
                    let result = stopIterationValue(delegatedError)
                    // The delegation ended: continue after the SEND loop with its result.
                    let send = Instruction(word: generator.code.instructions[frame.pointee.instructionIndex - 2])
                    let stack = frame.localsPlus + generator.code.localCount
                    (stack + frame.pointee.stackDepth - 1).pointee?.release()
                    (stack + frame.pointee.stackDepth - 1).pointee = result
                    frame.pointee.instructionIndex = Int(send.argument)
                    error.discard()
                    return try resume(generator, .resume)
                }
                _ = delegatedError
                error.discard()
                delegatedError = error
                return try resume(generator, .raise(delegatedError))
            }
            if let outcome {
                switch outcome {
                case .yielded:
                    error.discard()
                    return outcome
                case .returned(let value):
                    error.discard()
                    let send = Instruction(word: generator.code.instructions[frame.pointee.instructionIndex - 2])
                    let stack = frame.localsPlus + generator.code.localCount
                    (stack + frame.pointee.stackDepth - 1).pointee?.release()
                    (stack + frame.pointee.stackDepth - 1).pointee = value
                    frame.pointee.instructionIndex = Int(send.argument)
                    return try resume(generator, .resume)
                }
            }
        }
        return try resume(generator, .raise(error))
    }

    /// The iterator a suspended generator is delegating to (`yield from`,
    /// `await`), if any: the frame is about to run RESUME 2 or 3.
    func delegatedReceiver(_ generator: PyGenerator) -> Value? {
        guard let frame = generator.frame, frame.pointee.stackDepth > 0 else { return nil }
        let word = generator.code.instructions[frame.pointee.instructionIndex]
        let instruction = Instruction(word: word)
        guard instruction.opcode == .resume, instruction.argument >= 2 else { return nil }
        return (frame.localsPlus + generator.code.localCount + frame.pointee.stackDepth - 1).pointee
    }

    /// `close()` on an iterator if it has one.
    func closeIterator(_ iterator: Value) throws(EvalError) {
        if let generator = iterator.as(PyGenerator.self) {
            try closeGenerator(generator)
            return
        }
        if let close = try lookupAttribute(iterator, interpreter.internedString("close")) {
            defer { close.release() }
            try call(close, []).release()
        }
    }

    /// `generator.close()`: GeneratorExit at the pending yield.
    func closeGenerator(_ generator: PyGenerator) throws(EvalError) {
        guard generator.state == .suspended else {
            if generator.state == .created {
                generator.state = .finished
                generator.dropFrame()
            }
            return
        }
        let exit = EvalError.exception(makeException(named: "GeneratorExit", []))
        do throws(EvalError) {
            switch try throwInto(generator, exit) {
            case .yielded(let value):
                value.release()
                throw EvalError.runtimeError("\(generator.typeDescription) ignored GeneratorExit")
            case .returned(let value):
                value.release()
            }
        } catch {
            if isInstance(error, of: "GeneratorExit") || isStopIteration(error) {
                error.discard()
                return
            }
            throw error
        }
    }

    /// GET_AWAITABLE: what `await value` iterates.
    func awaitable(_ value: Value, context: Int) throws(EvalError) -> Value {
        if let generator = value.as(PyGenerator.self) {
            if generator.kind == .coroutine || generator.code.flags.contains(.iterableCoroutine) {
                if generator.kind == .coroutine, let receiver = delegatedReceiver(generator), receiver.as(PyGenerator.self) != nil,
                   generator.state == .suspended {
                    throw .runtimeError("coroutine is being awaited already")
                }
                value.retain()
                return value
            }
        }
        guard let result = try callSpecial(value, interpreter.names.__await__, []) else {
            switch context {
            case 1: throw .typeError("'async with' received an object from __aenter__ that does not implement __await__: \(typeOf(value).name)")
            case 2: throw .typeError("'async with' received an object from __aexit__ that does not implement __await__: \(typeOf(value).name)")
            default: throw .typeError("object \(typeOf(value).name) can't be used in 'await' expression")
            }
        }
        if let generator = result.as(PyGenerator.self), generator.kind == .coroutine {
            result.release()
            throw .typeError("__await__() returned a coroutine")
        }
        if typeOf(result).slots.next == nil {
            let name = typeOf(result).name
            result.release()
            throw .typeError("__await__() returned non-iterator of type '\(name)'")
        }
        return result
    }
}

extension ThreadState.Resumption {
    func discard() {
        if case .raise(let error) = self { error.discard() }
    }
}

extension EvalError {
    /// The same error with an extra reference to what it holds.
    func retained() -> EvalError {
        switch self {
        case .exception(let reference): Value.object(reference).retain()
        case .withArguments(_, let values): for value in values { value.retain() }
        default: break
        }
        return self
    }
}

extension ObjectRef {
    func retainValue() { retain() }
}

extension Interpreter {
    /// The `generator`, `coroutine` and `async_generator` types.
    func installGeneratorTypes() {
        for name in ["generator", "coroutine", "async_generator"] {
            let type = types.other(name)
            var slots = TypeSlots()
            if name == "generator" {
                slots.iterate = { _, value throws(EvalError) in
                    value.retain()
                    return value
                }
                slots.next = { thread, value throws(EvalError) in
                    // Exhausted, whatever it returned (loops drop the value;
                    // `next()` itself resumes the generator to keep it).
                    switch try thread.resume(value.as(PyGenerator.self)!, .send(.none)) {
                    case .yielded(let item): return item
                    case .returned(let result):
                        result.release()
                        return nil
                    }
                }
            }
            slots.repr = { thread, value throws(EvalError) in
                let generator = value.as(PyGenerator.self)!
                let address = String(value.objectReference!.address, radix: 16)
                return thread.interpreter.newString("<\(name) object \(generator.qualifiedName.stringValue ?? "?") at 0x\(address)>")
            }
            type.installSlots(slots, self)
            type.define("send", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("send", 1...1)
                switch try thread.resume(value.as(PyGenerator.self)!, .send(arguments[0])) {
                case .yielded(let item): return item
                case .returned(let result): throw .withArguments("StopIteration", result.isNone ? [] : [result])
                }
            }
            type.define("throw", self) { thread, value, arguments throws(EvalError) in
                try arguments.expect("throw", 1...3)
                let error = try thread.exceptionForThrow(arguments)
                switch try thread.throwInto(value.as(PyGenerator.self)!, error) {
                case .yielded(let item): return item
                case .returned(let result): throw .withArguments("StopIteration", result.isNone ? [] : [result])
                }
            }
            type.define("close", self) { thread, value, _ throws(EvalError) in
                try thread.closeGenerator(value.as(PyGenerator.self)!)
                return .none
            }
            if name == "coroutine" {
                type.define("__await__", self) { thread, value, _ throws(EvalError) in
                    value.retain()
                    return .object(ObjectRef.allocate(PyNativeIterator(holds: [value], type: thread.interpreter.types.other("coroutine_wrapper")) { thread throws(EvalError) in
                        switch try thread.resume(value.as(PyGenerator.self)!, .send(.none)) {
                        case .yielded(let item): return item
                        case .returned(let result):
                            if result.isNone { return nil }
                            throw .withArguments("StopIteration", [result])
                        }
                    }))
                }
            }
            let prefix = name == "generator" ? "gi" : name == "coroutine" ? "cr" : "ag"
            type.defineAttribute("__name__", self, get: { _, value throws(EvalError) in
                let name = value.as(PyGenerator.self)!.name
                name.retain()
                return name
            })
            type.defineAttribute("__qualname__", self, get: { _, value throws(EvalError) in
                let name = value.as(PyGenerator.self)!.qualifiedName
                name.retain()
                return name
            })
            type.defineAttribute("\(prefix)_running", self, get: { _, value throws(EvalError) in
                .bool(value.as(PyGenerator.self)!.state == .running)
            })
            type.defineAttribute("\(prefix)_code", self, get: { _, value throws(EvalError) in
                let code = value.as(PyGenerator.self)!.code
                code.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(code)))
            })
            type.defineAttribute("\(prefix)_frame", self, get: { thread, value throws(EvalError) in
                guard let frame = value.as(PyGenerator.self)!.frame else { return .none }
                let object = thread.frameObject(for: frame)
                object.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(object)))
            })
            type.defineAttribute(name == "coroutine" ? "cr_await" : "\(prefix)_yieldfrom", self, get: { thread, value throws(EvalError) in
                guard let receiver = thread.delegatedReceiver(value.as(PyGenerator.self)!) else { return .none }
                receiver.retain()
                return receiver
            })
        }
        var wrapperSlots = TypeSlots()
        wrapperSlots.iterate = { _, value throws(EvalError) in
            value.retain()
            return value
        }
        wrapperSlots.next = { thread, value throws(EvalError) in
            let iterator = value.as(PyNativeIterator.self)!
            guard let step = iterator.step else { return nil }
            return try step(thread)
        }
        types.other("coroutine_wrapper").installSlots(wrapperSlots, self)
        _ = types.other("async_generator_wrapped_value")
    }
}

extension ThreadState {
    /// The exception `gen.throw(type[, value[, traceback]])` raises.
    func exceptionForThrow(_ arguments: Arguments) throws(EvalError) -> EvalError {
        let first = arguments[0]
        let second: Value = arguments.positionalCount > 1 ? arguments[1] : .none
        let traceback: Value = arguments.positionalCount > 2 ? arguments[2] : .none
        if !traceback.isNone, typeOf(traceback) !== interpreter.types.traceback {
            throw .typeError("throw() third argument must be a traceback object")
        }
        let instance: Value
        if typeOf(first).flags.contains(.exceptionSubclass) {
            guard second.isNone else { throw .typeError("instance exception may not have a separate value") }
            first.retain()
            instance = first
        } else {
            guard let type = first.as(PyType.self), type.flags.contains(.exceptionSubclass) else {
                throw .typeError("exceptions must be classes or instances deriving from BaseException, not \(typeOf(first).name)")
            }
            // As CPython's _PyErr_NormalizeException: a value that is already an
            // instance of the type is the exception; a tuple is the arguments.
            if typeOf(second).isSubtype(of: type) {
                second.retain()
                instance = second
            } else if let tuple = second.as(PyTuple.self) {
                instance = try call(first, tuple.items)
            } else {
                instance = try call(first, second.isNone ? [] : [second])
            }
            // A class whose constructor returns a non-exception: the TypeError
            // is what goes into the generator (CPython's normalization).
            if !typeOf(instance).flags.contains(.exceptionSubclass) {
                let message = "calling \(try reprText(first)) should have returned an instance of BaseException, not \(typeOf(instance).name)"
                instance.release()
                return .typeError(message)
            }
        }
        if !traceback.isNone {
            do throws(EvalError) {
                try setAttribute(instance, interpreter.internedString("__traceback__"), traceback)
            } catch {
                instance.release()
                throw error
            }
        }
        return .exception(instance.objectReference!)
    }
}
