// What `__index__` may return (CPython's _PyNumber_Index): an int; a strict
// subclass of int (bool included) is deprecated but taken as its value.

extension ThreadState {
    /// The result of a type's `__index__` as an exact int (takes it over).
    func exactIndexResult(_ result: Value) throws(EvalError) -> Value {
        switch result {
        case .int: return result
        case .object(let reference) where reference.with({ $0.typePointer }) == interpreter.types.int.pointer: return result
        default: break
        }
        defer { result.release() }
        guard let number = Arithmetic.pyInteger(result) else {
            throw .typeError("__index__ returned non-int (type \(typeOf(result).name))")
        }
        try warn("DeprecationWarning", "__index__ returned non-int (type \(typeOf(result).name)).  The ability to return an "
                 + "instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.")
        return interpreter.integerValue(number)
    }
}
