/// `type.__flags__` and `type.__text_signature__`: what `inspect`
/// (isabstract, signature of classes without `__init__`), `copyreg` and
/// `abc` read from a class.
extension Interpreter {
    func installTypeIntrospection() {
        types.type.defineAttribute("__flags__", self, get: { thread, value throws(EvalError) in
            .int(thread.cpythonTypeFlags(value.as(PyType.self)!))
        })
        types.type.defineAttribute("__text_signature__", self, get: { thread, value throws(EvalError) in
            let type = value.as(PyType.self)!
            guard !type.flags.contains(.heapType),
                  let signature = Interpreter.builtinTypeSignatures[type.name] else { return .none }
            return thread.interpreter.newString(signature)
        })
    }

    /// CPython 3.11's `__text_signature__` of the built-in classes that
    /// have one (the others' is None).
    static let builtinTypeSignatures: [String: String] = [
        "complex": "(real=0, imag=0)", "enumerate": "(iterable, start=0)", "float": "(x=0, /)",
        "list": "(iterable=(), /)", "memoryview": "(object)", "object": "()",
        "property": "(fget=None, fset=None, fdel=None, doc=None)", "reversed": "(sequence, /)",
        "tuple": "(iterable=(), /)",
    ]
}

extension ThreadState {
    /// The bits of CPython 3.11's `tp_flags` that describe a class as
    /// Garter has it (same bit positions as Include/object.h).
    func cpythonTypeFlags(_ type: PyType) -> Int {
        var flags = 1 << 12  // READY
        if type.flags.contains(.sequence) { flags |= 1 << 5 }
        if type.flags.contains(.mapping) { flags |= 1 << 6 }
        if type.flags.contains(.heapType) {
            flags |= 1 << 9 | 1 << 14  // HEAPTYPE, HAVE_GC
        } else {
            flags |= 1 << 8  // IMMUTABLETYPE
            if type.flags.contains(.garbageCollected) { flags |= 1 << 14 }
        }
        if type.flags.contains(.baseType) { flags |= 1 << 10 }
        if type.flags.contains(.isAbstract) { flags |= 1 << 20 }
        let types = interpreter.types
        let subclassBits: [(PyType, Int)] = [(types.int, 24), (types.list, 25), (types.tuple, 26), (types.bytes, 27),
                                             (types.str, 28), (types.dict, 29), (types.baseException, 30), (types.type, 31)]
        for (base, bit) in subclassBits where type.isSubtype(of: base) { flags |= 1 << bit }
        return flags
    }
}
