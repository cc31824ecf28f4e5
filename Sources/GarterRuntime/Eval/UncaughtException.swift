import Foundation

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
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension ThreadState {
    /// The text CPython prints for an uncaught exception, chained causes and contexts first.
    func formatException(_ value: Value, seen: Set<ObjectRef> = []) -> String {
        guard let exception = value.as(PyBaseException.self), let reference = value.objectReference else { return "" }
        var seen = seen
        seen.insert(reference)
        var text = ""
        if let cause = exception.cause, let causeReference = cause.objectReference, !seen.contains(causeReference) {
            text += formatException(cause, seen: seen)
            text += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if !exception.suppressContext, let context = exception.context, let contextReference = context.objectReference,
                  !seen.contains(contextReference) {
            text += formatException(context, seen: seen)
            text += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if exception.traceback != nil {
            text += "Traceback (most recent call last):\n"
            var entry = exception.traceback
            var previous: (String, Int, String)?
            var repeated = 0
            func flushRepeats() {
                if repeated > 3 {
                    text += "  [Previous line repeated \(repeated - 3) more time\(repeated - 3 == 1 ? "" : "s")]\n"
                }
            }
            while let current = entry {
                let code = current.frame.code.code
                let line = current.lineNumber
                let key = (code.filename, line, code.name)
                if let previous, previous == key {
                    repeated += 1
                } else {
                    flushRepeats()
                    repeated = 1
                }
                previous = key
                if repeated <= 3 {
                    text += "  File \"\(code.filename)\", line \(line), in \(code.name)\n"
                    if let source = interpreter.sourceLine(code.filename, line) {
                        text += "    \(source.trimmingCharacters(in: .whitespaces))\n"
                    }
                }
                entry = current.next
            }
            flushRepeats()
        }
        let type = typeOf(value)
        var name = type.qualifiedName
        if type.isHeapType, let module = type.dict.lookup(name: "__module__")?.stringValue, module != "builtins", module != "__main__" {
            name = "\(module).\(name)"
        }
        let message: String
        do {
            message = try strText(value)
        } catch {
            error.discard()
            message = "<exception str() failed>"
        }
        text += message.isEmpty ? "\(name)\n" : "\(name): \(message)\n"
        return text
    }
}

extension Interpreter {
    /// Line `line` of a source file (for tracebacks), without its newline.
    func sourceLine(_ filename: String, _ line: Int) -> String? {
        if sourceCache[filename] == nil {
            guard let data = FileManager.default.contents(atPath: filename), let text = String(data: data, encoding: .utf8) else {
                return nil
            }
            sourceCache[filename] = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        guard let lines = sourceCache[filename], line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
    }
}
