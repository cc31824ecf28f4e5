// Raising and catching: turning Swift-side errors into exception objects,
// chaining them (`__context__`, `__cause__`), tracebacks, and the
// matching `except` clauses do.

extension ThreadState {
    /// The exception object for `error` (a new reference). Exceptions
    /// raised anew get the exception being handled as their `__context__`.
    func normalize(_ error: EvalError, newlyRaised: Bool) -> ObjectRef {
        let reference: ObjectRef
        var isFresh = true
        switch error {
        case .exception(let existing):
            reference = existing
            isFresh = false
        case .withArguments(let name, let values):
            reference = makeException(named: name, values)
        case .recursion:
            reference = makeException(named: "RecursionError", [interpreter.newString("maximum recursion depth exceeded")])
        default:
            let (name, message) = error.classAndMessage!
            reference = makeException(named: name, message.isEmpty && name == "StopIteration" ? [] : [interpreter.newString(message)])
            if name == "NameError" || name == "UnboundLocalError", case .nameError(let text) = error {
                _ = text
            }
        }
        if newlyRaised && isFresh { setContext(reference) }
        return reference
    }

    /// A built-in exception instance with `values` (owned) as args.
    func makeException(named name: String, _ values: [Value]) -> ObjectRef {
        let type = interpreter.types.exceptions[name] ?? interpreter.types.exceptions["SystemError"]!
        let args = interpreter.newTuple(values).as(PyTuple.self)!
        return ObjectRef.allocate(PyBaseException(args: args, type: type))
    }

    /// Sets `__context__` of a newly raised exception to the one being
    /// handled, breaking a cycle if the chain already leads back to it.
    func setContext(_ exception: ObjectRef) {
        let handled = currentHandledException
        guard case .object(let handledReference) = handled, handledReference != exception,
              let raised = Value.object(exception).as(PyBaseException.self) else { return }
        // Break cycles: if `exception` appears in the context chain of the handled one, cut it there.
        // A chain that already has a cycle of its own is left alone: the slow
        // cursor (one step for every two) meets the fast one (Floyd's check).
        var cursor = handled.as(PyBaseException.self)
        var slow = cursor
        var moveSlow = false
        while let current = cursor, let next = current.context {
            if next.objectReference == exception {
                current.context = nil
                next.release()
                break
            }
            cursor = next.as(PyBaseException.self)
            if cursor === slow { break }
            if moveSlow { slow = slow?.context?.as(PyBaseException.self) }
            moveSlow.toggle()
        }
        handled.retain()
        let old = raised.context
        raised.context = handled
        old?.release()
    }

    /// Adds the frame's entry to the exception's traceback.
    func addTracebackEntry(_ exception: ObjectRef, _ frame: UnsafeMutablePointer<Frame>, instructionIndex: Int) {
        guard let raised = Value.object(exception).as(PyBaseException.self) else { return }
        let frameObject = frameObject(for: frame)
        frame.pointee.instructionIndex = max(frame.pointee.instructionIndex, 0)
        let entry = PyTraceback(frame: frameObject, instructionIndex: instructionIndex, next: raised.traceback,
                                type: interpreter.types.traceback)
        _ = ObjectRef.allocate(entry)
        raised.traceback?.decref()
        raised.traceback = entry
    }

    /// The frame object of a running frame, made on first use (borrowed).
    func frameObject(for frame: UnsafeMutablePointer<Frame>) -> PyFrame {
        if let existing = frame.pointee.frameObject { return existing.takeUnretainedValue() }
        let code = frame.pointee.code.takeUnretainedValue()
        let object = PyFrame(code: code, globals: frame.pointee.globals.takeUnretainedValue(),
                             instructionIndex: frame.pointee.instructionIndex, type: interpreter.types.frame)
        _ = ObjectRef.allocate(object)
        object.live = frame
        if let previous = frame.pointee.previous {
            let back = frameObject(for: previous)
            back.incref()
            object.back = back
        }
        frame.pointee.frameObject = Unmanaged.passUnretained(object)
        return object
    }

