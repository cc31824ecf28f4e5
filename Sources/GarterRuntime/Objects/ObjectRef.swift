/// A reference to a heap object that Swift does not count.
///
/// The object is kept alive by one Swift retain taken when it is created
/// (`ObjectRef.allocate`) and given back when Python's reference count drops
/// to zero. Accesses go through `_withUnsafeGuaranteedRef`, which tells the
/// compiler the object is alive, so reading a field costs no retain/release.
@frozen
public struct ObjectRef: Equatable, Hashable {
    @usableFromInline
    let unmanaged: Unmanaged<PyObject>

    @inlinable
    init(_ unmanaged: Unmanaged<PyObject>) {
        self.unmanaged = unmanaged
    }

    /// Takes ownership of a newly made object: its reference count is 1.
    @inlinable
    public static func allocate(_ object: PyObject) -> ObjectRef {
        #if DEBUG
        object.objectFlags.insert(.allocated)
        #endif
        let reference = ObjectRef(Unmanaged.passRetained(object))
        // Containers of an interpreter's tracked types join its youngest
        // generation (Collector/CycleCollector.swift): a few stores.
        if let state = object.withType({ $0.trackedInstances }) { CycleCollector.track(object, state) }
        return reference
    }

    /// Runs `body` with the object, without Swift reference counting.
    @inlinable @inline(__always)
    public func with<Result>(_ body: (PyObject) throws -> Result) rethrows -> Result {
        try unmanaged._withUnsafeGuaranteedRef(body)
    }

    @inlinable @inline(__always)
    public func retain() {
        unmanaged._withUnsafeGuaranteedRef { object in
            if object.refcount < PyObject.immortalRefcount { object.refcount &+= 1 }
        }
    }

    @inlinable @inline(__always)
    public func release() {
        let isLast = unmanaged._withUnsafeGuaranteedRef { object -> Bool in
            if object.refcount >= PyObject.immortalRefcount { return false }
            object.refcount &-= 1
            return object.refcount == 0
        }
        if isLast { deallocate() }
    }

    /// The last reference went: let the object drop what it holds, then give
    /// back the Swift retain, which frees the memory.
    @usableFromInline
    func deallocate() {
        #if DEBUG
        // Freeing gives back the Swift retain `allocate` took: an object
        // made any other way would be freed while Swift still holds it.
        precondition(unmanaged._withUnsafeGuaranteedRef { $0.objectFlags.contains(.allocated) },
                     "a Python object reached a count of zero without having been made by ObjectRef.allocate")
        #endif
        let needsFinalization = unmanaged._withUnsafeGuaranteedRef { object in
            object.objectFlags.contains(.hasWeakReferences)
                || object.withType { $0.flags.contains(.hasFinalizer) }
        }
        if needsFinalization && !Finalization.finalize(self) {
            return  // `__del__` resurrected it
        }
        let type = unmanaged._withUnsafeGuaranteedRef { object -> UnsafeRawPointer in
            if object.gcNext != nil { CycleCollector.untrackDying(object) }
            object.releaseContents()
            object.releaseInstanceDict()
            return object.typePointer
        }
        unmanaged.release()
        Unmanaged<PyType>.fromOpaque(type)._withUnsafeGuaranteedRef { $0.decref() }
    }

    /// Python's `id()`: the object's address.
    public var address: Int {
        Int(bitPattern: unmanaged.toOpaque())
    }

    public static func == (lhs: ObjectRef, rhs: ObjectRef) -> Bool {
        lhs.unmanaged.toOpaque() == rhs.unmanaged.toOpaque()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(unmanaged.toOpaque())
    }
}
