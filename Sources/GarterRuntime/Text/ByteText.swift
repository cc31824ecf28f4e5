/// The parts of `bytes`/`bytearray` semantics that differ from `str`'s:
/// case, character classes, white space and line breaks are ASCII only
/// (CPython's pyctype.h), plus `hex`/`fromhex`. The operations that are the
/// same for both (search, split at a separator, replace, padding, ...) are
/// the `PyText` functions run over the bytes widened to code points.
public enum ByteText {
    public typealias Bytes = UnsafeBufferPointer<UInt8>

    // MARK: Character classes

    @inline(__always) public static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
    @inline(__always) public static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    @inline(__always) public static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) public static func isAlpha(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }
    @inline(__always) public static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) public static func isAlnum(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
    @inline(__always) static func toLower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }
    @inline(__always) static func toUpper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 0x20 : byte }

    /// `isalpha`, `isalnum`, `isdigit`, `isspace`: every byte in the class,
    /// and at least one byte.
    public static func all(_ bytes: Bytes, _ predicate: (UInt8) -> Bool) -> Bool {
        guard !bytes.isEmpty else { return false }
        for byte in bytes where !predicate(byte) { return false }
        return true
    }

    public static func isASCII(_ bytes: Bytes) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// `islower()`: some lower-case letter and no upper-case one.
    public static func isLowerText(_ bytes: Bytes) -> Bool {
        var cased = false
        for byte in bytes {
            if isUpper(byte) { return false }
            if isLower(byte) { cased = true }
        }
        return cased
    }

    /// `isupper()`: some upper-case letter and no lower-case one.
    public static func isUpperText(_ bytes: Bytes) -> Bool {
        var cased = false
        for byte in bytes {
            if isLower(byte) { return false }
            if isUpper(byte) { cased = true }
        }
        return cased
    }

    /// `istitle()`: upper-case letters only after uncased bytes, lower-case
    /// only after cased ones, and some letter.
    public static func isTitle(_ bytes: Bytes) -> Bool {
        var cased = false
        var previousCased = false
        for byte in bytes {
            if isUpper(byte) {
                if previousCased { return false }
                previousCased = true
                cased = true
            } else if isLower(byte) {
                if !previousCased { return false }
                previousCased = true
                cased = true
            } else {
                previousCased = false
            }
        }
        return cased
    }

    // MARK: Case conversion

    public static func lower(_ bytes: Bytes) -> [UInt8] { bytes.map(toLower) }
    public static func upper(_ bytes: Bytes) -> [UInt8] { bytes.map(toUpper) }
    public static func swapcase(_ bytes: Bytes) -> [UInt8] {
        bytes.map { isUpper($0) ? $0 + 0x20 : isLower($0) ? $0 - 0x20 : $0 }
    }

    /// `capitalize()`: the first byte upper-cased, the rest lower-cased.
    public static func capitalize(_ bytes: Bytes) -> [UInt8] {
        var result = bytes.map(toLower)
        if !result.isEmpty { result[0] = toUpper(result[0]) }
        return result
    }

    /// `title()`: letters after a non-letter upper-cased, others lower-cased.
    public static func title(_ bytes: Bytes) -> [UInt8] {
        var previousCased = false
        return bytes.map { byte in
            let result: UInt8
            if isLower(byte) {
                result = previousCased ? byte : byte - 0x20
                previousCased = true
            } else if isUpper(byte) {
                result = previousCased ? byte + 0x20 : byte
                previousCased = true
            } else {
                result = byte
                previousCased = false
            }
            return result
        }
    }

    // MARK: White space and lines

    /// `split()` with no separator: runs of ASCII white space separate the
    /// pieces; at most `limit` splits (negative: no limit).
    public static func splitWhitespace(_ bytes: Bytes, limit: Int) -> [Range<Int>] {
        var remaining = limit < 0 ? Int.max : limit
        var pieces: [Range<Int>] = []
        let count = bytes.count
        var index = 0
        while remaining > 0 {
            while index < count && isSpace(bytes[index]) { index += 1 }
            if index == count { return pieces }
            let start = index
            while index < count && !isSpace(bytes[index]) { index += 1 }
            pieces.append(start..<index)
            remaining -= 1
        }
        while index < count && isSpace(bytes[index]) { index += 1 }
        if index < count { pieces.append(index..<count) }
        return pieces
    }

    /// `rsplit()` with no separator.
    public static func rsplitWhitespace(_ bytes: Bytes, limit: Int) -> [Range<Int>] {
        var remaining = limit < 0 ? Int.max : limit
        var pieces: [Range<Int>] = []
        var index = bytes.count
        while remaining > 0 {
            while index > 0 && isSpace(bytes[index - 1]) { index -= 1 }
            if index == 0 { break }
            let end = index
            while index > 0 && !isSpace(bytes[index - 1]) { index -= 1 }
            pieces.append(index..<end)
            remaining -= 1
        }
        if remaining == 0 {
            while index > 0 && isSpace(bytes[index - 1]) { index -= 1 }
            if index > 0 { pieces.append(0..<index) }
        }
        return pieces.reversed()
    }

    /// `splitlines(keepends)`: only `\n`, `\r` and `\r\n` end lines.
    public static func splitlines(_ bytes: Bytes, keepEnds: Bool) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        let count = bytes.count
        var index = 0
        while index < count {
            let start = index
            while index < count && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
            var end = index
            if index < count {
                if bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 2 } else { index += 1 }
                if keepEnds { end = index }
            }
            lines.append(start..<end)
        }
        return lines
    }

    /// The range `strip()` keeps; `chars` nil strips ASCII white space.
    public static func strip(_ bytes: Bytes, _ chars: Bytes?, left: Bool, right: Bool) -> Range<Int> {
        func member(_ byte: UInt8) -> Bool {
            guard let chars else { return isSpace(byte) }
            return chars.contains(byte)
        }
        var start = 0
        var end = bytes.count
        if left { while start < end && member(bytes[start]) { start += 1 } }
        if right { while end > start && member(bytes[end - 1]) { end -= 1 } }
        return start..<end
    }

    // MARK: Hexadecimal

    /// `bytes.hex(sep, bytes_per_sep)`: `separator` nil for none; a positive
    /// group size counts groups from the right, a negative one from the left.
    public static func hex(_ bytes: Bytes, separator: UInt8?, bytesPerSeparator: Int) -> [UInt8] {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 3)
        let group = bytesPerSeparator == 0 ? 0 : Swift.abs(bytesPerSeparator)
        for (index, byte) in bytes.enumerated() {
            if let separator, group > 0, index > 0 {
                let boundary = bytesPerSeparator > 0 ? (bytes.count - index) % group == 0 : index % group == 0
                if boundary { result.append(separator) }
            }
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 15)])
        }
        return result
    }

    /// `bytes.fromhex(text)`: pairs of hexadecimal digits, ASCII white space
    /// allowed between pairs.
    public static func fromHex(_ text: CodePoints) throws(TextError) -> [UInt8] {
        func digit(_ codePoint: UInt32) -> UInt8? {
            switch codePoint {
            case 0x30...0x39: return UInt8(codePoint - 0x30)
            case 0x41...0x46: return UInt8(codePoint - 0x41 + 10)
            case 0x61...0x66: return UInt8(codePoint - 0x61 + 10)
            default: return nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count / 2)
        var index = 0
        while index < text.count {
            if text[index] < 0x80 && isSpace(UInt8(text[index])) {
                index += 1
                continue
            }
            guard let high = digit(text[index]) else {
                throw .valueError("non-hexadecimal number found in fromhex() arg at position \(index)")
            }
            guard index + 1 < text.count, let low = digit(text[index + 1]) else {
                throw .valueError("non-hexadecimal number found in fromhex() arg at position \(index + 1)")
            }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }
}
