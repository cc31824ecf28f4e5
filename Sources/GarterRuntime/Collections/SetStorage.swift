/// The hash table behind `set` and `frozenset`: CPython 3.11's setobject.c
/// algorithm, slot for slot, so that iterating (and printing) a set gives
/// CPython's order for the same hashes.
///
/// One array of (hash, key) slots, a power of two long (8 at least). A slot
/// is empty (no key, hash 0), a dummy left by a deletion (no key, hash -1),
/// or active. A search looks at up to 10 neighbouring slots (LINEAR_PROBES
/// = 9 after the first, when they do not run past the end) before jumping
/// along CPython's perturbed sequence. `fill` counts active and dummy
/// slots, `count` active ones; when an add takes an empty slot and
/// `fill·5 ≥ mask·3`, the table is rebuilt for `count·4` (`count·2` beyond
/// 50,000) members, in old-table order. Iteration goes by slot number.
///
/// Like `DictStorage`, this is a **handle**: one pointer to a header that
/// never moves, which also holds CPython's 8-slot "small table" inline. The
/// owner calls `deallocate()` once. No Swift reference counting.
///
/// **Ownership.** The table owns one reference to each member. `add`
/// borrows its argument and retains it only when it is added. Members that
/// leave are handed to the caller, owned: the result of `remove` and `pop`.
/// `removeAll` and `deallocate` release the members themselves after the
/// table is consistent. Operations that build a new table (`copy`,
/// `intersection`, ...) return a new handle that the caller owns.
@frozen
public struct SetStorage {
    @usableFromInline let state: UnsafeMutablePointer<SetState>

    /// `PySet_MINSIZE`.
    public static let minimumSize = 8
    /// Slots examined next to each other before the next perturbed jump.
    static let linearProbes = 9

    /// An empty set using its inline 8-slot table.
    public init() {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: SetState.smallTableOffset + SetStorage.minimumSize * MemoryLayout<SetEntry>.stride,
            alignment: max(MemoryLayout<SetState>.alignment, MemoryLayout<SetEntry>.alignment))
        state = raw.bindMemory(to: SetState.self, capacity: 1)
        let small = (raw + SetState.smallTableOffset).bindMemory(to: SetEntry.self, capacity: SetStorage.minimumSize)
        small.initialize(repeating: SetEntry.empty, count: SetStorage.minimumSize)
        state.initialize(to: SetState(table: small))
    }

    /// Releases every member and frees the table. The handle is invalid
    /// afterwards.
    public func deallocate() {
        removeAll()
        state.deinitialize(count: 1)
        UnsafeMutableRawPointer(state).deallocate()
    }

    /// `len(s)`.
    @inlinable public var count: Int { state.pointee.used }
    /// Slots in the table (`mask + 1`): iteration goes over `0..<capacity`;
    /// `sys.getsizeof` counts them when the table is not the inline one.
    @inlinable public var capacity: Int { state.pointee.mask + 1 }
    /// Active plus dummy slots.
    public var fill: Int { state.pointee.fill }
    /// Whether the members live in the inline small table.
    public var usesSmallTable: Bool { state.pointee.table == smallTable }

    /// The inline 8-slot table that follows the header.
    @usableFromInline
    var smallTable: UnsafeMutablePointer<SetEntry> {
        (UnsafeMutableRawPointer(state) + SetState.smallTableOffset).assumingMemoryBound(to: SetEntry.self)
    }

    /// Whether two handles are the same table.
    @inlinable
    public func isSameTable(as other: SetStorage) -> Bool { state == other.state }

    /// The first active slot at or after `slot`, or nil at the end.
    @inlinable
    public func nextOccupiedSlot(from slot: Int) -> Int? {
        let table = state.pointee.table
        let mask = state.pointee.mask
        var current = slot
        while current <= mask {
            if table[current].key != nil { return current }
            current += 1
        }
        return nil
    }

    /// The member in an active slot, borrowed.
    @inlinable
    public func key(atSlot slot: Int) -> Value {
        state.pointee.table[slot].key.unsafelyUnwrapped
    }

    /// The stored hash of an active slot.
    @inlinable
    public func hash(atSlot slot: Int) -> Int {
        state.pointee.table[slot].hash
    }
}

/// One slot: empty (nil key, hash 0), dummy (nil key, hash -1) or active.
@usableFromInline
struct SetEntry {
    @usableFromInline var hash: Int
    @usableFromInline var key: Value?

    static var empty: SetEntry { SetEntry(hash: 0, key: nil) }
    static var dummy: SetEntry { SetEntry(hash: -1, key: nil) }

    @inline(__always) var isEmpty: Bool { key == nil && hash == 0 }
}

/// The header a `SetStorage` points to; the 8-slot small table follows it
/// in the same allocation.
@usableFromInline
struct SetState {
    @usableFromInline var table: UnsafeMutablePointer<SetEntry>
    @usableFromInline var mask: Int
    var fill = 0
    @usableFromInline var used = 0
    /// Where `pop` starts looking (CPython's `finger`).
    var finger = 0
    /// Changes whenever `table` is replaced or rebuilt; a search that ran
    /// Python code restarts if it changed.
    var generation: UInt64 = 0

    static var smallTableOffset: Int {
        let stride = MemoryLayout<SetState>.stride
        let alignment = MemoryLayout<SetEntry>.alignment
        return (stride + alignment - 1) / alignment * alignment
    }

    init(table: UnsafeMutablePointer<SetEntry>) {
        self.table = table
        mask = SetStorage.minimumSize - 1
    }
}
