/// A parsed `struct` format string: its byte order, the codes with their
/// offsets, the total size and how many values it packs. Native mode
/// ('@', the default) uses this machine's sizes (x86-64/arm64 Linux, LP64)
/// and aligns each code to its size; the standard modes use fixed sizes
/// and no alignment.
struct StructFormat {
    enum ByteOrder {
        case native
        /// '=' and '<' (this machine is little-endian, so '=' is '<').
        case little
        /// '>' and '!'.
        case big
    }

    /// One code of the format.
    struct Item {
        let code: UInt8
        /// Bytes of one value (for 's' and 'p', of the whole field).
        let size: Int
        /// Values of this code in a row ('s' and 'p' take one value; 'x' none).
        let count: Int
        let offset: Int
    }

    enum Failure: Error {
        case badCharacter
        case repeatWithoutCode
        case tooLong
    }

    let byteOrder: ByteOrder
    let items: [Item]
    let size: Int
    /// How many values `pack` takes.
    let valueCount: Int

    /// Bytes of one value of `code`, nil when the code is not allowed here.
    static func size(of code: UInt8, _ order: ByteOrder) -> Int? {
        switch code {
        case UInt8(ascii: "x"), UInt8(ascii: "c"), UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "?"),
             UInt8(ascii: "s"), UInt8(ascii: "p"):
            return 1
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "e"): return 2
        case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "f"): return 4
        case UInt8(ascii: "l"), UInt8(ascii: "L"): return order == .native ? 8 : 4
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "d"): return 8
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "P"): return order == .native ? 8 : nil
        default: return nil
        }
    }

    init(_ text: [UInt8]) throws(Failure) {
        var position = 0
        var order = ByteOrder.native
        if let first = text.first {
            switch first {
            case UInt8(ascii: "@"): position = 1
            case UInt8(ascii: "="), UInt8(ascii: "<"): order = .little; position = 1
            case UInt8(ascii: ">"), UInt8(ascii: "!"): order = .big; position = 1
            default: break
            }
        }
        var items: [Item] = []
        var size = 0
        var valueCount = 0
        while position < text.count {
            var code = text[position]
            position += 1
            if code == 0x20 || (0x09...0x0d).contains(code) { continue }
            var count = 1
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(code) {
                count = Int(code - UInt8(ascii: "0"))
                while true {
                    guard position < text.count else { throw .repeatWithoutCode }
                    code = text[position]
                    position += 1
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(code) else { break }
                    let (times, overflow1) = count.multipliedReportingOverflow(by: 10)
                    let (next, overflow2) = times.addingReportingOverflow(Int(code - UInt8(ascii: "0")))
                    if overflow1 || overflow2 { throw .tooLong }
                    count = next
                }
            }
            guard let itemSize = StructFormat.size(of: code, order) else { throw .badCharacter }
            if order == .native && itemSize > 1 {
                size = (size + itemSize - 1) / itemSize * itemSize
            }
            let isString = code == UInt8(ascii: "s") || code == UInt8(ascii: "p")
            let (bytes, overflow) = itemSize.multipliedReportingOverflow(by: count)
            let (total, overflow2) = size.addingReportingOverflow(bytes)
            if overflow || overflow2 || total > Int.max / 2 { throw .tooLong }
            if isString {
                items.append(Item(code: code, size: count, count: 1, offset: size))
                valueCount += 1
            } else if code == UInt8(ascii: "x") {
                // Padding: no values.
            } else if count > 0 {
                items.append(Item(code: code, size: itemSize, count: count, offset: size))
                valueCount += count
            }
            size = total
        }
        self.byteOrder = order
        self.items = items
        self.size = size
        self.valueCount = valueCount
    }
}
