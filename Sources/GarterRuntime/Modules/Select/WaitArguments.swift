#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// What `select`, `poll`, `epoll` and sockets share: file descriptors given
// as ints or objects with `fileno()` (CPython's PyObject_AsFileDescriptor),
// timeouts, and the PEP 475 wait loop (retry after EINTR with the time
// left, once the signal handlers ran without raising).

extension ThreadState {
    /// An int file descriptor, or the result of `value.fileno()`.
    func selectableDescriptor(_ value: Value) throws(EvalError) -> Int32 {
        let number: Int
        if typeOf(value).isSubtype(of: interpreter.types.int) {
            number = try cLongForDescriptor(value)
        } else if let method = try lookupAttribute(value, interpreter.internedString("fileno")) {
            defer { method.release() }
            let result = try call(method, [])
            defer { result.release() }
            guard typeOf(result).isSubtype(of: interpreter.types.int) else {
                throw .typeError("fileno() returned a non-integer")
            }
            number = try cLongForDescriptor(result)
        } else {
            throw .typeError("argument must be an int, or have a fileno() method.")
        }
        if number < 0 { throw .valueError("file descriptor cannot be a negative integer (\(number))") }
        guard let descriptor = Int32(exactly: number) else { throw .overflowError("fd is greater than maximum") }
        return descriptor
    }

    private func cLongForDescriptor(_ value: Value) throws(EvalError) -> Int {
        guard let number = try indexIntOrOverflow(value) else { throw .overflowError("Python int too large to convert to C long") }
        return number
    }

    /// A timeout in seconds (None: wait forever), in nanoseconds, with
    /// `select`'s messages.
    func selectTimeout(_ value: Value?, typeMessage: String) throws(EvalError) -> Int64? {
        guard let value, !value.isNone else { return nil }
        let nanoseconds: Int64
        do throws(EvalError) {
            nanoseconds = try self.nanoseconds(fromSeconds: value)
        } catch {
            if isInstance(error, of: "TypeError") {
                error.discard()
                throw .typeError(typeMessage)
            }
            throw error
        }
        return nanoseconds
    }

    /// poll(2) over `descriptors` without the GIL (reason `.select`),
    /// retried after EINTR with the time left once the signal handlers
    /// ran (PEP 475). `timeout` nil waits forever. Returns poll's count.
    func pollWaiting(_ descriptors: inout [pollfd], timeout: Int64?) throws(EvalError) -> Int {
        let deadline = timeout.map { MonotonicClock.nanoseconds() &+ UInt64(max($0, 0)) }
        var milliseconds = timeout.map { Self.milliseconds(roundingUp: $0) } ?? -1
        while true {
            let count = descriptors.count
            let (result, failure) = descriptors.withUnsafeMutableBufferPointer { buffer in
                interpreter.gil.blocking(gilThread, reason: .select) { () -> (Int32, Int32) in
                    let result = poll(buffer.baseAddress, nfds_t(count), milliseconds)
                    return (result, result < 0 ? errno : 0)
                }
            }
            if result >= 0 { return Int(result) }
            guard failure == EINTR else { throw interpreter.errnoError(failure) }
            try interpreter.checkSignals(self)
            if let deadline {
                let now = MonotonicClock.nanoseconds()
                milliseconds = now >= deadline ? 0 : Self.milliseconds(roundingUp: Int64(deadline - now))
            }
        }
    }

    /// Nanoseconds as poll's milliseconds, rounded up (never shorter).
    static func milliseconds(roundingUp nanoseconds: Int64) -> Int32 {
        if nanoseconds <= 0 { return 0 }
        let value = (nanoseconds + 999_999) / 1_000_000
        return Int32(clamping: value)
    }
}
