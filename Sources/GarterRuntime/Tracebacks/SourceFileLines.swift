import GarterSyntax

/// Source lines as CPython 3.11's traceback code reads them from a file at
/// print time (Python/traceback.c, display_source_line): the bytes decoded
/// with the file's coding cookie (UTF-8 without one), read with universal
/// newlines, line `lineno` without its `\n`. A UTF-8 byte order mark stays
/// at the front of line 1, because CPython decodes with plain "utf-8".
///
/// The runtime opens the file (trying the name's last component in each
/// `sys.path` entry when the name itself does not open, as CPython does) and
/// passes the bytes here from its `SourceLineReader`.
public enum SourceFileLines {
    /// Line `lineno` (1-based) of a file with these bytes; nil when the file
    /// does not decode or has no such line.
    public static func line(_ lineno: Int, ofFile bytes: [UInt8]) -> String? {
        guard lineno >= 1,
              let buffer = try? SourceBuffer(fileBytes: bytes, filename: "<traceback>")
        else { return nil }
        let text = buffer.bytes
        var start = 0
        var current = 1
        while current < lineno {
            guard let end = lineEnd(in: text, from: start) else { return nil }
            start = end.next
            current += 1
        }
        // Reading past the last line is end of file, not an empty line.
        guard start < text.count else { return nil }
        let end = lineEnd(in: text, from: start)?.end ?? text.count
        var line = String(decoding: text[start..<end], as: UTF8.self)
        if lineno == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            line = "\u{FEFF}" + line
        }
        return line
    }

    /// Where the line starting at `start` ends (`\n`, `\r\n` or `\r`) and
    /// where the next one begins; nil when the text ends without a line
    /// break.
    private static func lineEnd(in text: [UInt8], from start: Int) -> (end: Int, next: Int)? {
        var index = start
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\n"):
                return (index, index + 1)
            case UInt8(ascii: "\r"):
                let next = index + 1 < text.count && text[index + 1] == UInt8(ascii: "\n") ? index + 2 : index + 1
                return (index, next)
            default:
                index += 1
            }
        }
        return nil
    }
}
