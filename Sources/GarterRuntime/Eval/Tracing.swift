import GarterCompiler

// `sys.settrace` and `sys.setprofile`, with CPython 3.11's events and
// rules (Python/ceval.c: DO_TRACING, maybe_call_line_trace,
// trace_trampoline, C_TRACE).
//
// Cost when off: the evaluation loop tests `traceHooksActive` (one load
// and one well-predicted branch) per instruction and calls
// `traceInstruction` only when a trace or profile function is set on this
// thread. Everything else happens here, out of line:
// - "call" at every RESUME (frame start and each generator resumption),
//   for the trace function (whose result becomes the frame's f_trace) and
//   the profile function;
// - "line" when an instruction starts a new line or jumps backwards (not
//   back to a SEND), "opcode" for every instruction when f_trace_opcodes;
//   both go to the frame's f_trace;
// - "return" before RETURN_VALUE/YIELD_VALUE run, and with None when an
//   exception leaves the frame (`traceUnwind`);
// - "exception" where a traceback entry is added (`traceException`);
// - "c_call" before a CALL of a built-in function or method descriptor,
//   "c_return" when the next instruction of that frame starts,
//   "c_exception" when the call raised instead (profile only).

/// One thread's trace and profile functions.
final class TraceState {
    /// `sys.settrace`'s function (owned), nil when unset.
    var traceFunction: Value?
    /// `sys.setprofile`'s function (owned), nil when unset.
    var profileFunction: Value?
    /// Inside a trace or profile callback: no events then.
    var inCallback = false
    /// Built-in calls reported with "c_call": the frame, the index of the
    /// instruction after the CALL, and the function (owned).
    var pendingCalls: [(frame: UnsafeMutablePointer<Frame>, next: Int, function: Value)] = []
}

extension ThreadState {
    func updateTraceHooks() {
        traceHooksActive = !traceState.inCallback && (traceState.traceFunction != nil || traceState.profileFunction != nil)
    }

    /// `sys.settrace(function)` (None clears).
    func setTraceFunction(_ function: Value) {
        if !function.isNone { function.retain() }
        let old = traceState.traceFunction
        traceState.traceFunction = function.isNone ? nil : function
        old?.release()
        updateTraceHooks()
    }

    /// `sys.setprofile(function)` (None clears).
    func setProfileFunction(_ function: Value) {
        if !function.isNone { function.retain() }
        let old = traceState.profileFunction
        traceState.profileFunction = function.isNone ? nil : function
        old?.release()
        if traceState.profileFunction == nil {
            for pending in traceState.pendingCalls { pending.function.release() }
            traceState.pendingCalls.removeAll()
        }
        updateTraceHooks()
    }

    /// Calls `callback(frame, event, arg)` with the hooks off; its result
    /// (new reference) or the error it raised.
    private func callTraceCallback(_ callback: Value, _ frame: PyFrame, _ event: String, _ argument: Value) throws(EvalError) -> Value {
        traceState.inCallback = true
        updateTraceHooks()
        defer {
            traceState.inCallback = false
            updateTraceHooks()
        }
        let frameValue = Value.object(ObjectRef(Unmanaged.passUnretained(frame)))
        let eventName = interpreter.intern(event)
        defer { eventName.release() }
        return try call(callback, [frameValue, eventName, argument])
    }

    /// An event for the trace function: "call" goes to the global function,
    /// the others to the frame's f_trace. A result other than None becomes
    /// f_trace; an error clears both and propagates (CPython's trace_trampoline).
    private func traceEvent(_ frame: UnsafeMutablePointer<Frame>, _ event: String, _ argument: Value) throws(EvalError) {
        guard let global = traceState.traceFunction else { return }
        let object = frameObject(for: frame)
        let callback: Value
        if event == "call" {
            callback = global
        } else {
            guard let local = object.trace else { return }
            callback = local
        }
        callback.retain()
        defer { callback.release() }
        let result: Value
        do throws(EvalError) {
            result = try callTraceCallback(callback, object, event, argument)
        } catch {
            setTraceFunction(.none)
            object.trace?.release()
            object.trace = nil
            throw error
        }
        if result.isNone { return }
        let old = object.trace
        object.trace = result
        old?.release()
    }

    /// An event for the profile function; an error clears it and propagates.
    private func profileEvent(_ frame: UnsafeMutablePointer<Frame>, _ event: String, _ argument: Value) throws(EvalError) {
        guard let profile = traceState.profileFunction else { return }
        profile.retain()
        defer { profile.release() }
        do throws(EvalError) {
            let result = try callTraceCallback(profile, frameObject(for: frame), event, argument)
            result.release()
        } catch {
            setProfileFunction(.none)
            throw error
        }
    }

