/// Writes an uncaught exception exactly as CPython 3.11 does on stderr
/// (sys.__excepthook__, i.e. PyErr_Display): tracebacks with source lines
/// and carets, chained exceptions, exception groups in their boxes, notes,
/// and the SyntaxError layout.
///
///     let text = TracebackPrinter.render(report) { filename, lineno in
///         /* line `lineno` of `filename`, decoded, without its "\n" */
///     }
///
/// The result is the text as UTF-8 bytes. (CPython's stderr writes with the
/// `backslashreplace` error handler; Swift strings hold no lone surrogates,
/// so the runtime escapes those itself before filling the report.)
public enum TracebackPrinter {
    /// Members shown per group before `and N more exceptions`
    /// (PyErr_MAX_GROUP_WIDTH).
    public static let maxGroupWidth = 15
    /// Group nesting shown before `... (max_group_depth is 10)`
    /// (PyErr_MAX_GROUP_DEPTH).
    public static let maxGroupDepth = 10

    /// - Parameters:
    ///   - report: the exception and everything reachable from it.
    ///   - tracebackLimit: `sys.tracebacklimit` when set to an int (clamp
    ///     larger values to `Int.max`); at most that many of the newest
    ///     entries per traceback, none at all (not even the header) when ≤ 0.
    ///     nil means CPython's default of 1000.
    ///   - sourceLines: reads a source line for display; see `SourceLineReader`.
    public static func render(_ report: ExceptionReport, tracebackLimit: Int? = nil,
                              sourceLines: SourceLineReader) -> [UInt8] {
        withoutActuallyEscaping(sourceLines) { reader in
            var printer = ExceptionPrinter(
                report: report,
                entries: TracebackEntriesPrinter(sourceLines: reader, limit: tracebackLimit))
            printer.printRecursive(report.root)
            return printer.output.bytes
        }
    }
}

/// The state of one print (CPython's exception_print_context): where the
/// output is, how deep in exception groups it is, whether a group box still
/// needs its closing line, and which exceptions were already shown.
struct ExceptionPrinter {
    static let causeMessage = "The above exception was the direct cause of the following exception:\n"
    static let contextMessage = "During handling of the above exception, another exception occurred:\n"

    let report: ExceptionReport
    let entries: TracebackEntriesPrinter
    var output = TracebackOutput()
    var groupDepth = 0
    var needClose = false
    var seen: Set<Int> = []

    init(report: ExceptionReport, entries: TracebackEntriesPrinter) {
        self.report = report
        self.entries = entries
    }

    var indent: Int { 2 * groupDepth }
    var margin: String? { groupDepth > 0 ? "| " : nil }

    mutating func writeIndentedMargin() {
        output.writeIndentedMargin(indent, margin)
    }

    /// One exception with the chain before it (CPython's
    /// print_exception_recursive). CPython recurses down the chain; each
    /// step marks the exception seen and follows `__cause__`, or else
    /// `__context__` unless suppressed, to an exception not seen yet. All of
    /// that happens before anything is printed, so the chain is collected
    /// first and printed from its far end, without recursion.
    mutating func printRecursive(_ index: Int) {
        var chain: [(index: Int, message: String)] = []
        var current = index
        while true {
            seen.insert(current)
            let record = report.exceptions[current]
            var next: (Int, String)?
            if let cause = record.cause {
                if !seen.contains(cause) { next = (cause, Self.causeMessage) }
            } else if !record.suppressContext, let context = record.context, !seen.contains(context) {
                next = (context, Self.contextMessage)
            }
            guard let next else { break }
            chain.append(next)
            current = next.0
        }
        let needCloseBefore = needClose
        for link in chain.reversed() {
            printOne(link.index)
            needClose = needCloseBefore
            writeIndentedMargin()
            output.write("\n")
            writeIndentedMargin()
            output.write(link.message)
            writeIndentedMargin()
            output.write("\n")
        }
        printOne(index)
    }

    mutating func printOne(_ index: Int) {
        if report.exceptions[index].groupMembers != nil {
            printGroup(index)
        } else {
            printException(index)
        }
    }

    /// Traceback, SyntaxError lines, type and message, notes (CPython's
    /// print_exception).
    mutating func printException(_ index: Int) {
        let record = report.exceptions[index]
        if !record.traceback.isEmpty {
            let isGroup = record.groupMembers != nil
            entries.print(record.traceback,
                          header: isGroup ? "Exception Group Traceback (most recent call last):\n"
                                          : "Traceback (most recent call last):\n",
                          headerMargin: isGroup && groupDepth == 1 ? "+ " : margin,
                          indent: indent, margin: margin, into: &output)
        }
        var message = record.message
        if let details = record.syntaxError {
            SyntaxErrorLayout.print(details, indent: indent, margin: margin, into: &output)
            message = details.message
        }
        printMessage(of: record, message)
        if let notes = record.notes { printNotes(notes) }
    }
}
