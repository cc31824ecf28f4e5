// The modules implemented in Swift. Each lives in its own file as an
// `Interpreter` extension that builds the module object; this list
// registers them so `import` finds them before searching `sys.path`.

extension Interpreter {
    func registerNativeModules() {
        registerNativeModule("math") { thread throws(EvalError) in try thread.interpreter.makeMathModule() }
        registerNativeModule("itertools") { thread throws(EvalError) in try thread.interpreter.makeItertoolsModule() }
        registerNativeModule("_collections") { thread throws(EvalError) in try thread.interpreter.makeCollectionsModule() }
        registerNativeModule("_random") { thread throws(EvalError) in try thread.interpreter.makeRandomModule() }
        registerNativeModule("_functools") { thread throws(EvalError) in try thread.interpreter.makeFunctoolsModule() }
        registerNativeModule("_struct") { thread throws(EvalError) in try thread.interpreter.makeStructModule() }
        registerNativeModule("_heapq") { thread throws(EvalError) in try thread.interpreter.makeHeapqModule() }
        registerNativeModule("_bisect") { thread throws(EvalError) in try thread.interpreter.makeBisectModule() }
        registerNativeModule("_sha512") { thread throws(EvalError) in try thread.interpreter.makeSha512Module() }
        registerNativeModule("_operator") { thread throws(EvalError) in try thread.interpreter.makeOperatorModule() }
        registerNativeModule("errno") { thread throws(EvalError) in try thread.interpreter.makeErrnoModule() }
        registerNativeModule("_contextvars") { thread throws(EvalError) in try thread.interpreter.makeContextVarsModule() }
        registerNativeModule("_weakref") { thread throws(EvalError) in try thread.interpreter.makeWeakrefModule() }
        registerNativeModule("_thread") { thread throws(EvalError) in try thread.interpreter.makeThreadModule(thread) }
        registerNativeModule("time") { thread throws(EvalError) in try thread.interpreter.makeTimeModule(thread) }
        registerNativeModule("gil") { thread throws(EvalError) in try thread.interpreter.makeGilModule(thread) }
        registerNativeModule("_hashlib") { thread throws(EvalError) in try thread.interpreter.makeHashlibModule(thread) }
        registerNativeModule("_blake2") { thread throws(EvalError) in try thread.interpreter.makeBlake2Module() }
        registerNativeModule("zlib") { thread throws(EvalError) in try thread.interpreter.makeZlibModule() }
        registerNativeModule("binascii") { thread throws(EvalError) in try thread.interpreter.makeBinasciiModule() }
        registerNativeModule("_queue") { thread throws(EvalError) in try thread.interpreter.makeQueueModule(thread) }
        registerNativeModule("_signal") { thread throws(EvalError) in try thread.interpreter.makeSignalModule(thread) }
        registerNativeModule("atexit") { thread throws(EvalError) in try thread.interpreter.makeAtexitModule(thread) }
        registerNativeModule("select") { thread throws(EvalError) in try thread.interpreter.makeSelectModule(thread) }
        registerNativeModule("_socket") { thread throws(EvalError) in try thread.interpreter.makeSocketModule(thread) }
        registerNativeModule("posix") { thread throws(EvalError) in try thread.interpreter.makePosixModule(thread) }
        registerNativeModule("_posixsubprocess") { thread throws(EvalError) in try thread.interpreter.makePosixSubprocessModule(thread) }
        registerNativeModule("_stat") { thread throws(EvalError) in try thread.interpreter.makeStatModule(thread) }
        registerNativeModule("_io") { thread throws(EvalError) in try thread.interpreter.makeIOModule(thread) }
        registerNativeModule("_sre") { thread throws(EvalError) in try thread.interpreter.makeSREModule() }
        registerNativeModule("_string") { thread throws(EvalError) in try thread.interpreter.makeStringModule() }
        registerNativeModule("_locale") { thread throws(EvalError) in try thread.interpreter.makeLocaleModule() }
        registerNativeModule("_codecs") { thread throws(EvalError) in try thread.interpreter.makeCodecsModule() }
        registerNativeModule("marshal") { thread throws(EvalError) in try thread.interpreter.makeMarshalModule() }
        registerNativeModule("gc") { thread throws(EvalError) in try thread.interpreter.makeGCModule(thread) }
        registerNativeModule("_imp") { thread throws(EvalError) in try thread.interpreter.makeImpModule(thread) }
        registerNativeModule("array") { thread throws(EvalError) in try thread.interpreter.makeArrayModule(thread) }
        registerNativeModule("cmath") { thread throws(EvalError) in try thread.interpreter.makeCMathModule() }
        registerNativeModule("unicodedata") { thread throws(EvalError) in try thread.interpreter.makeUnicodeDataModule() }
        registerNativeModule("_json") { thread throws(EvalError) in try thread.interpreter.makeJSONModule() }
        registerNativeModule("_warnings") { thread throws(EvalError) in try thread.interpreter.makeWarningsModule(thread) }
    }

    /// `make` builds module `name` on its first import.
    func registerNativeModule(_ name: String, _ make: @escaping (ThreadState) throws(EvalError) -> Value) {
        nativeModules[name] = make
    }

    /// A new native module named `name`, its functions defined by `define`.
    /// (Registered in `sys.modules` by `newModule`.)
    public func makeNativeModule(_ name: String, doc: String? = nil,
                                 _ populate: (PyModule, (String, @escaping PyBuiltinFunction.Body) -> Void) throws(EvalError) -> Void)
        throws(EvalError) -> Value {
        let module = newModule(named: name)
        if let doc { setItem(module.dict, "__doc__", newString(doc)) }
        let moduleValue = Value.object(ObjectRef(Unmanaged.passUnretained(module)))
        func define(_ functionName: String, _ body: @escaping PyBuiltinFunction.Body) {
            let function = PyBuiltinFunction(name: functionName, type: types.builtinFunction, boundSelf: moduleValue,
                                             moduleName: name, body: body)
            setItem(module.dict, functionName, .object(ObjectRef.allocate(function)))
        }
        do {
            try populate(module, define)
        } catch {
            moduleValue.release()
            throw error
        }
        return moduleValue
    }
}
