/// CPython's MAINTAIN_TRACKING for dicts: a dict holding only atoms (str,
/// int, untracked tuples, ...) can never be part of a cycle, so it stays
/// untracked until something that may be is stored in it.
extension PyDict {
    /// Called after `key: value` was stored.
    @inline(__always)
    func noteStored(_ key: Value, _ value: Value) {
        if gcNext == nil && (value.mayBeTracked || key.mayBeTracked) { trackLazily() }
    }

    /// Called after entries were copied in wholesale.
    func noteMerged() {
        guard gcNext == nil else { return }
        var position = 0
        while let number = storage.nextEntry(from: position) {
            if storage.value(atEntry: number).mayBeTracked || storage.key(atEntry: number).mayBeTracked {
                trackLazily()
                return
            }
            position = number + 1
        }
    }

    @inline(never)
    private func trackLazily() {
        guard !isImmortal else { return }
        CycleCollector.retrack(self)
    }

    /// Whether no key or value may be part of a cycle (CPython's
    /// `_PyDict_MaybeUntrack` test, used by full collections).
    var holdsOnlyAtoms: Bool {
        var position = 0
        while let number = storage.nextEntry(from: position) {
            if storage.value(atEntry: number).mayBeTracked || storage.key(atEntry: number).mayBeTracked { return false }
            position = number + 1
        }
        return true
    }
}

extension Value {
    /// CPython's `_PyObject_GC_MAY_BE_TRACKED`: a collectable object that is
    /// tracked, or could become tracked (any but an untracked tuple).
    @inline(__always)
    var mayBeTracked: Bool {
        guard case .object(let reference) = self else { return false }
        return reference.with { object in
            if object.gcNext != nil { return true }
            return !object.isImmortal && object.withType { $0.flags.contains(.garbageCollected) } && !(object is PyTuple)
        }
    }
}
