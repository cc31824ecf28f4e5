import BigInt
import GarterSystem
import Glibc
import GarterCompiler
import GarterSyntax

/// One Python interpreter: everything mutable that Python code can observe
/// lives here or in a `ThreadState`, never in Swift globals, so several
/// interpreters can run side by side (DESIGN.md S8).
public final class Interpreter {
    public let types: BuiltinTypes
    /// The Global Interpreter Lock: one thread at a time runs bytecode.
    public let gil = GIL(switchInterval: .standard, convoyFix: true)
    /// The key of `str` (and `bytes`) hashes, CPython's `_Py_HashSecret`:
    /// fixed by `PYTHONHASHSEED` or random. Every type object carries a copy
    /// (`PyType.hashSecret`), which is where strings read it.
    public let hashSecret: HashSecret
    /// The main thread, threads started by `_thread`, thread-locals.
    public let threadRegistry = ThreadRegistry()
    /// The Python signal handlers (`_signal`) and the `atexit` callbacks.
    public let signals = SignalState()
    public let atexit = AtexitRegistry()
    public let socketDefaults = SocketDefaults()
    /// The `builtins` module's namespace.
    public private(set) var builtins: PyDict!
    /// `sys.modules`.
    public private(set) var modules: PyDict!
    /// Interned strings: identifiers and names share one object each, so
    /// dict lookups of attribute names usually succeed on identity.
    private var interned: [String: ObjectRef] = [:]
    /// Interned strings the runtime itself looks up often.
    public private(set) lazy var names = WellKnownNames(self)
    public private(set) var notImplemented: Value = .none
    public private(set) var ellipsis: Value = .none
    public private(set) var emptyTuple: PyTuple!
    /// `sys.get_int_max_str_digits()`.
    public var maxStringDigits = 4300
    /// `sys.argv`, set by the command line.
    public var argv: [String] = [""]
    /// The directories `import` searches (`sys.path` mirrors it).
    public var searchPath: [String] = []
    /// Debug builds print every instruction when GARTER_TRACE is set.
    let traceInstructions = getenv("GARTER_TRACE") != nil
    /// The weak references to each object that has some (in creation order).
    var weakReferences: [ObjectRef: [Unmanaged<PyWeakReference>]] = [:]
    /// Source lines of files read for tracebacks.
    var sourceCache: [String: [String]] = [:]
    /// Modules implemented in Swift, made on first import.
    public var nativeModules: [String: (ThreadState) throws(EvalError) -> Value] = [:]
    /// `sys.getswitchinterval()`, in seconds (the GIL reads it).
    public var switchInterval = 0.005
    /// The `sys` module and what it keeps besides its dict (Modules/SysState.swift).
    public internal(set) var sys: SysState?
    /// The codec search functions, lookup cache and error handlers (Modules/Codecs).
    let codecRegistry = CodecRegistry()
    /// The cycle collector (Collector/), sharing its generations with the types.
    public private(set) lazy var collector = CycleCollector(state: types.type.collectorState)

    /// `hashSecret`: nil takes it from `PYTHONHASHSEED` as CPython does (a
    /// value CPython refuses gives a random secret here; the command line
    /// refuses it first with `HashSecret.fromEnvironment`).
    public init(hashSecret: HashSecret? = nil) {
        let secret = hashSecret ?? ((try? HashSecret.fromEnvironment(
            EnvironmentVariables.value("PYTHONHASHSEED"))) ?? HashSecret.random())
        self.hashSecret = secret
        types = BuiltinTypes(hashSecret: secret)
        notImplemented = .object(ObjectRef.allocate(PySingleton(name: "NotImplemented", type: types.notImplemented)))
        ellipsis = .object(ObjectRef.allocate(PySingleton(name: "Ellipsis", type: types.ellipsis)))
        emptyTuple = PyTuple([], type: types.tuple)
        emptyTuple.makeImmortal()
        builtins = PyDict(type: types.dict)
        builtins.makeImmortal()
        modules = PyDict(type: types.dict)
        modules.makeImmortal()
        installTypes()
        BuiltinFunctions.install(in: self)
        finishTypes()
        registerNativeModules()
    }

