extension DictStorage {
    /// Where a key lives: its entry number and the index slot pointing to it.
    @usableFromInline
    struct Location {
        @usableFromInline let entry: Int
        @usableFromInline let slot: Int
    }

    /// CPython's lookup: follow the probe path from `hash`; at each slot that
    /// names an entry, the key matches if it is the same object, or if the
    /// hashes are equal and `equal` says so; an empty slot ends the search.
    ///
    /// `equal` may run Python code that mutates this table. The stored key
    /// is kept alive across the call, and if afterwards the table was
    /// rebuilt or that entry no longer holds the key, the search starts
    /// over, as CPython's `do_lookup` does.
    @usableFromInline
    func locate(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Location? {
        restart: while true {
            if state.pointee.count == 0 { return nil }
            let generation = state.pointee.layoutGeneration
            let mask = state.pointee.mask
            var slot = hash & mask
            var perturb = UInt(bitPattern: hash)
            while true {
                let number = state.pointee.index(at: slot)
                if number >= 0 {
                    let entry = state.pointee.entries.unsafelyUnwrapped + number
                    let stored = entry.pointee.key.unsafelyUnwrapped
                    if stored.isIdentical(to: key) { return Location(entry: number, slot: slot) }
                    if entry.pointee.hash == hash {
                        stored.retain()
                        let isEqual: Bool
                        do { isEqual = try equal(stored, key) } catch {
                            stored.release()
                            throw error
                        }
                        let unchanged = state.pointee.layoutGeneration == generation
                            && state.pointee.entries.unsafelyUnwrapped[number].key?.isIdentical(to: stored) == true
                        stored.release()
                        if !unchanged { continue restart }
                        if isEqual { return Location(entry: number, slot: slot) }
                    }
                } else if number == DictState.emptyIndex {
                    return nil
                }
                slot = HashTableProbe.next(slot, perturb: &perturb, mask: mask)
            }
        }
    }

    /// The entry number of `key`, or nil (for caches keyed on `keysVersion`).
    public func find(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Int? {
        try locate(key, hash: hash, equal: equal)?.entry
    }

    /// `d[key]` without the KeyError: the value, borrowed, or nil.
    public func lookup(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Value? {
        guard let location = try locate(key, hash: hash, equal: equal) else { return nil }
        return state.pointee.entries.unsafelyUnwrapped[location.entry].value
    }

    /// `key in d`.
    public func contains(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Bool {
        try locate(key, hash: hash, equal: equal) != nil
    }
}
