#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sys.stdin`, `sys.stdout`, `sys.stderr` until `_io` exists: text
/// streams over file descriptors 0, 1 and 2 with the methods Python code
/// calls on them. Standard output goes through the thread's `OutputBuffer`
/// (so `print` and `sys.stdout.write` keep their order); standard error is
/// written at once, with `backslashreplace` as CPython's stderr does.
public final class PyStandardStream: PyObject {
    public let fileDescriptor: Int32
    /// `<stdin>`, `<stdout>`, `<stderr>`.
    public let name: String
    public var isClosed = false

    init(fileDescriptor: Int32, name: String, type: PyType) {
        self.fileDescriptor = fileDescriptor
        self.name = name
        super.init(type: type)
    }

    var isReadable: Bool { fileDescriptor == 0 }
    var mode: String { isReadable ? "r" : "w" }
    var errorsName: String { fileDescriptor == 2 ? "backslashreplace" : "strict" }

    /// Encodes and writes text; returns the number of characters written.
    func write(_ text: PyStr, thread: ThreadState) throws(EvalError) -> Int {
        let bytes: [UInt8]
        do {
            bytes = try text.codePoints.withUnsafeBufferPointer { buffer in
                try PyCodecs.encode(buffer, codec: .utf8, errors: fileDescriptor == 2 ? .backslashReplace : .strict)
            }
        } catch let error as TextError {
            throw thread.streamError(from: error)
        } catch {
            throw .valueError("\(error)")
        }
        if fileDescriptor == 1 {
            thread.output.append(bytes)
        } else {
            StandardStreamIO.writeAll(fileDescriptor, bytes)
        }
        return text.count
    }

    /// Reads one line (up to and including "\n"), or "" at end of file.
    func readLine(limit: Int) -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while limit < 0 || line.count < limit {
            let count = read(fileDescriptor, &byte, 1)
            if count <= 0 { break }
            line.append(byte)
            if byte == 10 { break }
        }
        return line
    }
}

/// Raw writes to a file descriptor, retrying short writes.
enum StandardStreamIO {
    @discardableResult
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }
}

extension Interpreter {
    /// The type of the standard stream objects, filled once per interpreter.
    func standardStreamType() -> PyType {
        let type = types.other("StandardStream")
        if type.has("write") { return type }
        setItem(type.dict, "__module__", intern("sys"))
        type.dictChanged()
        func stream(_ value: Value) -> PyStandardStream { value.as(PyStandardStream.self)! }
        func checkOpen(_ value: Value) throws(EvalError) {
            if stream(value).isClosed { throw .valueError("I/O operation on closed file.") }
        }
        var slots = TypeSlots()
        slots.repr = { thread, value throws(EvalError) in
            let object = stream(value)
            // The repr of the object CPython has here, which these stand in for
            // until `_io` exists (messages such as "Exception ignored in" show it).
            return thread.interpreter.newString("<_io.TextIOWrapper name='\(object.name)' mode='\(object.mode)' encoding='utf-8'>")
        }
        type.installSlots(slots, self)
        type.inheritBuiltinSlots()
        type.define("write", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("write", 1...1)
            let object = stream(receiver)
            try checkOpen(receiver)
            guard !object.isReadable else { throw thread.unsupportedOperation("not writable") }
            guard let text = arguments[0].as(PyStr.self) else {
                throw .typeError("write() argument must be str, not \(thread.typeOf(arguments[0]).name)")
            }
            let count = try object.write(text, thread: thread)
            if object.fileDescriptor == 1, thread.interpreter.sys?.configuration.unbuffered == true { thread.output.flush() }
            return .int(count)
        }
        type.define("flush", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("flush", 0...0)
            try checkOpen(receiver)
            if stream(receiver).fileDescriptor == 1 { thread.output.flush() }
            return .none
        }
        type.define("readline", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("readline", 0...1)
            let object = stream(receiver)
            try checkOpen(receiver)
            guard object.isReadable else { throw thread.unsupportedOperation("not readable") }
            var limit = -1
            if arguments.positionalCount == 1, !arguments[0].isNone { limit = try thread.indexInt(arguments[0]) }
            return thread.interpreter.newString(String(decoding: object.readLine(limit: limit), as: UTF8.self))
        }
        type.define("read", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("read", 0...1)
            let object = stream(receiver)
            try checkOpen(receiver)
            guard object.isReadable else { throw thread.unsupportedOperation("not readable") }
            var limit = -1
            if arguments.positionalCount == 1, !arguments[0].isNone { limit = try thread.indexInt(arguments[0]) }
            var bytes: [UInt8] = []
            while limit < 0 || bytes.count < limit {
                let line = object.readLine(limit: limit < 0 ? -1 : limit - bytes.count)
                if line.isEmpty { break }
                bytes += line
            }
            return thread.interpreter.newString(String(decoding: bytes, as: UTF8.self))
        }
        type.define("fileno", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("fileno", 0...0)
            try checkOpen(receiver)
            return .int(Int(stream(receiver).fileDescriptor))
        }
        type.define("isatty", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("isatty", 0...0)
            try checkOpen(receiver)
            return .bool(isatty(stream(receiver).fileDescriptor) == 1)
        }
        for (name, readable) in [("readable", true), ("writable", false)] {
            type.define(name, self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect(name, 0...0)
                try checkOpen(receiver)
                return .bool(stream(receiver).isReadable == readable)
            }
        }
        type.define("seekable", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("seekable", 0...0)
            try checkOpen(receiver)
            return .bool(false)
        }
        type.define("close", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("close", 0...0)
            if stream(receiver).fileDescriptor == 1 { thread.output.flush() }
            stream(receiver).isClosed = true
            return .none
        }
        type.defineAttribute("closed", self, get: { _, value throws(EvalError) in .bool(stream(value).isClosed) })
        type.defineAttribute("name", self, get: { thread, value throws(EvalError) in thread.interpreter.newString(stream(value).name) })
        type.defineAttribute("mode", self, get: { thread, value throws(EvalError) in thread.interpreter.newString(stream(value).mode) })
        type.defineAttribute("encoding", self, get: { thread, _ throws(EvalError) in thread.interpreter.newString("utf-8") })
        type.defineAttribute("errors", self, get: { thread, value throws(EvalError) in
            thread.interpreter.newString(stream(value).errorsName)
        })
        type.defineAttribute("line_buffering", self, get: { _, value throws(EvalError) in
            .bool(isatty(stream(value).fileDescriptor) == 1)
        })
        return type
    }

    func makeStandardStream(_ descriptor: Int32, _ name: String) -> PyStandardStream {
        let stream = PyStandardStream(fileDescriptor: descriptor, name: name, type: standardStreamType())
        stream.makeImmortal()
        return stream
    }
}

extension ThreadState {
    /// `io.UnsupportedOperation` (an OSError until `_io` exists).
    func unsupportedOperation(_ message: String) -> EvalError {
        .pythonException("OSError", message)
    }

    /// A Python exception for a codec failure while writing a stream.
    func streamError(from error: TextError) -> EvalError {
        .pythonException(error.pythonType, error.message)
    }
}
