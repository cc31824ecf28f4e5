extension ExceptionPrinter {
    /// `module.Qualname: message` (CPython 3.11's print_exception_message).
    /// Only the first line gets the group margin, even when the message has
    /// several.
    mutating func printMessage(of record: ExceptionRecord, _ message: ExceptionText) {
        writeIndentedMargin()
        if let module = record.typeModule {
            if module != "builtins" && module != "__main__" {
                output.write(module)
                output.write(".")
            }
        } else {
            output.write("<unknown>.")
        }
        output.write(record.typeQualname ?? "<unknown>")
        switch message {
        case .none:
            break
        case .strFailed:
            output.write(": <exception str() failed>")
        case .text(let text):
            if !text.isEmpty { output.write(": ") }
            output.write(text)
        }
        output.write("\n")
    }

    /// `__notes__` after the message (CPython 3.11's print_exception_notes):
    /// each note split into lines that keep their endings, each line after
    /// the margin, and a newline after each note.
    mutating func printNotes(_ notes: ExceptionNotes) {
        switch notes {
        case .notSequence(let repr):
            // CPython 3.11 ends this line without a newline.
            writeIndentedMargin()
            output.write(repr ?? "<__notes__ repr() failed>")
        case .sequence(let items):
            for item in items {
                if let note = item {
                    for line in Self.linesKeepingEnds(note) {
                        writeIndentedMargin()
                        output.write(line)
                    }
                } else {
                    output.write("<note str() failed>")
                }
                output.write("\n")
            }
        }
    }

    /// `str.splitlines(keepends=True)`: the line boundaries are \n, \r,
    /// \r\n, \v, \f, \x1c-\x1e, \x85, U+2028 and U+2029.
    static func linesKeepingEnds(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            var next = scalars.index(after: index)
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                break
            case 0x0D:
                if next < scalars.endIndex && scalars[next] == "\n" { next = scalars.index(after: next) }
            default:
                index = next
                continue
            }
            lines.append(Substring(scalars[start..<next]))
            start = next
            index = next
        }
        if start < scalars.endIndex { lines.append(Substring(scalars[start...])) }
        return lines
    }
}
