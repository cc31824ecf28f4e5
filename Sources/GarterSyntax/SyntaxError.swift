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
    /// The source line the error is on, with its `\n` when it has one, as
    /// CPython's `SyntaxError.text`.
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
        let text = source.lineWithEnding(line)
        let bytes = source.reportsByteOffsets
        let offset = (bytes ? byteColumn : SyntaxError.characterOffset(inLine: text, byteColumn: byteColumn)) + 1
        let endLineValue = endLine ?? line
        var endOffsetValue = offset
        if let endByteColumn {
            let endText = endLineValue == line ? text : source.lineWithEnding(endLineValue)
            endOffsetValue = (bytes ? endByteColumn
                              : SyntaxError.characterOffset(inLine: endText, byteColumn: endByteColumn)) + 1
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

    /// The text CPython 3.11 prints for an uncaught SyntaxError of a script
    /// (pythonrun.c's print_exception): the file and line, the stripped source
    /// line, a caret line, then the class and message. Only an exact
    /// SyntaxError underlines a range; its subclasses get one caret.
    public func formatted() -> String {
        // Errors found before the source could be decoded carry no position.
        guard lineno > 0 else { return "\(kind.rawValue): \(message)\n" }
        var out = "  File \"\(filename)\", line \(lineno)\n"
        if let text {
            let lineSize = text.utf8.count
            var end = kind == .syntaxError ? endOffset : -1
            if kind == .syntaxError && endLineno > lineno { end = lineSize }
            if end > lineSize + 1 { end = lineSize + 1 }
            let carets = (end > 0 && end > offset) ? end - offset : 1

            var column = offset - 1
            var scalars = Substring(text).unicodeScalars[...]
            while let first = scalars.first, first == " " || first == "\t" || first == "\u{0C}" {
                scalars = scalars.dropFirst()
                column -= 1
            }
            var shown = String(String.UnicodeScalarView(scalars))
            var length = shown.utf8.count
            if shown.hasSuffix("\n") { length -= 1 }
            if column > length { column = length }
            // Text spanning several lines: show the line the offset falls on.
            while let newline = shown.firstIndex(of: "\n") {
                let before = shown.utf8.distance(from: shown.startIndex, to: newline)
                if before >= column { break }
                shown = String(shown[shown.index(after: newline)...])
                length -= before + 1
                column -= before + 1
            }
            out += "    " + shown
            if !shown.hasSuffix("\n") { out += "\n" }
            if column >= 0 {
                out += "    " + String(repeating: " ", count: column) + String(repeating: "^", count: carets) + "\n"
            }
        }
        out += "\(kind.rawValue): \(message)\n"
        return out
    }
}
