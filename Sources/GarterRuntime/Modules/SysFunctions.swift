/// The functions of the `sys` module.
extension Interpreter {
    func installSysFunctions(_ module: PyModule) {
        let moduleValue = Value.object(ObjectRef(Unmanaged.passUnretained(module)))
        func define(_ name: String, _ body: @escaping PyBuiltinFunction.Body) {
            let function = PyBuiltinFunction(name: name, type: types.builtinFunction, boundSelf: moduleValue,
                                             moduleName: "sys", body: body)
            function.makeImmortal()
            setItem(module.dict, name, .object(ObjectRef(Unmanaged.passUnretained(function))))
        }

        define("exit") { thread, arguments throws(EvalError) in
            try arguments.expect("exit", 0...1)
            // CPython raises SystemExit(status), and SystemExit(None) has no args.
            let values = arguments.positional.filter { !$0.isNone }
            for value in values { value.retain() }
            throw .withArguments("SystemExit", values)
        }
        define("set_asyncgen_hooks") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("set_asyncgen_hooks", ["firstiter", "finalizer"], required: 0)
            // Both are checked before either is set, as CPython does.
            for (name, hook) in [("finalizer", bound[1]), ("firstiter", bound[0])] {
                if let hook, !hook.isNone, !thread.isCallable(hook) {
                    throw .typeError("callable \(name) expected, got \(thread.typeOf(hook).name)")
                }
            }
            if let hook = bound[0] {
                thread.asyncGeneratorFirstIteration.release()
                thread.asyncGeneratorFirstIteration = hook.retained()
            }
            if let hook = bound[1] {
                thread.asyncGeneratorFinalizer.release()
                thread.asyncGeneratorFinalizer = hook.retained()
            }
            return .none
        }
        define("get_asyncgen_hooks") { thread, arguments throws(EvalError) in
            try arguments.expect("get_asyncgen_hooks", 0...0)
            let interpreter = thread.interpreter
            let description = StructSequenceDescription(fullName: "asyncgen_hooks", fields: ["firstiter", "finalizer"],
                                                        instantiable: false)
            return interpreter.newStructSequence(interpreter.structSequenceType(description), description, [
                thread.asyncGeneratorFirstIteration.retained(), thread.asyncGeneratorFinalizer.retained()])
        }
        define("getrecursionlimit") { thread, arguments throws(EvalError) in
            try arguments.expect("getrecursionlimit", 0...0)
            return .int(thread.recursionLimit)
        }
        define("setrecursionlimit") { thread, arguments throws(EvalError) in
            try arguments.expect("setrecursionlimit", 1...1)
            let limit = try thread.exactInteger(arguments[0])
            guard limit >= 1 else { throw .valueError("recursion limit must be greater or equal than 1") }
            if limit <= thread.depth {
                throw .pythonException("RecursionError", "cannot set the recursion limit to \(limit) at the recursion depth \(thread.depth): the limit is too low")
            }
            thread.recursionLimit = limit
            return .none
        }
        define("getswitchinterval") { thread, arguments throws(EvalError) in
            try arguments.expect("getswitchinterval", 0...0)
            return .float(thread.interpreter.switchInterval)
        }
        define("setswitchinterval") { thread, arguments throws(EvalError) in
            try arguments.expect("setswitchinterval", 1...1)
            let interval = try thread.realNumber(arguments[0])
            guard interval > 0 else { throw .valueError("switch interval must be strictly positive") }
            thread.interpreter.switchInterval = interval
            return .none
        }
        define("get_int_max_str_digits") { thread, arguments throws(EvalError) in
            try arguments.expect("get_int_max_str_digits", 0...0)
            return .int(thread.interpreter.maxStringDigits)
        }
        define("set_int_max_str_digits") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("set_int_max_str_digits", ["maxdigits"], required: 1)
            let digits = try thread.exactInteger(bound[0]!)
            guard digits == 0 || digits >= 640 else { throw .valueError("maxdigits must be 0 or larger than 640") }
            thread.interpreter.maxStringDigits = digits
            return .none
        }
        define("exc_info") { thread, arguments throws(EvalError) in
            try arguments.expect("exc_info", 0...0)
            let handled = thread.currentHandledException
            guard let exception = handled.as(PyBaseException.self) else {
                return thread.interpreter.newTuple([.none, .none, .none])
            }
            let type = thread.typeOf(handled)
            type.incref()
            handled.retain()
            let traceback: Value
            if let entry = exception.traceback {
                entry.incref()
                traceback = .object(ObjectRef(Unmanaged.passUnretained(entry)))
            } else {
                traceback = .none
            }
            return thread.interpreter.newTuple([type.value, handled, traceback])
        }
        define("exception") { thread, arguments throws(EvalError) in
            try arguments.expect("exception", 0...0)
            let handled = thread.currentHandledException
            handled.retain()
            return handled
        }
        define("getrefcount") { thread, arguments throws(EvalError) in
            try arguments.expect("getrefcount", 1...1)
            // The argument is borrowed from the caller's stack, which holds a
            // reference of its own: the count already includes it, as CPython's does.
            guard case .object(let reference) = arguments[0] else { return .int(PyObject.immortalRefcount) }
            return .int(reference.with { $0.refcount })
        }
        define("getsizeof") { thread, arguments throws(EvalError) in
            let bound = try arguments.bind("getsizeof", ["object", "default"], required: 1)
            do throws(EvalError) {
                return .int(try thread.approximateSize(bound[0]!))
            } catch {
                if let fallback = bound[1], thread.isInstance(error, of: "TypeError") {
                    error.discard()
                    fallback.retain()
                    return fallback
                }
                throw error
            }
        }
        define("intern") { thread, arguments throws(EvalError) in
            try arguments.expect("intern", 1...1)
            guard let text = arguments[0].as(PyStr.self), thread.typeOf(arguments[0]) === thread.interpreter.types.str else {
                throw .typeError("intern() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            if text.isInterned || text.codePoints.contains(where: { Unicode.Scalar($0) == nil }) {
                arguments[0].retain()
                return arguments[0]
            }
            return thread.interpreter.intern(text.string)
        }
        define("_getframe") { thread, arguments throws(EvalError) in
            try arguments.expect("_getframe", 0...1)
            var depth = arguments.positionalCount == 1 ? try thread.exactInteger(arguments[0]) : 0
            var frame = thread.currentFrame
            while depth > 0, let current = frame {
                frame = current.pointee.previous
                depth -= 1
            }
            guard let frame else { throw .valueError("call stack is not deep enough") }
            let object = thread.frameObject(for: frame)
            object.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(object)))
        }
        define("_current_frames") { thread, arguments throws(EvalError) in
            try arguments.expect("_current_frames", 0...0)
            return try thread.currentFramesOfAllThreads()
        }
        define("getdefaultencoding") { _, arguments throws(EvalError) in
            try arguments.expect("getdefaultencoding", 0...0)
            return self.intern("utf-8")
        }
        define("getfilesystemencoding") { _, arguments throws(EvalError) in
            try arguments.expect("getfilesystemencoding", 0...0)
            return self.intern("utf-8")
        }
        define("getfilesystemencodeerrors") { _, arguments throws(EvalError) in
            try arguments.expect("getfilesystemencodeerrors", 0...0)
            return self.intern("surrogateescape")
        }
        define("is_finalizing") { _, arguments throws(EvalError) in
            try arguments.expect("is_finalizing", 0...0)
            return .bool(false)
        }
        define("_is_gil_enabled") { _, arguments throws(EvalError) in
            try arguments.expect("_is_gil_enabled", 0...0)
            return .bool(true)
        }
        for (name, isTrace) in [("settrace", true), ("setprofile", false)] {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 1...1)
                if isTrace { thread.setTraceFunction(arguments[0]) } else { thread.setProfileFunction(arguments[0]) }
                return .none
            }
        }
        for (name, isTrace) in [("gettrace", true), ("getprofile", false)] {
            define(name) { thread, arguments throws(EvalError) in
                try arguments.expect(name, 0...0)
                let function = isTrace ? thread.traceState.traceFunction : thread.traceState.profileFunction
                function?.retain()
                return function ?? .none
            }
        }
        define("audit") { thread, arguments throws(EvalError) in
            guard arguments.positionalCount >= 1 else { throw .typeError("audit() missing 1 required positional argument: 'event'") }
            guard arguments[0].as(PyStr.self) != nil else {
                throw .typeError("expected str for argument 'event', not \(thread.typeOf(arguments[0]).name)")
            }
            guard let hooks = thread.interpreter.sys?.auditHooks, !hooks.isEmpty else { return .none }
            let rest = (1..<arguments.positionalCount).map { arguments[$0] }
            for value in rest { value.retain() }
            let tuple = thread.interpreter.newTuple(rest)
            defer { tuple.release() }
            for hook in hooks { try thread.call(hook, [arguments[0], tuple]).release() }
            return .none
        }
        define("addaudithook") { thread, arguments throws(EvalError) in
            try arguments.expect("addaudithook", 1...1)
            arguments[0].retain()
            thread.interpreter.sys?.auditHooks.append(arguments[0])
            return .none
        }
        define("displayhook") { thread, arguments throws(EvalError) in
            try arguments.expect("displayhook", 1...1)
            try thread.defaultDisplayHook(arguments[0])
            return .none
        }
        define("unraisablehook") { thread, arguments throws(EvalError) in
            try arguments.expect("sys.unraisablehook", 1...1)
            try thread.defaultUnraisableHook(arguments[0])
            return .none
        }
        define("excepthook") { thread, arguments throws(EvalError) in
            try arguments.expect("excepthook", 3...3)
            try thread.defaultExceptHook(arguments[1])
            return .none
        }
    }
}

extension ThreadState {
    /// An `int` argument as a Swift Int (CPython's "an integer is required"
    /// path: floats are refused, big ints overflow).
    func exactInteger(_ value: Value) throws(EvalError) -> Int {
        if case .float = value { throw .typeError("'float' object cannot be interpreted as an integer") }
        let result = try index(value)
        defer { result.release() }
        guard case .int(let number) = result else {
            throw .overflowError("Python int too large to convert to C int")
        }
        return number
    }

    /// A real-number argument as a Double (`float.__float__`/`__index__`).
    func realNumber(_ value: Value) throws(EvalError) -> Double {
        switch value {
        case .float(let number): return number
        case .int(let number): return Double(number)
        case .bool(let flag): return flag ? 1 : 0
        default:
            let type = typeOf(value)
            guard type.slots.float != nil || type.slots.index != nil else {
                throw .typeError("must be real number, not \(type.name)")
            }
            let converted = try makeFloat(value)
            defer { converted.release() }
            guard case .float(let number) = converted else { throw .typeError("must be real number, not \(type.name)") }
            return number
        }
    }
}
