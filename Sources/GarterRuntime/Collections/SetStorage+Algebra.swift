/// The set operations, each following CPython 3.11's own algorithm step by
/// step (which table is iterated, which one searched, when tables are
/// presized), because the order of the result depends on it.
///
/// Members move between tables with the hashes already stored, so no
/// Python `__hash__` runs; `equal` runs only where CPython compares.
/// Results are new handles owned by the caller.
extension SetStorage {
    /// `s.update(other)` for another set (`set_merge`): one presizing step,
    /// then a slot-for-slot copy when this set is empty and the sizes match,
    /// a clean reinsertion when it is empty, or ordinary adds otherwise.
    public func merge(from other: SetStorage, equal: KeyEquality) throws(EvalError) {
        if isSameTable(as: other) || other.count == 0 { return }
        if (state.pointee.fill + other.count) * 5 >= state.pointee.mask * 3 {
            resize(minimumUsed: (state.pointee.used + other.count) * 2)
        }
        let table = state.pointee.table
        let otherTable = other.state.pointee.table
        let otherMask = other.state.pointee.mask
        if state.pointee.fill == 0 && state.pointee.mask == otherMask && other.fill == other.count {
            for slot in 0...otherMask {
                if let key = otherTable[slot].key {
                    key.retain()
                    table[slot] = otherTable[slot]
                }
            }
            state.pointee.fill = other.fill
            state.pointee.used = other.count
            return
        }
        if state.pointee.fill == 0 {
            let mask = state.pointee.mask
            state.pointee.fill = other.count
            state.pointee.used = other.count
            for slot in 0...otherMask {
                if let key = otherTable[slot].key {
                    key.retain()
                    SetStorage.insertClean(key, hash: otherTable[slot].hash, into: table, mask: mask)
                }
            }
            return
        }
        var slot = 0
        // Adds may run Python code that changes `other`: re-read it each time.
        while slot <= other.state.pointee.mask {
            let entry = other.state.pointee.table[slot]
            if let key = entry.key {
                key.retain()
                defer { key.release() }
                try add(key, hash: entry.hash, equal: equal)
            }
            slot += 1
        }
    }

    /// `s.copy()` / `set(s)` / `frozenset(s)`: a new table merged from this one.
    public func copy() -> SetStorage {
        let result = SetStorage()
        // Merging into an empty table never compares keys.
        try! result.merge(from: self) { _, _ throws(EvalError) in false }
        return result
    }

    /// Runs `body` with the key and hash of each member, in slot order,
    /// keeping each key alive during its call. The table is re-read at every
    /// step, so `body` may run Python code that changes it (as CPython's
    /// `set_next` loops allow).
    func forEachMember(_ body: (Value, Int) throws(EvalError) -> Void) throws(EvalError) {
        var slot = 0
        while let found = nextOccupiedSlot(from: slot) {
            let key = key(atSlot: found)
            let hash = hash(atSlot: found)
            key.retain()
            defer { key.release() }
            try body(key, hash)
            slot = found + 1
        }
    }

    /// `a & b` (`set_intersection`): iterates the smaller set (`b` when the
    /// sizes are equal), keeping the members the other one contains.
    public static func intersection(_ a: SetStorage, _ b: SetStorage, equal: KeyEquality) throws(EvalError) -> SetStorage {
        if a.isSameTable(as: b) { return a.copy() }
        let result = SetStorage()
        do {
            let (searched, iterated) = b.count > a.count ? (b, a) : (a, b)
            try iterated.forEachMember { (key, hash) throws(EvalError) in
                if try searched.contains(key, hash: hash, equal: equal) {
                    try result.add(key, hash: hash, equal: equal)
                }
            }
        } catch {
            result.deallocate()
            throw error
        }
        return result
    }

    /// `a - b` (`set_difference`): when `a` is more than four times larger,
    /// a copy of `a` minus `b`'s members; otherwise `a`'s members that `b`
    /// lacks, added in `a`'s order.
    public static func difference(_ a: SetStorage, _ b: SetStorage, equal: KeyEquality) throws(EvalError) -> SetStorage {
        if (a.count >> 2) > b.count {
            let result = a.copy()
            do { try result.subtract(b, equal: equal) } catch {
                result.deallocate()
                throw error
            }
            return result
        }
        let result = SetStorage()
        do {
            try a.forEachMember { (key, hash) throws(EvalError) in
                if try !b.contains(key, hash: hash, equal: equal) {
                    try result.add(key, hash: hash, equal: equal)
                }
            }
        } catch {
            result.deallocate()
            throw error
        }
        return result
    }

