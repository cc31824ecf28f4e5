/// `hash(tuple)` as CPython 3.11 computes it: an accumulator in the style of
/// xxHash (multiply, rotate, multiply per item), then the length mixed in so
/// that `hash(())` keeps its historical value.
///
/// Items' hashes are fed one at a time, so the runtime can compute each one
/// (which may run Python code or fail) between calls:
///
///     var hasher = TupleHasher()
///     for item in items { hasher.combine(try hashOf(item)) }
///     let result = hasher.finalize(count: items.count)
@frozen
public struct TupleHasher {
    @usableFromInline static let prime1: UInt64 = 11_400_714_785_074_694_791
    @usableFromInline static let prime2: UInt64 = 14_029_467_366_897_019_727
    @usableFromInline static let prime5: UInt64 = 2_870_177_450_012_600_261

    @usableFromInline var accumulator: UInt64

    @inlinable
    public init() { accumulator = TupleHasher.prime5 }

    @inlinable
    public mutating func combine(_ itemHash: Int) {
        accumulator &+= UInt64(bitPattern: Int64(itemHash)) &* TupleHasher.prime2
        accumulator = (accumulator << 31) | (accumulator >> 33)
        accumulator &*= TupleHasher.prime1
    }

    /// The hash of a tuple of `count` items, all of them combined.
    @inlinable
    public func finalize(count: Int) -> Int {
        let result = accumulator &+ (UInt64(count) ^ (TupleHasher.prime5 ^ 3_527_539))
        // -1 is the error marker; CPython substitutes this constant.
        if result == UInt64.max { return 1_546_275_796 }
        return Int(bitPattern: UInt(result))
    }

    /// `hash(tuple)` of items whose hashes are already known.
    @inlinable
    public static func hash<Hashes: Sequence>(itemHashes: Hashes) -> Int where Hashes.Element == Int {
        var hasher = TupleHasher()
        var count = 0
        for itemHash in itemHashes {
            hasher.combine(itemHash)
            count += 1
        }
        return hasher.finalize(count: count)
    }
}