    /// Before the instruction at `index` of `frame` runs (the hooks are on).
    @inline(never)
    func traceInstruction(_ frame: UnsafeMutablePointer<Frame>, _ index: Int, _ top: UnsafeMutablePointer<Value?>) throws(EvalError) {
        if traceState.inCallback { return }
        frame.pointee.instructionIndex = index + 1
        if let pending = traceState.pendingCalls.last, pending.frame == frame, pending.next == index {
            traceState.pendingCalls.removeLast()
            defer { pending.function.release() }
            try profileEvent(frame, "c_return", pending.function)
        }
        let code = frame.code
        let instruction = Instruction(word: code.instructions[index])
        let firstTraceable = code.firstTraceableIndex
        if index < firstTraceable { return }
        if instruction.opcode == .resume {
            try traceEvent(frame, "call", .none)
            try profileEvent(frame, "call", .none)
            frameObject(for: frame).lastTracedIndex = index
            return
        }
        if traceState.traceFunction != nil, let object = frame.pointee.frameObject?.takeUnretainedValue(), object.trace != nil {
            let previous = object.lastTracedIndex
            object.lastTracedIndex = index
            let line = code.lineNumber(at: index)
            let lastLine = previous <= firstTraceable || previous >= code.code.positions.count ? -1 : code.lineNumber(at: previous)
            if line >= 0 && object.traceLines {
                let backward = previous >= 0 && index < previous && instruction.opcode != .send
                if line != lastLine || backward { try traceEvent(frame, "line", .none) }
            }
            if object.traceOpcodes {
                try traceEvent(frame, "opcode", .none)
                // CPython runs a PRECALL before each CALL: two dispatches.
                if instruction.opcode == .call { try traceEvent(frame, "opcode", .none) }
            }
        } else if let object = frame.pointee.frameObject?.takeUnretainedValue() {
            object.lastTracedIndex = index
        }
        switch instruction.opcode {
        case .returnValue, .yieldValue:
            let value = top[-1].unsafelyUnwrapped
            try traceEvent(frame, "return", value)
            try profileEvent(frame, "return", value)
        case .call:
            if traceState.profileFunction != nil {
                let argument = Int(instruction.argument)
                let isMethod = top[-argument - 2] != nil
                let callable = isMethod ? top[-argument - 2].unsafelyUnwrapped : top[-argument - 1].unsafelyUnwrapped
                try traceBuiltinCall(frame, index, callable, receiver: isMethod ? top[-argument - 1] : nil)
            }
        case .callFunctionEx:
            if traceState.profileFunction != nil {
                let hasKeywords = instruction.argument & 1 != 0
                let callable = top[hasKeywords ? -3 : -2].unsafelyUnwrapped
                if callable.as(PyBuiltinFunction.self) != nil { try traceBuiltinCall(frame, index, callable, receiver: nil) }
            }
        default:
            break
        }
    }

    /// "c_call" for a call of a built-in function (or of a method
    /// descriptor with its receiver, reported as the bound method).
    private func traceBuiltinCall(_ frame: UnsafeMutablePointer<Frame>, _ index: Int, _ callable: Value, receiver: Value?) throws(EvalError) {
        var function: Value
        if callable.as(PyBuiltinFunction.self) != nil {
            callable.retain()
            function = callable
        } else if let descriptor = callable.as(PyMethodDescriptor.self), let receiver,
                  let bound = try lookupAttribute(receiver, interpreter.internedString(descriptor.name)) {
            function = bound
        } else {
            return
        }
        do throws(EvalError) {
            try profileEvent(frame, "c_call", function)
        } catch {
            function.release()
            throw error
        }
        traceState.pendingCalls.append((frame, index + 1, function))
    }

    /// An exception passed through the instruction at `index` of `frame`
    /// (after its traceback entry was added). An error from the callback
    /// is dropped: the exception being raised goes on.
    @inline(never)
    func traceException(_ frame: UnsafeMutablePointer<Frame>, _ index: Int, _ exception: ObjectRef) {
        if traceState.inCallback { return }
        if let pending = traceState.pendingCalls.last, pending.frame == frame, pending.next == index + 1 {
            traceState.pendingCalls.removeLast()
            do throws(EvalError) { try profileEvent(frame, "c_exception", pending.function) } catch { error.discard() }
            pending.function.release()
        }
        guard traceState.traceFunction != nil, frame.pointee.frameObject?.takeUnretainedValue().trace != nil else { return }
        frame.pointee.instructionIndex = index + 1
        let value = Value.object(exception)
        let type = Value.object(ObjectRef(Unmanaged.passUnretained(typeOf(value))))
        type.retain()
        value.retain()
        var traceback = Value.none
        if let raised = value.as(PyBaseException.self), let entry = raised.traceback {
            entry.incref()
            traceback = .object(ObjectRef(Unmanaged.passUnretained(entry)))
        }
        let argument = interpreter.newTuple([type, value, traceback])
        defer { argument.release() }
        do throws(EvalError) { try traceEvent(frame, "exception", argument) } catch { error.discard() }
    }

    /// An exception leaves `frame`: "return" with None.
    @inline(never)
    func traceUnwind(_ frame: UnsafeMutablePointer<Frame>, _ index: Int) {
        if traceState.inCallback || index < frame.code.firstTraceableIndex { return }
        do throws(EvalError) { try traceEvent(frame, "return", .none) } catch { error.discard() }
        do throws(EvalError) { try profileEvent(frame, "return", .none) } catch { error.discard() }
    }
}

extension LoadedCode {
    /// The first RESUME: instructions before it (cells, generator set-up)
    /// are not traced (CPython's `_co_firsttraceable`).
    var firstTraceableIndex: Int {
        for index in 0..<code.instructions.count where code.instructions[index].opcode == .resume { return index }
        return 0
    }
}
