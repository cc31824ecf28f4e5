/// `__reduce__` of built-in functions and of the descriptors of built-in
/// types, so pickle and copy can store them: by name when the function
/// belongs to a module (`len`), as `getattr(owner, name)` when it is bound
/// to an object (`[].append`) or is a method descriptor (`list.append`;
/// CPython pickles no getset descriptor).
extension Interpreter {
    func installBuiltinReduce() {
        types.builtinFunction.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let function = value.as(PyBuiltinFunction.self)!
            guard let receiver = function.boundSelf, receiver.as(PyModule.self) == nil else {
                return thread.interpreter.newString(function.name)
            }
            return try thread.getattrReduction(receiver, function.name)
        }
        types.methodDescriptor.define("__reduce__", self) { thread, value, _ throws(EvalError) in
            let method = value.as(PyMethodDescriptor.self)!
            return try thread.getattrReduction(method.owner.value, method.name)
        }
    }
}

extension ThreadState {
    /// `(getattr, (owner, name))`, borrowing `owner`.
    func getattrReduction(_ owner: Value, _ name: String) throws(EvalError) -> Value {
        guard let getattr = interpreter.builtins.lookup(name: "getattr") else {
            throw .runtimeError("lost builtins.getattr")
        }
        getattr.retain()
        owner.retain()
        return interpreter.newTuple([getattr, interpreter.newTuple([owner, interpreter.newString(name)])])
    }
}
