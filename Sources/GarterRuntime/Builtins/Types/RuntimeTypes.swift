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
        cellSlots.new = { thread, type, arguments throws(EvalError) in
            try arguments.rejectKeywords("cell")
            if arguments.positionalCount > 1 { throw .typeError("cell expected at most 1 argument, got \(arguments.positionalCount)") }
            let contents: Value? = arguments.positionalCount == 1 ? arguments[0] : nil
            contents?.retain()
            return .object(ObjectRef.allocate(PyCell(contents, type: thread.interpreter.types.cell)))
        }
        // Cells compare by contents; an empty cell sorts before a full one.
        cellSlots.richCompare = { thread, left, right, operation throws(EvalError) in
            guard let a = left.as(PyCell.self), let b = right.as(PyCell.self) else { return thread.notImplemented() }
            let first = a.contents, second = b.contents
            if let first, let second {
                first.retain(); second.retain()
                defer { first.release(); second.release() }
                return try thread.compare(first, second, operation)
            }
            return .bool(Arithmetic.compare(operation, first == nil ? 0 : 1, second == nil ? 0 : 1))
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

        installCodeType()

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

        installFrameTypes()
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