    /// `a -= b` / `a.difference_update(b)` (`set_difference_update_internal`):
    /// discards `b`'s members (iterating `a & b` instead when `b` is more than
    /// eight times larger), then rebuilds if more than a quarter of the slots
    /// are dummies.
    public func subtract(_ other: SetStorage, equal: KeyEquality) throws(EvalError) {
        if isSameTable(as: other) {
            removeAll()
            return
        }
        let iterated = (other.count >> 3) > count ? try SetStorage.intersection(self, other, equal: equal) : other
        defer { if !iterated.isSameTable(as: other) { iterated.deallocate() } }
        try iterated.forEachMember { (key, hash) throws(EvalError) in
            try remove(key, hash: hash, equal: equal)?.release()
        }
        compactIfManyDummies()
    }

    /// The end of every `difference_update`: rebuilds the table when more
    /// than a quarter of its slots are dummies.
    public func compactIfManyDummies() {
        if state.pointee.fill - state.pointee.used <= state.pointee.mask / 4 { return }
        let used = state.pointee.used
        resize(minimumUsed: used > 50_000 ? used * 2 : used * 4)
    }

    /// `a ^= b` (`set_symmetric_difference_update`): for each member of `b`
    /// in `b`'s order, discard it from `a` or add it.
    public func formSymmetricDifference(_ other: SetStorage, equal: KeyEquality) throws(EvalError) {
        if isSameTable(as: other) {
            removeAll()
            return
        }
        try other.forEachMember { (key, hash) throws(EvalError) in
            if let removed = try remove(key, hash: hash, equal: equal) {
                removed.release()
            } else {
                try add(key, hash: hash, equal: equal)
            }
        }
    }

    /// `a ^ b` (`set_symmetric_difference`): a copy of `b`, then `a`'s
    /// members toggled in it.
    public static func symmetricDifference(_ a: SetStorage, _ b: SetStorage, equal: KeyEquality) throws(EvalError) -> SetStorage {
        let result = b.copy()
        do { try result.formSymmetricDifference(a, equal: equal) } catch {
            result.deallocate()
            throw error
        }
        return result
    }

    /// `a &= b` (`set_intersection_update`): the intersection, then the
    /// tables exchanged.
    public func formIntersection(_ other: SetStorage, equal: KeyEquality) throws(EvalError) {
        let result = try SetStorage.intersection(self, other, equal: equal)
        swapContents(with: result)
        result.deallocate()
    }

    /// `a <= b` (`set_issubset`).
    public func isSubset(of other: SetStorage, equal: KeyEquality) throws(EvalError) -> Bool {
        if count > other.count { return false }
        var slot = 0
        while let found = nextOccupiedSlot(from: slot) {
            let key = key(atSlot: found)
            key.retain()
            defer { key.release() }
            if try !other.contains(key, hash: hash(atSlot: found), equal: equal) { return false }
            slot = found + 1
        }
        return true
    }

    /// `a.isdisjoint(b)` (`set_isdisjoint`): iterates the smaller set.
    public func isDisjoint(with other: SetStorage, equal: KeyEquality) throws(EvalError) -> Bool {
        if isSameTable(as: other) { return count == 0 }
        let (searched, iterated) = other.count > count ? (other, self) : (self, other)
        var slot = 0
        while let found = iterated.nextOccupiedSlot(from: slot) {
            let key = iterated.key(atSlot: found)
            key.retain()
            defer { key.release() }
            if try searched.contains(key, hash: iterated.hash(atSlot: found), equal: equal) { return false }
            slot = found + 1
        }
        return true
    }

    /// `a == b` for sets (`set_richcompare`): same size and `a <= b`.
    /// (For two frozensets CPython first compares their cached hashes.)
    public func isEqual(to other: SetStorage, equal: KeyEquality) throws(EvalError) -> Bool {
        if count != other.count { return false }
        return try isSubset(of: other, equal: equal)
    }
}
