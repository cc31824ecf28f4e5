// The modules implemented in Swift. Each lives in its own file as an
// `Interpreter` extension that builds the module object; this list
// registers them so `import` finds them before searching `sys.path`.

extension Interpreter {
    func registerNativeModules() {
        registerNativeModule("_thread", NativeModuleMakers.thread)
        registerNativeModule("time", NativeModuleMakers.time)
        registerNativeModule("gil", NativeModuleMakers.gil)
        registerNativeModule("_queue", NativeModuleMakers.queue)
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

/// Plain functions for the registry (Swift 6.3 crashes compiling a closure
/// literal of the registry's typed-throws function type).
enum NativeModuleMakers {
    static func thread(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeThreadModule(thread) }
    static func time(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeTimeModule(thread) }
    static func gil(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeGilModule(thread) }
    static func queue(_ thread: ThreadState) throws(EvalError) -> Value { try thread.interpreter.makeQueueModule(thread) }
}
