// `__dict__` for the built-in classes whose instances carry one
// (staticmethod, classmethod, BaseException): the dict, made on first use;
// assignment takes any dict, deletion is refused, as CPython's
// PyObject_GenericGetDict/SetDict.

extension PyType {
    func defineInstanceDictAttribute(_ interpreter: Interpreter) {
        defineAttribute("__dict__", interpreter, get: { thread, value throws(EvalError) in
            guard let dict = thread.instanceDict(of: value) else {
                throw .attributeError("'\(thread.typeOf(value).name)' object has no attribute '__dict__'")
            }
            dict.incref()
            return .object(ObjectRef(Unmanaged.passUnretained(dict)))
        }, set: { thread, value, newValue throws(EvalError) in
            guard let newValue else { throw .typeError("cannot delete __dict__") }
            guard let newDict = newValue.as(PyDict.self), case .object(let reference) = value else {
                throw .typeError("__dict__ must be set to a dictionary, not a '\(thread.typeOf(newValue).name)'")
            }
            newDict.incref()
            reference.with { object in
                let old = object.instanceDictReference
                object.instanceDictReference = Unmanaged.passUnretained(newDict)
                old?._withUnsafeGuaranteedRef { $0.decref() }
            }
        })
    }
}
