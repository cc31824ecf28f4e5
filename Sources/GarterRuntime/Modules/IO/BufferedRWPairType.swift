// `_io.BufferedRWPair`: a BufferedReader over one raw stream and a
// BufferedWriter over another, seen as one stream.

final class PyBufferedPair: PyObject {
    @exclusivity(unchecked) var reader: Value = .none
    @exclusivity(unchecked) var writer: Value = .none

    override func releaseContents() {
        reader.release()
        writer.release()
        reader = .none
        writer = .none
    }

    func side(_ forReading: Bool) throws(EvalError) -> Value {
        let value = forReading ? reader : writer
        if value.isNone { throw .valueError("I/O operation on uninitialized object") }
        return value
    }
}

extension Interpreter {
    func bufferedRWPairType() -> PyType {
        nativeType("BufferedRWPair", module: "_io", base: bufferedIOBaseType(),
                   flags: [.baseType, .hasInstanceDict, .hasFinalizer]) { type in
            func get(_ value: Value) -> PyBufferedPair { value.as(PyBufferedPair.self)! }
            var slots = TypeSlots()
            slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyBufferedPair(type: type))) }
            slots.initialize = { thread, value, arguments throws(EvalError) in
                try arguments.rejectKeywords("BufferedRWPair")
                guard (2...3).contains(arguments.positionalCount) else {
                    throw .typeError("BufferedRWPair expected at least 2 arguments, got \(arguments.positionalCount)")
                }
                var size = Value.int(IOConstants.defaultBufferSize)
                if arguments.positionalCount == 3 { size = arguments[2] }
                try thread.ioCallDiscarding(arguments[0], "_checkReadable")
                try thread.ioCallDiscarding(arguments[1], "_checkWritable")
                let reader = try thread.call(thread.interpreter.bufferedReaderType().value, [arguments[0], size])
                let writer: Value
                do throws(EvalError) {
                    writer = try thread.call(thread.interpreter.bufferedWriterType().value, [arguments[1], size])
                } catch {
                    reader.release()
                    throw error
                }
                let pair = get(value)
                pair.reader.release()
                pair.writer.release()
                pair.reader = reader
                pair.writer = writer
            }
            type.installSlots(slots, self)
            for (name, reading) in [("read", true), ("peek", true), ("read1", true), ("readinto", true),
                                    ("readinto1", true), ("readable", true), ("write", false), ("flush", false),
                                    ("writable", false)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    let target = try get(value).side(reading)
                    let method = try thread.getAttribute(target, name)
                    defer { method.release() }
                    return try thread.call(method, arguments)
                }
            }
            type.define("close", self) { thread, value, arguments throws(EvalError) in
                let pair = get(value)
                var failure: EvalError?
                do throws(EvalError) { try thread.ioCallDiscarding(try pair.side(false), "close") } catch { failure = error }
                do throws(EvalError) { try thread.ioCallDiscarding(try pair.side(true), "close") } catch {
                    if failure == nil { failure = error } else { error.discard() }
                }
                if let failure { throw failure }
                return .none
            }
            type.define("isatty", self) { thread, value, arguments throws(EvalError) in
                let pair = get(value)
                if try thread.ioAttributeTruthCall(try pair.side(false), "isatty") { return .bool(true) }
                return .bool(try thread.ioAttributeTruthCall(try pair.side(true), "isatty"))
            }
            type.defineAttribute("closed", self, get: { thread, value throws(EvalError) in
                try thread.getAttribute(try get(value).side(false), "closed")
            })
        }
    }
}
