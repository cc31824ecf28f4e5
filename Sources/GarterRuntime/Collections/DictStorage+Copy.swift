extension DictStorage {
    /// `d.copy()` (`PyDict_Copy`): a new table holding new references to the
    /// same keys and values, in the same order. A table with few holes is
    /// cloned as it is (same size, same holes); one with many is rebuilt
    /// compactly.
    public func copy() -> DictStorage {
        let copy = DictStorage()
        let count = state.pointee.count
        guard count > 0, let sourceIndices = state.pointee.indices else { return copy }
        let entryCount = state.pointee.entryCount
        if count >= entryCount * 2 / 3 {
            copy.state.pointee.cloneTable(of: state.pointee, indices: sourceIndices)
        } else {
            copy.mergeFresh(from: self)
        }
        return copy
    }

    /// `self.update(other)` for another dict (`dict_merge` with override):
    /// keys already present get the other's value, new keys are appended in
    /// the other's order. An empty target with a clean, freshly built source
    /// is cloned as CPython does. If `equal` changes `other`'s entries, this
    /// stops with CPython's RuntimeError ("dict mutated during update").
    public func merge(from other: DictStorage, equal: KeyEquality) throws(EvalError) {
        if isSameTable(as: other) || other.count == 0 { return }
        if count == 0, let sourceIndices = other.state.pointee.indices {
            let source = other.state.pointee
            if source.count == source.entryCount
                && (source.log2Size == DictSizing.log2MinimumSize || DictSizing.usable((source.mask + 1) / 2) < source.count) {
                removeAll()
                state.pointee.cloneTable(of: source, indices: sourceIndices)
                state.pointee.version &+= 1
                return
            }
        }
        reserve(forAdding: other.count, incomingStringKeysOnly: other.hasStringKeysOnly)
        // `equal` may run Python code that changes `other`; CPython stops
        // with a RuntimeError when its entry count changed.
        let entryCount = other.entryCount
        var number = 0
        while number < entryCount, let found = other.nextEntry(from: number) {
            let entry = other.state.pointee.entries.unsafelyUnwrapped[found]
            let key = entry.key.unsafelyUnwrapped
            key.retain()
            entry.value.retain()
            defer { key.release(); entry.value.release() }
            try insert(key, hash: entry.hash, value: entry.value, keyIsExactStr: entry.keyIsExactStr,
                       equal: equal)?.release()
            if other.entryCount != entryCount {
                throw EvalError.pythonException("RuntimeError", "dict mutated during update")
            }
            number = found + 1
        }
    }

    /// Copies `other` into this empty table with fresh entries (no equality
    /// tests: `other` has no duplicates).
    func mergeFresh(from other: DictStorage) {
        reserve(forAdding: other.count, incomingStringKeysOnly: other.hasStringKeysOnly)
        var number = 0
        while let found = other.nextEntry(from: number) {
            let entry = other.state.pointee.entries.unsafelyUnwrapped[found]
            entry.key.unsafelyUnwrapped.retain()
            entry.value.retain()
            convertIfNeeded(forKeyIsExactStr: entry.keyIsExactStr)
            appendNew(entry.key.unsafelyUnwrapped, hash: entry.hash, value: entry.value,
                      keyIsExactStr: entry.keyIsExactStr)
            number = found + 1
        }
    }
}

extension DictState {
    /// Makes this (empty, unallocated) table an exact copy of `source`'s
    /// layout, retaining every live key and value (`clone_combined_dict_keys`).
    mutating func cloneTable(of source: DictState, indices sourceIndices: UnsafeMutableRawPointer) {
        let size = source.mask + 1
        let indexBytes = size &<< source.log2IndexWidth
        let capacity = DictSizing.usable(size)
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: indexBytes + capacity * MemoryLayout<DictEntry>.stride,
            alignment: MemoryLayout<DictEntry>.alignment)
        block.copyMemory(from: sourceIndices, byteCount: indexBytes)
        let newEntries = (block + indexBytes).bindMemory(to: DictEntry.self, capacity: capacity)
        let sourceEntries = source.entries.unsafelyUnwrapped
        for number in 0..<source.entryCount {
            let entry = sourceEntries[number]
            (newEntries + number).initialize(to: entry)
            if let key = entry.key {
                key.retain()
                entry.value.retain()
            }
        }
        indices = block
        entries = newEntries
        log2Size = source.log2Size
        mask = source.mask
        log2IndexWidth = source.log2IndexWidth
        stringKeysOnly = source.stringKeysOnly
        usable = source.usable
        entryCount = source.entryCount
        count = source.count
        layoutGeneration &+= 1
        keysVersion &+= 1
    }
}
