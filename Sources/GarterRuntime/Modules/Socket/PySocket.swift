#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `_socket.socket`: a descriptor (-1 once closed or detached), its
/// family, type and protocol, and its timeout (CPython's sock_timeout):
/// nil blocks, 0 never waits, anything else waits at most that long (in
/// nanoseconds) for readiness with poll(2) before each call. The
/// descriptor is non-blocking whenever the timeout is not nil.
public final class PySocket: PyObject {
    var descriptor: Int32 = -1
    var family: Int32 = 0
    var kind: Int32 = 0
    var proto: Int32 = 0
    var timeout: Int64? = nil

    /// Closes the descriptor when the object dies (as CPython's finalizer,
    /// without its ResourceWarning).
    override public func releaseContents() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }
}

/// The outcome of one system call made by `socketCall`.
struct SocketCallResult {
    var value: Int
    var error: Int32
}

extension ThreadState {
    /// Makes `socket`'s descriptor blocking (timeout nil) or not.
    func applyBlocking(_ socket: PySocket) throws(EvalError) {
        let flags = fcntl(socket.descriptor, F_GETFL)
        if flags < 0 { throw interpreter.errnoError(errno) }
        let wanted = socket.timeout == nil ? flags & ~O_NONBLOCK : flags | O_NONBLOCK
        if wanted != flags && fcntl(socket.descriptor, F_SETFL, wanted) < 0 { throw interpreter.errnoError(errno) }
    }

    /// CPython's sock_call_ex: runs `body` (a system call that returns -1
    /// and sets errno on failure) until it succeeds, honouring the
    /// socket's timeout. Blocking calls run without the GIL (`reason`);
    /// EINTR runs the signal handlers and retries (PEP 475); with a
    /// timeout, the socket is first polled for `events` and a call that
    /// would block waits again until the deadline (then TimeoutError).
    /// `body` must not touch Python objects.
    func socketCall(_ socket: PySocket, events: Int16, reason: BlockingReason,
                    _ body: (Int32) -> Int) throws(EvalError) -> Int {
        let descriptor = socket.descriptor
        if descriptor < 0 { throw interpreter.errnoError(EBADF) }
        let deadline = socket.timeout.flatMap { $0 > 0 ? MonotonicClock.nanoseconds() &+ UInt64($0) : nil }
        while true {
            if let deadline {
                try waitForSocket(descriptor, events: events, deadline: deadline)
            }
            let outcome: SocketCallResult
            if socket.timeout == nil {
                outcome = interpreter.gil.blocking(gilThread, reason: reason) { () -> SocketCallResult in
                    let value = body(descriptor)
                    return SocketCallResult(value: value, error: value < 0 ? errno : 0)
                }
            } else {
                let value = body(descriptor)
                outcome = SocketCallResult(value: value, error: value < 0 ? errno : 0)
            }
            if outcome.value >= 0 { return outcome.value }
            if outcome.error == EINTR {
                try interpreter.checkSignals(self)
                continue
            }
            if deadline != nil && (outcome.error == EAGAIN || outcome.error == EWOULDBLOCK) { continue }
            throw interpreter.errnoError(outcome.error)
        }
    }

    /// Waits (without the GIL) until `descriptor` is ready for `events`,
    /// or raises TimeoutError("timed out") at `deadline`.
    func waitForSocket(_ descriptor: Int32, events: Int16, deadline: UInt64) throws(EvalError) {
        while true {
            let now = MonotonicClock.nanoseconds()
            if now >= deadline { throw .pythonException("TimeoutError", "timed out") }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            // UInt64.max: no deadline (a blocking connect interrupted by a signal).
            let milliseconds = deadline == UInt64.max ? -1 : Self.milliseconds(roundingUp: Int64(clamping: deadline - now))
            let outcome = interpreter.gil.blocking(gilThread, reason: .select) { () -> SocketCallResult in
                let value = Int(poll(&entry, 1, milliseconds))
                return SocketCallResult(value: value, error: value < 0 ? errno : 0)
            }
            if outcome.value > 0 { return }
            if outcome.value == 0 { throw .pythonException("TimeoutError", "timed out") }
            guard outcome.error == EINTR else { throw interpreter.errnoError(outcome.error) }
            try interpreter.checkSignals(self)
        }
    }
}
