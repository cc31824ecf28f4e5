/// A `set` or `frozenset`: CPython 3.11's open-addressed set table
/// (`Collections/SetStorage`), so that iteration order, `pop` and the
/// results of set operations come out as CPython's for the same hashes.
///
/// Ownership: `add` borrows (the table retains what it keeps); `remove`
/// and `pop` hand the member to the caller.
public final class PySet: PyObject {
    /// The table. Its header lives as long as this object; its members are
    /// released with the object's last Python reference.
    public let storage: SetStorage
    /// A frozenset's hash once computed (-1: not yet).
    var cachedHash: Int = -1

    public override init(type: PyType) {
        storage = SetStorage()
        super.init(type: type)
    }

    /// A set that owns `storage` (a table made by a set operation).
    public init(type: PyType, storage: SetStorage) {
        self.storage = storage
        super.init(type: type)
    }

    deinit { storage.deallocate() }

    override public func releaseContents() { storage.removeAll() }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        var slot = 0
        while let found = storage.nextOccupiedSlot(from: slot) {
            visit(storage.key(atSlot: found))
            slot = found + 1
        }
    }

    override public func clearReferences() {
        super.clearReferences()
        storage.removeAll()
    }

    public var count: Int { storage.count }

    /// The members, borrowed, in iteration (slot) order.
    public var elements: [Value] {
        var result: [Value] = []
        result.reserveCapacity(storage.count)
        var slot = 0
        while let found = storage.nextOccupiedSlot(from: slot) {
            result.append(storage.key(atSlot: found))
            slot = found + 1
        }
        return result
    }

    /// `self.add(item)`, borrowing `item`; false when an equal member was there.
    @discardableResult
    public func add(_ item: Value, hash: Int, _ equal: KeyEquality) throws(EvalError) -> Bool {
        try storage.add(item, hash: hash, equal: equal)
    }

    /// `item in self`.
    public func contains(_ item: Value, hash: Int, _ equal: KeyEquality) throws(EvalError) -> Bool {
        try storage.contains(item, hash: hash, equal: equal)
    }

    /// Removes `item`; the member removed (owned by the caller), or nil.
    public func remove(_ item: Value, hash: Int, _ equal: KeyEquality) throws(EvalError) -> Value? {
        try storage.remove(item, hash: hash, equal: equal)
    }
}
