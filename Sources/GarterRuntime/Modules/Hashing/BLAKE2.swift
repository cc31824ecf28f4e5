// BLAKE2b and BLAKE2s (RFC 7693, with the tree-hashing parameter block of
// the BLAKE2 paper), which `_blake2` needs with every parameter CPython
// accepts (key, salt, person, fanout, depth, leaf size, node offset and
// depth, inner size, last node): OpenSSL 3.0 offers neither salt nor
// person nor the tree parameters, so they are computed here.

/// What differs between the two variants: word size, rounds, rotations, IV.
protocol BLAKE2Variant {
    associatedtype Word: FixedWidthInteger & UnsignedInteger
    static var rounds: Int { get }
    static var rotations: (Word, Word, Word, Word) { get }
    static var initialValues: [Word] { get }
}

enum BLAKE2bVariant: BLAKE2Variant {
    static let rounds = 12
    static let rotations: (UInt64, UInt64, UInt64, UInt64) = (32, 24, 16, 63)
    static let initialValues: [UInt64] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ]
}

enum BLAKE2sVariant: BLAKE2Variant {
    static let rounds = 10
    static let rotations: (UInt32, UInt32, UInt32, UInt32) = (16, 12, 8, 7)
    static let initialValues: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
}

/// The message schedule: for each of the ten rounds, the order in which the
/// sixteen message words are mixed (later rounds repeat the first ones).
private let blake2Sigma: [Int] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
]

/// The parameters of a BLAKE2 hash (the parameter block's fields).
struct BLAKE2Parameters {
    var digestSize: Int
    var key: [UInt8] = []
    var salt: [UInt8] = []
    var person: [UInt8] = []
    var fanout = 1
    var depth = 1
    var leafSize: UInt32 = 0
    var nodeOffset: UInt64 = 0
    var nodeDepth = 0
    var innerSize = 0
    var lastNode = false
}

/// A running BLAKE2 hash (a value: copying it copies the state).
struct BLAKE2<Variant: BLAKE2Variant> {
    typealias Word = Variant.Word
    static var wordSize: Int { Word.bitWidth / 8 }
    static var blockSize: Int { 16 * wordSize }

    private var state: [Word]
    private var counter: (Word, Word) = (0, 0)
    private var buffer: [UInt8]
    private var buffered = 0
    let digestSize: Int
    private let lastNode: Bool

