import GarterSyntax

/// `co_linetable` in CPython 3.11's format (Objects/locations.md): one
/// entry per run of code units with the same source position, each at
/// most 8 units long, its line relative to the previous entry's.
enum LocationTable {
    /// One entry per CPython instruction (3.11 does not merge equal
    /// neighbours): a CALL is two, PRECALL and CALL, with one position.
    static func encode(positions: [SourceRange], units: CodeUnits, firstLine: Int) -> [UInt8] {
        var table: [UInt8] = []
        var previousLine = firstLine
        for (index, position) in positions.enumerated() {
            let precall = units.precallUnits[index]
            for var length in [precall, units.offsets[index + 1] - units.offsets[index] - precall] where length > 0 {
                while length > 0 {
                    let chunk = min(length, 8)
                    write(position, length: chunk, previousLine: &previousLine, into: &table)
                    length -= chunk
                }
            }
        }
        return table
    }

    private static func write(_ position: SourceRange, length: Int, previousLine: inout Int, into table: inout [UInt8]) {
        func header(_ code: Int) { table.append(UInt8(0x80 | code << 3 | (length - 1))) }
        let line = Int(position.lineno)
        if line < 0 {
            header(15)
            return
        }
        let delta = line - previousLine
        let column = Int(position.colOffset), endColumn = Int(position.endColOffset)
        let endLine = Int(position.endLineno)
        defer { previousLine = line }
        if column < 0 || endColumn < 0 {
            if endLine == line || endLine < 0 {
                header(13)
                writeSignedVarint(delta, into: &table)
                return
            }
        } else if endLine == line {
            if delta == 0 && column < 80 && endColumn - column < 16 && endColumn >= column {
                header(column / 8)
                table.append(UInt8((column % 8) << 4 | (endColumn - column)))
                return
            }
            if delta >= 0 && delta < 3 && column < 128 && endColumn < 128 {
                header(10 + delta)
                table.append(UInt8(column))
                table.append(UInt8(endColumn))
                return
            }
        }
        header(14)
        writeSignedVarint(delta, into: &table)
        writeVarint(endLine - line, into: &table)
        writeVarint(column + 1, into: &table)
        writeVarint(endColumn + 1, into: &table)
    }

    static func writeVarint(_ value: Int, into table: inout [UInt8]) {
        var rest = UInt(bitPattern: value)
        while rest >= 64 {
            table.append(UInt8(0x40 | rest & 0x3F))
            rest >>= 6
        }
        table.append(UInt8(rest))
    }

    static func writeSignedVarint(_ value: Int, into table: inout [UInt8]) {
        writeVarint(value < 0 ? (-value) << 1 | 1 : value << 1, into: &table)
    }

    /// The position of every code unit (line -1: none; columns -1: unknown).
    static func decode(_ table: [UInt8], firstLine: Int) -> [SourceRange] {
        var result: [SourceRange] = []
        var line = firstLine
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
        func signedVarint() -> Int {
            let raw = varint()
            return raw & 1 != 0 ? -(raw >> 1) : raw >> 1
        }
        while index < table.count {
            let header = Int(table[index])
            index += 1
            let code = (header >> 3) & 15
            let length = (header & 7) + 1
            var position = SourceRange(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)
            switch code {
            case 15:
                break
            case 14:
                line += signedVarint()
                let endLine = line + varint()
                position = SourceRange(lineno: Int32(line), colOffset: Int32(varint() - 1), endLineno: Int32(endLine),
                                       endColOffset: 0)
                position.endColOffset = Int32(varint() - 1)
            case 13:
                line += signedVarint()
                position = SourceRange(lineno: Int32(line), colOffset: -1, endLineno: Int32(line), endColOffset: -1)
            case 10, 11, 12:
                line += code - 10
                let column = Int32(table[index]), endColumn = Int32(table[index + 1])
                index += 2
                position = SourceRange(lineno: Int32(line), colOffset: column, endLineno: Int32(line), endColOffset: endColumn)
            default:
                let second = Int(table[index])
                index += 1
                let column = code * 8 + (second >> 4)
                position = SourceRange(lineno: Int32(line), colOffset: Int32(column), endLineno: Int32(line),
                                       endColOffset: Int32(column + (second & 15)))
            }
            result.append(contentsOf: repeatElement(position, count: length))
        }
        return result
    }
}
