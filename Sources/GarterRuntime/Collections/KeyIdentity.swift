extension Value {
    /// `self is other` as the tables test it first, before any hash or
    /// `equal`: the same as `isIdentical(to:)`. Written as one switch on
    /// `self` with a single case test of `other` in each arm, which
    /// compiles to a tag comparison and a payload comparison (a version
    /// that mapped both values to (tag, bits) pairs first cost about 40
    /// instructions per test in the probe loops, measured with callgrind).
    @inlinable @inline(__always)
    func isSameKey(as other: Value) -> Bool {
        switch self {
        case .object(let a):
            if case .object(let b) = other { return a == b }
            return false
        case .int(let a):
            if case .int(let b) = other { return a == b }
            return false
        case .float(let a):
            if case .float(let b) = other { return a.bitPattern == b.bitPattern }
            return false
        case .bool(let a):
            if case .bool(let b) = other { return a == b }
            return false
        case .none:
            if case .none = other { return true }
            return false
        }
    }
}
