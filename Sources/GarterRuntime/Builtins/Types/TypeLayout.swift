// The class attributes of `type` that describe a class rather than name it:
// `__flags__` (CPython's Py_TPFLAGS_* bits, which `inspect` and `copyreg`
// test), the layout numbers (`__basicsize__`, `__itemsize__`,
// `__dictoffset__`, `__weakrefoffset__`: Garter's own layout, since its
// objects are Swift instances), `__text_signature__` (the
// constructor signature CPython's Argument Clinic docstrings give)
// (`__annotations__` is in TypeType.swift).

/// The `__flags__` bits CPython 3.11 defines (Include/object.h).
enum CPythonTypeFlag {
    static let managedDict = 1 << 4
    static let sequence = 1 << 5
    static let mapping = 1 << 6
    static let immutableType = 1 << 8
    static let heapType = 1 << 9
    static let baseType = 1 << 10
    static let ready = 1 << 12
    static let haveGC = 1 << 14
    static let validVersionTag = 1 << 19
    static let isAbstract = 1 << 20
    static let matchSelf = 1 << 22
    static let longSubclass = 1 << 24
    static let listSubclass = 1 << 25
    static let tupleSubclass = 1 << 26
    static let bytesSubclass = 1 << 27
    static let unicodeSubclass = 1 << 28
    static let dictSubclass = 1 << 29
    static let baseExceptionSubclass = 1 << 30
    static let typeSubclass = 1 << 31
}

/// Garter's object layout, in bytes: the header (reference count and type)
/// and one 16-byte `Value` per `__slots__` entry.
enum GarterLayout {
    static let headerSize = 16
    static let slotSize = 16
    static let pointerSize = 8
}

extension Interpreter {
    func installTypeLayoutAttributes(_ type: PyType) {
        func asType(_ value: Value) -> PyType { value.as(PyType.self)! }
        type.defineAttribute("__flags__", self, get: { thread, value throws(EvalError) in
            .int(thread.interpreter.cpythonFlags(asType(value)))
        })
        type.defineAttribute("__basicsize__", self, get: { _, value throws(EvalError) in
            .int(GarterLayout.headerSize + GarterLayout.slotSize * asType(value).instanceSlotCount
                 + (asType(value).flags.contains(.hasInstanceDict) ? GarterLayout.pointerSize : 0))
        })
        // Garter's objects never carry their items inline.
        type.defineAttribute("__itemsize__", self, get: { _, _ throws(EvalError) in .int(0) })
        type.defineAttribute("__dictoffset__", self, get: { _, value throws(EvalError) in
            let class_ = asType(value)
            guard class_.flags.contains(.hasInstanceDict) else { return .int(0) }
            return .int(GarterLayout.headerSize + GarterLayout.slotSize * class_.instanceSlotCount)
        })
        type.defineAttribute("__weakrefoffset__", self, get: { _, value throws(EvalError) in
            // Instances take weak references when the class (or a base) declares `__weakref__`.
            asType(value).lookup(name: "__weakref__") == nil ? .int(0) : .int(GarterLayout.headerSize - GarterLayout.pointerSize)
        })
        type.defineAttribute("__text_signature__", self, get: { thread, value throws(EvalError) in
            let class_ = asType(value)
            guard !class_.isHeapType, let signature = Interpreter.constructorSignatures[class_.name] else { return .none }
            return thread.interpreter.newString(signature)
        })
    }

    /// CPython's `tp_flags` for a Garter class.
    func cpythonFlags(_ type: PyType) -> Int {
        var bits = CPythonTypeFlag.ready
        if type.isHeapType {
            bits |= CPythonTypeFlag.heapType | CPythonTypeFlag.haveGC
            if type.flags.contains(.hasInstanceDict) { bits |= CPythonTypeFlag.managedDict }
        } else {
            bits |= CPythonTypeFlag.immutableType | CPythonTypeFlag.validVersionTag
            if type.flags.contains(.garbageCollected) { bits |= CPythonTypeFlag.haveGC }
        }
        if type.flags.contains(.baseType) { bits |= CPythonTypeFlag.baseType }
        if type.flags.contains(.isAbstract) { bits |= CPythonTypeFlag.isAbstract }
        if type.flags.contains(.sequence) { bits |= CPythonTypeFlag.sequence }
        if type.flags.contains(.mapping) { bits |= CPythonTypeFlag.mapping }
        let subclassBits: [(PyType, Int)] = [
            (types.int, CPythonTypeFlag.longSubclass), (types.list, CPythonTypeFlag.listSubclass),
            (types.tuple, CPythonTypeFlag.tupleSubclass), (types.bytes, CPythonTypeFlag.bytesSubclass),
            (types.str, CPythonTypeFlag.unicodeSubclass), (types.dict, CPythonTypeFlag.dictSubclass),
            (types.type, CPythonTypeFlag.typeSubclass),
        ]
        for (base, bit) in subclassBits where type.isSubtype(of: base) { bits |= bit }
        if type.flags.contains(.exceptionSubclass) { bits |= CPythonTypeFlag.baseExceptionSubclass }
        // Class patterns match the subject itself for these types and their subclasses.
        let matchSelf: [PyType] = [types.bool, types.bytearray, types.bytes, types.dict, types.float, types.frozenset,
                                   types.int, types.list, types.set, types.str, types.tuple]
        if matchSelf.contains(where: { type.isSubtype(of: $0) }) { bits |= CPythonTypeFlag.matchSelf }
        return bits
    }

    /// The constructor signatures of the built-in classes whose CPython
    /// docstrings carry one (Argument Clinic's "sig" header).
    static let constructorSignatures: [String: String] = [
        "object": "()", "complex": "(real=0, imag=0)", "enumerate": "(iterable, start=0)", "float": "(x=0, /)",
        "list": "(iterable=(), /)", "memoryview": "(object)", "property": "(fget=None, fset=None, fdel=None, doc=None)",
        "reversed": "(sequence, /)", "tuple": "(iterable=(), /)",
    ]
}
