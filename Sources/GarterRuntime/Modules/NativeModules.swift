// The modules implemented in Swift. Each lives in its own file as an
// `Interpreter` extension that builds the module object; this list
// registers them so `import` finds them before searching `sys.path`.

extension Interpreter {
    func registerNativeModules() {
        // (Named functions rather than closures: Swift 6.3's SILGen crashes
        // on a typed-throws closure literal stored into this dictionary.)
        func math(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeMathModule() }
        nativeModules["math"] = math
        func itertools(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeItertoolsModule() }
        nativeModules["itertools"] = itertools
        func collections(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeCollectionsModule() }
        nativeModules["_collections"] = collections
        func random(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeRandomModule() }
        nativeModules["_random"] = random
        func functools(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeFunctoolsModule() }
        nativeModules["_functools"] = functools
        func errno(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeErrnoModule() }
        nativeModules["errno"] = errno
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
