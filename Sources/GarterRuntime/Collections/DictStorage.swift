/// The hash table behind `dict` (and module globals): CPython 3.6+'s compact
/// ordered layout with CPython 3.11's sizes and growth policy.
///
/// Two arrays in one allocation: a sparse **index table** of `size` slots
/// (a power of two), each holding an entry number, `emptyIndex` or
/// `dummyIndex` (a deleted key, which searches step over), 1, 2, 4 or 8
/// bytes wide as the size requires; and a dense **entry array** of
/// (hash, key, value) in insertion order. Deleting leaves a hole in the
/// entries (key nil) and a dummy in the index; entries are only appended,
/// so insertion order survives deletes and re-inserts, and the table is
/// compacted when it is rebuilt. Iteration walks the entry array by number,
/// so an iterator can stop and resume and compare `count`/`version`.
///
/// **A handle, not a value.** `DictStorage` is one pointer to a header that
/// never moves (the tables it points to are replaced as the dict grows).
/// Copying the struct copies the handle; `copy()` copies the table. The
/// owner (the `dict` object) calls `deallocate()` exactly once, from its
/// `releaseContents()`. There is no Swift reference counting anywhere in
/// it, and because every field is read through the pointer, a table that
/// Python code mutates in the middle of a search (from an `__eq__`) is seen
/// as it is now, never as a stale copy.
///
/// **Ownership.** The table owns one reference to every key and value it
/// holds. Operations *borrow* their arguments and retain what they keep:
/// `insert` retains the key (only when it is new) and the value. Whatever
/// leaves the table is handed to the caller as an owned reference, which
/// the caller must release: the value replaced by `insert`, the key and
/// value from `remove` and `popLast`. `lookup` and the entry accessors
/// return borrowed references (retain to keep them). `removeAll` and
/// `deallocate` release everything themselves, after the table is already
/// consistent (releasing may run Python code that touches this dict).
///
/// **Versions.** `version` changes on every mutation (a new key, a removed
/// key, a value replaced by a different object); `keysVersion` only when
/// the set of keys or their entry numbers change (insert of a new key,
/// removal, clear, rebuild). A cache of global lookups can keep
/// (`keysVersion`, entry number) and read the value fresh, as CPython
/// 3.11's LOAD_GLOBAL does. Versions count per table and start at 0: a
/// cache must also hold the dict itself (or its identity and a reference).
@frozen
public struct DictStorage {
    @usableFromInline let state: UnsafeMutablePointer<DictState>

    /// An empty table. Nothing is allocated for entries until the first key
    /// (CPython's empty dicts share one empty key table the same way).
    public init() {
        state = .allocate(capacity: 1)
        state.initialize(to: DictState())
    }

    /// A table sized for `count` entries (`dict_new_presized`, as a `{...}`
    /// display or `dict(**kwargs)` makes it); `stringKeysOnly` says whether
    /// all the keys to come are exact `str`s.
    public init(minimumCapacity count: Int, stringKeysOnly: Bool) {
        self.init()
        if count > DictSizing.usable(1 << DictSizing.log2MinimumSize) {
            let log2Size = count > DictSizing.usable(1 << DictSizing.log2MaximumPresize)
                ? DictSizing.log2MaximumPresize : DictSizing.estimatedLog2Size(for: count)
            state.pointee.rebuild(log2Size: log2Size, stringKeysOnly: stringKeysOnly)
        }
    }

    /// Releases every key and value and frees the table. The handle (and
    /// every copy of it) is invalid afterwards.
    public func deallocate() {
        removeAll()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// `len(d)`.
    @inlinable public var count: Int { state.pointee.count }
    /// Changes on every mutation.
    @inlinable public var version: UInt64 { state.pointee.version }
    /// Changes when keys are added or removed or the table is rebuilt.
    @inlinable public var keysVersion: UInt64 { state.pointee.keysVersion }
    /// Entry numbers are `0..<entryCount` (live entries and holes).
    @inlinable public var entryCount: Int { state.pointee.entryCount }
    /// Index slots (`DK_SIZE`), 8 for a dict that never held a key.
    public var tableSize: Int { state.pointee.mask + 1 }
    /// Entries allocated (`USABLE_FRACTION(size)`), 0 while nothing is
    /// allocated; with `tableSize` and `indexWidth` this gives `sys.getsizeof`.
    public var allocatedEntries: Int { state.pointee.indices == nil ? 0 : DictSizing.usable(tableSize) }
    /// Bytes per index slot.
    public var indexWidth: Int { 1 &<< state.pointee.log2IndexWidth }
    /// Whether the table is of CPython's "unicode" kind (every key ever
    /// stored since the last rebuild was an exact `str`). CPython's entries
    /// are then 16 bytes instead of 24, which `sys.getsizeof` shows; and
    /// the first other key makes CPython rebuild the table, which Garter
    /// reproduces so that table sizes stay the same.
    public var hasStringKeysOnly: Bool { state.pointee.stringKeysOnly }

    /// Whether two handles are the same table (`a is b` for their dicts).
    @inlinable
    public func isSameTable(as other: DictStorage) -> Bool { state == other.state }
}

/// One slot of the entry array. A deleted entry has a nil key. Whether the
/// key is an exact `str` is remembered (in what would be padding) so that
/// copies and merges can reproduce CPython's table kinds.
@usableFromInline
struct DictEntry {
    @usableFromInline var hash: Int
    @usableFromInline var key: Value?
    @usableFromInline var keyIsExactStr: Bool
    @usableFromInline var value: Value
}

/// The header a `DictStorage` points to.
@usableFromInline
struct DictState {
    @usableFromInline static let emptyIndex = -1
    @usableFromInline static let dummyIndex = -2

