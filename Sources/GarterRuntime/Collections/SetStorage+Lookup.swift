extension SetStorage {
    /// What a search along `hash`'s probe path ended on.
    @usableFromInline
    enum Probe {
        /// The slot of an equal member.
        case found(Int)
        /// Not present: the empty slot that ended the search, and the last
        /// dummy passed on the way (where `add` puts the key instead).
        case absent(empty: Int, dummy: Int?)
    }

    /// `set_lookkey` and the search of `set_add_entry` in one: the first
    /// slot is `hash & mask`, each jump examines that slot and, when they
    /// exist, the 9 after it, then moves along the perturbed sequence. A
    /// slot matches when it holds the same object, or an equal one with the
    /// same hash. When `equal` ran Python code that rebuilt the table or
    /// emptied that slot, the search restarts (as in CPython).
    @usableFromInline
    func probe(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Probe {
        restart: while true {
            let table = state.pointee.table
            let generation = state.pointee.generation
            let mask = state.pointee.mask
            var start = hash & mask
            var perturb = UInt(bitPattern: hash)
            var dummy: Int? = nil
            while true {
                let last = start + SetStorage.linearProbes <= mask ? start + SetStorage.linearProbes : start
                var slot = start
                while slot <= last {
                    let entry = table + slot
                    let entryHash = entry.pointee.hash
                    if entryHash == hash {
                        // Hashes of members are never -1, and an empty slot's
                        // 0 can match: check for a key.
                        if let stored = entry.pointee.key {
                            if stored.isSameKey(as: key) { return .found(slot) }
                            stored.retain()
                            let isEqual: Bool
                            do { isEqual = try equal(stored, key) } catch {
                                stored.release()
                                throw error
                            }
                            let unchanged = state.pointee.generation == generation
                                && state.pointee.table[slot].key?.isSameKey(as: stored) == true
                            stored.release()
                            if !unchanged { continue restart }
                            if isEqual { return .found(slot) }
                        } else {
                            return .absent(empty: slot, dummy: dummy)
                        }
                    } else if entry.pointee.key == nil {
                        if entryHash == 0 { return .absent(empty: slot, dummy: dummy) }
                        dummy = slot
                    }
                    slot += 1
                }
                start = HashTableProbe.next(start, perturb: &perturb, mask: mask)
            }
        }
    }

    /// `key in s`.
    public func contains(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Bool {
        if case .found = try probe(key, hash: hash, equal: equal) { return true }
        return false
    }

    /// `s.add(key)`: true if the key was added (and retained), false if an
    /// equal member was already there (the member stays, `key` is not kept).
    @discardableResult
    public func add(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Bool {
        guard case .absent(let empty, let dummy) = try probe(key, hash: hash, equal: equal) else { return false }
        key.retain()
        place(key, hash: hash, empty: empty, dummy: dummy)
        return true
    }

    /// Puts an absent key where the search ended: in the last dummy passed,
    /// or else in the empty slot, growing the table when it is full enough.
    /// Takes over the caller's reference.
    @usableFromInline
    func place(_ key: Value, hash: Int, empty: Int, dummy: Int?) {
        let table = state.pointee.table
        if let dummy {
            table[dummy] = SetEntry(hash: hash, key: key)
            state.pointee.used += 1
            return
        }
        table[empty] = SetEntry(hash: hash, key: key)
        state.pointee.fill += 1
        state.pointee.used += 1
        if state.pointee.fill * 5 < state.pointee.mask * 3 { return }
        let used = state.pointee.used
        resize(minimumUsed: used > 50_000 ? used * 2 : used * 4)
    }

    /// `s.discard(key)`: the member removed, owned by the caller now, or nil.
    /// Its slot becomes a dummy.
    public func remove(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> Value? {
        guard case .found(let slot) = try probe(key, hash: hash, equal: equal) else { return nil }
        return takeSlot(slot)
    }

    @usableFromInline
    func takeSlot(_ slot: Int) -> Value {
        let entry = state.pointee.table + slot
        let removed = entry.pointee.key.unsafelyUnwrapped
        entry.pointee = SetEntry.dummy
        state.pointee.used -= 1
        return removed
    }

    /// `s.pop()`: the member at or after the finger (where the last pop
    /// stopped), owned by the caller, or nil when the set is empty.
    public func pop() -> Value? {
        guard state.pointee.used > 0 else { return nil }
        let table = state.pointee.table
        let mask = state.pointee.mask
        var slot = state.pointee.finger & mask
        while table[slot].key == nil {
            slot = slot == mask ? 0 : slot + 1
        }
        let removed = takeSlot(slot)
        state.pointee.finger = slot + 1
        return removed
    }
}
