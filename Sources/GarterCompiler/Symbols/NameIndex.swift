/// Where each name of a scope is in `Scope.symbols`: an open-addressing
/// hash table of positions in that array, looked up by name.
///
/// Not a `[String: Int]` because finding a name's symbol is the symbol
/// table's innermost operation, done for every name in the source, and
/// Swift's `Hasher` (SipHash, seeded per process) costs several times more
/// than FNV-1a over the name's UTF-8 bytes. Identifiers are short and one
/// scope holds few of them, so a fast non-cryptographic hash is enough. The
/// table holds plain integers (the names stay in the symbols), so growing
/// it copies no strings.
struct NameIndex: Sendable {
    /// `hash << 32 | (position + 1)`; 0 is an empty slot.
    private var slots = [UInt64](repeating: 0, count: 8)
    private var count = 0

    /// The position of `name` in `symbols`, if it is there.
    func position(of name: String, in symbols: [Symbol]) -> Int? {
        let hash = Self.hash(name)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            let position = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
            if UInt32(truncatingIfNeeded: slot >> 32) == hash && symbols[position].name == name { return position }
            index = (index + 1) & mask
        }
    }

    /// The position of `name` in `symbols`; when it is not there, records
    /// `symbols.count` for it (the caller then appends its symbol) and
    /// returns that.
    mutating func position(of name: String, addingIfAbsentTo symbols: [Symbol]) -> Int {
        let hash = Self.hash(name)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            let position = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
            if UInt32(truncatingIfNeeded: slot >> 32) == hash && symbols[position].name == name { return position }
            index = (index + 1) & mask
        }
        let position = symbols.count
        slots[index] = UInt64(hash) << 32 | UInt64(position + 1)
        count += 1
        // At most half full, so that probe runs stay short.
        if count * 2 > slots.count { grow() }
        return position
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var index = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// FNV-1a, 32 bits.
    @inline(__always)
    private static func hash(_ name: String) -> UInt32 {
        // Over a buffer when the string has one (native strings, small ones
        // included): iterating `utf8` checks the representation per byte.
        if let hash = name.utf8.withContiguousStorageIfAvailable(hash) { return hash }
        return hash(name.utf8)
    }

    @inline(__always)
    private static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }
}