    /// Index table, followed by the entries; nil until the first insert.
    @usableFromInline var indices: UnsafeMutableRawPointer?
    @usableFromInline var entries: UnsafeMutablePointer<DictEntry>?
    var log2Size = DictSizing.log2MinimumSize
    /// `size - 1`, kept so that probing does not recompute it.
    @usableFromInline var mask = (1 &<< DictSizing.log2MinimumSize) - 1
    @usableFromInline var log2IndexWidth = 0
    /// CPython's `DICT_KEYS_UNICODE` kind (see `hasStringKeysOnly`).
    var stringKeysOnly = true
    /// Entries that may still be appended before a rebuild (`dk_usable`).
    var usable = 0
    @usableFromInline var entryCount = 0
    @usableFromInline var count = 0
    @usableFromInline var version: UInt64 = 0
    @usableFromInline var keysVersion: UInt64 = 0
    /// Changes whenever `indices`/`entries` are replaced; a search that ran
    /// Python code restarts if it changed (CPython compares `ma_keys`).
    @usableFromInline var layoutGeneration: UInt64 = 0

    init() {}

    @inlinable @inline(__always)
    func index(at slot: Int) -> Int {
        let table = indices.unsafelyUnwrapped
        switch log2IndexWidth {
        case 0: return Int(table.load(fromByteOffset: slot, as: Int8.self))
        case 1: return Int(table.load(fromByteOffset: slot &<< 1, as: Int16.self))
        case 2: return Int(table.load(fromByteOffset: slot &<< 2, as: Int32.self))
        default: return Int(table.load(fromByteOffset: slot &<< 3, as: Int64.self))
        }
    }

    @inline(__always)
    func setIndex(_ value: Int, at slot: Int) {
        let table = indices.unsafelyUnwrapped
        switch log2IndexWidth {
        case 0: table.storeBytes(of: Int8(truncatingIfNeeded: value), toByteOffset: slot, as: Int8.self)
        case 1: table.storeBytes(of: Int16(truncatingIfNeeded: value), toByteOffset: slot &<< 1, as: Int16.self)
        case 2: table.storeBytes(of: Int32(truncatingIfNeeded: value), toByteOffset: slot &<< 2, as: Int32.self)
        default: table.storeBytes(of: Int64(value), toByteOffset: slot &<< 3, as: Int64.self)
        }
    }

    /// The first slot on `hash`'s probe path that holds no entry (empty or
    /// dummy): where a key known to be absent goes (`find_empty_slot`).
    func emptySlot(for hash: Int) -> Int {
        let mask = self.mask
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while index(at: slot) >= 0 {
            slot = HashTableProbe.next(slot, perturb: &perturb, mask: mask)
        }
        return slot
    }

    /// The slot whose index is `entry` (`lookdict_index`).
    func slot(ofEntry entry: Int, hash: Int) -> Int {
        let mask = self.mask
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while index(at: slot) != entry {
            slot = HashTableProbe.next(slot, perturb: &perturb, mask: mask)
        }
        return slot
    }

    /// Rebuilds the table with `1 << log2Size` slots, moving the live entries
    /// (no reference count changes) to the front in order (`dictresize`). A
    /// table that already holds other keys stays general.
    mutating func rebuild(log2Size newLog2Size: Int, stringKeysOnly onlyStrings: Bool) {
        stringKeysOnly = onlyStrings && (indices == nil || stringKeysOnly)
        let size = 1 &<< newLog2Size
        let width = DictSizing.log2IndexWidth(log2Size: newLog2Size)
        let capacity = DictSizing.usable(size)
        let indexBytes = size &<< width
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: indexBytes + capacity * MemoryLayout<DictEntry>.stride,
            alignment: MemoryLayout<DictEntry>.alignment)
        block.initializeMemory(as: UInt8.self, repeating: 0xff, count: indexBytes)
        let newEntries = (block + indexBytes).bindMemory(to: DictEntry.self, capacity: capacity)
        var moved = 0
        if let oldEntries = entries {
            for number in 0..<entryCount where oldEntries[number].key != nil {
                (newEntries + moved).initialize(to: oldEntries[number])
                moved += 1
            }
        }
        indices?.deallocate()
        indices = block
        entries = newEntries
        log2Size = newLog2Size
        mask = size - 1
        log2IndexWidth = width
        entryCount = moved
        usable = capacity - moved
        for number in 0..<moved {
            setIndex(number, at: emptySlot(for: newEntries[number].hash))
        }
        layoutGeneration &+= 1
        keysVersion &+= 1
    }
}
