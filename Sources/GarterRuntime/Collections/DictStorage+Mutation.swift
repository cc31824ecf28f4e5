extension DictStorage {
    /// `d[key] = value`. Borrows both: retains the key if it is new (an
    /// existing equal key is kept, as in CPython) and the value. Returns the
    /// value it replaced as an owned reference (release it), or nil when the
    /// key was new. `keyIsExactStr`: whether the key's type is exactly `str`
    /// (see `hasStringKeysOnly`).
    @discardableResult
    public func insert(_ key: Value, hash: Int, value: Value, keyIsExactStr: Bool,
                       equal: KeyEquality) throws(EvalError) -> Value? {
        var freeSlot = -1
        if state.pointee.indices != nil {
            convertIfNeeded(forKeyIsExactStr: keyIsExactStr)
            switch try probe(key, hash: hash, equal: equal) {
            case .found(let location): return replaceValue(atEntry: location.entry, with: value)
            case .absent(let slot): freeSlot = slot
            }
        }
        key.retain()
        value.retain()
        appendNew(key, hash: hash, value: value, keyIsExactStr: keyIsExactStr, freeSlot: freeSlot)
        return nil
    }

    /// `d.setdefault(key, value)` with one search (CPython compares the key
    /// only once): the value stored under an equal key, else `value` after
    /// storing it (key and value retained). Borrowed either way.
    public func insertIfAbsent(_ key: Value, hash: Int, value: Value, keyIsExactStr: Bool,
                               equal: KeyEquality) throws(EvalError) -> Value {
        var freeSlot = -1
        if state.pointee.indices != nil {
            convertIfNeeded(forKeyIsExactStr: keyIsExactStr)
            switch try probe(key, hash: hash, equal: equal) {
            case .found(let location): return state.pointee.entries.unsafelyUnwrapped[location.entry].value
            case .absent(let slot): freeSlot = slot
            }
        }
        key.retain()
        value.retain()
        appendNew(key, hash: hash, value: value, keyIsExactStr: keyIsExactStr, freeSlot: freeSlot)
        return value
    }

    /// A key other than an exact `str` turns a string-keys-only table into a
    /// general one; CPython does it by rebuilding the table (at the growth
    /// size), before even looking the key up.
    @inline(__always)
    func convertIfNeeded(forKeyIsExactStr keyIsExactStr: Bool) {
        if !keyIsExactStr && state.pointee.stringKeysOnly && state.pointee.indices != nil {
            state.pointee.rebuild(log2Size: DictSizing.log2Size(
                atLeast: DictSizing.growthTarget(liveCount: state.pointee.count)), stringKeysOnly: false)
        }
    }

    /// Stores a new value in a live entry (found with `find`). Retains
    /// `value`; returns the old value, owned. `version` changes unless the
    /// new value is the same object.
    @discardableResult
    public func replaceValue(atEntry number: Int, with value: Value) -> Value {
        let entry = state.pointee.entries.unsafelyUnwrapped + number
        let old = entry.pointee.value
        value.retain()
        entry.pointee.value = value
        if !old.isIdentical(to: value) { state.pointee.version &+= 1 }
        return old
    }

    /// Appends a key known to be absent, taking over the caller's references
    /// to `key` and `value` (no retain). Grows the table first when no
    /// usable entry is left (`insertion_resize`).
    /// The first key of an unallocated table decides its kind. `freeSlot`,
    /// when not -1, is where the search for the key ended (valid unless the
    /// table is rebuilt here).
    @usableFromInline
    func appendNew(_ key: Value, hash: Int, value: Value, keyIsExactStr: Bool, freeSlot: Int = -1) {
        var slot = freeSlot
        if state.pointee.indices == nil {
            state.pointee.rebuild(log2Size: DictSizing.log2MinimumSize, stringKeysOnly: keyIsExactStr)
            slot = -1
        } else if state.pointee.usable <= 0 {
            state.pointee.rebuild(log2Size: DictSizing.log2Size(
                atLeast: DictSizing.growthTarget(liveCount: state.pointee.count)), stringKeysOnly: true)
            slot = -1
        }
        if slot < 0 { slot = state.pointee.emptySlot(for: hash) }
        let number = state.pointee.entryCount
        state.pointee.setIndex(number, at: slot)
        (state.pointee.entries.unsafelyUnwrapped + number).initialize(
            to: DictEntry(hash: hash, key: key, keyIsExactStr: keyIsExactStr, value: value))
        state.pointee.usable -= 1
        state.pointee.entryCount += 1
        state.pointee.count += 1
        state.pointee.version &+= 1
        state.pointee.keysVersion &+= 1
    }

    /// `del d[key]` / `d.pop(key)`: the removed key and value, owned by the
    /// caller now, or nil when absent. The entry becomes a hole and its index
    /// slot a dummy; nothing moves.
    public func remove(_ key: Value, hash: Int, equal: KeyEquality) throws(EvalError) -> (key: Value, value: Value)? {
        guard let location = try locate(key, hash: hash, equal: equal) else { return nil }
        return takeEntry(location.entry, slot: location.slot)
    }

    func takeEntry(_ number: Int, slot: Int) -> (key: Value, value: Value) {
        state.pointee.setIndex(DictState.dummyIndex, at: slot)
        let entry = state.pointee.entries.unsafelyUnwrapped + number
        let removed = (key: entry.pointee.key.unsafelyUnwrapped, value: entry.pointee.value)
        entry.pointee.key = nil
        entry.pointee.value = .none
        state.pointee.count -= 1
        state.pointee.version &+= 1
        state.pointee.keysVersion &+= 1
        return removed
    }

    /// `d.popitem()`: the most recently inserted item, owned, or nil when the
    /// dict is empty. Trailing holes are dropped from the entry array (the
    /// entries they occupied are not made usable again, as in CPython).
    public func popLast() -> (key: Value, value: Value)? {
        guard state.pointee.count > 0 else { return nil }
        let entries = state.pointee.entries.unsafelyUnwrapped
        var number = state.pointee.entryCount - 1
        while entries[number].key == nil { number -= 1 }
        let slot = state.pointee.slot(ofEntry: number, hash: entries[number].hash)
        let removed = takeEntry(number, slot: slot)
        state.pointee.entryCount = number
        return removed
    }

    /// `d.clear()`: the table becomes empty (and unallocated) first, then the
    /// old keys and values are released.
    public func removeAll() {
        guard let oldIndices = state.pointee.indices else { return }
        let oldEntries = state.pointee.entries.unsafelyUnwrapped
        let oldEntryCount = state.pointee.entryCount
        state.pointee.indices = nil
        state.pointee.entries = nil
        state.pointee.log2Size = DictSizing.log2MinimumSize
        state.pointee.mask = (1 &<< DictSizing.log2MinimumSize) - 1
        state.pointee.log2IndexWidth = 0
        state.pointee.usable = 0
        state.pointee.entryCount = 0
        state.pointee.count = 0
        state.pointee.version &+= 1
        state.pointee.keysVersion &+= 1
        state.pointee.layoutGeneration &+= 1
        for number in 0..<oldEntryCount {
            if let key = oldEntries[number].key {
                key.release()
                oldEntries[number].value.release()
            }
        }
        oldIndices.deallocate()
    }

    /// Makes room for `incoming` more keys before a bulk update, as
    /// `dict.update(other)` does: rebuilds once to a size for
    /// `count + incoming` when the current allocation holds fewer than
    /// `incoming` entries. `incomingStringKeysOnly`: whether the keys to
    /// come are all exact `str`s (the other dict's `hasStringKeysOnly`).
    public func reserve(forAdding incoming: Int, incomingStringKeysOnly: Bool) {
        let allocated = DictSizing.usable(state.pointee.mask + 1)
        if allocated < incoming {
            state.pointee.rebuild(log2Size: DictSizing.estimatedLog2Size(for: state.pointee.count + incoming),
                                  stringKeysOnly: incomingStringKeysOnly)
        }
    }
}
