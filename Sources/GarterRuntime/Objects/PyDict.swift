/// A `dict`: insertion-ordered, keys compared by hash then equality.
///
/// The table is CPython's compact layout: a dense array of entries in
/// insertion order (deleted ones become holes until the next resize) and
/// an open-addressed index array pointing into it. `version` changes on
/// every mutation: iterators use it to detect changes during iteration and
/// caches of global lookups use it to stay valid.
public final class PyDict: PyObject {
    struct Entry {
        var hash: Int
        var key: Value
        var value: Value
    }

    @exclusivity(unchecked)
    var entries: [Entry?] = []
    /// Slots: -1 empty, -2 deleted, else an index into `entries`.
    @exclusivity(unchecked)
    var indices: [Int32] = []
    @exclusivity(unchecked)
    public private(set) var count = 0
    @exclusivity(unchecked)
    public private(set) var version = 0
    /// Changes only when keys are added or removed or the table is
    /// rebuilt, so an entry's index stays valid while it stays the same
    /// (LOAD_GLOBAL's cache relies on this).
    @exclusivity(unchecked)
    public private(set) var keysVersion = 0

    public override init(type: PyType) {
        super.init(type: type)
    }

    override public func releaseContents() {
        let old = entries
        entries = []
        indices = []
        count = 0
        for entry in old {
            guard let entry else { continue }
            entry.key.release()
            entry.value.release()
        }
    }

    // MARK: Lookup

