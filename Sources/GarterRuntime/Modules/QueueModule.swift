// `_queue`: `SimpleQueue` (an unbounded FIFO queue whose `get` waits without
// the GIL) and its `Empty` exception, as CPython 3.11's Modules/_queuemodule.c
// offers them to `queue.py`.

/// A `_queue.SimpleQueue`. `items` (owned references, the first live one at
/// `head`) is touched only by the thread holding the GIL; `signal` is free
/// ("there may be items") after a `put`, and a waiting `get` sleeps on it.
public final class PySimpleQueue: PyObject {
    var items: [Value] = []
    var head = 0
    let signal = ThreadLock()

    override init(type: PyType) {
        super.init(type: type)
        _ = signal.tryAcquire()
    }

    var count: Int { items.count - head }

    func append(_ item: Value) {
        item.retain()
        items.append(item)
        _ = signal.release()
    }

    /// The oldest item (owned by the caller now).
    func popFirst() -> Value {
        let item = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    override public func releaseContents() {
        let owned = items[head...]
        items = []
        head = 0
        for item in owned { item.release() }
    }
}

extension Interpreter {
    /// `_queue.Empty`, a subclass of Exception.
    var queueEmptyType: PyType {
        if let made = types.others["_queue.Empty"] { return made }
        let type = types.other("_queue.Empty", base: types.exceptions["Exception"]!,
                               flags: [.baseType, .hasInstanceDict, .exceptionSubclass])
        type.name = "Empty"
        type.qualifiedName = "Empty"
        type.setAttribute("__module__", intern("_queue"), self)
        type.setAttribute("__doc__", newString("Exception raised by Queue.get(block=0)/get_nowait()."), self)
        type.inheritBuiltinSlots()
        return type
    }

    var simpleQueueType: PyType {
        if let made = types.others["_queue.SimpleQueue"] { return made }
        let type = types.other("_queue.SimpleQueue", flags: [.baseType])
        type.name = "SimpleQueue"
        type.qualifiedName = "SimpleQueue"
        type.setAttribute("__module__", intern("_queue"), self)
        var slots = TypeSlots()
        slots.new = { _, type, arguments throws(EvalError) in
            if arguments.positionalCount > 0 { throw .typeError("SimpleQueue() takes no positional arguments") }
            if arguments.hasKeywords { throw .typeError("SimpleQueue() takes no keyword arguments") }
            return .object(ObjectRef.allocate(PySimpleQueue(type: type)))
        }
        slots.initialize = { _, _, _ throws(EvalError) in }
        type.installSlots(slots, self)
        func queue(_ value: Value) -> PySimpleQueue { value.as(PySimpleQueue.self)! }
        let put: PyMethodDescriptor.Body = { thread, receiver, arguments throws(EvalError) in
            let bound = try thread.bindQueueArguments("put", arguments, ["item", "block", "timeout"], required: 1)
            queue(receiver).append(bound[0]!)
            return .none
        }
        type.define("put", self, put)
        type.define("put_nowait", self) { thread, receiver, arguments throws(EvalError) in
            let bound = try thread.bindQueueArguments("put_nowait", arguments, ["item"], required: 1)
            queue(receiver).append(bound[0]!)
            return .none
        }
        type.define("get", self) { thread, receiver, arguments throws(EvalError) in
            let bound = try thread.bindQueueArguments("get", arguments, ["block", "timeout"], required: 0)
            var block = true
            if let value = bound[0] { block = try thread.truth(value) }
            var wait = LockWait.forever
            if !block {
                wait = .noWait
            } else if let timeout = bound[1], !timeout.isNone {
                let nanoseconds = try thread.nanoseconds(fromSeconds: timeout)
                if nanoseconds < 0 { throw .valueError("'timeout' must be a non-negative number") }
                wait = .nanoseconds(UInt64(nanoseconds))
            }
            return try thread.getFromQueue(queue(receiver), wait)
        }
        type.define("get_nowait", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("get_nowait", 0...0)
            return try thread.getFromQueue(queue(receiver), .noWait)
        }
        type.define("empty", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("empty", 0...0)
            return .bool(queue(receiver).count == 0)
        }
        type.define("qsize", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("qsize", 0...0)
            return .int(queue(receiver).count)
        }
        type.inheritBuiltinSlots()
        return type
    }

    func makeQueueModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_queue", doc: "C implementation of the Python queue module.\nThis module is an implementation detail, please do not use it directly.") { module, _ throws(EvalError) in
            queueEmptyType.incref()
            setItem(module.dict, "Empty", queueEmptyType.value)
            simpleQueueType.incref()
            setItem(module.dict, "SimpleQueue", simpleQueueType.value)
        }
    }
}

extension ThreadState {
    /// Argument Clinic's binding with `_queue`'s messages.
    func bindQueueArguments(_ function: String, _ arguments: Arguments, _ names: [String], required: Int) throws(EvalError) -> [Value?] {
        if arguments.positionalCount > names.count {
            throw .typeError("\(function)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s") (\(arguments.positionalCount) given)")
        }
        for index in 0..<arguments.keywordCount where !names.contains(arguments.keywordName(index)) {
            throw .typeError("'\(arguments.keywordName(index))' is an invalid keyword argument for \(function)()")
        }
        return try arguments.bind(function, names, required: required)
    }

    /// Takes the oldest item, waiting as `wait` says (without the GIL);
    /// raises `_queue.Empty` when there is none in time.
    func getFromQueue(_ queue: PySimpleQueue, _ wait: LockWait) throws(EvalError) -> Value {
        let deadline: UInt64?
        if case .nanoseconds(let limit) = wait { deadline = GIL.adding(limit, to: MonotonicClock.nanoseconds()) } else { deadline = nil }
        while queue.count == 0 {
            var step = wait
            if let deadline {
                let now = MonotonicClock.nanoseconds()
                step = now >= deadline ? .noWait : .nanoseconds(deadline - now)
            }
            if try !acquireInterruptibly(queue.signal, step) {
                let exception = try call(interpreter.queueEmptyType.value, [])
                throw .exception(exception.objectReference!)
            }
        }
        let item = queue.popFirst()
        // Let another waiter look, if items remain.
        if queue.count > 0 { _ = queue.signal.release() }
        return item
    }
}
