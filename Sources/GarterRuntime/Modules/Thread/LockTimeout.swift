// The `blocking` and `timeout` arguments of `lock.acquire` and
// `RLock.acquire`, checked as CPython 3.11's lock_acquire_parse_args does,
// and the one place where a Python-level lock wait releases the GIL.

/// How long an acquisition may wait.
enum LockWait: Equatable {
    case noWait
    case forever
    case nanoseconds(UInt64)
}

extension ThreadState {
    /// Parses `acquire(blocking=True, timeout=-1)`.
    func parseLockAcquire(_ arguments: Arguments) throws(EvalError) -> LockWait {
        if arguments.positionalCount > 2 {
            throw .typeError("acquire() takes at most 2 arguments (\(arguments.positionalCount) given)")
        }
        var blockingValue: Value? = arguments.positionalCount > 0 ? arguments[0] : nil
        var timeoutValue: Value? = arguments.positionalCount > 1 ? arguments[1] : nil
        for index in 0..<arguments.keywordCount {
            let name = arguments.keywordName(index)
            switch name {
            case "blocking" where blockingValue == nil: blockingValue = arguments.keywordValue(index)
            case "timeout" where timeoutValue == nil: timeoutValue = arguments.keywordValue(index)
            case "blocking", "timeout":
                let position = name == "blocking" ? 1 : 2
                throw .typeError("argument for acquire() given by name ('\(name)') and position (\(position))")
            default:
                throw .typeError("'\(name)' is an invalid keyword argument for acquire()")
            }
        }
        var blocking = true
        if let blockingValue {
            blocking = try cLong(blockingValue) != 0
        }
        let unset: Int64 = -1_000_000_000
        var timeout = unset
        if let timeoutValue {
            timeout = try nanoseconds(fromSeconds: timeoutValue)
        }
        if !blocking && timeout != unset {
            throw .valueError("can't specify a timeout for a non-blocking call")
        }
        if timeout < 0 && timeout != unset {
            throw .valueError("timeout value must be positive")
        }
        if !blocking { return .noWait }
        if timeout == unset { return .forever }
        return .nanoseconds(UInt64(timeout))
    }

    /// An argument converted as C `long` by `PyArg_Parse` ("i"/"l"):
    /// through `__index__`, OverflowError when it does not fit.
    func cLong(_ value: Value) throws(EvalError) -> Int {
        if case .float = value { throw .typeError("'float' object cannot be interpreted as an integer") }
        let number = try index(value)
        defer { number.release() }
        guard case .int(let result) = number else {
            throw .overflowError("Python int too large to convert to C long")
        }
        return result
    }

    /// Takes `lock`, waiting as `wait` says. An uncontended lock never
    /// releases the GIL; a wait runs in a `.lockWait` blocking region.
    func acquire(_ lock: ThreadLock, _ wait: LockWait) -> Bool {
        if lock.tryAcquire() { return true }
        switch wait {
        case .noWait:
            return false
        case .forever:
            return interpreter.gil.blocking(gilThread, reason: .lockWait) { lock.acquire(timeoutNanoseconds: nil) }
        case .nanoseconds(let limit):
            if limit == 0 { return false }
            return interpreter.gil.blocking(gilThread, reason: .lockWait) { lock.acquire(timeoutNanoseconds: limit) }
        }
    }
}
