import GarterSystem

// What happens to an exception nobody caught: `SystemExit` becomes the
// exit status; anything else is printed as CPython prints it (the
// traceback, chained exceptions, then `Type: message`) and exits with 1.

extension Interpreter {
    /// Handles an uncaught exception from `runMain`; returns the exit status.
    public func reportUncaught(_ error: EvalError, output: OutputBuffer) -> Int32 {
        let thread = ThreadState(interpreter: self, output: output)
        let exception = thread.normalize(error, newlyRaised: false)
        defer { Value.object(exception).release() }
        output.flush()
        let value = Value.object(exception)
        if let systemExit = types.exceptions["SystemExit"], thread.typeOf(value).isSubtype(of: systemExit) {
            let args = value.as(PyBaseException.self)!.args
            let code: Value = args.count == 0 ? .none : args.count == 1 ? args.items[0] : .object(ObjectRef(Unmanaged.passUnretained(args)))
            switch code {
            case .none: return 0
            case .int(let number): return Int32(truncatingIfNeeded: number)
            case .bool(let flag): return flag ? 1 : 0
            default:
                let text = (try? thread.strText(code)) ?? ""
                writeStandardError(text + "\n")
                return 1
            }
        }
        thread.printException(value)
        return 1
    }

    func writeStandardError(_ text: String) {
        StandardStreams.writeError(text)
    }
}

extension ThreadState {
    /// The text CPython prints for an uncaught exception: the chain of
    /// causes and contexts, each traceback with its source lines and
    /// position markers (rendered by `Tracebacks/TracebackPrinter`).
    func formatException(_ value: Value) -> String {
        var records: [ExceptionRecord] = []
        var indexes: [ObjectRef: Int] = [:]
        /// Gives each exception object one record, by identity (cycles allowed).
        func record(_ value: Value) -> Int? {
            guard let reference = value.objectReference, value.as(PyBaseException.self) != nil else { return nil }
            if let known = indexes[reference] { return known }
            let index = records.count
            indexes[reference] = index
            records.append(ExceptionRecord(typeModule: nil, typeQualname: nil, message: .none))
            records[index] = makeRecord(value, link: record)
            return index
        }
        guard let root = record(value) else { return "" }
        let limit = interpreter.modules.lookup(name: "sys").flatMap { $0.as(PyModule.self)?.dict.lookup(name: "tracebacklimit") }
        var tracebackLimit: Int?
        if case .int(let number) = limit { tracebackLimit = number }
        let bytes = TracebackPrinter.render(ExceptionReport(exceptions: records, root: root), tracebackLimit: tracebackLimit) {
            filename, line in self.interpreter.sourceLine(filename, line)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func makeRecord(_ value: Value, link: (Value) -> Int?) -> ExceptionRecord {
        let exception = value.as(PyBaseException.self)!
        let type = typeOf(value)
        var module: String? = "builtins"
        if type.isHeapType {
            module = type.dict.lookup(name: "__module__")?.stringValue
        }
        let message: ExceptionText
        do throws(EvalError) {
            message = .text(try strText(value))
        } catch {
            error.discard()
            message = .strFailed
        }
        var entries: [TracebackEntry] = []
        var cursor = exception.traceback
        while let entry = cursor {
            let code = entry.frame.code.code
            var position = InstructionPosition()
            if entry.instructionIndex >= 0 && entry.instructionIndex < code.positions.count {
                let range = code.positions[entry.instructionIndex]
                if range.lineno > 0 {
                    position = InstructionPosition(startLine: Int(range.lineno), endLine: Int(range.endLineno),
                                                   startColumn: range.colOffset >= 0 ? Int(range.colOffset) : nil,
                                                   endColumn: range.endColOffset >= 0 ? Int(range.endColOffset) : nil)
                }
            }
            entries.append(TracebackEntry(filename: code.filename, lineno: entry.lineNumber, name: code.name, position: position))
            cursor = entry.next
        }
        var notes: ExceptionNotes?
        if let dict = value.objectReference?.with({ $0.instanceDictReference }),
           let list = dict.takeUnretainedValue().lookup(name: "__notes__") {
            if let items = list.as(PyList.self)?.items ?? list.as(PyTuple.self)?.items {
                notes = .sequence(items.map { item in (try? strText(item)) })
            } else {
                notes = .notSequence(repr: try? reprText(list))
            }
        }
        var syntaxError: SyntaxErrorDetails?
        if let syntaxType = interpreter.types.exceptions["SyntaxError"], type.isSubtype(of: syntaxType),
           let dict = value.objectReference?.with({ $0.instanceDictReference })?.takeUnretainedValue() {
            func int(_ name: String) -> Int? {
                if case .int(let number) = dict.lookup(name: name) ?? .none { return number }
                return nil
            }
            let rawMessage = dict.lookup(name: "_msg") ?? .none
            let text: ExceptionText = rawMessage.isNone ? .none : ((try? strText(rawMessage)).map { .text($0) } ?? .strFailed)
            syntaxError = SyntaxErrorDetails(message: text, filename: dict.lookup(name: "_filename")?.stringValue,
                                             lineno: int("_lineno") ?? 0, offset: int("_offset"),
                                             endLineno: int("_end_lineno"), endOffset: int("_end_offset"),
                                             text: dict.lookup(name: "_text")?.stringValue,
                                             isExactSyntaxError: type === syntaxType)
        }
        return ExceptionRecord(typeModule: module, typeQualname: type.isHeapType ? type.qualifiedName : type.name,
                               message: message, notes: notes, traceback: entries,
                               cause: exception.cause.flatMap(link), context: exception.context.flatMap(link),
                               suppressContext: exception.suppressContext, syntaxError: syntaxError)
    }
}

extension Interpreter {
    /// Line `line` of a source file (for tracebacks), without its newline.
    func sourceLine(_ filename: String, _ line: Int) -> String? {
        if sourceCache[filename] == nil {
            guard let data = FileContents.read(atPath: filename), let text = String(validating: data, as: UTF8.self) else {
                return nil
            }
            sourceCache[filename] = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        guard let lines = sourceCache[filename], line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
    }
}
