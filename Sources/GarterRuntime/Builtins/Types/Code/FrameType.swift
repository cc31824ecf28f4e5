extension Interpreter {
    /// `frame` and `traceback`: CPython 3.11's `f_*` and `tb_*` attributes.
    /// Offsets (`f_lasti`, `tb_lasti`) are in CPython's bytes (`CPythonEncoding`).
    func installFrameTypes() {
        let frame = types.frame
        func attribute(_ name: String, _ body: @escaping (ThreadState, PyFrame) throws(EvalError) -> Value) {
            frame.defineAttribute(name, self, get: { thread, value throws(EvalError) in try body(thread, value.as(PyFrame.self)!) })
        }
        func object(_ object: PyObject) -> Value {
            object.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(object)))
        }
        attribute("f_code") { _, frame in object(frame.code) }
        attribute("f_globals") { _, frame in object(frame.globals) }
        attribute("f_builtins") { thread, frame in
            if let live = frame.live { return object(live.pointee.builtins.takeUnretainedValue()) }
            return object(thread.interpreter.builtins)
        }
        attribute("f_lineno") { _, frame in
            let line = frame.lineNumber
            return line < 0 ? .none : .int(line)
        }
        attribute("f_lasti") { thread, frame in .int(thread.lastInstructionOffset(frame)) }
        attribute("f_back") { _, frame in frame.back.map { object($0) } ?? .none }
        attribute("f_locals") { thread, frame throws(EvalError) in try thread.frameLocals(frame) }
        frame.defineAttribute("f_trace", self, get: { _, value throws(EvalError) in
            let trace = value.as(PyFrame.self)!.trace ?? .none
            trace.retain()
            return trace
        }, set: { _, value, newValue throws(EvalError) in
            let frame = value.as(PyFrame.self)!
            let old = frame.trace
            if let newValue, !newValue.isNone {
                newValue.retain()
                frame.trace = newValue
            } else {
                frame.trace = nil
            }
            old?.release()
        })
        for (name, isLines) in [("f_trace_lines", true), ("f_trace_opcodes", false)] {
            frame.defineAttribute(name, self, get: { _, value throws(EvalError) in
                let frame = value.as(PyFrame.self)!
                return .bool(isLines ? frame.traceLines : frame.traceOpcodes)
            }, set: { thread, value, newValue throws(EvalError) in
                guard let newValue else { throw .typeError("cannot delete \(name)") }
                guard case .bool(let flag) = newValue else { throw .typeError("attribute value type must be bool") }
                let frame = value.as(PyFrame.self)!
                if isLines { frame.traceLines = flag } else { frame.traceOpcodes = flag }
            })
        }
        frame.define("clear", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("clear", 0...0)
            let frame = receiver.as(PyFrame.self)!
            if let live = frame.live {
                if live.pointee.isGenerator && !live.pointee.hasYielded || !live.pointee.isGenerator {
                    throw .runtimeError("cannot clear an executing frame")
                }
            }
            frame.trace?.release()
            frame.trace = nil
            frame.localsSnapshot?.decref()
            frame.localsSnapshot = nil
            return .none
        }
        var frameSlots = TypeSlots()
        frameSlots.repr = { thread, value throws(EvalError) in
            let frame = value.as(PyFrame.self)!
            let address = String(value.objectReference!.address, radix: 16)
            return thread.interpreter.newString(
                "<frame at 0x\(address), file '\(frame.code.code.filename)', line \(frame.lineNumber), code \(frame.code.code.name)>")
        }
        frame.installSlots(frameSlots, self)

        let traceback = types.traceback
        func tracebackAttribute(_ name: String, _ body: @escaping (PyTraceback) -> Value) {
            traceback.defineAttribute(name, self, get: { _, value throws(EvalError) in body(value.as(PyTraceback.self)!) })
        }
        tracebackAttribute("tb_frame") { traceback in object(traceback.frame) }
        // tb_next is writable, as in CPython (unittest cuts its own frames off).
        traceback.defineAttribute("tb_next", self, get: { _, value throws(EvalError) in
            value.as(PyTraceback.self)!.next.map { object($0) } ?? .none
        }, set: { thread, value, newValue throws(EvalError) in
            guard let newValue else { throw .typeError("can't delete tb_next attribute") }
            let this = value.as(PyTraceback.self)!
            var replacement: PyTraceback?
            if !newValue.isNone {
                guard let next = newValue.as(PyTraceback.self) else {
                    throw .typeError("expected traceback object or None, got '\(thread.typeOf(newValue).name)'")
                }
                var cursor: PyTraceback? = next
                while let entry = cursor {
                    if entry === this { throw .valueError("traceback loop detected") }
                    cursor = entry.next
                }
                replacement = next
            }
            replacement?.incref()
            let old = this.next
            this.next = replacement
            old?.decref()
        })
        tracebackAttribute("tb_lineno") { traceback in .int(traceback.lineNumber) }
        tracebackAttribute("tb_lasti") { traceback in
            // An entry with a next one passed through a call (of a Python function, mostly).
            let code = traceback.frame.code
            let index = traceback.instructionIndex
            if traceback.next != nil, index >= 0, index < code.code.instructions.count,
               code.code.instructions[index].opcode == .call {
                return .int(code.cpython.byteOffset(ofCallInProgress: index))
            }
            return .int(code.cpython.byteOffset(ofInstruction: index))
        }
    }
}

