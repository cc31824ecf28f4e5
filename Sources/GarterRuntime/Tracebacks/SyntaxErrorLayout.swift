/// The lines a SyntaxError prints between its traceback and its message
/// (CPython 3.11's print_exception_file_and_line and print_error_text):
///
///       File "x.py", line 3
///         text of the line
///             ^^^^
///
/// Only the `File` line carries the group margin; CPython writes the text
/// and caret lines without it. Offsets are character counts that CPython
/// applies to the UTF-8 text as byte counts; that mix is kept, since it is
/// what CPython prints. (GarterSyntax's `SyntaxError.formatted()` draws the
/// parser's own errors the same way but takes a fixed set of classes and
/// stops at line 0, while a SyntaxError raised at run time can be any
/// subclass with any attribute values.)
enum SyntaxErrorLayout {
    static func print(_ details: SyntaxErrorDetails, indent: Int, margin: String?,
                      into output: inout TracebackOutput) {
        output.writeIndentedMargin(indent, margin)
        output.write("  File \"\(details.filename ?? "<string>")\", line \(details.lineno)\n")
        guard let text = details.text else { return }

        let offset = details.offset ?? -1
        // Subclasses of SyntaxError underline one character only.
        var endLineno = details.lineno
        var endOffset = -1
        if details.isExactSyntaxError {
            endLineno = details.endLineno ?? details.lineno
            endOffset = details.endOffset ?? -1
        }
        let bytes = Array(text.utf8)
        // A range running onto later lines is drawn to the end of this one.
        if endLineno > details.lineno { endOffset = bytes.count }
        if endOffset > bytes.count + 1 { endOffset = bytes.count + 1 }
        printText(bytes, offset: offset, endOffset: endOffset, into: &output)
    }

    private static func printText(_ text: [UInt8], offset firstOffset: Int, endOffset: Int,
                                  into output: inout TracebackOutput) {
        let carets = (endOffset > 0 && endOffset > firstOffset) ? endOffset - firstOffset : 1
        var offset = firstOffset - 1
        var start = 0
        while start < text.count && CaretAnchors.isBlank(text[start]) {
            start += 1
            offset -= 1
        }
        var length = text.count - start
        if length > 0 && text[text.count - 1] == UInt8(ascii: "\n") { length -= 1 }
        if offset > length { offset = length }
        // With several lines in the text, show the one the offset is on.
        while let newline = text[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let before = newline - start
            if before >= offset { break }
            start += before + 1
            length -= before + 1
            offset -= before + 1
        }
        output.write("    ")
        output.write(bytes: text[start...])
        if start + length >= text.count || text[start + length] != UInt8(ascii: "\n") {
            output.write("\n")
        }
        if offset < 0 { return }
        output.write("    ")
        output.writeSpaces(offset)
        output.write(bytes: repeatElement(UInt8(ascii: "^"), count: carets))
        output.write("\n")
    }
}
