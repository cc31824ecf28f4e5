/// Base64 (RFC 4648 alphabet) as `binascii` does it: decoding skips
/// characters outside the alphabet and stops at complete padding, unless
/// `strict` asks for well-formed input only.
enum Base64Codec {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")

    /// The 6-bit value of each ASCII byte (0xff: not in the alphabet).
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    static func encode(_ data: [UInt8], newline: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((data.count + 2) / 3 * 4 + 1)
        var index = 0
        while index + 3 <= data.count {
            let word = UInt32(data[index]) << 16 | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int(word >> UInt32(shift) & 63)]) }
            index += 3
        }
        switch data.count - index {
        case 1:
            let word = UInt32(data[index]) << 16
            output += [alphabet[Int(word >> 18 & 63)], alphabet[Int(word >> 12 & 63)], padding, padding]
        case 2:
            let word = UInt32(data[index]) << 16 | UInt32(data[index + 1]) << 8
            output += [alphabet[Int(word >> 18 & 63)], alphabet[Int(word >> 12 & 63)], alphabet[Int(word >> 6 & 63)], padding]
        default: break
        }
        if newline { output.append(UInt8(ascii: "\n")) }
        return output
    }

    static func decode(_ text: [UInt8], strict: Bool) throws(BinasciiFailure) -> [UInt8] {
        if strict && text.first == padding { throw BinasciiFailure("Leading padding not allowed") }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var position = 0          // characters of the current quad seen
        var carried: UInt8 = 0    // bits of the last character not yet output
        var pads = 0
        var paddingStarted = false
        for (index, character) in text.enumerated() {
            if character == padding {
                paddingStarted = true
                if position >= 2 {
                    pads += 1
                    if position + pads >= 4 {
                        // Complete padding ends the data.
                        if strict && index + 1 < text.count { throw BinasciiFailure("Excess data after padding") }
                        return output
                    }
                }
                continue
            }
            let value = values[Int(character)]
            if value == 0xff {
                if strict { throw BinasciiFailure("Only base64 data is allowed") }
                continue
            }
            if strict && paddingStarted { throw BinasciiFailure("Discontinuous padding not allowed") }
            pads = 0
            switch position {
            case 0:
                carried = value
                position = 1
            case 1:
                output.append(carried << 2 | value >> 4)
                carried = value & 0x0f
                position = 2
            case 2:
                output.append(carried << 4 | value >> 2)
                carried = value & 0x03
                position = 3
            default:
                output.append(carried << 6 | value)
                carried = 0
                position = 0
            }
        }
        if position == 1 {
            throw BinasciiFailure("Invalid base64-encoded string: number of data characters (\(output.count / 3 * 4 + 1)) cannot be 1 more than a multiple of 4")
        }
        if position != 0 { throw BinasciiFailure("Incorrect padding") }
        return output
    }
}
