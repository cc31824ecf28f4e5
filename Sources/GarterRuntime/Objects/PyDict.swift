/// A `dict` (and every namespace: module globals, class and instance
/// `__dict__`s): CPython 3.11's compact, insertion-ordered hash table,
/// `Collections/DictStorage`, so that sizes, growth and the order of
/// `popitem` are CPython's.
///
/// `version` changes on every mutation; `keysVersion` only when keys are
/// added or removed or the table is rebuilt, so an entry number stays valid
/// while it is unchanged (LOAD_GLOBAL's cache relies on this).
///
/// Ownership: `set` takes over the caller's references (the runtime's
/// older convention, kept because namespaces are filled that way);
/// `store` borrows. `lookup`s and `entry(from:)` return borrowed values;
/// `remove` and `removeLast` hand what they remove to the caller.
public final class PyDict: PyObject {
    /// The table. Its header lives as long as this object; its contents are
    /// released with the object's last Python reference.
    public let storage: DictStorage

    public override init(type: PyType) {
        storage = DictStorage()
        super.init(type: type)
    }

    /// A dict that owns `storage` (a table made by `DictStorage.copy()`, ...).
    public init(type: PyType, storage: DictStorage) {
        self.storage = storage
        super.init(type: type)
        noteMerged()
    }

    deinit {
        // A dict tracked lazily but dropped by Swift without ever being allocated.
        if gcNext != nil { CycleCollector.untrack(self) }
        storage.deallocate()
    }

    override public func releaseContents() {
        storage.removeAll()
    }

    override public func traverse(_ visit: (Value) -> Void) {
        super.traverse(visit)
        var position = 0
        while let number = storage.nextEntry(from: position) {
            visit(storage.key(atEntry: number))
            visit(storage.value(atEntry: number))
            position = number + 1
        }
    }

    override public func clearReferences() {
        super.clearReferences()
        storage.removeAll()
    }

    public var count: Int { storage.count }
    public var version: Int { Int(truncatingIfNeeded: storage.version) }
    public var keysVersion: Int { Int(truncatingIfNeeded: storage.keysVersion) }

    // MARK: Lookup

    /// The value for `key` (borrowed), or nil.
    public func lookup(_ key: Value, hash: Int, _ equal: KeyEquality) throws(EvalError) -> Value? {
        try storage.lookup(key, hash: hash, equal: equal)
    }

    /// The value for a `str` key (borrowed). Only `str` keys can match, so
    /// no Python code runs.
    public func lookup(string key: PyStr) -> Value? {
        guard let entry = entryIndex(string: key) else { return nil }
        return storage.value(atEntry: entry)
    }

    /// The entry number of a `str` key, for caches (see `keysVersion`).
    public func entryIndex(string key: PyStr) -> Int? {
        if storage.count == 0 { return nil }
        let probe = Value.object(ObjectRef(Unmanaged.passUnretained(key)))
        return storage.find(probe, hash: key.hashValue) { stored in
            guard case .object(let reference) = stored else { return false }
            return reference.with { ($0 as? PyStr)?.equals(key) ?? false }
        }
    }

    /// The entry number of `key` (a str), trying `hint` first (no hashing
    /// when it is right); nil when the key is absent.
    @inline(__always)
    public func entryIndex(string key: Value, hint: Int) -> Int? {
        if let number = storage.entry(hint, ifKeyIs: key) { return number }
        return entryIndex(string: key.unsafeStrObject)
    }

    /// The value of entry `number` (borrowed); the caller checked
    /// `keysVersion`, so the entry is live.
    @inline(__always)
    public func value(atEntry number: Int) -> Value {
        storage.value(atEntry: number)
    }

    /// Replaces the value of the entry at `index` (which the caller checked
    /// exists), taking over `value`; returns the old value (owned).
    @inline(__always)
    public func replaceValue(atEntry index: Int, with value: Value) -> Value {
        let old = storage.replaceValue(atEntry: index, with: value)
        noteStored(.none, value)
        value.release()  // the storage retained what it keeps
        return old
    }

