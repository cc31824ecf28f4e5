// `_warnings`: the C half of the `warnings` module (CPython 3.11's
// Python/_warnings.c). `warnings.py` imports `filters`, `_defaultaction`,
// `_onceregistry`, `warn`, `warn_explicit` and `_filters_mutated` from it;
// importlib's bootstrap needs it as a built-in module.

extension Interpreter {
    func makeWarningsModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_warnings", doc: "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.") { module, define throws(EvalError) in
            let state = WarningsState(self)
            for (name, value) in [("filters", state.filters), ("_defaultaction", state.defaultAction),
                                  ("_onceregistry", state.onceRegistry)] {
                value.retain()
                setItem(module.dict, name, value)
            }
            define("_filters_mutated") { thread, arguments throws(EvalError) in
                try arguments.expect("_filters_mutated", 0...0)
                state.filtersVersion += 1
                return .none
            }
            define("warn") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("warn", ["message", "category", "stacklevel", "source"], required: 1)
                let message = bound[0]!
                let stackLevel = try bound[2].map { value throws(EvalError) in try thread.indexInt(value) } ?? 1
                let category = try thread.warningCategory(message, bound[1] ?? .none)
                defer { category.release() }
                return try thread.warnFromCaller(state, message: message, category: category, stackLevel: stackLevel,
                                                 source: bound[3] ?? .none)
            }
            define("warn_explicit") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("warn_explicit", ["message", "category", "filename", "lineno", "module",
                                                                 "registry", "module_globals", "source"], required: 4)
                if let globals = bound[6], !globals.isNone, globals.as(PyDict.self) == nil {
                    throw .typeError("module_globals must be a dict, not '\(thread.typeOf(globals).name)'")
                }
                return try thread.warnExplicit(state, category: bound[1]!, message: bound[0]!, filename: bound[2]!,
                                               lineno: bound[3]!, module: bound[4], registry: bound[5] ?? .none,
                                               source: bound[7] ?? .none)
            }
        }
    }
}

extension ThreadState {
    /// The category of `warn(message, category)`: the message's class for a
    /// Warning instance, UserWarning for None; a new reference.
    func warningCategory(_ message: Value, _ category: Value) throws(EvalError) -> Value {
        let warningType = interpreter.types.exceptions["Warning"]!.value
        var chosen = category
        if try isInstance(message, warningType) { chosen = typeOf(message).value }
        if chosen.isNone { chosen = interpreter.types.exceptions["UserWarning"]!.value }
        var isWarning = false
        do throws(EvalError) {
            isWarning = try isSubclass(chosen, warningType)
        } catch {
            error.discard()
        }
        guard isWarning else {
            throw .typeError("category must be a Warning subclass, not '\(typeOf(chosen).name)'")
        }
        chosen.retain()
        return chosen
    }

    /// `warn`: the filename, line, module and `__warningregistry__` of the
    /// frame `stackLevel` levels up (skipping importlib's bootstrap frames
    /// as CPython does), then `warn_explicit`.
    func warnFromCaller(_ state: WarningsState, message: Value, category: Value, stackLevel: Int,
                        source: Value) throws(EvalError) -> Value {
        func isInternal(_ frame: UnsafeMutablePointer<Frame>) -> Bool {
            let name = frame.code.code.filename
            return name.contains("importlib") && name.contains("_bootstrap")
        }
        var frame = currentFrame
        var level = stackLevel
        if level <= 0 || frame.map(isInternal) == true {
            level -= 1
            while level > 0, let current = frame {
                frame = current.pointee.previous
                level -= 1
            }
        } else {
            level -= 1
            while level > 0, let current = frame {
                var next = current.pointee.previous
                while let candidate = next, isInternal(candidate) { next = candidate.pointee.previous }
                frame = next
                level -= 1
            }
        }
        let globals: PyDict
        let filename: Value
        let lineno: Int
        if let frame {
            globals = frame.pointee.globals.takeUnretainedValue()
            filename = interpreter.newString(frame.code.code.filename)
            lineno = frame.code.lineNumber(at: max(frame.pointee.instructionIndex - 1, 0))
        } else {
            guard let sys = interpreter.modules.lookup(name: "sys")?.as(PyModule.self) else {
                throw .runtimeError("lost sys module")
            }
            globals = sys.dict
            filename = interpreter.newString("sys")
            lineno = 1
        }
        defer { filename.release() }
        let registry: Value
        if let existing = globals.lookup(name: "__warningregistry__") {
            existing.retain()
            registry = existing
        } else {
            registry = .object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict())))
            registry.retain()
            interpreter.setItem(globals, "__warningregistry__", registry)
        }
        defer { registry.release() }
        var module = globals.lookup(name: "__name__") ?? .none
        var ownedModule: Value?
        if !module.isNone && module.stringValue == nil || globals.lookup(name: "__name__") == nil {
            ownedModule = interpreter.newString("<string>")
            module = ownedModule!
        }
        defer { ownedModule?.release() }
        return try warnExplicit(state, category: category, message: message, filename: filename, lineno: .int(lineno),
                                module: module, registry: registry, source: source)
    }
}
