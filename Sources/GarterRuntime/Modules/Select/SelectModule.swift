#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `select`: `select()`, `poll` and `epoll` (Linux), as CPython 3.11's
// Modules/selectmodule.c offers them to `selectors.py` and `subprocess`.
// Every wait releases the GIL (reason `.select`) and is retried after
// EINTR with the time left (PEP 475).

extension Interpreter {
    func makeSelectModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("select", doc: "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.") { module, define throws(EvalError) in
            for (name, value) in SelectConstants.constants { setItem(module.dict, name, .int(value)) }
            let osError = types.exceptions["OSError"]!
            osError.incref()
            setItem(module.dict, "error", osError.value)
            define("poll") { thread, arguments throws(EvalError) in
                try arguments.expect("poll", 0...0)
                return .object(ObjectRef.allocate(PyPoll(type: thread.interpreter.pollType)))
            }
            export(epollType, in: module)
            define("select") { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("select")
                guard (3...4).contains(arguments.positionalCount) else {
                    throw .typeError("select expected \(arguments.positionalCount < 3 ? "at least 3" : "at most 4") arguments, got \(arguments.positionalCount)")
                }
                let timeout = try thread.selectTimeout(arguments.positionalCount == 4 ? arguments[3] : nil,
                                                       typeMessage: "timeout must be a float or None")
                if let timeout, timeout < 0 { throw .valueError("timeout must be non-negative") }
                return try thread.select(arguments[0], arguments[1], arguments[2], timeout: timeout)
            }
        }
    }
}

extension ThreadState {
    /// `select.select(rlist, wlist, xlist, timeout)`, waiting with poll(2)
    /// (so descriptors above FD_SETSIZE work too). Returns the three lists
    /// of the objects that are ready, in the order they were given.
    func select(_ read: Value, _ write: Value, _ exceptional: Value, timeout: Int64?) throws(EvalError) -> Value {
        var groups: [[(object: Value, descriptor: Int32)]] = []
        defer { for group in groups { for entry in group { entry.object.release() } } }
        for list in [read, write, exceptional] {
            guard list.as(PyList.self) != nil || list.as(PyTuple.self) != nil || typeOf(list).slots.iterate != nil else {
                throw .typeError("arguments 1-3 must be sequences")
            }
            let items = try collect(list)
            var group: [(object: Value, descriptor: Int32)] = []
            var failure: EvalError? = nil
            for item in items {
                if failure != nil { item.release(); continue }
                do throws(EvalError) {
                    group.append((item, try selectableDescriptor(item)))
                } catch {
                    item.release()
                    failure = error
                }
            }
            groups.append(group)
            if let failure { throw failure }
        }
        let masks: [Int16] = [Int16(POLLIN), Int16(POLLOUT), Int16(POLLPRI)]
        var descriptors: [pollfd] = []
        var slot: [Int32: Int] = [:]
        for (index, group) in groups.enumerated() {
            for entry in group {
                if let existing = slot[entry.descriptor] {
                    descriptors[existing].events |= masks[index]
                } else {
                    slot[entry.descriptor] = descriptors.count
                    descriptors.append(pollfd(fd: entry.descriptor, events: masks[index], revents: 0))
                }
            }
        }
        _ = try pollWaiting(&descriptors, timeout: timeout)
        if descriptors.contains(where: { $0.revents & Int16(POLLNVAL) != 0 }) { throw interpreter.errnoError(EBADF) }
        let readyMasks: [Int16] = [Int16(POLLIN | POLLHUP | POLLERR), Int16(POLLOUT | POLLERR), Int16(POLLPRI)]
        var results: [Value] = []
        for (index, group) in groups.enumerated() {
            var ready: [Value] = []
            for entry in group where descriptors[slot[entry.descriptor]!].revents & readyMasks[index] != 0 {
                entry.object.retain()
                ready.append(entry.object)
            }
            results.append(interpreter.newList(ready))
        }
        return interpreter.newTuple(results)
    }
}
