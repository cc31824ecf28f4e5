/// A type object: its name, bases and method resolution order, the
/// dictionary of its attributes, and its slots — the Swift functions the
/// runtime calls for each operation (CPython's `tp_*` fields).
///
/// Built-in types are created at start-up with their slots filled by Swift
/// code, and `finishBuiltin()` puts a wrapper for each slot into the type's
/// dictionary so that `int.__add__` and `dir(int)` work. Classes made by
/// Python code (heap types) inherit slots along their MRO, and each special
/// method they define (`__add__`, `__len__`, ...) replaces the matching slot
/// with a trampoline that calls it (see `TypeSlots+Update.swift`).
public final class PyType: PyObject {
    public var name: String
    public var qualifiedName: String
    /// `__bases__`.
    public var bases: [PyType]
    /// `__mro__`: this type first, `object` last.
    public var mro: [PyType]
    /// The base whose instance layout this type's instances have (tp_base).
    public var base: PyType?
    /// `__dict__`. Set right after creation (the dict type must exist first).
    public var dict: PyDict!
    /// Read on every operator dispatch: no dynamic exclusivity check (the
    /// GIL, not Swift, serialises access).
    @exclusivity(unchecked)
    public var slots = TypeSlots()
    /// The slots a built-in type implements itself (not inherited).
    var ownSlots = TypeSlots()
    public var flags: TypeFlags
    /// `__module__` of a built-in type defined by a module (`weakref`,
    /// `itertools`, ...); nil for the builtins.
    public var moduleName: String?
    /// The tag attribute caches key on (CPython's `tp_version_tag`): given
    /// out by the interpreter, unique for its life, when a cache first
    /// remembers something about this type (`assignedVersionTag`),
    /// and reset to `unassignedVersionTag` whenever an attribute of this type
    /// or of a base changes, so no entry made before the change matches again.
    @exclusivity(unchecked)
    public var versionTag: UInt64 = PyType.unassignedVersionTag
    /// Never stored in a cache entry (whose empty tag is 0), so an unassigned type never hits.
    public static let unassignedVersionTag = UInt64.max
    /// The classes that list this one as a base, for `__subclasses__()`
    /// and for invalidating their slots when an attribute changes.
    var subclasses: [Unmanaged<PyType>] = []
    /// `__slots__` names this heap type added (their values live in
    /// `PyInstance.slotValues`), and how many slot values instances need in all.
    var slotNames: [String] = []
    var instanceSlotCount = 0
    /// The interpreter's string hash key, copied from the metatype, so that
    /// a `str` (of any subclass) finds it through its type when it first
    /// computes its hash.
    public let hashSecret: HashSecret
    /// The interpreter's cycle collector generations, copied from the
    /// metatype as `hashSecret` is; `trackedInstances` is set (to the same
    /// pointer) when instances of this type are containers the collector
    /// tracks (heap types, and the built-in containers: Collector/TrackedTypes.swift).
    let collectorState: UnsafeMutablePointer<CollectorState>
    /// The interpreter's MRO lookup cache and version-tag counter, copied
    /// from the metatype as `collectorState` is (Objects/TypeLookupCache.swift).
    let lookupCache: UnsafeMutablePointer<TypeLookupCache>
    @usableFromInline @exclusivity(unchecked)
    var trackedInstances: UnsafeMutablePointer<CollectorState>?

    /// The `type` type object: its own type.
    /// (`hashSecret` defaults to PYTHONHASHSEED=0's for tests that make
    /// types without an interpreter; `BuiltinTypes` always passes it.)
    public static func makeMetatype(hashSecret: HashSecret = HashSecret(seed: 0)) -> PyType {
        let metatype = PyType(metatypeNamed: "type", hashSecret: hashSecret)
        metatype.typePointer = UnsafeRawPointer(Unmanaged.passUnretained(metatype).toOpaque())
        return metatype
    }

    private init(metatypeNamed name: String, hashSecret: HashSecret) {
        self.hashSecret = hashSecret
        self.collectorState = CollectorState.allocate()
        self.lookupCache = TypeLookupCache.allocate()
        self.name = name
        self.qualifiedName = name
        self.bases = []
        self.mro = []
        self.flags = [.baseType]
        super.init(typeSetLater: ())
    }

    /// A type whose type is `metatype`. Built-in types are made immortal.
    public init(name: String, base: PyType?, metatype: PyType, flags: TypeFlags = [], immortal: Bool = true) {
        self.hashSecret = metatype.hashSecret
        self.collectorState = metatype.collectorState
        self.lookupCache = metatype.lookupCache
        self.name = name
        self.qualifiedName = name
        self.base = base
        self.bases = base.map { [$0] } ?? []
        self.mro = []
        self.flags = flags
        super.init(type: metatype)
        if immortal { makeImmortal() }
        mro = [self] + (base?.mro ?? [])
        if let base { slots.inherit(from: base.slots) }
    }