    /// Runs a module's code as `__main__`; uncaught exceptions come back as
    /// `EvalError.exception`.
    public func runMain(_ code: CodeObject, output: OutputBuffer) throws(EvalError) {
        let thread = ThreadState(interpreter: self, output: output)
        gil.attach(thread.gilThread)
        Finalization.setCurrent(thread)
        threadRegistry.mainThread = thread
        defer {
            Finalization.setCurrent(nil)
            gil.detach(thread.gilThread)
        }
        defer { output.flush() }
        defer { runShutdownHooks(thread) }
        let module = newModule(named: "__main__")
        defer {
            clearModuleDictionary(module.dict, thread: thread)
            Value.object(ObjectRef(Unmanaged.passUnretained(module))).release()
        }
        let loaded = try LoadedCode(code, interpreter: self)
        _ = ObjectRef.allocate(loaded)
        defer { loaded.decref() }
        let result = try thread.runModuleCode(loaded, globals: module.dict)
        result.release()
    }

    /// What CPython does to a module's dict at shutdown (so `__del__` of
    /// module-level objects runs, in this order): names with one leading
    /// underscore become None, then every name but `__builtins__`.
    func clearModuleDictionary(_ dict: PyDict, thread: ThreadState) {
        for pass in 0..<2 {
            for (key, _) in dict.pairs {
                guard let name = key.stringValue, name != "__builtins__" else { continue }
                let isPrivate = name.hasPrefix("_") && !name.hasPrefix("__")
                if pass == 0 && !isPrivate { continue }
                key.retain()
                try? dict.set(key, hash: key.strObject!.hashValue, .none, Interpreter.stringsOnly)
            }
        }
    }

    /// A new module object registered in `sys.modules` (owned by the caller too).
    public func newModule(named name: String) -> PyModule {
        // newDict gives the dict its Swift retain; freeing the module gives it back.
        let dict = newDict()
        let module = PyModule(dict: dict, type: types.module)
        _ = ObjectRef.allocate(module)
        setItem(dict, "__name__", intern(name))
        setItem(dict, "__builtins__", .object(ObjectRef(Unmanaged.passUnretained(builtins))))
        setItem(dict, "__doc__", .none)
        module.incref()
        setItem(modules, name, .object(ObjectRef(Unmanaged.passUnretained(module))))
        return module
    }

    // MARK: Making objects

    /// The interned `str` for `text` (a new reference).
    public func intern(_ text: String) -> Value {
        if let existing = interned[text] {
            existing.retain()
            return .object(existing)
        }
        let string = PyStr(text, type: types.str)
        string.isInterned = true
        string.makeImmortal()
        let reference = ObjectRef.allocate(string)
        interned[text] = reference
        return .object(reference)
    }

    /// The interned `PyStr` for `text` (borrowed; interned strings are immortal).
    public func internedString(_ text: String) -> PyStr {
        intern(text).strObject!
    }

    /// A new `str` object.
    public func newString(_ text: String) -> Value {
        .object(ObjectRef.allocate(PyStr(text, type: types.str)))
    }

    public func newString(codePoints: [UInt32]) -> Value {
        .object(ObjectRef.allocate(PyStr(codePoints, type: types.str)))
    }


    /// A new tuple taking over the references to `items`.
    public func newTuple(_ items: [Value]) -> Value {
        if items.isEmpty { return .object(ObjectRef(Unmanaged.passUnretained(emptyTuple))) }
        return .object(ObjectRef.allocate(PyTuple(items, type: types.tuple)))
    }

    /// A new list taking over the references to `items`.
    public func newList(_ items: [Value]) -> Value {
        .object(ObjectRef.allocate(PyList(items, type: types.list)))
    }

    /// A new empty dict (a new reference).
    public func newDict() -> PyDict {
        let dict = PyDict(type: types.dict)
        _ = ObjectRef.allocate(dict)
        return dict
    }


    /// A frozenset constant of `items` (taking over their references).
    /// CPython's compiler builds such a constant twice: from the source
    /// order, then again from that set's iteration order (when it merges
    /// equal constants); the order of the members shows it, so Garter
    /// does the same.
    func newFrozenSet(_ items: [Value]) throws(EvalError) -> Value {
        let first = try newFrozenSetOnce(items)
        defer { first.release() }
        let members = first.as(PySet.self)!.elements
        for member in members { member.retain() }
        return try newFrozenSetOnce(members)
    }

