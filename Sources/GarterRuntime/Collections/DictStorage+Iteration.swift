extension DictStorage {
    /// The first live entry at or after `number`, or nil at the end. An
    /// iterator keeps the number after the last entry it returned; entries
    /// never move except when the table is rebuilt (which changes
    /// `keysVersion`, and happens only when keys are added), so resuming is
    /// safe and changes are detected by comparing `count`, as CPython does.
    @inlinable
    public func nextEntry(from number: Int) -> Int? {
        guard let entries = state.pointee.entries else { return nil }
        var current = number
        let end = state.pointee.entryCount
        while current < end {
            if entries[current].key != nil { return current }
            current += 1
        }
        return nil
    }

    /// The key of a live entry, borrowed.
    @inlinable
    public func key(atEntry number: Int) -> Value {
        state.pointee.entries.unsafelyUnwrapped[number].key.unsafelyUnwrapped
    }

    /// The value of a live entry, borrowed.
    @inlinable
    public func value(atEntry number: Int) -> Value {
        state.pointee.entries.unsafelyUnwrapped[number].value
    }

    /// The stored hash of a live entry (so copies and set operations need not
    /// hash again).
    @inlinable
    public func hash(atEntry number: Int) -> Int {
        state.pointee.entries.unsafelyUnwrapped[number].hash
    }

    /// Whether entry `number` holds a key (false for holes and past the end).
    @inlinable
    public func isLive(entry number: Int) -> Bool {
        guard number >= 0, number < state.pointee.entryCount, let entries = state.pointee.entries else { return false }
        return entries[number].key != nil
    }
}
