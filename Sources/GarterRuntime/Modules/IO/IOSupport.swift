#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// What the `_io` types share: their errors (CPython's messages, OSError
// subclasses chosen by errno), names looked up on Python objects, and
// writing into a caller's writable buffer (`readinto`).

extension ThreadState {
    /// The OSError subclass CPython raises for `code`, with errno,
    /// strerror and, when given, the filename (the one mapping `posix` uses).
    func ioSystemError(_ code: Int32, filename: Value? = nil) -> EvalError {
        posixError(code, filename)
    }

    /// `io.UnsupportedOperation(message)`: the module's class when `_io` is
    /// loaded (it always is when its objects exist).
    func ioUnsupported(_ message: String) -> EvalError {
        let type = interpreter.ioUnsupportedOperationType
        let text = interpreter.newString(message)
        defer { text.release() }
        do throws(EvalError) {
            let exception = try call(type.value, [text])
            guard let reference = exception.objectReference else { return .pythonException("OSError", message) }
            return .exception(reference)
        } catch {
            return error
        }
    }

    /// Calls method `name` of `object` with borrowed arguments.
    func ioCall(_ object: Value, _ name: String, _ values: [Value] = []) throws(EvalError) -> Value {
        try callMethod(object, interpreter.internedString(name), values)
    }

    /// Calls method `name` and drops its result.
    func ioCallDiscarding(_ object: Value, _ name: String, _ values: [Value] = []) throws(EvalError) {
        try ioCall(object, name, values).release()
    }

    /// The truth of attribute `name` of `object`.
    func ioAttributeTruth(_ object: Value, _ name: String) throws(EvalError) -> Bool {
        let value = try getAttribute(object, name)
        defer { value.release() }
        return try truth(value)
    }

    /// A size argument as CPython's `_Py_convert_optional_to_ssize_t`:
    /// None (or absent) is -1.
    func ioOptionalSize(_ value: Value?) throws(EvalError) -> Int {
        guard let value, !value.isNone else { return -1 }
        if case .int(let number) = value { return number }
        guard typeOf(value).slots.index != nil || Arithmetic.pyInteger(value) != nil else {
            throw .typeError("argument should be integer or None, not '\(typeOf(value).name)'")
        }
        return try indexInt(value)
    }

    /// Copies `bytes` into the start of the writable buffer `target`
    /// (a bytearray or a memoryview of one); returns how many fitted.
    func ioWriteIntoBuffer(_ target: Value, _ bytes: UnsafeBufferPointer<UInt8>) throws(EvalError) -> Int {
        if let array = target.as(PyByteArray.self) {
            let count = min(bytes.count, array.bytes.count)
            array.bytes.withUnsafeMutableBufferPointer { destination in
                for index in 0..<count { destination[index] = bytes[index] }
            }
            return count
        }
        if let view = target.as(PyMemoryView.self) {
            try view.checkReleased()
            guard !view.isReadOnly, let array = view.exporter.as(PyByteArray.self) else {
                throw .typeError("readinto() argument must be read-write bytes-like object, not memoryview")
            }
            let count = min(bytes.count, view.length * view.itemSize)
            array.bytes.withUnsafeMutableBufferPointer { destination in
                if view.stride == view.itemSize {
                    for index in 0..<count { destination[view.offset + index] = bytes[index] }
                } else {
                    for index in 0..<count {
                        let item = index / view.itemSize
                        destination[view.offset + item * view.stride + index % view.itemSize] = bytes[index]
                    }
                }
            }
            return count
        }
        throw .typeError("readinto() argument must be read-write bytes-like object, not \(typeOf(target).name)")
    }

    /// The byte capacity of a writable buffer for `readinto`.
    func ioWritableLength(_ target: Value) throws(EvalError) -> Int {
        if let array = target.as(PyByteArray.self) { return array.bytes.count }
        if let view = target.as(PyMemoryView.self), !view.isReadOnly, view.exporter.as(PyByteArray.self) != nil {
            try view.checkReleased()
            return view.length * view.itemSize
        }
        throw .typeError("readinto() argument must be read-write bytes-like object, not \(typeOf(target).name)")
    }

    /// Runs `body` and turns every error into an "Exception ignored" report
    /// (finalizers: an object closing itself when it dies).
    func ioIgnoringErrors(_ context: String, _ object: Value, _ body: () throws(EvalError) -> Void) {
        do throws(EvalError) { try body() } catch {
            let description = (try? reprText(object)) ?? "<object>"
            reportUnraisable(error, context: context, object: description)
        }
    }
}

/// Raw system calls used by the `_io` types, each retried on EINTR; they
/// return -1 with `errno` set on failure.
enum IOSystem {
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        while true {
            let result = Glibc.read(descriptor, buffer, count)
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }

    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        while true {
            let result = Glibc.write(descriptor, buffer, count)
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }
}