    init(_ parameters: BLAKE2Parameters) {
        let wordSize = Self.wordSize
        // The parameter block: 8 words for BLAKE2b (64 bytes), 8 for BLAKE2s (32).
        var block = [UInt8](repeating: 0, count: 8 * wordSize)
        block[0] = UInt8(parameters.digestSize)
        block[1] = UInt8(parameters.key.count)
        block[2] = UInt8(parameters.fanout)
        block[3] = UInt8(parameters.depth)
        for index in 0..<4 { block[4 + index] = UInt8(truncatingIfNeeded: parameters.leafSize >> (8 * index)) }
        let offsetBytes = wordSize == 8 ? 8 : 6
        for index in 0..<offsetBytes { block[8 + index] = UInt8(truncatingIfNeeded: parameters.nodeOffset >> (8 * index)) }
        block[8 + offsetBytes] = UInt8(parameters.nodeDepth)
        block[9 + offsetBytes] = UInt8(parameters.innerSize)
        let saltStart = 4 * wordSize
        for (index, byte) in parameters.salt.enumerated() { block[saltStart + index] = byte }
        for (index, byte) in parameters.person.enumerated() { block[saltStart + 2 * wordSize + index] = byte }
        state = (0..<8).map { index in Variant.initialValues[index] ^ Self.word(block, at: index * wordSize) }
        buffer = [UInt8](repeating: 0, count: Self.blockSize)
        digestSize = parameters.digestSize
        lastNode = parameters.lastNode
        if !parameters.key.isEmpty {
            var keyBlock = parameters.key
            keyBlock.append(contentsOf: repeatElement(0, count: Self.blockSize - keyBlock.count))
            update(keyBlock)
        }
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Word {
        Word(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Word.self))
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> Word {
        bytes.withUnsafeBytes { word($0, at: offset) }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds bytes. A full block is compressed only once more input
    /// follows it: the last block is compressed by `finish` with the final flag.
    mutating func update(_ input: UnsafeRawBufferPointer) {
        let blockSize = Self.blockSize
        var position = 0
        while position < input.count {
            if buffered == blockSize {
                increment(by: blockSize)
                buffer.withUnsafeBytes { compress($0, final: false) }
                buffered = 0
            }
            if buffered == 0 {
                // Whole blocks straight from the input, keeping one back.
                while input.count - position > blockSize {
                    increment(by: blockSize)
                    compress(UnsafeRawBufferPointer(rebasing: input[position..<(position + blockSize)]), final: false)
                    position += blockSize
                }
            }
            let taken = min(blockSize - buffered, input.count - position)
            buffer.withUnsafeMutableBytes { buffer in
                buffer.baseAddress!.advanced(by: buffered).copyMemory(from: input.baseAddress!.advanced(by: position),
                                                                     byteCount: taken)
            }
            buffered += taken
            position += taken
        }
    }

    /// The digest of what was fed so far (the state itself is unchanged).
    func finish() -> [UInt8] {
        var copy = self
        copy.increment(by: buffered)
        for index in buffered..<Self.blockSize { copy.buffer[index] = 0 }
        copy.buffer.withUnsafeBytes { block in copy.compress(block, final: true) }
        var output: [UInt8] = []
        output.reserveCapacity(8 * Self.wordSize)
        for word in copy.state {
            for index in 0..<Self.wordSize { output.append(UInt8(truncatingIfNeeded: word >> (8 * index))) }
        }
        return Array(output.prefix(digestSize))
    }

    private mutating func increment(by count: Int) {
        let (low, overflow) = counter.0.addingReportingOverflow(Word(count))
        counter.0 = low
        if overflow { counter.1 &+= 1 }
    }

    @inline(__always)
    private static func rotate(_ value: Word, _ count: Word) -> Word {
        (value &>> count) | (value &<< (Word(Word.bitWidth) &- count))
    }

    /// One compression of a block (the message words and the working vector
    /// live in stack memory: this runs once per 64 or 128 input bytes).
    private mutating func compress(_ block: UnsafeRawBufferPointer, final: Bool) {
        let (r1, r2, r3, r4) = Variant.rotations
        let lastNode = lastNode
        let counter = counter
        state.withUnsafeMutableBufferPointer { h in
            Variant.initialValues.withUnsafeBufferPointer { iv in
                withUnsafeTemporaryAllocation(of: Word.self, capacity: 32) { words in
                    let m = words.baseAddress!
                    let v = m + 16
                    for index in 0..<16 { m[index] = Self.word(block, at: index * Self.wordSize) }
                    for index in 0..<8 {
                        v[index] = h[index]
                        v[index + 8] = iv[index]
                    }
                    v[12] ^= counter.0
                    v[13] ^= counter.1
                    if final {
                        v[14] = ~v[14]
                        if lastNode { v[15] = ~v[15] }
                    }
                    @inline(__always)
                    func mix(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: Word, _ y: Word) {
                        v[a] = v[a] &+ v[b] &+ x
                        v[d] = Self.rotate(v[d] ^ v[a], r1)
                        v[c] = v[c] &+ v[d]
                        v[b] = Self.rotate(v[b] ^ v[c], r2)
                        v[a] = v[a] &+ v[b] &+ y
                        v[d] = Self.rotate(v[d] ^ v[a], r3)
                        v[c] = v[c] &+ v[d]
                        v[b] = Self.rotate(v[b] ^ v[c], r4)
                    }
                    blake2Sigma.withUnsafeBufferPointer { sigma in
                        for round in 0..<Variant.rounds {
                            let s = sigma.baseAddress! + 16 * (round % 10)
                            mix(0, 4, 8, 12, m[s[0]], m[s[1]])
                            mix(1, 5, 9, 13, m[s[2]], m[s[3]])
                            mix(2, 6, 10, 14, m[s[4]], m[s[5]])
                            mix(3, 7, 11, 15, m[s[6]], m[s[7]])
                            mix(0, 5, 10, 15, m[s[8]], m[s[9]])
                            mix(1, 6, 11, 12, m[s[10]], m[s[11]])
                            mix(2, 7, 8, 13, m[s[12]], m[s[13]])
                            mix(3, 4, 9, 14, m[s[14]], m[s[15]])
                        }
                    }
                    for index in 0..<8 { h[index] ^= v[index] ^ v[index + 8] }
                }
            }
        }
    }
}
