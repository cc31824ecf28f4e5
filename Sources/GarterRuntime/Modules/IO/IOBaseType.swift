// `_io._IOBase`: the methods every stream inherits, written over calls to
// the object's own methods (so Python subclasses that define `read` or
// `readline` get the rest), as CPython's Modules/_io/iobase.c.

extension ThreadState {
    /// Whether `close()` of the base class ran (`__IOBase_closed`).
    func ioBaseIsClosed(_ value: Value) throws(EvalError) -> Bool {
        guard let flag = try lookupAttribute(value, interpreter.internedString("__IOBase_closed")) else { return false }
        defer { flag.release() }
        return try truth(flag)
    }

    /// `_IOBase.close`: flushes once, then marks the object closed (even
    /// when the flush failed, whose error is raised afterwards).
    func ioBaseClose(_ value: Value) throws(EvalError) {
        if try ioBaseIsClosed(value) { return }
        var failure: EvalError?
        do throws(EvalError) { try ioCallDiscarding(value, "flush") } catch { failure = error }
        try setAttribute(value, interpreter.internedString("__IOBase_closed"), .bool(true))
        if let failure { throw failure }
    }

    /// ValueError when `value.closed` is true (`_checkClosed`).
    func ioCheckClosed(_ value: Value) throws(EvalError) {
        if try ioAttributeTruth(value, "closed") { throw .valueError("I/O operation on closed file.") }
    }

    /// What a stream does when it dies (`_IOBase.__del__`): it closes
    /// itself; errors are reported, not raised.
    func ioFinalizeStream(_ value: Value) {
        do throws(EvalError) {
            if try ioAttributeTruth(value, "closed") { return }
        } catch {
            error.discard()
            return
        }
        ioIgnoringErrors("Exception ignored in: ", value) { () throws(EvalError) in
            try ioCallDiscarding(value, "close")
        }
    }

    /// `_IOBase.readline`: through `peek` when the object has one (so a
    /// line is found without reading past it), otherwise byte by byte.
    func ioBaseReadLine(_ value: Value, limit: Int) throws(EvalError) -> [UInt8] {
        let peek = try lookupAttribute(value, interpreter.internedString("peek"))
        defer { peek?.release() }
        var line: [UInt8] = []
        while limit < 0 || line.count < limit {
            var wanted = 1
            if let peek {
                let ahead = try call(peek, [.int(1)])
                defer { ahead.release() }
                guard let bytes = try bytesLike(ahead) else {
                    throw .pythonException("OSError", "peek() should have returned a bytes object, not '\(typeOf(ahead).name)'")
                }
                if !bytes.isEmpty {
                    var count = 0
                    while count < bytes.count && (limit < 0 || count < limit - line.count) {
                        count += 1
                        if bytes[count - 1] == 10 { break }
                    }
                    wanted = count
                }
            }
            let chunk = try ioCall(value, "read", [.int(wanted)])
            defer { chunk.release() }
            if chunk.isNone { break }
            guard let bytes = chunk.as(PyBytes.self)?.bytes else {
                throw .pythonException("OSError", "read() should have returned a bytes object, not '\(typeOf(chunk).name)'")
            }
            if bytes.isEmpty { break }
            line.append(contentsOf: bytes)
            if line.last == 10 { break }
        }
        return line
    }

    /// `readlines(hint)` for any stream: its lines by iteration, stopping
    /// once `hint` characters or bytes have been read.
    func ioReadLines(_ value: Value, hint: Int) throws(EvalError) -> Value {
        var lines: [Value] = []
        var total = 0
        let iterator = try iterate(value)
        defer { iterator.release() }
        do throws(EvalError) {
            while let line = try next(iterator) {
                lines.append(line)
                if hint > 0 {
                    total += try length(line)
                    if total >= hint { break }
                }
            }
        } catch {
            for line in lines { line.release() }
            throw error
        }
        return interpreter.newList(lines)
    }
}

extension Interpreter {
    func ioBaseType() -> PyType {
        nativeType("_IOBase", module: "_io", flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            var slots = TypeSlots()
            slots.iterate = { thread, value throws(EvalError) in
                try thread.ioCheckClosed(value)
                value.retain()
                return value
            }
            slots.next = { thread, value throws(EvalError) in
                let line = try thread.ioCall(value, "readline")
                if try thread.length(line) == 0 {
                    line.release()
                    return nil
                }
                return line
            }
            slots.finalize = { thread, value throws(EvalError) in thread.ioFinalizeStream(value) }
            type.installSlots(slots, self)
            type.define("__del__", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "__del__")
                thread.ioFinalizeStream(value)
                return .none
            }
            type.defineAttribute("__dict__", self, get: { thread, value throws(EvalError) in
                guard let dict = thread.instanceDict(of: value) else {
                    throw .attributeError("'\(thread.typeOf(value).name)' object has no attribute '__dict__'")
                }
                dict.incref()
                return .object(ObjectRef(Unmanaged.passUnretained(dict)))
            })

            for name in ["seek", "truncate", "fileno"] {
                type.define(name, self) { thread, _, _ throws(EvalError) in throw thread.ioUnsupported(name) }
            }
            type.define("tell", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "tell")
                return try thread.ioCall(value, "seek", [.int(0), .int(1)])
            }
            type.define("flush", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "flush")
                if try thread.ioAttributeTruth(value, "closed") { throw .valueError("I/O operation on closed file.") }
                return .none
            }
            type.define("close", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "close")
                try thread.ioBaseClose(value)
                return .none
            }
            type.defineAttribute("closed", self, get: { thread, value throws(EvalError) in
                .bool(try thread.ioBaseIsClosed(value))
            })
            for name in ["readable", "writable", "seekable"] {
                type.define(name, self) { _, _, arguments throws(EvalError) in
                    try arguments.check(0...0, name)
                    return .bool(false)
                }
            }
            type.define("isatty", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...0, "isatty")
                try thread.ioCheckClosed(value)
                return .bool(false)
            }
            type.define("_checkClosed", self) { thread, value, arguments throws(EvalError) in
                try thread.ioCheckClosed(value)
                return .none
            }
            for (name, method, message) in [("_checkReadable", "readable", "File or stream is not readable."),
                                             ("_checkWritable", "writable", "File or stream is not writable."),
                                             ("_checkSeekable", "seekable", "File or stream is not seekable.")] {
                type.define(name, self) { thread, value, _ throws(EvalError) in
                    let result = try thread.ioCall(value, method)
                    defer { result.release() }
                    guard case .bool(true) = result else { throw thread.ioUnsupported(message) }
                    result.retain()
                    return result
                }
            }
            type.define("__enter__", self) { thread, value, arguments throws(EvalError) in
                try thread.ioCheckClosed(value)
                value.retain()
                return value
            }
            type.define("__exit__", self) { thread, value, arguments throws(EvalError) in
                try thread.ioCall(value, "close")
            }
            type.define("readline", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readline")
                let limit = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                return thread.interpreter.newBytes(try thread.ioBaseReadLine(value, limit: limit))
            }
            type.define("readlines", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(0...1, "readlines")
                let hint = try thread.ioOptionalSize(arguments.positionalCount > 0 ? arguments[0] : nil)
                return try thread.ioReadLines(value, hint: hint)
            }
            type.define("writelines", self) { thread, value, arguments throws(EvalError) in
                try arguments.check(1...1, "writelines")
                try thread.ioCheckClosed(value)
                try thread.forEach(arguments[0]) { line throws(EvalError) in
                    try thread.ioCallDiscarding(value, "write", [line])
                }
                return .none
            }
        }
    }
}
