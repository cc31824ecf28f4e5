/// The header every heap object carries: Python's reference count and the
/// object's type. Subclasses add their own fields (`PyLong`, `PyStr`, ...).
///
/// Stored properties opt out of Swift's dynamic exclusivity checks: they are
/// touched on every instruction, and the GIL (or, without it, the object's
/// own lock) is what serialises access, not Swift.
open class PyObject {
    /// Objects shared by all interpreters (None's type, built-in types, ...)
    /// are immortal: their count starts here and is never changed, so threads
    /// of different interpreters never write to them.
    public static let immortalRefcount = 1 << 60

    @exclusivity(unchecked)
    public final var refcount: Int

    /// The type, as a raw pointer: reading it costs no Swift reference
    /// counting, and the `type` type object can point at itself.
    @exclusivity(unchecked)
    public final var typePointer: UnsafeRawPointer

    /// Facts about this object the runtime checks when it dies.
    @exclusivity(unchecked)
    public final var objectFlags: ObjectFlags = []

    /// The cycle collector's scratch count (CPython's gc_refs), kept in the
    /// padding after the flags: `CycleCollector.notCollecting` outside a
    /// collection of this object's generation.
    @exclusivity(unchecked)
    final var gcRefs: Int32 = CycleCollector.notCollecting

    /// The instance `__dict__` of objects whose type has one (instances of
    /// classes, functions, modules keep theirs elsewhere), made on first use.
    @exclusivity(unchecked)
    public final var instanceDictReference: Unmanaged<PyDict>?

    /// The cycle collector's intrusive list links (opaque `PyObject`
    /// pointers): nil while the object is not tracked (Collector/).
    @exclusivity(unchecked)
    final var gcNext: UnsafeMutableRawPointer?
    @exclusivity(unchecked)
    final var gcPrev: UnsafeMutableRawPointer?

    public init(type: PyType) {
        self.refcount = 1
        self.typePointer = UnsafeRawPointer(Unmanaged.passUnretained(type).toOpaque())
        // Instances keep their class alive (built-in classes are immortal,
        // so for them this changes nothing).
        type.incref()
    }

    /// For the `type` type object, whose type is itself: the pointer is set
    /// by `PyType` once the object exists.
    init(typeSetLater: Void) {
        self.refcount = PyObject.immortalRefcount
        self.typePointer = UnsafeRawPointer(bitPattern: MemoryLayout<Int>.alignment)!
    }

    /// The object's type, read without Swift reference counting.
    @inlinable
    public final func withType<Result>(_ body: (PyType) throws -> Result) rethrows -> Result {
        try Unmanaged<PyType>.fromOpaque(typePointer)._withUnsafeGuaranteedRef(body)
    }

    /// Called when the last reference goes: release the values this object
    /// holds (list items, dict entries, ...). The memory itself is freed by
    /// Swift afterwards.
    open func releaseContents() {}

    /// Calls `visit` with every value this object holds a counted reference
    /// to (CPython's tp_traverse), for the cycle collector and
    /// `gc.get_referents`. Overrides call `super` (the type and instance
    /// dict) and must visit only counted references: one too many would let
    /// the collector free a live object; one too few only keeps garbage.
    open func traverse(_ visit: (Value) -> Void) {
        withType { type in if type.isHeapType { visit(type.value) } }
        if let dict = instanceDictReference { visit(.object(ObjectRef(.fromOpaque(dict.toOpaque())))) }
    }

    /// Drops the references that can make cycles (CPython's tp_clear), leaving
    /// the object valid: `releaseContents()` may still run after it.
    open func clearReferences() {
        releaseInstanceDict()
    }

    /// Drops the instance dict; called after `releaseContents()`.
    final func releaseInstanceDict() {
        if let dict = instanceDictReference {
            instanceDictReference = nil
            dict._withUnsafeGuaranteedRef { $0.decref() }
        }
    }

    public final var isImmortal: Bool { refcount >= PyObject.immortalRefcount }

    /// Adds a Python reference held by a Swift field of another object
    /// (which must have been made through `ObjectRef.allocate`).
    public final func incref() {
        ObjectRef(Unmanaged.passUnretained(self)).retain()
    }

    /// Drops a reference taken with `incref`.
    public final func decref() {
        ObjectRef(Unmanaged.passUnretained(self)).release()
    }

    /// Makes the object live forever: Python counts stop, and Swift keeps
    /// one retain it never gives back (so objects made immortal right after
    /// creation need no `ObjectRef.allocate`).
    public final func makeImmortal() {
        if refcount < PyObject.immortalRefcount { _ = Unmanaged.passRetained(self) }
        if gcNext != nil { CycleCollector.untrack(self) }
        refcount = PyObject.immortalRefcount
    }
}

/// Per-object facts kept in the header.
public struct ObjectFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Weak references point at it: clear them (and run their callbacks) when it dies.
    public static let hasWeakReferences = ObjectFlags(rawValue: 1 << 0)
    /// `__del__` already ran (PEP 442: at most once per object).
    public static let finalized = ObjectFlags(rawValue: 1 << 1)
    /// Debug builds: made by `ObjectRef.allocate` (checked when it is freed).
    public static let allocated = ObjectFlags(rawValue: 1 << 2)
}