    /// The slot of `key` in `indices`, or of the empty slot where it would go.
    /// `equal` decides equality of keys with equal hashes that are not
    /// identical; it may run Python code, so the table is re-checked after.
    private func find(_ key: Value, hash: Int,
                      _ equal: (Value, Value) throws(EvalError) -> Bool) throws(EvalError) -> (slot: Int, entry: Int?) {
        if indices.isEmpty { return (-1, nil) }
        while true {
            let mask = indices.count - 1
            var slot = hash & mask
            var perturb = UInt(bitPattern: hash)
            var firstDeleted: Int?
            let startVersion = version
            while true {
                let index = Int(indices[slot])
                if index == -1 { return (firstDeleted ?? slot, nil) }
                if index == -2 {
                    if firstDeleted == nil { firstDeleted = slot }
                } else if let entry = entries[index], entry.hash == hash {
                    if entry.key.isIdentical(to: key) { return (slot, index) }
                    entry.key.retain()
                    let same = try equal(entry.key, key)
                    entry.key.release()
                    if version != startVersion { break }  // mutated by __eq__: start again
                    if same { return (slot, index) }
                }
                perturb >>= 5
                slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
    }

    /// The value for `key` (borrowed), or nil.
    public func lookup(_ key: Value, hash: Int,
                       _ equal: (Value, Value) throws(EvalError) -> Bool) throws(EvalError) -> Value? {
        guard let index = try find(key, hash: hash, equal).entry else { return nil }
        return entries[index]!.value
    }

    /// The value for a `str` key (borrowed). String keys compare without
    /// running Python code.
    public func lookup(string key: PyStr) -> Value? {
        if indices.isEmpty { return nil }
        let hash = key.hashValue
        let mask = indices.count - 1
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let index = Int(indices[slot])
            if index == -1 { return nil }
            if index >= 0, let entry = entries[index], entry.hash == hash, case .object(let reference) = entry.key {
                let matches = reference.with { object -> Bool in
                    guard let string = object as? PyStr else { return false }
                    return string.equals(key)
                }
                if matches { return entry.value }
            }
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// The entry index of a `str` key, for caches (see `keysVersion`).
    public func entryIndex(string key: PyStr) -> Int? {
        if indices.isEmpty { return nil }
        let hash = key.hashValue
        let mask = indices.count - 1
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let index = Int(indices[slot])
            if index == -1 { return nil }
            if index >= 0, let entry = entries[index], entry.hash == hash, let string = entry.key.strObject, string.equals(key) {
                return index
            }
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// The value of the entry at `index` (borrowed); the caller checked
    /// `keysVersion`, so the entry exists.
    @inline(__always)
    public func value(atEntry index: Int) -> Value {
        entries[index].unsafelyUnwrapped.value
    }

    /// Replaces the value of the entry at `index` (which the caller checked
    /// exists), taking over `value`; returns the old value (owned).
    @inline(__always)
    public func replaceValue(atEntry index: Int, with value: Value) -> Value {
        version &+= 1
        let old = entries[index].unsafelyUnwrapped.value
        entries[index]!.value = value
        return old
    }

    /// The value for a name given as Swift text (slow: hashes the text).
    public func lookup(name: String) -> Value? {
        for entry in entries {
            guard let entry, case .object(let reference) = entry.key else { continue }
            if reference.with({ ($0 as? PyStr)?.equals(name) ?? false }) { return entry.value }
        }
        return nil
    }

    // MARK: Mutation

    /// Sets `key` to `value`, taking over the caller's references to both
    /// (the key's is dropped when the key was already present).
    public func set(_ key: Value, hash: Int, _ value: Value,
                    _ equal: (Value, Value) throws(EvalError) -> Bool) throws(EvalError) {
        let found: (slot: Int, entry: Int?)
        do throws(EvalError) {
            found = try find(key, hash: hash, equal)
        } catch {
            key.release()
            value.release()
            throw error
        }
        version &+= 1
        if let index = found.entry {
            let old = entries[index]!.value
            entries[index]!.value = value
            key.release()
            old.release()
            return
        }
        keysVersion &+= 1
        if (entries.count + 1) * 3 >= indices.count * 2 {
            resize(to: count * 3 + 1)
            insertFresh(key, hash: hash, value)
            return
        }
        entries.append(Entry(hash: hash, key: key, value: value))
        indices[found.slot] = Int32(entries.count - 1)
        count += 1
    }

    /// Removes `key`; returns its value (a reference the caller now owns), or nil.
    public func remove(_ key: Value, hash: Int,
                       _ equal: (Value, Value) throws(EvalError) -> Bool) throws(EvalError) -> Value? {
        guard case let (slot, index?) = try find(key, hash: hash, equal) else { return nil }
        let entry = entries[index]!
        entries[index] = nil
        indices[slot] = -2
        count -= 1
        version &+= 1
        keysVersion &+= 1
        entry.key.release()
        return entry.value
    }

    /// Removes every entry.
    public func clear() {
        version &+= 1
        keysVersion &+= 1
        releaseContents()
    }

    /// Inserts a key known to be absent (after a resize), taking the references.
    private func insertFresh(_ key: Value, hash: Int, _ value: Value) {
        let mask = indices.count - 1
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while indices[slot] != -1 {
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
        entries.append(Entry(hash: hash, key: key, value: value))
        indices[slot] = Int32(entries.count - 1)
        count += 1
    }

    /// Rebuilds the index for at least `minimum` entries, compacting holes.
    private func resize(to minimum: Int) {
        var size = 8
        while size * 2 < minimum * 3 { size <<= 1 }
        let live = entries.compactMap { $0 }
        entries = []
        entries.reserveCapacity(size * 2 / 3)
        indices = Array(repeating: -1, count: size)
        count = 0
        for entry in live { insertFresh(entry.key, hash: entry.hash, entry.value) }
    }

    // MARK: Iteration

    /// The entry at position `position` or later: its key and value
    /// (borrowed) and the position to continue from; nil at the end.
    public func entry(from position: Int) -> (key: Value, value: Value, next: Int)? {
        var index = position
        while index < entries.count {
            if let entry = entries[index] { return (entry.key, entry.value, index + 1) }
            index += 1
        }
        return nil
    }

    /// Every (key, value) pair, borrowed, in order.
    public var pairs: [(key: Value, value: Value)] {
        entries.compactMap { $0.map { ($0.key, $0.value) } }
    }

    /// The last entry, removed (for `popitem`); references owned by the caller.
    public func removeLast() -> (key: Value, value: Value)? {
        while let last = entries.last {
            entries.removeLast()
            guard let entry = last else { continue }
            // Its index slot must become "deleted": find it.
            let mask = indices.count - 1
            var slot = entry.hash & mask
            var perturb = UInt(bitPattern: entry.hash)
            while Int(indices[slot]) != entries.count {
                perturb >>= 5
                slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
            indices[slot] = -2
            count -= 1
            version &+= 1
            keysVersion &+= 1
            return (entry.key, entry.value)
        }
        return nil
    }
}
