// The `errno` module: the platform's error numbers (ErrnoTable.swift,
// generated from CPython's module) and `errorcode`, their names.

extension Interpreter {
    func makeErrnoModule() throws(EvalError) -> Value {
        try makeNativeModule("errno", doc: ErrnoModule.doc) { module, _ throws(EvalError) in
            let codes = newDict()
            for (value, name) in ErrnoTable.errorcode {
                try codes.set(.int(value), hash: NumberHash.hash(value), intern(name), { a, b throws(EvalError) in a.isIdentical(to: b) })
            }
            setItem(module.dict, "errorcode", .object(ObjectRef(Unmanaged.passUnretained(codes))))
            for (name, value) in ErrnoTable.names { setItem(module.dict, name, .int(value)) }
        }
    }
}

enum ErrnoModule {
    static let doc = "The system's error numbers as named constants; errorcode maps each number to its name."
}
