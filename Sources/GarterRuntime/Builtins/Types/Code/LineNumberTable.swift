/// The line views of `co_linetable`: `co_lines()` (one range per table
/// entry, in bytes, as CPython 3.11 yields them, unmerged) and the old
/// `co_lnotab` that CPython 3.11 still derives from it.
enum LineNumberTable {
    struct Range {
        var start: Int
        var end: Int
        /// nil for instructions with no line.
        var line: Int?
        /// The line the table's deltas have reached (kept through entries with no line).
        var computedLine: Int
    }

    static func lineRanges(_ code: LoadedCode) -> [Range] {
        let table = code.cpython.lineTable
        var ranges: [Range] = []
        var line = code.code.firstLineNumber
        var offset = 0
        var index = 0
        func varint() -> Int {
            var value = 0, shift = 0
            while index < table.count {
                let byte = Int(table[index])
                index += 1
                value |= (byte & 0x3F) << shift
                shift += 6
                if byte & 0x40 == 0 { break }
            }
            return value
        }
        while index < table.count {
            let header = Int(table[index])
            index += 1
            let kind = (header >> 3) & 15
            let length = ((header & 7) + 1) * 2
            var hasLine = true
            switch kind {
            case 15:
                hasLine = false
            case 14, 13:
                let raw = varint()
                line += raw & 1 != 0 ? -(raw >> 1) : raw >> 1
                if kind == 14 {
                    _ = varint()
                    _ = varint()
                    _ = varint()
                }
            case 10, 11, 12:
                line += kind - 10
                index += 2
            default:
                index += 1
            }
            ranges.append(Range(start: offset, end: offset + length, line: hasLine ? line : nil, computedLine: line))
            offset += length
        }
        return ranges
    }

    static func lnotab(_ code: LoadedCode) -> [UInt8] {
        var bytes: [UInt8] = []
        var offset = 0
        var line = code.code.firstLineNumber
        func pair(_ a: Int, _ b: Int) {
            bytes.append(UInt8(truncatingIfNeeded: a))
            bytes.append(UInt8(truncatingIfNeeded: b))
        }
        for range in lineRanges(code) where range.computedLine != line {
            var byteDelta = range.start - offset
            var lineDelta = range.computedLine - line
            while byteDelta > 255 {
                pair(255, 0)
                byteDelta -= 255
            }
            while lineDelta > 127 {
                pair(byteDelta, 127)
                byteDelta = 0
                lineDelta -= 127
            }
            while lineDelta < -128 {
                pair(byteDelta, -128)
                byteDelta = 0
                lineDelta += 128
            }
            pair(byteDelta, lineDelta)
            offset = range.start
            line = range.computedLine
        }
        return bytes
    }
}
