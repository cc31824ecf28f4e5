#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `input([prompt])`: the prompt on `sys.stdout` (flushed), one line from
// `sys.stdin` without its newline, EOFError at end of input. While
// `sys.stdin` is the process's standard input the line is read from file
// descriptor 0 in an `.input` blocking region, so other threads run while
// this one waits for the user (CPython releases the GIL in its readline).

extension Interpreter {
    func installInputBuiltin() {
        let function = PyBuiltinFunction(name: "input", type: types.builtinFunction, moduleName: "builtins") { thread, arguments throws(EvalError) in
            try arguments.rejectKeywords("input")
            try arguments.expect("input", 0...1)
            return try thread.input(prompt: arguments.positionalCount == 1 ? arguments[0] : nil)
        }
        function.makeImmortal()
        setItem(builtins, "input", .object(ObjectRef(Unmanaged.passUnretained(function))))
    }
}

extension ThreadState {
    func input(prompt: Value?) throws(EvalError) -> Value {
        guard let sys = interpreter.sys else { throw .runtimeError("input(): lost sys.stdin") }
        func stream(_ name: String) throws(EvalError) -> Value {
            guard let value = sys.attribute(name), !value.isNone else { throw .runtimeError("input(): lost sys.\(name)") }
            return value
        }
        let input = try stream("stdin"), output = try stream("stdout"), errors = try stream("stderr")
        try callMethod(errors, interpreter.internedString("flush"), []).release()
        if let prompt {
            let text = try str(prompt)
            defer { text.release() }
            try writeText(output, text)
        }
        try callMethod(output, interpreter.internedString("flush"), []).release()

        let line: Value
        if let standardInput = input.as(PyStandardStream.self), standardInput.fileDescriptor == 0 {
            if standardInput.isClosed { throw .valueError("I/O operation on closed file.") }
            line = interpreter.newString(String(decoding: try readStandardInputLine(), as: UTF8.self))
        } else {
            line = try callMethod(input, interpreter.internedString("readline"), [])
        }
        defer { line.release() }
        if let bytes = line.as(PyBytes.self) {
            // PyFile_GetLine takes bytes too (and so does input, unchanged but for the newline).
            if bytes.bytes.isEmpty { throw .pythonException("EOFError", "EOF when reading a line") }
            return interpreter.newBytes(bytes.bytes.last == 10 ? Array(bytes.bytes.dropLast()) : bytes.bytes)
        }
        guard let text = line.as(PyStr.self) else { throw .typeError("object.readline() returned non-string") }
        var codePoints = text.codePoints
        if codePoints.isEmpty { throw .pythonException("EOFError", "EOF when reading a line") }
        if codePoints.last == 10 { codePoints.removeLast() }
        return interpreter.newString(codePoints: codePoints)
    }

    /// One line of file descriptor 0 (with its "\n"; empty at end of file),
    /// read with the GIL released; signals that interrupt the wait run their
    /// handlers (a KeyboardInterrupt ends the input).
    private func readStandardInputLine() throws(EvalError) -> [UInt8] {
        var line: [UInt8] = []
        while true {
            // The whole line in one blocking region; it ends early only when a signal interrupts the read.
            let (piece, interrupted) = interpreter.gil.blocking(gilThread, reason: .input) { () -> ([UInt8], Bool) in
                var piece: [UInt8] = []
                var byte: UInt8 = 0
                while true {
                    let count = read(0, &byte, 1)
                    if count < 0 && errno == EINTR { return (piece, true) }
                    if count <= 0 { return (piece, false) }
                    piece.append(byte)
                    if byte == 10 { return (piece, false) }
                }
            }
            line += piece
            guard interrupted else { return line }
            if evalBreaker.contains(.signalsPending) { try interpreter.handlePendingSignals(self) }
        }
    }
}
