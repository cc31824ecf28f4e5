#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `breakpoint(*args, **kws)` calls `sys.breakpointhook`. The default hook
// (`sys.breakpointhook` = `sys.__breakpointhook__`) reads PYTHONBREAKPOINT
// at each call: unset or empty means `pdb.set_trace`, "0" disables it, any
// other value names the callable ("module.attr", or a builtin's name); one
// that cannot be imported gives a RuntimeWarning and the hook returns None.

extension Interpreter {
    func installBreakpointBuiltin() {
        let function = PyBuiltinFunction(name: "breakpoint", type: types.builtinFunction, moduleName: "builtins") { thread, arguments throws(EvalError) in
            guard let hook = thread.interpreter.sys?.attribute("breakpointhook") else {
                throw .runtimeError("lost sys.breakpointhook")
            }
            return try thread.call(hook, arguments)
        }
        function.makeImmortal()
        setItem(builtins, "breakpoint", .object(ObjectRef(Unmanaged.passUnretained(function))))
    }

    /// `sys.breakpointhook` and `sys.__breakpointhook__` (the same function).
    func installBreakpointHook(_ module: PyModule) {
        let moduleValue = Value.object(ObjectRef(Unmanaged.passUnretained(module)))
        let hook = PyBuiltinFunction(name: "breakpointhook", type: types.builtinFunction, boundSelf: moduleValue,
                                     moduleName: "sys") { thread, arguments throws(EvalError) in
            try thread.defaultBreakpointHook(arguments)
        }
        hook.makeImmortal()
        let value = Value.object(ObjectRef(Unmanaged.passUnretained(hook)))
        setItem(module.dict, "breakpointhook", value)
        setItem(module.dict, "__breakpointhook__", value)
    }
}

extension ThreadState {
    func defaultBreakpointHook(_ arguments: Arguments) throws(EvalError) -> Value {
        let ignoresEnvironment = (interpreter.sys?.configuration.flags.ignoreEnvironment ?? 0) != 0
        let setting = ignoresEnvironment ? nil : getenv("PYTHONBREAKPOINT").map { String(cString: $0) }
        let hookName: String
        switch setting {
        case nil, "": hookName = "pdb.set_trace"
        case "0": return .none
        case let named?: hookName = named
        }
        let modulePath: String, attributeName: String
        if let dot = hookName.lastIndex(of: ".") {
            modulePath = String(hookName[..<dot])
            attributeName = String(hookName[hookName.index(after: dot)...])
        } else {
            modulePath = "builtins"
            attributeName = hookName
        }
        let hook: Value
        do throws(EvalError) {
            let module = try importAbsolute(modulePath)
            defer { module.release() }
            hook = try getAttribute(module, attributeName)
        } catch {
            guard isInstance(error, of: "ImportError") || isInstance(error, of: "AttributeError") else { throw error }
            error.discard()
            let warnings = try importAbsolute("warnings")
            defer { warnings.release() }
            let message = interpreter.newString("Ignoring unimportable $PYTHONBREAKPOINT: \"\(hookName)\"")
            defer { message.release() }
            let category = interpreter.builtins.lookup(name: "RuntimeWarning")!
            try callMethod(warnings, interpreter.internedString("warn"), [message, category]).release()
            return .none
        }
        defer { hook.release() }
        return try call(hook, arguments)
    }
}
