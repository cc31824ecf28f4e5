/// Strict UTF-8 validation (no overlong forms, surrogates or values past
/// U+10FFFF), as CPython checks source files without a coding cookie.
enum UTF8Validation {
    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var index = 0
            while index < count {
                // Skip ASCII eight bytes at a time: most source is ASCII.
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    index += 8
                }
                guard index < count else { break }
                if base[index] < 0x80 {
                    index += 1
                    continue
                }
                let (value, length) = UTF8Decoding.multiByteScalar(in: base, at: index, limit: count)
                if value == UTF8Decoding.replacement && !isEncodedReplacementCharacter(base, index, count) {
                    return bytes.startIndex + index
                }
                index += length
            }
            return nil
        }
    }

    /// Whether the bytes at `index` are a genuine U+FFFD (EF BF BD), which the
    /// decoder also returns for malformed input.
    private static func isEncodedReplacementCharacter(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Bool {
        index + 3 <= count && base[index] == 0xEF && base[index + 1] == 0xBF && base[index + 2] == 0xBD
    }
}
