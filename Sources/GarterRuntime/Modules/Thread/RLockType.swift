import BigInt

// `_thread.RLock`: a reentrant lock owned by one thread at a time (the C
// implementation `threading.RLock` uses), with CPython 3.11's methods,
// including the private ones `threading.Condition` calls.

/// A Python reentrant lock. `owner` and `count` are read and written only
/// by the thread holding the GIL.
public final class PyRLockObject: PyObject {
    let lock = ThreadLock()
    /// `get_ident()` of the owning thread; 0 when unowned.
    @exclusivity(unchecked) var owner: UInt64 = 0
    @exclusivity(unchecked) var count = 0
}

extension Interpreter {
    /// `_thread.RLock`, made and filled on first use.
    var threadRLockType: PyType {
        if let made = types.others["_thread.RLock"] { return made }
        let type = types.other("_thread.RLock", flags: [.baseType])
        type.name = "RLock"
        type.qualifiedName = "RLock"
        type.setAttribute("__module__", intern("_thread"), self)
        var slots = TypeSlots()
        slots.new = { _, type, _ throws(EvalError) in .object(ObjectRef.allocate(PyRLockObject(type: type))) }
        slots.initialize = { _, _, _ throws(EvalError) in }
        slots.repr = { thread, value throws(EvalError) in
            let rlock = value.as(PyRLockObject.self)!
            let address = String(value.objectReference!.address, radix: 16)
            let state = rlock.count > 0 ? "locked" : "unlocked"
            return thread.interpreter.newString(
                "<\(state) \(thread.typeOf(value).displayName == "RLock" ? "_thread.RLock" : thread.typeOf(value).displayName) object owner=\(rlock.owner) count=\(rlock.count) at 0x\(address)>")
        }
        type.installSlots(slots, self)
        func rlock(_ value: Value) -> PyRLockObject { value.as(PyRLockObject.self)! }
        let acquire: PyMethodDescriptor.Body = { thread, receiver, arguments throws(EvalError) in
            let wait = try thread.parseLockAcquire(arguments)
            let object = rlock(receiver)
            let me = thread.gilThread.ident
            if object.count > 0 && object.owner == me {
                object.count += 1
                return .bool(true)
            }
            guard try thread.acquireInterruptibly(object.lock, wait) else { return .bool(false) }
            object.owner = me
            object.count = 1
            return .bool(true)
        }
        let release: PyMethodDescriptor.Body = { thread, receiver, _ throws(EvalError) in
            let object = rlock(receiver)
            guard object.count > 0 && object.owner == thread.gilThread.ident else {
                throw .runtimeError("cannot release un-acquired lock")
            }
            object.count -= 1
            if object.count == 0 {
                object.owner = 0
                _ = object.lock.release()
            }
            return .none
        }
        type.define("acquire", self, acquire)
        type.define("__enter__", self, acquire)
        type.define("release", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("release", 0...0)
            return try release(thread, receiver, arguments)
        }
        type.define("__exit__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.rejectKeywords("__exit__")
            return try release(thread, receiver, arguments)
        }
        type.define("_is_owned", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("_is_owned", 0...0)
            let object = rlock(receiver)
            return .bool(object.count > 0 && object.owner == thread.gilThread.ident)
        }
        type.define("_recursion_count", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("_recursion_count", 0...0)
            let object = rlock(receiver)
            return .int(object.owner == thread.gilThread.ident ? object.count : 0)
        }
        // `threading.Condition.wait` releases an RLock fully and restores it.
        type.define("_release_save", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("_release_save", 0...0)
            let object = rlock(receiver)
            guard object.count > 0 else { throw .runtimeError("cannot release un-acquired lock") }
            let saved = thread.interpreter.newTuple([.int(object.count), thread.interpreter.identValue(object.owner)])
            object.count = 0
            object.owner = 0
            _ = object.lock.release()
            return saved
        }
        type.define("_acquire_restore", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("_acquire_restore", 1...1)
            guard let state = arguments[0].as(PyTuple.self), state.count == 2 else {
                throw .typeError("_acquire_restore() argument must be a tuple of (count, owner)")
            }
            let count = try thread.cLong(state.items[0])
            let owner = try thread.identArgument(state.items[1])
            let object = rlock(receiver)
            _ = thread.acquire(object.lock, .forever)
            object.owner = owner
            object.count = count
            return .none
        }
        type.define("_at_fork_reinit", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("_at_fork_reinit", 0...0)
            let object = rlock(receiver)
            object.owner = 0
            object.count = 0
            _ = object.lock.release()
            return .none
        }
        type.inheritBuiltinSlots()
        return type
    }

    /// A thread identifier as a Python int (they are unsigned and may not
    /// fit a signed word).
    func identValue(_ ident: UInt64) -> Value {
        .integer(BigInt(ident), longType: types.int)
    }
}

extension ThreadState {
    /// A thread identifier given back by Python code.
    func identArgument(_ value: Value) throws(EvalError) -> UInt64 {
        let number = try index(value)
        defer { number.release() }
        if case .int(let small) = number, small >= 0 { return UInt64(small) }
        if let big = number.as(PyLong.self).flatMap({ UInt64(exactly: $0.value) }) {
            return big
        }
        throw .overflowError("Python int too large to convert to C unsigned long")
    }
}