    private func newFrozenSetOnce(_ items: [Value]) throws(EvalError) -> Value {
        let set = PySet(type: types.frozenset)
        let reference = ObjectRef.allocate(set)
        defer { for item in items { item.release() } }
        for item in items {
            guard let hash = try? Interpreter.constantHash(item) else {
                Value.object(reference).release()
                throw .unsupported("frozenset constant of unhashable value")
            }
            try set.add(item, hash: hash, { a, b throws(EvalError) in
                Interpreter.constantsEqual(a, b)
            })
        }
        return .object(reference)
    }

    /// The value of a literal constant from the compiler.
    func constantValue(_ constant: Constant) throws(EvalError) -> Value {
        switch constant {
        case .none: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .bigInt(let number): return .integer(number, longType: types.int)
        case .float(let number): return .float(number)
        case .str(let text): return intern(codePointsText: text.codePoints)
        case .ellipsis:
            ellipsis.retain()
            return ellipsis
        default:
            throw .unsupported("constant \(constant)")
        }
    }

    /// Interns constant strings that look like identifiers (as CPython does).
    func intern(codePointsText codePoints: [UInt32]) -> Value {
        let isIdentifierLike = codePoints.count <= 40 && codePoints.allSatisfy { point in
            (point >= 0x30 && point <= 0x39) || (point >= 0x41 && point <= 0x5A) || (point >= 0x61 && point <= 0x7A)
                || point == 0x5F
        }
        if isIdentifierLike {
            var text = String.UnicodeScalarView()
            for point in codePoints { text.append(Unicode.Scalar(point)!) }
            return intern(String(text))
        }
        return newString(codePoints: codePoints)
    }

    // MARK: Dict helpers for str keys (no Python code can run)

    /// Equality for dicts whose keys are known to be strs.
    static func stringsOnly(_ a: Value, _ b: Value) throws(EvalError) -> Bool {
        guard let x = a.strObject, let y = b.strObject else { return false }
        return x.equals(y)
    }

    /// Sets `dict[name] = value`, taking over the reference to `value`.
    public func setItem(_ dict: PyDict, _ name: String, _ value: Value) {
        let key = intern(name)
        try! dict.set(key, hash: key.strObject!.hashValue, value, Interpreter.stringsOnly)
    }

    /// Hash of the constant kinds the compiler makes (for frozenset
    /// constants): the same values `ThreadState.hash` gives, without a thread.
    static func constantHash(_ value: Value) throws -> Int {
        struct Unhashable: Error {}
        switch value {
        case .none: return NumberHash.hash(0x5f5e_1000)
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return NumberHash.hash(number)
        case .float(let number): return NumberHash.hash(number, identityHash: 0)
        case .object(let reference):
            if let string = reference.with({ $0 as? PyStr }) { return string.hashValue }
            if let bytes = reference.with({ $0 as? PyBytes }) { return BytesHashing.hash(bytes.bytes) }
            if let integer = Arithmetic.pyInteger(value) { return NumberHash.hash(integer) }
            if let tuple = reference.with({ $0 as? PyTuple }) {
                var hasher = TupleHasher()
                for item in tuple.items { hasher.combine(try constantHash(item)) }
                return hasher.finalize(count: tuple.count)
            }
            if let set = reference.with({ $0 as? PySet }) { return FrozenSetHash.hash(of: set.storage) }
            throw Unhashable()
        }
    }

    /// `a == b` for constants (numbers across types, strs, tuples item by item).
    static func constantsEqual(_ a: Value, _ b: Value) -> Bool {
        if a.isIdentical(to: b) { return true }
        switch (a, b) {
        case (.bool(let x), .int(let y)), (.int(let y), .bool(let x)): return (x ? 1 : 0) == y
        case (.bool(let x), .float(let y)), (.float(let y), .bool(let x)): return (x ? 1.0 : 0.0) == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(exactly: x) == y
        case (.float(let x), .float(let y)): return x == y
        default: break
        }
        if let x = a.strObject, let y = b.strObject { return x.equals(y) }
        if let x = a.as(PyBytes.self), let y = b.as(PyBytes.self) { return x.bytes == y.bytes }
        if let x = a.as(PyTuple.self), let y = b.as(PyTuple.self) {
            return x.count == y.count && zip(x.items, y.items).allSatisfy { constantsEqual($0, $1) }
        }
        return false
    }
}

