extension ExceptionPrinter {
    /// An exception group and its members in nested boxes (CPython 3.11's
    /// print_exception_group):
    ///
    ///       + Exception Group Traceback (most recent call last):
    ///       | ...
    ///       | ExceptionGroup: message (2 sub-exceptions)
    ///       +-+---------------- 1 ----------------
    ///         | ValueError: 1
    ///         +---------------- 2 ----------------
    ///         | TypeError: 2
    ///         +------------------------------------
    ///
    /// Members past `maxGroupWidth` are summarised, groups nested deeper
    /// than `maxGroupDepth` are replaced by one line. The closing line of
    /// a box is owed by the last member and may be written by a group
    /// nested in it (`needClose`).
    mutating func printGroup(_ index: Int) {
        if groupDepth > TracebackPrinter.maxGroupDepth {
            writeIndentedMargin()
            output.write("... (max_group_depth is \(TracebackPrinter.maxGroupDepth))\n")
            return
        }
        if groupDepth == 0 { groupDepth += 1 }
        printException(index)

        let members = report.exceptions[index].groupMembers ?? []
        let width = TracebackPrinter.maxGroupWidth
        let shown = members.count <= width ? members.count : width + 1
        needClose = false
        for position in 0..<shown {
            let isLast = position == shown - 1
            if isLast { needClose = true }
            output.writeSpaces(indent)
            let lead = position == 0 ? "+-" : "  "
            let truncated = position >= width
            if truncated {
                output.write("\(lead)+---------------- ... ----------------\n")
            } else {
                output.write("\(lead)+---------------- \(position + 1) ----------------\n")
            }
            groupDepth += 1
            if truncated {
                let remaining = members.count - width
                writeIndentedMargin()
                output.write("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
            } else {
                printRecursive(members[position])
            }
            if isLast && needClose {
                output.writeSpaces(indent)
                output.write("+------------------------------------\n")
                needClose = false
            }
            groupDepth -= 1
        }
        if groupDepth == 1 { groupDepth -= 1 }
    }
}
