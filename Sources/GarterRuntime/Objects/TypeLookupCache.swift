/// The interpreter's cache of attribute lookups along types' MROs (CPython's
/// method cache, `type_cache` in Objects/typeobject.c): `type.lookup(name)`
/// for an interned name answers from here without probing the dict of each
/// class in the MRO, as long as the type's version tag is the one the entry
/// was made with. One per interpreter, reached from every type through a
/// pointer copied from the metatype (as the collector's state is).
///
/// Entries hold borrowed values. A value could only be freed by a change to
/// a type dict, and such changes reset the version tags of the type and its
/// subclasses (`PyType.attributeChanged`, `PyType.dictChanged`); each entry
/// also keeps the version of the dict the value came from and is ignored
/// when that dict changed since, so even a change that forgot to reset the
/// tags cannot hand out a freed value.
struct TypeLookupCache {
    /// A power of two: 2048 entries of 48 bytes (pages are touched only as used).
    static let size = 2048

    struct Entry {
        /// The version tag of the type looked up in; 0 = empty.
        var tag: UInt64 = 0
        /// The interned name looked up (its identity).
        var name: UnsafeRawPointer?
        /// What was found (borrowed), when `foundIn` is set.
        var value: Value = .none
        /// The dict the value came from, nil when the name was not found.
        var foundIn: Unmanaged<PyDict>?
        var dictVersion: UInt64 = 0
    }

    /// The last version tag given to a type.
    var lastVersionTag: UInt64 = 0
    let entries: UnsafeMutablePointer<Entry>

    static func allocate() -> UnsafeMutablePointer<TypeLookupCache> {
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: size)
        entries.initialize(repeating: Entry(), count: size)
        let cache = UnsafeMutablePointer<TypeLookupCache>.allocate(capacity: 1)
        cache.initialize(to: TypeLookupCache(entries: entries))
        return cache
    }

    /// The entry for (`tag`, `name`): multiplicative hashing of the tag
    /// mixed with the name's address (objects are 16-byte aligned).
    @inline(__always)
    func entry(tag: UInt64, name: UnsafeRawPointer) -> UnsafeMutablePointer<Entry> {
        let mixed = (tag &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(UInt(bitPattern: name) >> 4)
        return entries + Int(truncatingIfNeeded: (mixed >> 20) ^ mixed) & (TypeLookupCache.size - 1)
    }
}

extension PyType {
    /// This type's version tag, giving it a fresh one if it has none (after a change).
    @inline(__always)
    var assignedVersionTag: UInt64 {
        if versionTag != PyType.unassignedVersionTag { return versionTag }
        lookupCache.pointee.lastVersionTag &+= 1
        versionTag = lookupCache.pointee.lastVersionTag
        return versionTag
    }

    /// The attribute `name` found along the MRO, without descriptors applied
    /// (CPython's `_PyType_Lookup`). A borrowed reference.
    public func lookup(_ name: PyStr) -> Value? {
        guard name.isInterned else { return lookupAlongMRO(name).value }
        let tag = assignedVersionTag
        let nameIdentity = UnsafeRawPointer(Unmanaged.passUnretained(name).toOpaque())
        let entry = lookupCache.pointee.entry(tag: tag, name: nameIdentity)
        if entry.pointee.tag == tag && entry.pointee.name == nameIdentity {
            guard let dict = entry.pointee.foundIn else { return nil }
            if dict._withUnsafeGuaranteedRef({ $0.storage.version }) == entry.pointee.dictVersion {
                return entry.pointee.value
            }
        }
        let (value, dict) = lookupAlongMRO(name)
        entry.pointee = TypeLookupCache.Entry(tag: tag, name: nameIdentity, value: value ?? .none,
                                              foundIn: dict.map { Unmanaged.passUnretained($0) },
                                              dictVersion: dict?.storage.version ?? 0)
        return value
    }

    /// The MRO walk itself: the value and the dict it is in.
    private func lookupAlongMRO(_ name: PyStr) -> (value: Value?, dict: PyDict?) {
        for type in mro {
            let dict: PyDict = type.dict
            if let number = dict.entryIndex(string: name) { return (dict.value(atEntry: number), dict) }
        }
        return (nil, nil)
    }

    /// Records that this type's dict was changed directly (by native code
    /// setting up a type, not through `setattr`): caches forget it and its
    /// subclasses. Special-method slots are not recomputed (see `attributeChanged`).
    public func dictChanged() {
        versionTag = PyType.unassignedVersionTag
        for subclass in subclasses { subclass._withUnsafeGuaranteedRef { $0.dictChanged() } }
    }
}
