/// The `Traceback (most recent call last):` block of one exception
/// (CPython 3.11's _PyTraceBack_Print_Indented, tb_printinternal and
/// tb_displayline): the header, then per entry the `File` line, the stripped
/// source line and the caret line, with runs of more than three identical
/// entries collapsed into `[Previous line repeated N more times]`.
struct TracebackEntriesPrinter {
    /// CPython's PyTraceBack_LIMIT, used when sys.tracebacklimit is unset.
    static let defaultLimit = 1000
    /// Identical entries shown before the rest are counted (TB_RECURSIVE_CUTOFF).
    static let recursiveCutoff = 3

    let sourceLines: SourceLineReader
    /// sys.tracebacklimit when it is an int (clamped to Int), else nil.
    let limit: Int?

    func print(_ entries: [TracebackEntry], header: String, headerMargin: String?,
               indent: Int, margin: String?, into output: inout TracebackOutput) {
        if let limit, limit <= 0 { return }
        let limit = self.limit ?? Self.defaultLimit
        output.writeIndentedMargin(indent, headerMargin)
        output.write(header)

        // The oldest entries go when there are more than `limit`.
        let first = entries.count > limit ? entries.count - limit : 0
        var last = -1
        var count = 0
        for index in first..<entries.count {
            // CPython compares the code's file and function names by
            // identity; equal strings are what identical objects hold.
            // An entry without a line number never repeats the previous one.
            if last < 0 || entries[last].lineno == -1 || entries[index].lineno != entries[last].lineno
                || entries[index].filename != entries[last].filename
                || entries[index].name != entries[last].name {
                if count > Self.recursiveCutoff { printRepeated(count, into: &output) }
                last = index
                count = 0
            }
            count += 1
            if count <= Self.recursiveCutoff {
                printEntry(entries[index], indent: indent, margin: margin, into: &output)
            }
        }
        if count > Self.recursiveCutoff { printRepeated(count, into: &output) }
    }

    /// CPython writes this line without the group margin.
    private func printRepeated(_ count: Int, into output: inout TracebackOutput) {
        let more = count - Self.recursiveCutoff
        output.write("  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n")
    }

    private func printEntry(_ entry: TracebackEntry, indent: Int, margin: String?,
                            into output: inout TracebackOutput) {
        output.writeIndentedMargin(indent, margin)
        output.write("  File \"\(entry.filename)\", line \(entry.lineno), in \(entry.name)\n")

        // Pseudo-files such as <string> or <stdin> are never opened.
        let name = entry.filename.unicodeScalars
        if name.first == "<" && name.last == ">" { return }
        guard entry.lineno >= 1, let line = sourceLines(entry.filename, entry.lineno) else { return }

        output.writeIndentedMargin(indent, margin)
        output.writeSpaces(CaretLine.sourceIndent)
        var stripped = String.UnicodeScalarView()
        stripped.append(contentsOf: line.unicodeScalars.drop(while: CaretLine.isIndentation))
        output.write(String(stripped))
        output.write("\n")

        if let carets = CaretLine.render(line: line, position: entry.position) {
            output.writeIndentedMargin(indent, margin)
            output.write(bytes: carets)
        }
    }
}