    /// A heap type (a `class` statement or `type(name, bases, dict)`), MRO
    /// computed by the caller.
    init(heapTypeNamed name: String, qualifiedName: String, bases: [PyType], base: PyType,
         mro: [PyType], metatype: PyType) {
        self.hashSecret = metatype.hashSecret
        self.collectorState = metatype.collectorState
        self.lookupCache = metatype.lookupCache
        self.trackedInstances = metatype.collectorState
        self.name = name
        self.qualifiedName = qualifiedName
        self.bases = bases
        self.base = base
        self.mro = mro
        self.flags = [.heapType, .baseType, .garbageCollected]
        super.init(type: metatype)
    }

    /// Whether this type is `other` or derives from it.
    @inlinable
    public func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        for type in mro where type === other { return true }
        return false
    }

    public var isHeapType: Bool { flags.contains(.heapType) }

    /// `__module__.__qualname__` as CPython prints types and instances:
    /// built-in types have no module prefix.
    public var displayName: String {
        if !isHeapType, let moduleName { return "\(moduleName).\(name)" }
        // Built-in types of native modules (`time.struct_time`) may carry
        // their module in their dict, as CPython's dotted tp_name does.
        guard let module = dict.lookup(name: "__module__"), let text = module.stringValue,
              text != "builtins" else { return isHeapType ? qualifiedName : name }
        return "\(text).\(qualifiedName)"
    }

    public func lookup(name: String) -> Value? {
        for type in mro {
            if let value = type.dict.lookup(name: name) { return value }
        }
        return nil
    }

    /// The type as a value (borrowed: types outlive the values naming them
    /// only when the caller retains).
    public var value: Value { .object(ObjectRef(Unmanaged.passUnretained(self))) }

    /// Records a change of attribute `name` on this type: caches are
    /// invalidated and special-method slots recomputed here and below.
    func attributeChanged(_ name: String, interpreter: Interpreter) {
        versionTag = PyType.unassignedVersionTag
        if name.hasPrefix("__") && name.hasSuffix("__") {
            updateSlots(interpreter: interpreter)
        }
        for subclass in subclasses {
            subclass._withUnsafeGuaranteedRef { $0.attributeChanged(name, interpreter: interpreter) }
        }
    }

    override public func releaseContents() {
        // A dying class leaves its bases' lists of subclasses (they would
        // otherwise point at freed memory).
        let me = Unmanaged.passUnretained(self)
        for base in bases { base.subclasses.removeAll { $0.toOpaque() == me.toOpaque() } }
        dict?.decref()
        for base in bases { base.decref() }
        for type in mro.dropFirst() { type.decref() }
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        if let dict { visit(dict.referenceValue) }
        for base in bases { visit(base.value) }
        for type in mro.dropFirst() { visit(type.value) }
    }

    /// CPython's type_clear: empties the dict (methods referring back to the
    /// class are what make classes cyclic); bases and MRO stay.
    override public func clearReferences() {
        super.clearReferences()
        invalidateCaches()
        dict?.clear()
    }

    private func invalidateCaches() {
        dictChanged()
    }
}

/// Properties of a type that the runtime checks.
public struct TypeFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Made by a class statement or `type()`; its attributes can change.
    public static let heapType = TypeFlags(rawValue: 1 << 0)
    /// Can be subclassed.
    public static let baseType = TypeFlags(rawValue: 1 << 1)
    /// Instances have a `__dict__`.
    public static let hasInstanceDict = TypeFlags(rawValue: 1 << 2)
    /// Subclass of BaseException (fast check for `except`).
    public static let exceptionSubclass = TypeFlags(rawValue: 1 << 3)
    /// Instances may hold references in cycles: tracked by the cycle collector.
    public static let garbageCollected = TypeFlags(rawValue: 1 << 4)
    /// Defines `__del__`.
    public static let hasFinalizer = TypeFlags(rawValue: 1 << 5)
    /// Is abstract (`__abstractmethods__` non-empty): cannot be instantiated.
    public static let isAbstract = TypeFlags(rawValue: 1 << 6)
    /// Pattern matching: instances match sequence / mapping patterns.
    public static let sequence = TypeFlags(rawValue: 1 << 7)
    public static let mapping = TypeFlags(rawValue: 1 << 8)
    /// (1 << 9 is `customAttributes`, in Eval/EvalSupport.swift.)
    /// A class whose `__slots__` leave out `__weakref__` (and whose bases
    /// take none): its instances cannot be weakly referenced.
    public static let refusesWeakReferences = TypeFlags(rawValue: 1 << 10)
}
