/// Python source text, decoded to UTF-8, with the file name it came from.
///
/// The bytes are always UTF-8: a PEP 263 coding cookie or a BOM is honoured when
/// the buffer is made (`SourceBuffer(fileBytes:filename:)`), so columns are UTF-8
/// byte offsets exactly as CPython's AST counts them.
public final class SourceBuffer: Sendable {
    public let filename: String
    public let bytes: [UInt8]
    /// Whether errors raised by the parser give their offsets in UTF-8 bytes
    /// rather than characters, as CPython does for a script file that
    /// declares no encoding. `SyntaxError(_:_:in:...)` follows it.
    public let reportsByteOffsets: Bool

    /// Makes a buffer from text that is already UTF-8 (no cookie handling).
    public init(utf8 bytes: [UInt8], filename: String, reportsByteOffsets: Bool = false) {
        self.bytes = bytes
        self.filename = filename
        self.reportsByteOffsets = reportsByteOffsets
    }

    public convenience init(_ text: String, filename: String = "<unknown>") {
        self.init(utf8: Array(text.utf8), filename: filename)
    }

    /// The text of byte range `start..<end` as a Swift string.
    @inlinable
    public func text(_ start: Int32, _ end: Int32) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(end)]), as: UTF8.self)
        }
    }

    public func text(of token: Token) -> String {
        text(token.startOffset, token.endOffset)
    }

    /// The 1-based line `lineNumber` followed by `\n` when it is terminated
    /// (any line ending reads as `\n`), or nil past the end.
    public func lineWithEnding(_ lineNumber: Int) -> String? {
        guard let text = line(lineNumber) else { return nil }
        var start = 0
        var current = 1
        var index = 0
        // Find where the line ends to see whether a line break follows it.
        while current < lineNumber && index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                current += 1
            } else if bytes[index] == UInt8(ascii: "\r") {
                current += 1
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            }
            index += 1
            start = index
        }
        let end = start + text.utf8.count
        return end < bytes.count ? text + "\n" : text
    }

    /// The 1-based line `lineNumber`, without its line ending, or nil past the end.
    public func line(_ lineNumber: Int) -> String? {
        guard lineNumber >= 1 else { return nil }
        var current = 1
        var start = 0
        var index = 0
        while current < lineNumber {
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\n") {
                current += 1
                start = index + 1
            } else if bytes[index] == UInt8(ascii: "\r") {
                current += 1
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start > bytes.count { return nil }
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") && bytes[end] != UInt8(ascii: "\r") {
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
