/// Where the values of a class's `__slots__` live.
///
/// Instances of classes whose solid base is `object` are `PyInstance`s,
/// which keep the values in `slotValues`. Instances of subclasses of other
/// built-in types (`class H(list): __slots__ = 'hashvalue'`, as
/// functools._HashedSeq) are the built-in's own Swift object, which has no
/// room for them: their values go in the object's dict storage under the
/// slot's index as an `int` key, which no attribute name (always a `str`)
/// can match, so attribute lookup through the dict never sees them.
extension ThreadState {
    /// The value of slot `index` of `object` (borrowed), or nil when unset.
    func slotValue(of object: Value, index: Int) -> Value? {
        if let instance = object.as(PyInstance.self) {
            return index < instance.slotValues.count ? instance.slotValues[index] : nil
        }
        guard case .object(let reference) = object,
              let dict = reference.with({ $0.instanceDictReference })?.takeUnretainedValue() else { return nil }
        return try? dict.lookup(.int(index), hash: NumberHash.hash(index), ThreadState.sameSlotIndex)
    }

    /// Sets (or, with nil, clears) slot `index` of `object`, borrowing
    /// `newValue`; returns whether the slot held a value before.
    @discardableResult
    func setSlotValue(of object: Value, index: Int, _ newValue: Value?) -> Bool {
        if let instance = object.as(PyInstance.self) {
            guard index < instance.slotValues.count else { return false }
            newValue?.retain()
            let old = instance.slotValues[index]
            instance.slotValues[index] = newValue
            old?.release()
            return old != nil
        }
        guard case .object(let reference) = object else { return false }
        let hash = NumberHash.hash(index)
        if let newValue {
            let dict = reference.with { object -> PyDict in
                if let dict = object.instanceDictReference { return dict.takeUnretainedValue() }
                let dict = interpreter.newDict()
                object.instanceDictReference = Unmanaged.passUnretained(dict)
                return dict
            }
            let existed = slotValue(of: object, index: index) != nil
            try? dict.store(.int(index), hash: hash, newValue, ThreadState.sameSlotIndex)
            return existed
        }
        guard let dict = reference.with({ $0.instanceDictReference })?.takeUnretainedValue(),
              let removed = try? dict.remove(.int(index), hash: hash, ThreadState.sameSlotIndex) else { return false }
        removed.release()
        return true
    }

    /// Slot keys are plain ints: comparing them runs no Python code.
    private static func sameSlotIndex(_ a: Value, _ b: Value) throws(EvalError) -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x == y }
        return false
    }
}
