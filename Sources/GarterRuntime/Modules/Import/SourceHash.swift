// `_imp.source_hash(key, source)`: the 8-byte hash stored in hash-based
// `.pyc` files. CPython keys SipHash-1-3 with the magic number; Garter's
// cached code lives in its own `__pycache__` format, so any stable keyed
// 8-byte hash serves importlib: this is 64-bit FNV-1a over the key's 8
// little-endian bytes followed by the source, stored little-endian. It does
// NOT equal CPython's value, so hash-based pycs written by CPython are seen
// as stale (recompiled), never wrongly trusted.

enum SourceHash {
    static func digest(key: Int, _ source: [UInt8]) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let keyBits = UInt64(bitPattern: Int64(key))
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: keyBits >> UInt64(shift))) }
        for byte in source { mix(byte) }
        return (0..<8).map { UInt8(truncatingIfNeeded: hash >> UInt64($0 * 8)) }
    }
}
