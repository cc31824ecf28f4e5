/// The MT19937 generator as CPython's `_random` uses it: the reference
/// algorithm of Matsumoto and Nishimura (seeding by `init_by_array`,
/// tempering, 53-bit floats from two draws), so that the same seed gives
/// the same numbers as CPython. The state lives in memory the owner
/// allocates once; the generator itself is a plain struct of pointers.
struct MersenneTwister {
    static let stateSize = 624
    private static let shiftSize = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// `stateSize` words.
    let state: UnsafeMutablePointer<UInt32>
    /// The next word of `state` to temper; `stateSize` means "regenerate first".
    var index: Int

    init() {
        state = UnsafeMutablePointer<UInt32>.allocate(capacity: MersenneTwister.stateSize)
        state.initialize(repeating: 0, count: MersenneTwister.stateSize)
        index = MersenneTwister.stateSize + 1
    }

    /// Frees the state (called once by the owner).
    func deallocate() { state.deallocate() }

    mutating func seed(_ value: UInt32) {
        state[0] = value
        for i in 1..<MersenneTwister.stateSize {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = MersenneTwister.stateSize
    }

    /// Seeds from an array of 32-bit words (least significant first for integers).
    mutating func seed(words key: [UInt32]) {
        let size = MersenneTwister.stateSize
        seed(19_650_218)
        var i = 1
        var j = 0
        for _ in 0..<max(size, key.count) {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= size {
                state[0] = state[size - 1]
                i = 1
            }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(size - 1) {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= size {
                state[0] = state[size - 1]
                i = 1
            }
        }
        state[0] = 0x8000_0000
    }

    private mutating func regenerate() {
        let size = MersenneTwister.stateSize
        let shift = MersenneTwister.shiftSize
        func twist(_ upper: UInt32, _ lower: UInt32, _ far: UInt32) -> UInt32 {
            let y = (upper & MersenneTwister.upperMask) | (lower & MersenneTwister.lowerMask)
            return far ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : MersenneTwister.matrixA)
        }
        for k in 0..<(size - shift) { state[k] = twist(state[k], state[k + 1], state[k + shift]) }
        for k in (size - shift)..<(size - 1) { state[k] = twist(state[k], state[k + 1], state[k + shift - size]) }
        state[size - 1] = twist(state[size - 1], state[0], state[shift - 1])
        index = 0
    }

    /// The next 32 random bits.
    mutating func next() -> UInt32 {
        if index >= MersenneTwister.stateSize { regenerate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A float in [0, 1) with 53 random bits.
    mutating func nextDouble() -> Double {
        let a = next() >> 5
        let b = next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }
}
