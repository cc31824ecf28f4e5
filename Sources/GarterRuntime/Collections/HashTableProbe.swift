/// CPython's probe sequence for open addressing: after slot `i`, the next is
/// `(5·i + 1 + perturb) mod size`, where `perturb` starts as the full hash
/// and loses 5 bits per step. The high bits of the hash soon take part, and
/// once `perturb` is 0 the recurrence `5·i + 1` visits every slot of a
/// power-of-two table, so a search always ends.
@usableFromInline
enum HashTableProbe {
    @usableFromInline static let perturbShift: UInt = 5

    @inlinable @inline(__always)
    static func next(_ slot: Int, perturb: inout UInt, mask: Int) -> Int {
        perturb >>= perturbShift
        return (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
}
