/// SHA-512 and SHA-384 (FIPS 180-4) over a stream of bytes.
struct SHA512 {
    private var hash: [UInt64]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    /// 64 for SHA-512, 48 for SHA-384.
    let digestSize: Int

    init(digestSize: Int) {
        self.digestSize = digestSize
        hash = digestSize == 64 ? SHA512Constants.initial512 : SHA512Constants.initial384
        buffer.reserveCapacity(128)
    }

    mutating func update(_ bytes: [UInt8]) {
        length &+= UInt64(bytes.count)
        var start = 0
        if !buffer.isEmpty {
            let take = min(128 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes[0..<take])
            start = take
            if buffer.count < 128 { return }
            compress(buffer, at: 0)
            buffer.removeAll(keepingCapacity: true)
        }
        while bytes.count - start >= 128 {
            compress(bytes, at: start)
            start += 128
        }
        buffer.append(contentsOf: bytes[start...])
    }

    /// The digest of what was added so far (the state itself is unchanged).
    func digest() -> [UInt8] {
        var copy = self
        var tail: [UInt8] = [0x80]
        tail += [UInt8](repeating: 0, count: (111 - buffer.count + 128) % 128)
        let bits = length << 3
        let high = length >> 61
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let savedLength = copy.length
        copy.update(tail)
        copy.length = savedLength
        var result: [UInt8] = []
        for word in copy.hash {
            for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return Array(result.prefix(digestSize))
    }

    private mutating func compress(_ block: [UInt8], at start: Int) {
        @inline(__always) func rotate(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }
        var w = [UInt64](repeating: 0, count: 80)
        for t in 0..<16 {
            var word: UInt64 = 0
            for byte in 0..<8 { word = (word << 8) | UInt64(block[start + t * 8 + byte]) }
            w[t] = word
        }
        for t in 16..<80 {
            let s0 = rotate(w[t - 15], 1) ^ rotate(w[t - 15], 8) ^ (w[t - 15] >> 7)
            let s1 = rotate(w[t - 2], 19) ^ rotate(w[t - 2], 61) ^ (w[t - 2] >> 6)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = hash[0], b = hash[1], c = hash[2], d = hash[3]
        var e = hash[4], f = hash[5], g = hash[6], h = hash[7]
        for t in 0..<80 {
            let sum1 = rotate(e, 14) ^ rotate(e, 18) ^ rotate(e, 41)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ sum1 &+ choose &+ SHA512Constants.rounds[t] &+ w[t]
            let sum0 = rotate(a, 28) ^ rotate(a, 34) ^ rotate(a, 39)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = sum0 &+ majority
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        hash[0] &+= a; hash[1] &+= b; hash[2] &+= c; hash[3] &+= d
        hash[4] &+= e; hash[5] &+= f; hash[6] &+= g; hash[7] &+= h
    }
}
