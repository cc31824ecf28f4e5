/// Hexadecimal text of bytes and back (`hexlify`/`unhexlify`).
enum BinasciiHex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lower-case digits a byte; with a separator, one between groups of
    /// `bytesPerSeparator` bytes counted from the right (from the left when
    /// negative).
    static func encode(_ data: [UInt8], separator: UInt8?, bytesPerSeparator: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count * 3)
        let group = bytesPerSeparator.magnitude
        for (index, byte) in data.enumerated() {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 15)])
            guard let separator, group != 0, index + 1 < data.count else { continue }
            let boundary = bytesPerSeparator > 0 ? UInt(data.count - 1 - index) : UInt(index + 1)
            if boundary % group == 0 { output.append(separator) }
        }
        return output
    }

    static func decode(_ text: [UInt8]) throws(BinasciiFailure) -> [UInt8] {
        guard text.count % 2 == 0 else { throw BinasciiFailure("Odd-length string") }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 2)
        var index = 0
        while index < text.count {
            guard let high = value(text[index]), let low = value(text[index + 1]) else {
                throw BinasciiFailure("Non-hexadecimal digit found")
            }
            output.append(high << 4 | low)
            index += 2
        }
        return output
    }

    static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// CRC-CCITT (polynomial 0x1021, no reflection), as BinHex 4 uses it.
enum CRCHQX {
    private static let table: [UInt16] = (0..<256).map { byte in
        var crc = UInt16(byte) << 8
        for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        return crc
    }

    static func checksum(_ data: [UInt8], start: UInt16) -> UInt16 {
        var crc = start
        for byte in data { crc = (crc << 8) ^ table[Int(UInt8(crc >> 8) ^ byte)] }
        return crc
    }
}
