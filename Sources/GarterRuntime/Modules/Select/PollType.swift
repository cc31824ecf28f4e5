#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `select.poll` object: the registered descriptors and their event
/// masks, in registration order (the order `poll()` reports them).
public final class PyPoll: PyObject {
    var registered: [(descriptor: Int32, events: Int16)] = []
    /// Set while a `poll()` waits (without the GIL): a second one from
    /// another thread is refused, as in CPython.
    var isPolling = false

    func index(of descriptor: Int32) -> Int? { registered.firstIndex { $0.descriptor == descriptor } }
}

extension Interpreter {
    var pollType: PyType {
        nativeType("poll", module: "select", flags: []) { type in
            func poll(_ value: Value) -> PyPoll { value.as(PyPoll.self)! }
            type.define("register", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.rejectKeywords("register")
                guard (1...2).contains(arguments.positionalCount) else {
                    throw .typeError("register expected \(arguments.positionalCount < 1 ? "at least 1 argument" : "at most 2 arguments"), got \(arguments.positionalCount)")
                }
                let descriptor = try thread.selectableDescriptor(arguments[0])
                let events = arguments.positionalCount == 2 ? try thread.eventMask(arguments[1]) : Int16(POLLIN | POLLPRI | POLLOUT)
                let object = poll(receiver)
                if let index = object.index(of: descriptor) {
                    object.registered[index].events = events
                } else {
                    object.registered.append((descriptor, events))
                }
                return .none
            }
            type.define("modify", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.rejectKeywords("modify")
                try arguments.expectPositional("modify", 2)
                let descriptor = try thread.selectableDescriptor(arguments[0])
                let events = try thread.eventMask(arguments[1])
                let object = poll(receiver)
                guard let index = object.index(of: descriptor) else { throw thread.interpreter.errnoError(ENOENT) }
                object.registered[index].events = events
                return .none
            }
            type.define("unregister", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.expect("unregister", 1...1)
                let descriptor = try thread.selectableDescriptor(arguments[0])
                let object = poll(receiver)
                guard let index = object.index(of: descriptor) else { throw .keyError(arguments[0]) }
                object.registered.remove(at: index)
                return .none
            }
            type.define("poll", self) { thread, receiver, arguments throws(EvalError) in
                try arguments.rejectKeywords("poll")
                guard arguments.positionalCount <= 1 else {
                    throw .typeError("poll expected at most 1 argument, got \(arguments.positionalCount)")
                }
                var timeout: Int64? = nil
                if arguments.positionalCount == 1 {
                    timeout = try thread.millisecondTimeout(arguments[0])
                    if let given = timeout, given < 0 { timeout = nil }
                }
                let object = poll(receiver)
                if object.isPolling { throw .runtimeError("concurrent poll() invocation") }
                var descriptors = object.registered.map { pollfd(fd: $0.descriptor, events: $0.events, revents: 0) }
                object.isPolling = true
                defer { object.isPolling = false }
                _ = try thread.pollWaiting(&descriptors, timeout: timeout)
                var results: [Value] = []
                for entry in descriptors where entry.revents != 0 {
                    results.append(thread.interpreter.newTuple([.int(Int(entry.fd)), .int(Int(UInt16(bitPattern: entry.revents)))]))
                }
                return thread.interpreter.newList(results)
            }
        }
    }
}

extension ThreadState {
    /// A poll event mask (C `unsigned short`).
    func eventMask(_ value: Value) throws(EvalError) -> Int16 {
        guard typeOf(value).slots.index != nil || typeOf(value).isSubtype(of: interpreter.types.int) else {
            throw .typeError("an integer is required")
        }
        guard let number = try indexIntOrOverflow(value) else { throw .overflowError("Python int too large for C unsigned short") }
        if number < 0 { throw .valueError("value must be positive") }
        guard let mask = UInt16(exactly: number) else { throw .overflowError("Python int too large for C unsigned short") }
        return Int16(bitPattern: mask)
    }

    /// `poll.poll(timeout)`: milliseconds (int or float, None for ever) in
    /// nanoseconds, rounded away from zero.
    func millisecondTimeout(_ value: Value) throws(EvalError) -> Int64? {
        if value.isNone { return nil }
        if case .float(let milliseconds) = value {
            if milliseconds.isNaN { throw .valueError("Invalid value NaN (not a number)") }
            var scaled = milliseconds * 1e6
            scaled = scaled >= 0 ? scaled.rounded(.up) : scaled.rounded(.down)
            guard abs(scaled) < 9.2e18 else { throw TimeConversion.integerOverflow }
            return Int64(scaled)
        }
        guard typeOf(value).slots.index != nil || typeOf(value).isSubtype(of: interpreter.types.int) else {
            throw .typeError("timeout must be an integer or None")
        }
        guard let number = try indexIntOrOverflow(value) else { throw TimeConversion.integerOverflow }
        let (product, overflow) = Int64(number).multipliedReportingOverflow(by: 1_000_000)
        if overflow { throw TimeConversion.integerOverflow }
        return product
    }
}