/// Interned names the runtime looks up itself, made once per interpreter.
/// A class: `names` is a lazy property, and reading a field through it
/// copied the whole struct (one retain and release per name) every time.
public final class WellKnownNames {
    public let __name__, __qualname__, __module__, __doc__, __dict__, __class__: PyStr
    public let __init__, __new__, __call__, __getattr__, __getattribute__, __setattr__, __delattr__: PyStr
    public let __get__, __set__, __delete__, __set_name__, __init_subclass__, __class_getitem__: PyStr
    public let __iter__, __next__, __len__, __getitem__, __setitem__, __delitem__, __contains__: PyStr
    public let __bool__, __hash__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__: PyStr
    public let __repr__, __str__, __format__, __index__, __int__, __float__, __enter__, __exit__: PyStr
    public let __builtins__, __annotations__, __slots__, __classcell__, __mro_entries__, __prepare__: PyStr
    public let __del__, __missing__, __reversed__, __await__, __aiter__, __anext__, __aenter__, __aexit__: PyStr
    public let __bases__, __mro__, __file__, __path__, __package__, __spec__, __loader__, __all__: PyStr
    public let __instancecheck__, __subclasscheck__, __neg__, __pos__, __invert__, __abs__: PyStr

    init(_ interpreter: Interpreter) {
        func name(_ text: String) -> PyStr { interpreter.internedString(text) }
        __name__ = name("__name__"); __qualname__ = name("__qualname__"); __module__ = name("__module__")
        __doc__ = name("__doc__"); __dict__ = name("__dict__"); __class__ = name("__class__")
        __init__ = name("__init__"); __new__ = name("__new__"); __call__ = name("__call__")
        __getattr__ = name("__getattr__"); __getattribute__ = name("__getattribute__")
        __setattr__ = name("__setattr__"); __delattr__ = name("__delattr__")
        __get__ = name("__get__"); __set__ = name("__set__"); __delete__ = name("__delete__")
        __set_name__ = name("__set_name__"); __init_subclass__ = name("__init_subclass__")
        __class_getitem__ = name("__class_getitem__")
        __iter__ = name("__iter__"); __next__ = name("__next__"); __len__ = name("__len__")
        __getitem__ = name("__getitem__"); __setitem__ = name("__setitem__"); __delitem__ = name("__delitem__")
        __contains__ = name("__contains__"); __bool__ = name("__bool__"); __hash__ = name("__hash__")
        __eq__ = name("__eq__"); __ne__ = name("__ne__"); __lt__ = name("__lt__"); __le__ = name("__le__")
        __gt__ = name("__gt__"); __ge__ = name("__ge__"); __repr__ = name("__repr__"); __str__ = name("__str__")
        __format__ = name("__format__"); __index__ = name("__index__"); __int__ = name("__int__")
        __float__ = name("__float__"); __enter__ = name("__enter__"); __exit__ = name("__exit__")
        __builtins__ = name("__builtins__"); __annotations__ = name("__annotations__")
        __slots__ = name("__slots__"); __classcell__ = name("__classcell__")
        __mro_entries__ = name("__mro_entries__"); __prepare__ = name("__prepare__"); __del__ = name("__del__")
        __missing__ = name("__missing__"); __reversed__ = name("__reversed__"); __await__ = name("__await__")
        __aiter__ = name("__aiter__"); __anext__ = name("__anext__"); __aenter__ = name("__aenter__")
        __aexit__ = name("__aexit__"); __bases__ = name("__bases__"); __mro__ = name("__mro__")
        __file__ = name("__file__"); __path__ = name("__path__"); __package__ = name("__package__")
        __spec__ = name("__spec__"); __loader__ = name("__loader__"); __all__ = name("__all__")
        __instancecheck__ = name("__instancecheck__"); __subclasscheck__ = name("__subclasscheck__")
        __neg__ = name("__neg__"); __pos__ = name("__pos__"); __invert__ = name("__invert__"); __abs__ = name("__abs__")
    }
}

