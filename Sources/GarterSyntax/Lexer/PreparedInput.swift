#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes the tokenizer scans: a private copy of the source arranged so the
/// scanning loops need no bounds checks and see only the line endings CPython's
/// tokenizer sees.
///
/// - A lone `\r` (old Mac line ending) becomes `\n`, byte for byte, so offsets
///   still match `SourceBuffer.bytes`. `\r\n` is kept: the tokenizer treats the
///   pair as one line ending.
/// - When the text does not end with a line ending, a `\n` is appended, as
///   CPython does for exec input; token offsets never point past the source.
/// - Source containing a NUL byte is cut at the start of the NUL's line: CPython
///   reports "source code cannot contain null bytes" when it reads that line,
///   which is when the tokenizer reaches the cut.
/// - The copy is followed by NUL sentinels, so `text[end]` and a few bytes of
///   look-ahead past it are always readable and read as 0 (end of input).
struct PreparedInput: ~Copyable {
    static let sentinelCount = 4

    let text: UnsafeMutablePointer<UInt8>
    /// Index of the first sentinel: the scannable text is `text[0..<end]`.
    let end: Int
    /// Where the first NUL byte of the source is, if there is one.
    let nullByteOffset: Int?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var usable = bytes.count
        var nullByteOffset: Int? = nil
        if let base = bytes.baseAddress, bytes.count > 0,
           let found = memchrOffset(base, 0, bytes.count) {
            nullByteOffset = found
            var lineStart = found
            while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n")
                    && bytes[lineStart - 1] != UInt8(ascii: "\r") {
                lineStart -= 1
            }
            usable = lineStart
        }
        self.nullByteOffset = nullByteOffset

        let needsNewline = nullByteOffset == nil && usable > 0
            && bytes[usable - 1] != UInt8(ascii: "\n") && bytes[usable - 1] != UInt8(ascii: "\r")
        let end = usable + (needsNewline ? 1 : 0)
        let text = UnsafeMutablePointer<UInt8>.allocate(capacity: end + PreparedInput.sentinelCount)
        if usable > 0 {
            text.initialize(from: bytes.baseAddress!, count: usable)
        }
        if needsNewline {
            text[usable] = UInt8(ascii: "\n")
        }
        (text + end).initialize(repeating: 0, count: PreparedInput.sentinelCount)
        var searchFrom = 0
        while searchFrom < usable,
              let found = memchrOffset(text + searchFrom, UInt8(ascii: "\r"), usable - searchFrom) {
            let index = searchFrom + found
            if text[index + 1] != UInt8(ascii: "\n") {
                text[index] = UInt8(ascii: "\n")
            }
            searchFrom = index + 1
        }
        self.text = text
        self.end = end
    }

    deinit {
        text.deallocate()
    }
}

/// The offset of the first `byte` in `base[0..<count]`. C's memchr is
/// vectorised; a Swift loop with an early exit is not.
@inline(__always)
private func memchrOffset(_ base: UnsafePointer<UInt8>, _ byte: UInt8, _ count: Int) -> Int? {
    guard let found = memchr(base, Int32(byte), count) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
}
