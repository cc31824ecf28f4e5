/// SipHash-1-3, the string and bytes hash of CPython 3.11 (`Py_HASH_ALGORITHM`
/// is `siphash13` there, and small inputs are not special-cased).
///
/// One compression round per 8-byte word and three finalisation rounds. The
/// input is read as little-endian 64-bit words; the last, partial word
/// carries the input length in its top byte.
@frozen
public struct SipHash13 {
    @usableFromInline var v0: UInt64
    @usableFromInline var v1: UInt64
    @usableFromInline var v2: UInt64
    @usableFromInline var v3: UInt64

    @inlinable
    public init(k0: UInt64, k1: UInt64) {
        v0 = k0 ^ 0x736f_6d65_7073_6575
        v1 = k1 ^ 0x646f_7261_6e64_6f6d
        v2 = k0 ^ 0x6c79_6765_6e65_7261
        v3 = k1 ^ 0x7465_6462_7974_6573
    }

    @inlinable @inline(__always)
    mutating func round() {
        v0 &+= v1; v1 = v1.rotatedLeft(13); v1 ^= v0; v0 = v0.rotatedLeft(32)
        v2 &+= v3; v3 = v3.rotatedLeft(16); v3 ^= v2
        v0 &+= v3; v3 = v3.rotatedLeft(21); v3 ^= v0
        v2 &+= v1; v1 = v1.rotatedLeft(17); v1 ^= v2; v2 = v2.rotatedLeft(32)
    }

    /// Absorbs one full little-endian word of input.
    @inlinable @inline(__always)
    public mutating func compress(_ word: UInt64) {
        v3 ^= word
        round()
        v0 ^= word
    }

    /// Absorbs the last (possibly empty) partial word and returns the hash.
    /// `tail` holds the remaining `byteCount % 8` bytes, little-endian;
    /// `byteCount` is the length of the whole input.
    @inlinable
    public mutating func finish(tail: UInt64, byteCount: Int) -> UInt64 {
        let last = (UInt64(truncatingIfNeeded: byteCount) << 56) | tail
        compress(last)
        v2 ^= 0xff
        round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 &- count))
    }
}