    /// RAISE_VARARGS: re-raise (0), raise exc (1), raise exc from cause (2).
    func raise(_ count: Int, _ top: inout UnsafeMutablePointer<Value?>) throws(EvalError) {
        var cause: Value?
        if count == 2 {
            top -= 1
            cause = top.move()
        }
        guard count >= 1 else {
            let handled = currentHandledException
            guard case .object(let reference) = handled else { throw .runtimeError("No active exception to reraise") }
            handled.retain()
            throw .exception(reference)
        }
        top -= 1
        let raised = top.move().unsafelyUnwrapped
        defer { cause?.release() }
        let exception = try instantiateException(raised, forCause: false)
        if let cause {
            let causeObject: Value?
            if cause.isNone {
                causeObject = nil
            } else {
                causeObject = .object(try instantiateException(cause, forCause: true))
            }
            let object = Value.object(exception).as(PyBaseException.self)!
            let old = object.cause
            object.cause = causeObject
            object.suppressContext = true
            old?.release()
        }
        setContext(exception)
        throw .exception(exception)
    }

    /// An exception instance from what `raise` got: an instance, or a class
    /// to call with no arguments (takes over the reference to `value`).
    func instantiateException(_ value: Value, forCause: Bool) throws(EvalError) -> ObjectRef {
        if typeOf(value).flags.contains(.exceptionSubclass) { return value.objectReference! }
        defer { value.release() }
        if let type = value.as(PyType.self), type.flags.contains(.exceptionSubclass) {
            let instance = try call(value, [])
            guard typeOf(instance).flags.contains(.exceptionSubclass) else {
                let message = "calling \(try reprText(value)) should have returned an instance of BaseException, not \(try reprText(typeOf(instance).referenceValue))"
                instance.release()
                throw .typeError(message)
            }
            return instance.objectReference!
        }
        if forCause { throw .typeError("exception causes must derive from BaseException") }
        throw .typeError("exceptions must derive from BaseException")
    }

    /// `except X` needs X to be an exception class or a tuple of them.
    func checkExceptionPattern(_ pattern: Value) throws(EvalError) {
        if let tuple = pattern.as(PyTuple.self) {
            for item in tuple.items { try checkExceptionPattern(item) }
            return
        }
        guard let type = pattern.as(PyType.self), type.flags.contains(.exceptionSubclass) else {
            throw .typeError("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    func exceptionMatches(_ type: PyType, _ pattern: Value) throws(EvalError) -> Bool {
        if let tuple = pattern.as(PyTuple.self) {
            for item in tuple.items where try exceptionMatches(type, item) { return true }
            return false
        }
        guard let wanted = pattern.as(PyType.self) else { return false }
        return type.isSubtype(of: wanted)
    }

    /// CHECK_EG_MATCH: splits an exception (group) by `pattern` into the
    /// unmatched rest and the matched part (None when nothing matched).
    func splitExceptionGroup(_ exception: Value, _ pattern: Value) throws(EvalError) -> (rest: Value, matched: Value) {
        let groupType = interpreter.types.exceptions["BaseExceptionGroup"]!
        if !typeOf(exception).isSubtype(of: groupType) {
            if try exceptionMatches(typeOf(exception), pattern) {
                // A naked exception matched by except*: wrap it in a group.
                exception.retain()
                let message = interpreter.intern("")
                let list = interpreter.newList([exception])
                defer { list.release() }
                let group = try call(interpreter.types.exceptions["ExceptionGroup"]!.value, [message, list])
                return (.none, group)
            }
            exception.retain()
            return (exception, .none)
        }
        let split = try callMethod(exception, interpreter.internedString("split"), [pattern])
        defer { split.release() }
        let parts = split.as(PyTuple.self)!.items
        parts[0].retain()
        parts[1].retain()
        return (parts[1], parts[0])
    }

    /// PREP_RERAISE_STAR: what to re-raise after the except* clauses ran.
    func prepareReraiseStar(_ original: Value, _ list: Value) throws(EvalError) -> Value {
        let raised = list.as(PyList.self)!.items.filter { !$0.isNone }
        if raised.isEmpty { return .none }
        if raised.count == 1 {
            raised[0].retain()
            return raised[0]
        }
        for item in raised { item.retain() }
        let items = interpreter.newList(raised)
        defer { items.release() }
        let message = try getAttribute(original, "message")
        defer { message.release() }
        return try call(interpreter.types.exceptions["ExceptionGroup"]!.value, [message, items])
    }
}
