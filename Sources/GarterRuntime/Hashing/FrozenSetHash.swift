/// `hash(frozenset)` as CPython 3.11 computes it: the entries' hashes, each
/// with its bits shuffled, combined by xor (so the order of the table does
/// not matter), then the size mixed in and the result dispersed so that
/// nested frozensets do not cancel out.
///
/// CPython xors every slot of the table, empty and deleted ones included,
/// and then cancels their contribution; xoring the active entries only
/// gives the same value.
public enum FrozenSetHash {
    @inline(__always)
    static func shuffleBits(_ hash: UInt64) -> UInt64 {
        ((hash ^ 89_869_747) ^ (hash << 16)) &* 3_644_798_167
    }

    /// The hash of a frozenset whose members have the given hashes.
    public static func hash<Hashes: Sequence>(memberHashes: Hashes) -> Int where Hashes.Element == Int {
        var hash: UInt64 = 0
        var count: UInt64 = 0
        for memberHash in memberHashes {
            hash ^= shuffleBits(UInt64(bitPattern: Int64(memberHash)))
            count += 1
        }
        return finish(hash, count: count)
    }

    /// The hash of a frozenset held in `storage` (computed from the hashes
    /// its table already stores; no Python code runs).
    public static func hash(of storage: SetStorage) -> Int {
        var hash: UInt64 = 0
        var slot = 0
        while let found = storage.nextOccupiedSlot(from: slot) {
            hash ^= shuffleBits(UInt64(bitPattern: Int64(storage.hash(atSlot: found))))
            slot = found + 1
        }
        return finish(hash, count: UInt64(storage.count))
    }

    static func finish(_ combined: UInt64, count: UInt64) -> Int {
        var hash = combined
        hash ^= (count &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69_069 &+ 907_133_923
        if hash == UInt64.max { hash = 590_923_713 }
        return Int(bitPattern: UInt(hash))
    }
}
