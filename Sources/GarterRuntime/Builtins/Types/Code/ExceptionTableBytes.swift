import GarterCompiler

/// `co_exceptiontable` in CPython 3.11's format: per entry the start,
/// length, target (code units) and depth << 1 | lasti, each as big-endian
/// 6-bit groups with 0x40 marking "more follows", the entry's first byte
/// marked with 0x80.
enum ExceptionTableBytes {
    static func encode(_ entries: [ExceptionTableEntry], offsets: [Int]) -> [UInt8] {
        var table: [UInt8] = []
        for entry in entries {
            let start = offsets[entry.start]
            write(start, marked: true, into: &table)
            write(offsets[entry.end] - start, marked: false, into: &table)
            write(offsets[entry.target], marked: false, into: &table)
            write(entry.depth << 1 | (entry.pushesLastInstruction ? 1 : 0), marked: false, into: &table)
        }
        return table
    }

    private static func write(_ value: Int, marked: Bool, into table: inout [UInt8]) {
        var mark: UInt8 = marked ? 0x80 : 0
        var shift = 24
        while shift > 0 {
            if value >= 1 << shift {
                table.append(UInt8((value >> shift) & 0x3F) | 0x40 | mark)
                mark = 0
            }
            shift -= 6
        }
        table.append(UInt8(value & 0x3F) | mark)
    }

    /// Entries in instruction indexes (`indexOfOffset` maps code units back);
    /// nil when the table is malformed or points between instructions.
    static func decode(_ table: [UInt8], indexOfOffset: [Int: Int]) -> [ExceptionTableEntry]? {
        var entries: [ExceptionTableEntry] = []
        var index = 0
        func read() -> Int? {
            var value = 0
            while index < table.count {
                let byte = Int(table[index])
                index += 1
                value = value << 6 | (byte & 0x3F)
                if byte & 0x40 == 0 { return value }
            }
            return nil
        }
        while index < table.count {
            guard let start = read(), let length = read(), let target = read(), let depthAndLasti = read(),
                  let startIndex = indexOfOffset[start], let endIndex = indexOfOffset[start + length],
                  let targetIndex = indexOfOffset[target] else { return nil }
            entries.append(ExceptionTableEntry(start: startIndex, end: endIndex, target: targetIndex,
                                               depth: depthAndLasti >> 1, pushesLastInstruction: depthAndLasti & 1 != 0))
        }
        return entries
    }
}
