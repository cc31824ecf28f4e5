/// A syntax error as CPython reports it: the exception class, the message and
/// the position, with `offset`/`endOffset` 1-based and counted in characters
/// (code points) of the line, like `SyntaxError.offset` in CPython.
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    public var kind: Kind
    public var message: String
    public var filename: String
    public var lineno: Int
    public var offset: Int
    public var endLineno: Int
    public var endOffset: Int
    /// The source line the error is on (without its line ending), if known.
    public var text: String?

    public init(_ kind: Kind = .syntaxError, _ message: String, filename: String,
                lineno: Int, offset: Int, endLineno: Int? = nil, endOffset: Int? = nil,
                text: String? = nil) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.lineno = lineno
        self.offset = offset
        self.endLineno = endLineno ?? lineno
        self.endOffset = endOffset ?? offset
        self.text = text
    }

    /// Builds an error from UTF-8 byte positions (1-based lines, 0-based byte
    /// columns), converting columns to CPython's 1-based character offsets.
    public init(_ kind: Kind = .syntaxError, _ message: String, in source: SourceBuffer,
                line: Int, byteColumn: Int, endLine: Int? = nil, endByteColumn: Int? = nil) {
        let text = source.line(line)
        let offset = SyntaxError.characterOffset(inLine: text, byteColumn: byteColumn) + 1
        let endLineValue = endLine ?? line
        var endOffsetValue = offset
        if let endByteColumn {
            let endText = endLineValue == line ? text : source.line(endLineValue)
            endOffsetValue = SyntaxError.characterOffset(inLine: endText, byteColumn: endByteColumn) + 1
        }
        self.init(kind, message, filename: source.filename, lineno: line, offset: offset,
                  endLineno: endLineValue, endOffset: endOffsetValue, text: text)
    }

    /// The number of code points in the first `byteColumn` bytes of `line`.
    static func characterOffset(inLine line: String?, byteColumn: Int) -> Int {
        guard let line else { return byteColumn }
        let utf8 = Array(line.utf8)
        let limit = min(byteColumn, utf8.count)
        var count = 0
        for index in 0..<limit where utf8[index] & 0xC0 != 0x80 { count += 1 }
        return count + max(0, byteColumn - utf8.count)
    }

    public var description: String { "\(kind.rawValue): \(message) (\(filename), line \(lineno))" }

    /// The text CPython prints for an uncaught SyntaxError (no traceback header,
    /// as for a script that fails to compile).
    public func formatted() -> String {
        var out = "  File \"\(filename)\", line \(lineno)\n"
        if let text {
            // CPython strips leading whitespace and shifts the caret to match.
            let scalars = Array(text.unicodeScalars)
            var skip = 0
            while skip < scalars.count && (scalars[skip] == " " || scalars[skip] == "\t" || scalars[skip] == "\u{0C}") {
                skip += 1
            }
            var trimmed = String(String.UnicodeScalarView(scalars[skip...]))
            while let last = trimmed.unicodeScalars.last, last == " " || last == "\t" || last == "\u{0C}" {
                trimmed.unicodeScalars.removeLast()
            }
            out += "    \(trimmed)\n"
            if offset >= 1 {
                let start = max(offset - skip, 1)
                var end = (endLineno == lineno && endOffset > offset) ? endOffset - skip : start + 1
                if end <= start { end = start + 1 }
                let width = trimmed.unicodeScalars.count
                if start <= width + 1 {
                    let caretEnd = min(end, width + 2)
                    out += "    " + String(repeating: " ", count: start - 1)
                        + String(repeating: "^", count: max(caretEnd - start, 1)) + "\n"
                }
            }
        }
        out += "\(kind.rawValue): \(message)\n"
        return out
    }
}
