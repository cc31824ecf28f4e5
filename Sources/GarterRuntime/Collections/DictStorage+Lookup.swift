extension DictStorage {
    /// Where a key lives: its entry number and the index slot pointing to it.
    @usableFromInline
    struct Location {
        @usableFromInline let entry: Int
        @usableFromInline let slot: Int

        @inlinable
        init(entry: Int, slot: Int) {
            self.entry = entry
            self.slot = slot
        }
    }

    /// What a search ended on.
    @usableFromInline
    enum Probe {
        case found(Location)
        /// Absent. `freeSlot` is the first slot of the path without an entry
        /// (where `find_empty_slot` would put the key), or -1 when unknown
        /// (empty table, or `equal` ran and may have changed the slots).
        case absent(freeSlot: Int)
    }

    /// CPython's lookup: follow the probe path from `hash`; at each slot that
    /// names an entry, the key matches if it is the same object, or if the
    /// hashes are equal and `equal` says so; an empty slot ends the search.
    ///
    /// `equal` may run Python code that mutates this table. The stored key
    /// is kept alive across the call, and if afterwards the table was
    /// rebuilt or that entry no longer holds the key, the search starts
    /// over, as CPython's `do_lookup` does.
    @inlinable @inline(__always)
    func probe(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Probe {
        restart: while true {
            if state.pointee.count == 0 { return .absent(freeSlot: -1) }
            let generation = state.pointee.layoutGeneration
            let mask = state.pointee.mask
            var slot = hash & mask
            var perturb = UInt(bitPattern: hash)
            var freeSlot = -1
            var calledBack = false
            while true {
                let number = state.pointee.index(at: slot)
                if number >= 0 {
                    let entry = state.pointee.entries.unsafelyUnwrapped + number
                    let stored = entry.pointee.key.unsafelyUnwrapped
                    if stored.isSameKey(as: key) { return .found(Location(entry: number, slot: slot)) }
                    if entry.pointee.hash == hash {
                        stored.retain()
                        calledBack = true
                        let isEqual: Bool
                        do { isEqual = try equal(stored, key) } catch {
                            stored.release()
                            throw error
                        }
                        let unchanged = state.pointee.layoutGeneration == generation
                            && state.pointee.entries.unsafelyUnwrapped[number].key?.isSameKey(as: stored) == true
                        stored.release()
                        if !unchanged { continue restart }
                        if isEqual { return .found(Location(entry: number, slot: slot)) }
                    }
                } else {
                    if freeSlot < 0 { freeSlot = slot }
                    if number == DictState.emptyIndex { return .absent(freeSlot: calledBack ? -1 : freeSlot) }
                }
                slot = HashTableProbe.next(slot, perturb: &perturb, mask: mask)
            }
        }
    }

    @inlinable @inline(__always)
    func locate(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Location? {
        if case .found(let location) = try probe(key, hash: hash, equal: equal) { return location }
        return nil
    }

    /// The entry number of `key`, or nil (for caches keyed on `keysVersion`).
    @inlinable @inline(__always)
    public func find(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Int? {
        try locate(key, hash: hash, equal: equal)?.entry
    }

    /// `d[key]` without the KeyError: the value, borrowed, or nil.
    @inlinable @inline(__always)
    public func lookup(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Value? {
        guard let location = try locate(key, hash: hash, equal: equal) else { return nil }
        return state.pointee.entries.unsafelyUnwrapped[location.entry].value
    }

    /// `key in d`.
    @inlinable @inline(__always)
    public func contains(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Bool {
        try locate(key, hash: hash, equal: equal) != nil
    }

    /// The entry number of `key` for searches that cannot run Python code
    /// (names in namespaces): a stored key matches when it is `key` itself,
    /// or has the same hash and `matches` says so. Always inlined, so that
    /// `matches` is known where it is called and nothing is opaque in the
    /// loop (no closure call, and callers' objects need no extra retains).
    @inlinable @inline(__always)
    public func find(_ key: Value, hash: Int, matchingWith matches: (Value) -> Bool) -> Int? {
        guard let entries = state.pointee.entries else { return nil }
        let mask = state.pointee.mask
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let number = state.pointee.index(at: slot)
            if number >= 0 {
                let entry = entries + number
                let stored = entry.pointee.key.unsafelyUnwrapped
                if stored.isSameKey(as: key) || (entry.pointee.hash == hash && matches(stored)) { return number }
            } else if number == DictState.emptyIndex {
                return nil
            }
            slot = HashTableProbe.next(slot, perturb: &perturb, mask: mask)
        }
    }

    /// Entry `number` when its key is `key` itself: a cache's remembered
    /// entry number checked without hashing (attribute caches keep one per
    /// name; instances made by the same `__init__` have their attributes
    /// at the same entry numbers). Nil when the hint is stale.
    @inlinable @inline(__always)
    public func entry(_ number: Int, ifKeyIs key: Value) -> Int? {
        guard UInt(bitPattern: number) < UInt(bitPattern: state.pointee.entryCount),
              let stored = state.pointee.entries.unsafelyUnwrapped[number].key,
              stored.isSameKey(as: key) else { return nil }
        return number
    }
}
