/// Decoding of well-formed UTF-8 for text streams, in one pass with an
/// ASCII fast path. Anything ill-formed (or a surrogate) makes it give up,
/// and the caller decodes the chunk with `PyCodecs`, whose error handlers
/// and messages are CPython's.
enum UTF8FastDecoder {
    /// Appends the code points of `bytes` to `output`; false (and `output`
    /// as it was) if `bytes` is not entirely well-formed UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt32]) -> Bool {
        let start = output.count
        output.reserveCapacity(start + bytes.count)
        var index = 0
        let count = bytes.count
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard offset < count else { return nil }
            let byte = bytes[offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                output.append(UInt32(lead))
                index += 1
                continue
            }
            var point: UInt32
            if lead >= 0xC2 && lead <= 0xDF {
                guard let second = continuation(index + 1) else { break }
                point = UInt32(lead & 0x1F) << 6 | second
                index += 2
            } else if lead >= 0xE0 && lead <= 0xEF {
                guard let second = continuation(index + 1), let third = continuation(index + 2) else { break }
                point = UInt32(lead & 0x0F) << 12 | second << 6 | third
                // Overlong forms and surrogates are ill-formed.
                if point < 0x800 || (point >= 0xD800 && point <= 0xDFFF) { break }
                index += 3
            } else if lead >= 0xF0 && lead <= 0xF4 {
                guard let second = continuation(index + 1), let third = continuation(index + 2),
                      let fourth = continuation(index + 3) else { break }
                point = UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
                if point < 0x10000 || point > 0x10FFFF { break }
                index += 4
            } else {
                break
            }
            output.append(point)
        }
        if index < count {
            output.removeSubrange(start...)
            return false
        }
        return true
    }
}
