import GarterSystem

// Showing a warning that passed the filters: `warnings._showwarnmsg` with a
// `warnings.WarningMessage` when the `warnings` module is loaded (imported
// first when a `source` is given, as CPython does), otherwise CPython's
// built-in fallback: `file:line: Category: text` and the source line,
// indented, on `sys.stderr`.

extension ThreadState {
    func showWarning(category: Value, text: Value, message: Value, filename: Value, lineno: Value,
                     source: Value) throws(EvalError) {
        if !source.isNone, interpreter.modules.lookup(name: "warnings") == nil {
            try importAbsolute("warnings").release()
        }
        if let show = try warningsModuleAttribute("_showwarnmsg") {
            defer { show.release() }
            guard isCallable(show) else { throw .typeError("warnings._showwarnmsg() must be set to a callable") }
            guard let messageClass = try warningsModuleAttribute("WarningMessage") else {
                throw .runtimeError("unable to get warnings.WarningMessage")
            }
            defer { messageClass.release() }
            let record = try call(messageClass, [message, category, filename, lineno, .none, .none, source])
            defer { record.release() }
            try call(show, [record]).release()
            return
        }
        let categoryName = try getAttribute(category, "__name__")
        defer { categoryName.release() }
        var output = "\(filename.stringValue ?? ""):\(try strText(lineno)): \(try strText(categoryName)): \(try strText(text))\n"
        if let line = sourceLine(file: filename.stringValue ?? "", lineNumber: (try? indexInt(lineno)) ?? 0) {
            output += "  \(line)\n"
        }
        writeStandardError(output)
    }

    /// Line `lineNumber` of a source file, without its indentation; nil if unreadable.
    private func sourceLine(file: String, lineNumber: Int) -> String? {
        guard lineNumber > 0, let data = FileContents.read(atPath: file),
              let text = String(validating: data, as: UTF8.self) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lineNumber <= lines.count else { return nil }
        return HorizontalWhitespace.trim(lines[lineNumber - 1])
    }
}
