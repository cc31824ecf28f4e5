/// uuencode lines (`b2a_uu`/`a2b_uu`): a length character, then four
/// characters per three bytes, each 6 bits plus 32 (or a backtick for 0).
enum UUCodec {
    private static let space = UInt8(ascii: " ")
    private static let backtick = UInt8(ascii: "`")

    static func encode(_ data: [UInt8], backtick useBacktick: Bool) throws(BinasciiFailure) -> [UInt8] {
        guard data.count <= 45 else { throw BinasciiFailure("At most 45 bytes at once") }
        var output: [UInt8] = [useBacktick && data.isEmpty ? backtick : space + UInt8(data.count)]
        var carried: UInt32 = 0
        var bits = 0
        var index = 0
        while index < data.count || bits != 0 {
            carried = carried << 8 | UInt32(index < data.count ? data[index] : 0)
            bits += 8
            index += 1
            while bits >= 6 {
                let value = UInt8(carried >> UInt32(bits - 6) & 0x3f)
                bits -= 6
                output.append(useBacktick && value == 0 ? backtick : value + space)
            }
            carried &= (1 << UInt32(bits)) - 1
        }
        output.append(UInt8(ascii: "\n"))
        return output
    }

    static func decode(_ text: [UInt8]) throws(BinasciiFailure) -> [UInt8] {
        // An empty line reads as a NUL length character (CPython reads the
        // terminator), which stands for 32 bytes.
        let lengthCharacter = text.first ?? 0
        var remaining = (Int(lengthCharacter) - 32) & 0x3f
        var output: [UInt8] = []
        output.reserveCapacity(remaining)
        var index = 1
        var carried: UInt32 = 0
        var bits = 0
        while remaining > 0 {
            var value: UInt8 = 0
            if index < text.count, text[index] != UInt8(ascii: "\n"), text[index] != UInt8(ascii: "\r") {
                let character = text[index]
                // 64 rather than 63: some encoders write '`' for zero.
                guard character >= space, character <= space + 64 else { throw BinasciiFailure("Illegal char") }
                value = (character &- space) & 0x3f
            }
            index += 1
            carried = carried << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(carried >> UInt32(bits) & 0xff))
                carried &= (1 << UInt32(bits)) - 1
                remaining -= 1
            }
        }
        while index < text.count {
            let character = text[index]
            if character != space && character != space + 64 && character != UInt8(ascii: "\n")
                && character != UInt8(ascii: "\r") {
                throw BinasciiFailure("Trailing garbage")
            }
            index += 1
        }
        return output
    }
}
