extension Interpreter {
    /// `cell`, `code`, `module`, `frame`, `traceback`: the objects of the
    /// runtime itself that Python code can see.
    func installRuntimeTypes() {
        var cellSlots = TypeSlots()
        cellSlots.repr = { thread, value throws(EvalError) in
            let cell = value.as(PyCell.self)!
            let address = String(value.objectReference!.address, radix: 16)
            guard let contents = cell.contents else { return thread.interpreter.newString("<cell at 0x\(address): empty>") }
            let inner = contents.objectReference.map { String($0.address, radix: 16) } ?? "0"
            return thread.interpreter.newString("<cell at 0x\(address): \(thread.typeOf(contents).name) object at 0x\(inner)>")
        }
        types.cell.installSlots(cellSlots, self)
        types.cell.defineAttribute("cell_contents", self, get: { _, value throws(EvalError) in
            guard let contents = value.as(PyCell.self)!.contents else { throw .valueError("Cell is empty") }
            contents.retain()
            return contents
        }, set: { _, value, newValue throws(EvalError) in
            let cell = value.as(PyCell.self)!
            newValue?.retain()
            let old = cell.contents
            cell.contents = newValue
            old?.release()
        })

        let code = types.code
        var codeSlots = TypeSlots()
        codeSlots.repr = { thread, value throws(EvalError) in
            let loaded = value.as(LoadedCode.self)!
            let address = String(value.objectReference!.address, radix: 16)
            return thread.interpreter.newString("<code object \(loaded.code.name) at 0x\(address), file \"\(loaded.code.filename)\", line \(loaded.code.firstLineNumber)>")
        }
        code.installSlots(codeSlots, self)
        func codeAttribute(_ name: String, _ body: @escaping (ThreadState, LoadedCode) -> Value) {
            code.defineAttribute(name, self, get: { thread, value throws(EvalError) in body(thread, value.as(LoadedCode.self)!) })
        }
        func strings(_ thread: ThreadState, _ items: [String]) -> Value {
            thread.interpreter.newTuple(items.map { thread.interpreter.intern($0) })
        }
        codeAttribute("co_name") { thread, code in thread.interpreter.intern(code.code.name) }
        codeAttribute("co_qualname") { thread, code in thread.interpreter.newString(code.code.qualifiedName) }
        codeAttribute("co_filename") { thread, code in thread.interpreter.newString(code.code.filename) }
        codeAttribute("co_firstlineno") { _, code in .int(code.code.firstLineNumber) }
        codeAttribute("co_argcount") { _, code in .int(code.code.argumentCount) }
        codeAttribute("co_posonlyargcount") { _, code in .int(code.code.positionalOnlyArgumentCount) }
        codeAttribute("co_kwonlyargcount") { _, code in .int(code.code.keywordOnlyArgumentCount) }
        codeAttribute("co_nlocals") { _, code in .int(code.code.variableNames.count) }
        codeAttribute("co_stacksize") { _, code in .int(code.code.stackSize) }
        codeAttribute("co_flags") { _, code in .int(Int(code.code.flags.rawValue)) }
        codeAttribute("co_varnames") { thread, code in strings(thread, code.code.variableNames) }
        codeAttribute("co_cellvars") { thread, code in strings(thread, code.code.cellVariables) }
        codeAttribute("co_freevars") { thread, code in strings(thread, code.code.freeVariables) }
        codeAttribute("co_names") { thread, code in strings(thread, code.code.names) }
        codeAttribute("co_consts") { thread, code in
            let values = Array(code.constants.prefix(code.code.constants.count))
            for value in values { value.retain() }
            return thread.interpreter.newTuple(values)
        }

        let module = types.module
        var moduleSlots = TypeSlots()
        moduleSlots.getAttribute = { thread, value, name throws(EvalError) in try thread.moduleGetAttribute(value, name) }
        moduleSlots.setAttribute = { thread, value, name, newValue throws(EvalError) in
            try thread.moduleSetAttribute(value, name, newValue)
        }
        moduleSlots.repr = { thread, value throws(EvalError) in
            let module = value.as(PyModule.self)!
            if let file = module.dict.lookup(name: "__file__")?.stringValue {
                return thread.interpreter.newString("<module '\(module.name)' from '\(file)'>")
            }
            return thread.interpreter.newString("<module '\(module.name)' (built-in)>")
        }
        moduleSlots.new = { thread, type, arguments throws(EvalError) in
            let dict = thread.interpreter.newDict()
            return .object(ObjectRef.allocate(PyModule(dict: dict, type: type)))
        }
        moduleSlots.initialize = { thread, value, arguments throws(EvalError) in
            let bound = try arguments.bind("module", ["name", "doc"], required: 1)
            let module = value.as(PyModule.self)!
            bound[0]!.retain()
            thread.interpreter.setItem(module.dict, "__name__", bound[0]!)
            (bound[1] ?? .none).retain()
            thread.interpreter.setItem(module.dict, "__doc__", bound[1] ?? .none)
            for name in ["__package__", "__loader__", "__spec__"] where module.dict.lookup(name: name) == nil {
                thread.interpreter.setItem(module.dict, name, .none)
            }
        }
        module.installSlots(moduleSlots, self)
        module.defineAttribute("__dict__", self, get: { _, value throws(EvalError) in
            let dict = value.as(PyModule.self)!.dict
            dict.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(dict)))
        })

        let frame = types.frame
        func frameAttribute(_ name: String, _ body: @escaping (ThreadState, PyFrame) throws(EvalError) -> Value) {
            frame.defineAttribute(name, self, get: { thread, value throws(EvalError) in try body(thread, value.as(PyFrame.self)!) })
        }
        frameAttribute("f_code") { _, frame in
            frame.code.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(frame.code)))
        }
        frameAttribute("f_globals") { _, frame in
            frame.globals.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(frame.globals)))
        }
        frameAttribute("f_lineno") { _, frame in .int(frame.lineNumber) }
        frameAttribute("f_lasti") { _, frame in .int((frame.live.map { $0.pointee.instructionIndex } ?? frame.instructionIndex) * 2) }
        frameAttribute("f_back") { _, frame in
            guard let back = frame.back else { return .none }
            back.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(back)))
        }
        frameAttribute("f_locals") { thread, frame in
            if let live = frame.live, let locals = live.pointee.locals {
                locals.retain()
                return locals
            }
            guard let snapshot = frame.localsSnapshot else { return .object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.newDict()))) }
            snapshot.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(snapshot)))
        }
        frameAttribute("f_builtins") { thread, _ in
            thread.interpreter.builtins.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(thread.interpreter.builtins)))
        }
        frameAttribute("f_trace") { _, _ in .none }

        let traceback = types.traceback
        func tracebackAttribute(_ name: String, _ body: @escaping (PyTraceback) -> Value) {
            traceback.defineAttribute(name, self, get: { _, value throws(EvalError) in body(value.as(PyTraceback.self)!) })
        }
        tracebackAttribute("tb_frame") { traceback in
            traceback.frame.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(traceback.frame)))
        }
        tracebackAttribute("tb_next") { traceback in
            guard let next = traceback.next else { return .none }
            next.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(next)))
        }
        tracebackAttribute("tb_lineno") { traceback in .int(traceback.lineNumber) }
        tracebackAttribute("tb_lasti") { traceback in .int(traceback.instructionIndex * 2) }
    }

    /// Creates and fills every built-in type, bases first.
    func installTypes() {
        installObjectType()
        installTypeType()
        installFunctionTypes()
        installNumberTypes()
        installStrType()
        installBytesType()
        installByteArrayType()
        installMemoryViewType()
        installTupleType()
        installListType()
        installDictType()
        installSetTypes()
        installIteratorTypes()
        installExceptionTypes()
        installUnicodeErrorTypes()
        installRuntimeTypes()
        installSuperType()
        installGeneratorTypes()
        installAsyncGeneratorProtocol()
    }

    /// Gives every built-in type its inherited slots (after all are installed).
    func finishTypes() {
        for type in types.all.sorted(by: { $0.mro.count < $1.mro.count }) { type.inheritBuiltinSlots() }
    }
}
