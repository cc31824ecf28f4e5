extension Value {
    /// `self is other` as the tables test it first, before any hash or
    /// `equal`: the same as `isIdentical(to:)`, with the two common key
    /// kinds (objects and ints) tested directly so the probe loops do not go
    /// through a switch over every pair of cases.
    @inlinable @inline(__always)
    var identityBits: (tag: UInt8, bits: UInt64) {
        switch self {
        case .none: return (0, 0)
        case .bool(let b): return (1, b ? 1 : 0)
        case .int(let n): return (2, UInt64(bitPattern: Int64(n)))
        case .float(let x): return (3, x.bitPattern)
        case .object(let reference): return (4, UInt64(UInt(bitPattern: reference.address)))
        }
    }

    @inlinable @inline(__always)
    func isSameKey(as other: Value) -> Bool {
        let a = identityBits
        let b = other.identityBits
        return a.bits == b.bits && a.tag == b.tag
    }
}