extension ThreadState {
    /// `f_lasti`: the running instruction in CPython's bytes; for a CALL
    /// whose callee runs in the same evaluation loop (a Python function),
    /// the call's last cache unit, as CPython 3.11 reports it.
    func lastInstructionOffset(_ frame: PyFrame) -> Int {
        let code = frame.code
        let index = frame.currentInstruction
        if let live = frame.live, index >= 0, index < code.code.instructions.count,
           code.code.instructions[index].opcode == .call {
            var callee = currentFrame
            while let current = callee, current.pointee.previous != live { callee = current.pointee.previous }
            if let callee, !callee.pointee.isEntry { return code.cpython.byteOffset(ofCallInProgress: index) }
        }
        return code.cpython.byteOffset(ofInstruction: index)
    }

    /// `f_locals`: the locals mapping of module and class bodies; for a
    /// function, a dict (the same one each time) refreshed from its local
    /// slots, cells and free variables, as CPython 3.11's PyFrame_FastToLocals.
    func frameLocals(_ frame: PyFrame) throws(EvalError) -> Value {
        if let live = frame.live {
            if let locals = live.pointee.locals {
                locals.retain()
                return locals
            }
            let snapshot: PyDict
            if let existing = frame.localsSnapshot {
                snapshot = existing
            } else {
                snapshot = interpreter.newDict()
                frame.localsSnapshot = snapshot
            }
            let code = frame.code
            let slots = live.localsPlus
            let variableCount = code.code.variableNames.count
            let freeStart = variableCount + code.code.cellVariables.count
            let optimized = code.flags.contains(.optimized)
            for index in 0..<code.localCount {
                if index >= freeStart && !optimized { continue }
                let name = code.localNames[index]
                var value = slots[index]
                if index >= variableCount, let cell = value?.as(PyCell.self) { value = cell.contents }
                if let value {
                    value.retain()
                    name.retain()
                    try snapshot.set(name, hash: name.strObject!.hashValue, value, Interpreter.stringsOnly)
                } else if index >= variableCount || variableCount == 0 || !code.code.cellVariables.contains(name.stringValue ?? "") {
                    try snapshot.remove(name, hash: name.strObject!.hashValue, Interpreter.stringsOnly)?.release()
                }
            }
        }
        guard let snapshot = frame.localsSnapshot else {
            return .object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict())))
        }
        snapshot.incref()
        return .object(ObjectRef(Unmanaged.passUnretained(snapshot)))
    }
}
