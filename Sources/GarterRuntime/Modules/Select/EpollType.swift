#if canImport(Glibc)
import Glibc

/// A `select.epoll` object: an epoll descriptor (-1 once closed), closed
/// with the object if still open.
public final class PyEpoll: PyObject {
    var descriptor: Int32 = -1

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    override public func releaseContents() { close() }
}

extension Interpreter {
    var epollType: PyType {
        nativeType("epoll", module: "select") { type in
            func open(_ value: Value) throws(EvalError) -> PyEpoll {
                let object = value.as(PyEpoll.self)!
                if object.descriptor < 0 { throw .valueError("I/O operation on closed epoll object") }
                return object
            }
            var slots = TypeSlots()
            slots.new = { thread, type, arguments throws(EvalError) in
                let bound = try arguments.bindClassic("epoll", ["sizehint", "flags"], required: 0)
                let sizeHint = try bound[0].map { value throws(EvalError) in try thread.cLong(value) } ?? -1
                let flags = try bound[1].map { value throws(EvalError) in try thread.cLong(value) } ?? 0
                if sizeHint != -1 && sizeHint <= 0 { throw .valueError("negative sizehint") }
                if flags != 0 && flags != Int(EpollSystem.closeOnExec) { throw .pythonException("OSError", "invalid flags") }
                let descriptor = try thread.epollSystem().create(EpollSystem.closeOnExec)
                if descriptor < 0 { throw thread.interpreter.errnoError(errno) }
                let object = PyEpoll(type: type)
                object.descriptor = descriptor
                return .object(ObjectRef.allocate(object))
            }
            type.installSlots(slots, self)
            type.define("close", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("close", 0...0)
                receiver.as(PyEpoll.self)!.close()
                return .none
            }
            type.defineAttribute("closed", self, get: { _, receiver throws(EvalError) in
                .bool(receiver.as(PyEpoll.self)!.descriptor < 0)
            })
            type.define("fileno", self) { _, receiver, arguments throws(EvalError) in
                try arguments.expect("fileno", 0...0)
                return .int(Int(try open(receiver).descriptor))
            }
            type.defineClassMethod("fromfd", self) { thread, arguments throws(EvalError) in
                try arguments.expect("fromfd", 2...2)
                let descriptor = try thread.cLong(arguments[1])
                guard let type = arguments[0].as(PyType.self) else { throw .typeError("fromfd() needs a type") }
                let object = PyEpoll(type: type)
                object.descriptor = Int32(truncatingIfNeeded: descriptor)
                return .object(ObjectRef.allocate(object))
            }
            func control(_ thread: ThreadState, _ receiver: Value, _ operation: Int32, _ arguments: Arguments,
                         _ name: String, defaultMask: UInt32?) throws(EvalError) -> Value {
                let names = defaultMask == nil && operation == EpollSystem.deleteOperation ? ["fd"] : ["fd", "eventmask"]
                let bound = try arguments.bind(name, names, required: defaultMask == nil ? names.count : 1)
                let object = try open(receiver)
                let descriptor = try thread.selectableDescriptor(bound[0]!)
                var mask = defaultMask ?? 0
                if names.count == 2, let given = bound[1] {
                    guard let number = try thread.indexIntOrOverflow(given) else {
                        throw .overflowError("Python int too large to convert to C unsigned long")
                    }
                    mask = UInt32(truncatingIfNeeded: number)
                }
                if try thread.epollSystem().control(object.descriptor, operation, descriptor, events: mask) != 0 {
                    throw thread.interpreter.errnoError(errno)
                }
                return .none
            }
            type.define("register", self) { thread, receiver, arguments throws(EvalError) in
                try control(thread, receiver, EpollSystem.addOperation, arguments, "register", defaultMask: EpollSystem.defaultEvents)
            }
            type.define("modify", self) { thread, receiver, arguments throws(EvalError) in
                try control(thread, receiver, EpollSystem.modifyOperation, arguments, "modify", defaultMask: nil)
            }
            type.define("unregister", self) { thread, receiver, arguments throws(EvalError) in
                try control(thread, receiver, EpollSystem.deleteOperation, arguments, "unregister", defaultMask: nil)
            }
            type.define("poll", self) { thread, receiver, arguments throws(EvalError) in
                let bound = try arguments.bind("poll", ["timeout", "maxevents"], required: 0)
                let object = try open(receiver)
                var timeout = try thread.selectTimeout(bound[0], typeMessage: "timeout must be an integer or None")
                if let given = timeout, given < 0 { timeout = nil }
                var maxEvents = try bound[1].map { value throws(EvalError) in try thread.cLong(value) } ?? -1
                if maxEvents == -1 {
                    maxEvents = Int(FD_SETSIZE) - 1
                } else if maxEvents < 1 {
                    throw .valueError("maxevents must be greater than 0, got \(maxEvents)")
                }
                return try thread.epollWait(object.descriptor, maxEvents: maxEvents, timeout: timeout)
            }
            type.define("__enter__", self) { _, receiver, arguments throws(EvalError) in
                _ = try open(receiver)
                receiver.retain()
                return receiver
            }
            type.define("__exit__", self) { _, receiver, _ throws(EvalError) in
                receiver.as(PyEpoll.self)!.close()
                return .none
            }
        }
    }
}

extension ThreadState {
    func epollSystem() throws(EvalError) -> EpollSystem {
        guard let system = EpollSystem.shared else { throw interpreter.errnoError(ENOSYS) }
        return system
    }

    /// epoll_wait without the GIL, retried after EINTR with the time left.
    func epollWait(_ descriptor: Int32, maxEvents: Int, timeout: Int64?) throws(EvalError) -> Value {
        let deadline = timeout.map { MonotonicClock.nanoseconds() &+ UInt64(max($0, 0)) }
        var milliseconds = timeout.map { Self.milliseconds(roundingUp: $0) } ?? -1
        let system = try epollSystem()
        var events = [UInt8](repeating: 0, count: maxEvents * EpollSystem.eventSize)
        while true {
            let (count, failure) = events.withUnsafeMutableBytes { buffer in
                interpreter.gil.blocking(gilThread, reason: .select) { () -> (Int32, Int32) in
                    let count = system.wait(descriptor, buffer.baseAddress, Int32(maxEvents), milliseconds)
                    return (count, count < 0 ? errno : 0)
                }
            }
            if count >= 0 {
                var results: [Value] = []
                events.withUnsafeBytes { buffer in
                    for index in 0..<Int(count) {
                        let event = EpollSystem.event(buffer, index)
                        results.append(interpreter.newTuple([.int(Int(event.descriptor)), .int(Int(event.events))]))
                    }
                }
                return interpreter.newList(results)
            }
            guard failure == EINTR else { throw interpreter.errnoError(failure) }
            try interpreter.checkSignals(self)
            if let deadline {
                let now = MonotonicClock.nanoseconds()
                milliseconds = now >= deadline ? 0 : Self.milliseconds(roundingUp: Int64(deadline - now))
            }
        }
    }
}
#endif
