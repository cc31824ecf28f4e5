// `atexit`: functions to call when the interpreter shuts down (after
// `threading._shutdown`, see ShutdownHooks), last registered first, as
// CPython 3.11's Modules/atexitmodule.c.

/// The registered callbacks of one interpreter. Touched only with the GIL.
public final class AtexitRegistry {
    /// One `register(func, *args, **kwargs)`: owned references (`keywords`
    /// is a dict or None).
    struct Callback {
        let function: Value
        let arguments: Value
        let keywords: Value

        func release() {
            function.release()
            arguments.release()
            keywords.release()
        }
    }

    /// In registration order; `unregister` leaves nil holes, which
    /// `_ncallbacks()` counts, as CPython's array does.
    var callbacks: [Callback?] = []

    init() {}

    /// Drops every callback (releasing its references).
    func clear() {
        let old = callbacks
        callbacks = []
        for callback in old { callback?.release() }
    }
}

extension Interpreter {
    func makeAtexitModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("atexit", doc: "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n") { module, define throws(EvalError) in
            define("register") { thread, arguments throws(EvalError) in
                guard arguments.positionalCount >= 1 else {
                    throw .typeError("register() takes at least 1 argument (0 given)")
                }
                let function = arguments[0]
                guard thread.isCallable(function) else { throw .typeError("the first argument must be callable") }
                let interpreter = thread.interpreter
                let extra = (1..<arguments.positionalCount).map { index -> Value in
                    arguments[index].retain()
                    return arguments[index]
                }
                var keywords = Value.none
                if arguments.hasKeywords {
                    let dict = interpreter.newDict()
                    keywords = .object(ObjectRef(Unmanaged.passUnretained(dict)))
                    for index in 0..<arguments.keywordCount {
                        let value = arguments.keywordValue(index)
                        value.retain()
                        interpreter.setItem(dict, arguments.keywordName(index), value)
                    }
                }
                function.retain()
                interpreter.atexit.callbacks.append(.init(function: function, arguments: interpreter.newTuple(extra), keywords: keywords))
                function.retain()
                return function
            }
            define("unregister") { thread, arguments throws(EvalError) in
                try arguments.expect("unregister", 1...1)
                let registry = thread.interpreter.atexit
                var index = 0
                while index < registry.callbacks.count {
                    defer { index += 1 }
                    guard let callback = registry.callbacks[index] else { continue }
                    callback.function.retain()
                    defer { callback.function.release() }
                    // The comparison may run Python code that changes the list.
                    if try thread.equal(callback.function, arguments[0]), index < registry.callbacks.count,
                       let current = registry.callbacks[index], current.function.isIdentical(to: callback.function) {
                        registry.callbacks[index] = nil
                        current.release()
                    }
                }
                return .none
            }
            define("_run_exitfuncs") { thread, arguments throws(EvalError) in
                try arguments.expect("_run_exitfuncs", 0...0)
                thread.interpreter.runAtexitCallbacks(thread)
                return .none
            }
            define("_clear") { thread, arguments throws(EvalError) in
                try arguments.expect("_clear", 0...0)
                thread.interpreter.atexit.clear()
                return .none
            }
            define("_ncallbacks") { thread, arguments throws(EvalError) in
                try arguments.expect("_ncallbacks", 0...0)
                return .int(thread.interpreter.atexit.callbacks.count)
            }
        }
    }

    /// Calls the callbacks, last registered first, then forgets them. An
    /// exception is reported as CPython's unraisable hook does ("Exception
    /// ignored in atexit callback: ..." and the traceback) and the next
    /// callback runs.
    func runAtexitCallbacks(_ thread: ThreadState) {
        let registry = atexit
        let callbacks = registry.callbacks
        registry.callbacks = []
        for case let callback? in callbacks.reversed() {
            do throws(EvalError) {
                try thread.callWithKeywords(callback.function, callback.arguments, callback.keywords).release()
            } catch {
                let exception = Value.object(thread.normalize(error, newlyRaised: false))
                defer { exception.release() }
                var text = "Exception ignored in atexit callback: "
                do throws(EvalError) {
                    text += try thread.reprText(callback.function)
                } catch {
                    error.discard()
                    text += "<object repr() failed>"
                }
                thread.writeToStandardError(text + "\n" + thread.formatException(exception))
            }
        }
        for callback in callbacks { callback?.release() }
    }
}

extension ThreadState {
    /// `function(*arguments, **keywords)` (`keywords` a dict or None).
    func callWithKeywords(_ function: Value, _ arguments: Value, _ keywords: Value) throws(EvalError) -> Value {
        let positional = arguments.as(PyTuple.self)!.items
        guard let dict = keywords.as(PyDict.self), dict.count > 0 else { return try call(function, positional) }
        var names: [Value] = []
        var values = positional
        for (key, value) in dict.pairs {
            key.retain()
            names.append(key)
            values.append(value)
        }
        let keywordNames = interpreter.newTuple(names)
        defer { keywordNames.release() }
        return try Arguments.with(values, keywordNames: keywordNames.as(PyTuple.self)) { bound throws(EvalError) in
            try call(function, bound)
        }
    }
}
