// The modules implemented in Swift. Each lives in its own file as an
// `Interpreter` extension that builds the module object; this list
// registers them so `import` finds them before searching `sys.path`.

extension Interpreter {
    func registerNativeModules() {
        registerNativeModule("math") { interpreter throws(EvalError) in try interpreter.makeMathModule() }
        registerNativeModule("itertools") { interpreter throws(EvalError) in try interpreter.makeItertoolsModule() }
        registerNativeModule("_collections") { interpreter throws(EvalError) in try interpreter.makeCollectionsModule() }
        registerNativeModule("_random") { interpreter throws(EvalError) in try interpreter.makeRandomModule() }
        registerNativeModule("_functools") { interpreter throws(EvalError) in try interpreter.makeFunctoolsModule() }
        registerNativeModule("_struct") { interpreter throws(EvalError) in try interpreter.makeStructModule() }
        registerNativeModule("_heapq") { interpreter throws(EvalError) in try interpreter.makeHeapqModule() }
        registerNativeModule("_bisect") { interpreter throws(EvalError) in try interpreter.makeBisectModule() }
        registerNativeModule("_sha512") { interpreter throws(EvalError) in try interpreter.makeSha512Module() }
        registerNativeModule("_operator") { interpreter throws(EvalError) in try interpreter.makeOperatorModule() }
        registerNativeModule("errno") { interpreter throws(EvalError) in try interpreter.makeErrnoModule() }
        registerNativeModule("_weakref") { interpreter throws(EvalError) in try interpreter.makeWeakrefModule() }
    }

    /// Makes module `name` importable: `make` builds it on first import.
    func registerNativeModule(_ name: String, _ make: @escaping (Interpreter) throws(EvalError) -> Value) {
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
