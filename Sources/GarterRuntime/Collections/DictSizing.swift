/// The size policy of CPython 3.11's dict tables (Objects/dictobject.c).
///
/// A table of `size` slots (a power of two, at least 8) holds at most
/// `usable(size)` = 2/3 of that many entries; when a new key finds no usable
/// entry left, the table is rebuilt with room for three times the live
/// count. The index slots are as narrow as the entry count allows.
enum DictSizing {
    static let log2MinimumSize = 3
    /// `_PyDict_NewPresized` does not presize beyond 2^17 slots.
    static let log2MaximumPresize = 17

    /// `USABLE_FRACTION`.
    @inline(__always)
    static func usable(_ size: Int) -> Int { (size << 1) / 3 }

    /// `calculate_log2_keysize`: the smallest power of two ≥ `minimumSize`,
    /// and at least 8.
    static func log2Size(atLeast minimumSize: Int) -> Int {
        let bound = ((minimumSize | (1 << log2MinimumSize)) - 1) | ((1 << log2MinimumSize) - 1)
        return Int.bitWidth - bound.leadingZeroBitCount
    }

    /// `estimate_log2_keysize`: a size whose usable part holds `count` entries.
    static func estimatedLog2Size(for count: Int) -> Int {
        log2Size(atLeast: (count * 3 + 1) / 2)
    }

    /// `GROWTH_RATE`: the minimum size asked for when the table is full.
    static func growthTarget(liveCount: Int) -> Int { liveCount * 3 }

    /// Bytes per index slot, as a power of two: 1 byte up to 128 slots
    /// (indices are signed), then 2, 4 and 8.
    static func log2IndexWidth(log2Size: Int) -> Int {
        if log2Size < 8 { return 0 }
        if log2Size < 16 { return 1 }
        if log2Size < 32 { return 2 }
        return 3
    }
}