    /// The value for a name given as Swift text (hashes the text).
    public func lookup(name: String) -> Value? {
        if storage.count == 0 { return nil }
        let codePoints = name.unicodeScalars.map(\.value)
        let hash = withType { $0.hashSecret.hash(codePoints: codePoints) }
        // A throw-away str, never seen by Python code (so its type does not
        // matter; its hash is set, so it is never read): a probe whose
        // identity matches no stored key.
        let probe = withType { PyStr(codePoints, type: $0) }
        probe.cachedHash = hash
        let key = Value.object(ObjectRef(Unmanaged.passUnretained(probe)))
        return withExtendedLifetime(probe) {
            guard let entry = storage.find(key, hash: hash, matchingWith: { stored in
                guard case .object(let reference) = stored else { return false }
                return reference.with { ($0 as? PyStr)?.equals(probe) ?? false }
            }) else { return nil }
            return storage.value(atEntry: entry)
        }
    }

    // MARK: Mutation

    /// `self[key] = value`, taking over the caller's references to both
    /// (both are released when the search raises).
    public func set(_ key: Value, hash: Int, _ value: Value, _ equal: KeyEquality) throws(EvalError) {
        defer {
            key.release()
            value.release()
        }
        try store(key, hash: hash, value, equal)
    }

    /// `self[key] = value`, borrowing both.
    public func store(_ key: Value, hash: Int, _ value: Value, _ equal: KeyEquality) throws(EvalError) {
        try storage.insert(key, hash: hash, value: value, keyIsExactStr: key.isExactStr, equal: equal)?.release()
        noteStored(key, value)
    }

    /// `self.setdefault(key, value)`: the value now stored under `key`
    /// (borrowed), searching the table once.
    public func setDefault(_ key: Value, hash: Int, _ value: Value, _ equal: KeyEquality) throws(EvalError) -> Value {
        let stored = try storage.insertIfAbsent(key, hash: hash, value: value, keyIsExactStr: key.isExactStr, equal: equal)
        if stored.isIdentical(to: value) { noteStored(key, value) }
        return stored
    }

    /// Removes `key`; returns its value (owned by the caller), or nil.
    public func remove(_ key: Value, hash: Int, _ equal: KeyEquality) throws(EvalError) -> Value? {
        guard let removed = try storage.remove(key, hash: hash, equal: equal) else { return nil }
        removed.key.release()
        return removed.value
    }

    /// Removes every entry.
    public func clear() {
        storage.removeAll()
    }

    // MARK: Iteration

    /// The entry at position `position` or later: its key and value
    /// (borrowed) and the position to continue from; nil at the end.
    public func entry(from position: Int) -> (key: Value, value: Value, next: Int)? {
        guard let number = storage.nextEntry(from: position) else { return nil }
        return (storage.key(atEntry: number), storage.value(atEntry: number), number + 1)
    }

    /// Every (key, value) pair, borrowed, in order.
    public var pairs: [(key: Value, value: Value)] {
        var result: [(key: Value, value: Value)] = []
        result.reserveCapacity(storage.count)
        var position = 0
        while let number = storage.nextEntry(from: position) {
            result.append((storage.key(atEntry: number), storage.value(atEntry: number)))
            position = number + 1
        }
        return result
    }

    /// The last entry, removed (for `popitem`); references owned by the caller.
    public func removeLast() -> (key: Value, value: Value)? {
        storage.popLast()
    }
}

extension Value {
    /// Whether this is an object of exactly the built-in `str` type (what
    /// CPython's dicts track to choose their compact "unicode" tables):
    /// the only type without its own heap type whose instances are `PyStr`.
    @inline(__always)
    var isExactStr: Bool {
        guard case .object(let reference) = self else { return false }
        return reference.with { object in object is PyStr && !object.withType { $0.isHeapType } }
    }
}
