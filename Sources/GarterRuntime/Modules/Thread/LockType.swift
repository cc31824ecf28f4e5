// `_thread.lock` (`_thread.LockType`, made by `allocate_lock()`): CPython
// 3.11's methods, argument checks and messages.

/// A Python lock object.
public final class PyThreadLockObject: PyObject {
    let lock = ThreadLock()
}

extension Interpreter {
    /// `_thread.lock`, made and filled on first use.
    var threadLockType: PyType {
        if let made = types.others["_thread.lock"] { return made }
        let type = types.other("_thread.lock")
        type.name = "lock"
        type.qualifiedName = "lock"
        type.setAttribute("__module__", intern("_thread"), self)
        var slots = TypeSlots()
        slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create '_thread.lock' instances") }
        slots.repr = { thread, value throws(EvalError) in
            let lock = value.as(PyThreadLockObject.self)!.lock
            let address = String(value.objectReference!.address, radix: 16)
            return thread.interpreter.newString("<\(lock.isLocked ? "locked" : "unlocked") _thread.lock object at 0x\(address)>")
        }
        type.installSlots(slots, self)
        func lock(_ value: Value) -> ThreadLock { value.as(PyThreadLockObject.self)!.lock }
        let acquire: PyMethodDescriptor.Body = { thread, receiver, arguments throws(EvalError) in
            let wait = try thread.parseLockAcquire(arguments)
            return .bool(try thread.acquireInterruptibly(lock(receiver), wait))
        }
        let release: PyMethodDescriptor.Body = { _, receiver, arguments throws(EvalError) in
            guard lock(receiver).release() else { throw .runtimeError("release unlocked lock") }
            return .none
        }
        let locked: PyMethodDescriptor.Body = { _, receiver, arguments throws(EvalError) in
            try arguments.expect("locked", 0...0)
            return .bool(lock(receiver).isLocked)
        }
        type.define("acquire", self, acquire)
        type.define("acquire_lock", self, acquire)
        type.define("__enter__", self, acquire)
        type.define("release", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("release", 0...0)
            return try release(thread, receiver, arguments)
        }
        type.define("release_lock", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.expect("release_lock", 0...0)
            return try release(thread, receiver, arguments)
        }
        type.define("__exit__", self) { thread, receiver, arguments throws(EvalError) in
            try arguments.rejectKeywords("__exit__")
            return try release(thread, receiver, arguments)
        }
        type.define("locked", self, locked)
        type.define("locked_lock", self, locked)
        type.define("_at_fork_reinit", self) { _, receiver, arguments throws(EvalError) in
            try arguments.expect("_at_fork_reinit", 0...0)
            // Only the forking thread survives a fork; whoever held the
            // lock is gone, so it is simply made free.
            _ = lock(receiver).release()
            return .none
        }
        type.inheritBuiltinSlots()
        return type
    }

    /// A new, unlocked `_thread.lock`.
    func newThreadLock() -> Value {
        .object(ObjectRef.allocate(PyThreadLockObject(type: threadLockType)))
    }
}
