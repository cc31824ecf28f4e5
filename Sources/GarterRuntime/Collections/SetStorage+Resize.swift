extension SetStorage {
    /// Rebuilds the table with the smallest power of two above `minimumUsed`
    /// slots (`set_table_resize`): active members are reinserted in
    /// old-slot order, dummies dropped. Asking for the small size when the
    /// small table is already in use and holds no dummies does nothing.
    func resize(minimumUsed: Int) {
        var size = SetStorage.minimumSize
        while size <= minimumUsed { size <<= 1 }
        let oldTable = state.pointee.table
        let oldMask = state.pointee.mask
        let small = smallTable
        let oldIsSmall = oldTable == small
        var source = oldTable
        var temporary: UnsafeMutablePointer<SetEntry>? = nil
        let newTable: UnsafeMutablePointer<SetEntry>
        if size == SetStorage.minimumSize {
            if oldIsSmall {
                if state.pointee.fill == state.pointee.used { return }
                // Rebuilding the small table in place: read from a copy.
                let copy = UnsafeMutablePointer<SetEntry>.allocate(capacity: SetStorage.minimumSize)
                copy.initialize(from: oldTable, count: SetStorage.minimumSize)
                temporary = copy
                source = copy
            }
            newTable = small
            newTable.update(repeating: SetEntry.empty, count: size)
        } else {
            newTable = .allocate(capacity: size)
            newTable.initialize(repeating: SetEntry.empty, count: size)
        }
        state.pointee.table = newTable
        state.pointee.mask = size - 1
        state.pointee.fill = state.pointee.used
        state.pointee.generation &+= 1
        for slot in 0...oldMask {
            if let key = source[slot].key {
                SetStorage.insertClean(key, hash: source[slot].hash, into: newTable, mask: size - 1)
            }
        }
        temporary?.deallocate()
        if !oldIsSmall { oldTable.deallocate() }
    }

    /// Puts a key into a table known to hold neither it nor any dummy
    /// (`set_insert_clean`): the first empty slot of the probe path.
    static func insertClean(_ key: Value, hash: Int, into table: UnsafeMutablePointer<SetEntry>, mask: Int) {
        var start = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let last = start + linearProbes <= mask ? start + linearProbes : start
            var slot = start
            while slot <= last {
                if table[slot].key == nil {
                    table[slot] = SetEntry(hash: hash, key: key)
                    return
                }
                slot += 1
            }
            start = HashTableProbe.next(start, perturb: &perturb, mask: mask)
        }
    }

    /// `s.clear()`: the set goes back to its empty small table first, then
    /// the members are released.
    public func removeAll() {
        let fill = state.pointee.fill
        guard fill > 0 || !usesSmallTable else { return }
        let oldTable = state.pointee.table
        let oldCapacity = state.pointee.mask + 1
        let small = smallTable
        var members = oldTable
        var temporary: UnsafeMutablePointer<SetEntry>? = nil
        if oldTable == small {
            let copy = UnsafeMutablePointer<SetEntry>.allocate(capacity: SetStorage.minimumSize)
            copy.initialize(from: oldTable, count: SetStorage.minimumSize)
            temporary = copy
            members = copy
        }
        small.update(repeating: SetEntry.empty, count: SetStorage.minimumSize)
        state.pointee.table = small
        state.pointee.mask = SetStorage.minimumSize - 1
        state.pointee.fill = 0
        state.pointee.used = 0
        state.pointee.generation &+= 1
        for slot in 0..<oldCapacity {
            members[slot].key?.release()
        }
        temporary?.deallocate()
        if oldTable != small { oldTable.deallocate() }
    }

    /// Grows the table once before adding about `incoming` members (what
    /// `set.update(dict)` does before adding the dict's keys).
    public func reserve(forAdding incoming: Int) {
        if (state.pointee.fill + incoming) * 5 >= state.pointee.mask * 3 {
            resize(minimumUsed: (state.pointee.used + incoming) * 2)
        }
    }

    /// Exchanges the contents of two tables (`set_swap_bodies`, used by
    /// `intersection_update`); each keeps its own `pop` position.
    public func swapContents(with other: SetStorage) {
        if isSameTable(as: other) { return }
        let mySmall = smallTable
        let otherSmall = other.smallTable
        let myTable = state.pointee.table
        let otherTable = other.state.pointee.table
        // Small tables live inside their headers: swap their slots too.
        let scratch = UnsafeMutablePointer<SetEntry>.allocate(capacity: SetStorage.minimumSize)
        scratch.initialize(from: mySmall, count: SetStorage.minimumSize)
        mySmall.update(from: otherSmall, count: SetStorage.minimumSize)
        otherSmall.update(from: scratch, count: SetStorage.minimumSize)
        scratch.deallocate()
        state.pointee.table = otherTable == otherSmall ? mySmall : otherTable
        other.state.pointee.table = myTable == mySmall ? otherSmall : myTable
        swap(&state.pointee.mask, &other.state.pointee.mask)
        swap(&state.pointee.fill, &other.state.pointee.fill)
        swap(&state.pointee.used, &other.state.pointee.used)
        state.pointee.generation &+= 1
        other.state.pointee.generation &+= 1
    }
}
