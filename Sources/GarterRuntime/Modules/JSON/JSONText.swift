// The text rules of `_json` over code points, free of Python objects:
// reading a JSON string literal (`scanstring`) and writing one
// (`encode_basestring`, `encode_basestring_ascii`), with CPython 3.11's
// error messages and positions.

enum JSONText {
    /// A JSONDecodeError to raise: its message and the index it points at.
    struct DecodeError: Error {
        let message: String
        let position: Int
    }

    /// The JSON string whose opening quote is just before `end`: its text and
    /// the index after the closing quote. `strict` rejects control characters.
    static func scanString(_ text: UnsafeBufferPointer<UInt32>, from end: Int,
                           strict: Bool) throws(DecodeError) -> (text: [UInt32], next: Int) {
        let length = text.count
        let begin = end - 1
        var end = end
        var output: [UInt32] = []
        var building = false
        while true {
            var next = end
            var found: UInt32 = 0
            while next < length {
                let character = text[next]
                if character == 0x22 || character == 0x5C {
                    found = character
                    break
                }
                if character <= 0x1F && strict {
                    throw DecodeError(message: "Invalid control character at", position: next)
                }
                next += 1
            }
            if found == 0x22 && !building {
                return (Array(text[end..<next]), next + 1)
            }
            if found != 0x22 && found != 0x5C {
                throw DecodeError(message: "Unterminated string starting at", position: begin)
            }
            building = true
            output.append(contentsOf: text[end..<next])
            next += 1
            if found == 0x22 {
                return (output, next)
            }
            if next == length {
                throw DecodeError(message: "Unterminated string starting at", position: begin)
            }
            var character = text[next]
            if character != 0x75 /* u */ {
                end = next + 1
                switch character {
                case 0x22, 0x5C, 0x2F: break
                case 0x62: character = 0x08
                case 0x66: character = 0x0C
                case 0x6E: character = 0x0A
                case 0x72: character = 0x0D
                case 0x74: character = 0x09
                default: throw DecodeError(message: "Invalid \\escape", position: end - 2)
                }
            } else {
                next += 1
                end = next + 4
                if end >= length {
                    throw DecodeError(message: "Invalid \\uXXXX escape", position: next - 1)
                }
                guard let value = hexQuad(text, at: next) else {
                    throw DecodeError(message: "Invalid \\uXXXX escape", position: end - 5)
                }
                character = value
                // A high surrogate followed by an escaped low one is one character.
                if (0xD800...0xDBFF).contains(character) && end + 6 < length
                    && text[end] == 0x5C && text[end + 1] == 0x75 {
                    end += 6
                    guard let low = hexQuad(text, at: end - 4) else {
                        throw DecodeError(message: "Invalid \\uXXXX escape", position: end - 5)
                    }
                    if (0xDC00...0xDFFF).contains(low) {
                        character = 0x10000 + ((character - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        end -= 6
                    }
                }
            }
            output.append(character)
        }
    }

    private static func hexQuad(_ text: UnsafeBufferPointer<UInt32>, at start: Int) -> UInt32? {
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let digit = text[index]
            value <<= 4
            switch digit {
            case 0x30...0x39: value |= digit - 0x30
            case 0x61...0x66: value |= digit - 0x61 + 10
            case 0x41...0x46: value |= digit - 0x41 + 10
            default: return nil
            }
        }
        return value
    }

    private static let hexDigits: [UInt32] = Array("0123456789abcdef".unicodeScalars.map(\.value))

    private static func appendEscape(_ value: UInt32, to output: inout [UInt32]) {
        output.append(0x5C)
        output.append(0x75)
        output.append(hexDigits[Int((value >> 12) & 0xF)])
        output.append(hexDigits[Int((value >> 8) & 0xF)])
        output.append(hexDigits[Int((value >> 4) & 0xF)])
        output.append(hexDigits[Int(value & 0xF)])
    }

    /// The short escape of `character` (`\n`, `\"`...), if it has one.
    @inline(__always)
    private static func shortEscape(_ character: UInt32) -> UInt32? {
        switch character {
        case 0x5C: return 0x5C
        case 0x22: return 0x22
        case 0x08: return 0x62
        case 0x0C: return 0x66
        case 0x0A: return 0x6E
        case 0x0D: return 0x72
        case 0x09: return 0x74
        default: return nil
        }
    }

    /// `encode_basestring_ascii`: the quoted literal with every non-ASCII
    /// character escaped (as a UTF-16 pair above U+FFFF).
    static func appendASCIIQuoted(_ text: [UInt32], to output: inout [UInt32]) {
        output.append(0x22)
        for character in text {
            if character >= 0x20 && character <= 0x7E && character != 0x5C && character != 0x22 {
                output.append(character)
            } else if let short = shortEscape(character) {
                output.append(0x5C)
                output.append(short)
            } else if character >= 0x10000 {
                let value = character - 0x10000
                appendEscape(0xD800 | (value >> 10), to: &output)
                appendEscape(0xDC00 | (value & 0x3FF), to: &output)
            } else {
                appendEscape(character, to: &output)
            }
        }
        output.append(0x22)
    }

    /// `encode_basestring`: the quoted literal escaping only `"`, `\` and
    /// control characters.
    static func appendQuoted(_ text: [UInt32], to output: inout [UInt32]) {
        output.append(0x22)
        for character in text {
            if character > 0x1F && character != 0x5C && character != 0x22 {
                output.append(character)
            } else if let short = shortEscape(character) {
                output.append(0x5C)
                output.append(short)
            } else {
                appendEscape(character, to: &output)
            }
        }
        output.append(0x22)
    }
}
