#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `_signal`: Python-level signal handlers (run by the main thread at its
// next eval-breaker check, see SignalTrap and SignalState), the process's
// signal mask, alarms and interval timers, as CPython 3.11's
// Modules/signalmodule.c offers them to `signal.py`.

extension Interpreter {
    /// `_signal.ItimerError`, a subclass of OSError.
    var itimerErrorType: PyType {
        if let made = types.others["signal.itimer_error"] { return made }
        let type = types.other("signal.itimer_error", base: types.exceptions["OSError"]!,
                               flags: [.baseType, .hasInstanceDict, .exceptionSubclass])
        type.name = "itimer_error"
        type.qualifiedName = "itimer_error"
        type.setAttribute("__module__", intern("signal"), self)
        type.inheritBuiltinSlots()
        return type
    }

    func makeSignalModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_signal", doc: "This module provides mechanisms to use signal handlers in Python.") { module, define throws(EvalError) in
            for (name, value) in SignalConstants.constants { setItem(module.dict, name, .int(value)) }
            let handler = defaultIntHandler()
            handler.retain()
            setItem(module.dict, "default_int_handler", handler)
            itimerErrorType.incref()
            setItem(module.dict, "ItimerError", itimerErrorType.value)

            define("signal") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("signal", 2)
                try arguments.rejectKeywords("signal")
                return try thread.setSignalHandler(arguments[0], arguments[1])
            }
            define("getsignal") { thread, arguments throws(EvalError) in
                try arguments.expect("getsignal", 1...1)
                let number = try thread.signalNumber(arguments[0])
                let interpreter = thread.interpreter
                interpreter.signals.loadHandlers()
                let handler = interpreter.signals.handlers[number] ?? .none
                handler.retain()
                return handler
            }
            define("raise_signal") { thread, arguments throws(EvalError) in
                try arguments.expect("raise_signal", 1...1)
                let number = try thread.cLong(arguments[0])
                guard let signal = Int32(exactly: number) else { throw .overflowError("signed integer is greater than maximum") }
                if raise(signal) != 0 { throw thread.interpreter.errnoError(errno) }
                try thread.interpreter.checkSignals(thread)
                return .none
            }
            define("strsignal") { thread, arguments throws(EvalError) in
                try arguments.expect("strsignal", 1...1)
                let number = try thread.signalNumber(arguments[0])
                guard let text = strsignal(Int32(number)) else { return .none }
                let description = String(cString: text)
                if description.contains("Unknown signal") || description.contains("Real-time signal") { return .none }
                return thread.interpreter.newString(description)
            }
            define("valid_signals") { thread, arguments throws(EvalError) in
                try arguments.expect("valid_signals", 0...0)
                var all = sigset_t()
                sigfillset(&all)
                return try thread.signalSet(all)
            }
            define("alarm") { thread, arguments throws(EvalError) in
                try arguments.expect("alarm", 1...1)
                let seconds = try thread.cLong(arguments[0])
                guard let value = UInt32(exactly: seconds) else {
                    throw .overflowError(seconds < 0 ? "Python int too large to convert to C unsigned long" : "Python int too large to convert to C unsigned long")
                }
                return .int(Int(alarm(value)))
            }
            define("pause") { thread, arguments throws(EvalError) in
                try arguments.expect("pause", 0...0)
                thread.interpreter.gil.blocking(thread.gilThread, reason: .sleep) { _ = Glibc.pause() }
                try thread.interpreter.checkSignals(thread)
                return .none
            }
            define("siginterrupt") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("siginterrupt", 2)
                let number = try thread.signalNumber(arguments[0])
                let flag = try thread.cLong(arguments[1])
                var action = sigaction()
                guard sigaction(Int32(number), nil, &action) == 0 else { throw thread.interpreter.errnoError(errno) }
                if flag != 0 { action.sa_flags &= ~Int32(SA_RESTART) } else { action.sa_flags |= Int32(SA_RESTART) }
                guard sigaction(Int32(number), &action, nil) == 0 else { throw thread.interpreter.errnoError(errno) }
                return .none
            }
            define("set_wakeup_fd") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("set_wakeup_fd", ["fd", "warn_on_full_buffer"], required: 1,
                                                positionalOnly: 1, keywordOnlyFrom: 1)
                return try thread.setWakeupDescriptor(bound[0]!)
            }
            define("pthread_kill") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("pthread_kill", 2)
                let identifier = try thread.integerArgument(arguments[0])
                let bits: UInt
                if let small = identifier.smallValue {
                    bits = UInt(bitPattern: small)
                } else if !identifier.isNegative, let large = UInt(exactly: identifier.magnitude) {
                    bits = large
                } else {
                    throw .overflowError("Python int too large to convert to C unsigned long")
                }
                let number = try thread.cLong(arguments[1])
                let result = pthread_kill(pthread_t(bits), Int32(truncatingIfNeeded: number))
                if result != 0 { throw thread.interpreter.errnoError(result) }
                try thread.interpreter.checkSignals(thread)
                return .none
            }
            define("pthread_sigmask") { thread, arguments throws(EvalError) in
                try arguments.expectPositional("pthread_sigmask", 2)
                let how = try thread.cLong(arguments[0])
                var mask = try thread.signalSetArgument(arguments[1])
                var previous = sigset_t()
                let result = pthread_sigmask(Int32(truncatingIfNeeded: how), &mask, &previous)
                if result != 0 { throw thread.interpreter.errnoError(result) }
                try thread.interpreter.checkSignals(thread)
                return try thread.signalSet(previous)
            }
            define("sigpending") { thread, arguments throws(EvalError) in
                try arguments.expect("sigpending", 0...0)
                var pending = sigset_t()
                guard sigpending(&pending) == 0 else { throw thread.interpreter.errnoError(errno) }
                return try thread.signalSet(pending)
            }
            define("setitimer") { thread, arguments throws(EvalError) in
                if arguments.positionalCount < 2 || arguments.positionalCount > 3 {
                    throw .typeError("setitimer expected at \(arguments.positionalCount < 2 ? "least 2" : "most 3") arguments, got \(arguments.positionalCount)")
                }
                try arguments.rejectKeywords("setitimer")
                let which = try thread.cLong(arguments[0])
                var new = itimerval()
                new.it_value = try thread.timeval(arguments[1])
                if arguments.positionalCount == 3 { new.it_interval = try thread.timeval(arguments[2]) }
                var old = itimerval()
                guard setitimer(__itimer_which_t(UInt32(truncatingIfNeeded: which)), &new, &old) == 0 else {
                    throw thread.itimerError(errno)
                }
                return thread.interpreter.itimerTuple(old)
            }
            define("getitimer") { thread, arguments throws(EvalError) in
                try arguments.expect("getitimer", 1...1)
                let which = try thread.cLong(arguments[0])
                var current = itimerval()
                guard getitimer(__itimer_which_t(UInt32(truncatingIfNeeded: which)), &current) == 0 else {
                    throw thread.itimerError(errno)
                }
                return thread.interpreter.itimerTuple(current)
            }
        }
    }

    /// `(seconds, interval)` as floats.
    func itimerTuple(_ value: itimerval) -> Value {
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return newTuple([.float(seconds(value.it_value)), .float(seconds(value.it_interval))])
    }

}

extension ThreadState {
    /// A signal number argument: an int in 1..<NSIG.
    func signalNumber(_ value: Value) throws(EvalError) -> Int {
        let number = try cLong(value)
        guard number >= 1 && number < SignalTrap.count else { throw .valueError("signal number out of range") }
        return number
    }

    /// `signal.signal(signalnum, handler)`; returns the old handler.
    func setSignalHandler(_ numberValue: Value, _ handler: Value) throws(EvalError) -> Value {
        let number = try signalNumber(numberValue)
        guard self === interpreter.threadRegistry.mainThread else {
            throw .valueError("signal only works in main thread of the main interpreter")
        }
        var disposition: Int? = nil
        // Only exact ints stand for SIG_DFL/SIG_IGN (signal.py passes its
        // Handlers enum members as ints).
        if case .int(let value) = handler, value == 0 || value == 1 {
            disposition = value
        } else if !isCallable(handler) {
            throw .typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        }
        let installed: Bool
        if let disposition {
            installed = SignalTrap.setDisposition(Int32(number), ignore: disposition == 1)
        } else {
            SignalTrap.setMainBreaker(evalBreaker)
            installed = SignalTrap.install(Int32(number))
        }
        guard installed else { throw interpreter.errnoError(errno) }
        handler.retain()
        return interpreter.signals.exchange(number, handler)
    }

    /// `set_wakeup_fd(fd)`: the descriptor the C handler writes each
    /// signal number to (-1: none); returns the previous one.
    func setWakeupDescriptor(_ value: Value) throws(EvalError) -> Value {
        let descriptor = try cLong(value)
        guard self === interpreter.threadRegistry.mainThread else {
            throw .valueError("set_wakeup_fd only works in main thread of the main interpreter")
        }
        guard let fd = Int32(exactly: descriptor) else { throw .overflowError("Python int too large to convert to C int") }
        if fd != -1 {
            var status = stat()
            guard fstat(fd, &status) == 0 else { throw interpreter.errnoError(errno) }
            let flags = fcntl(fd, F_GETFL)
            if flags < 0 { throw interpreter.errnoError(errno) }
            if flags & O_NONBLOCK == 0 { throw .valueError("the fd \(fd) must be in non-blocking mode") }
        }
        let old = SignalTrap.wakeupDescriptor
        SignalTrap.setWakeupDescriptor(fd)
        return .int(Int(old))
    }

    /// A set of the signal numbers in `set`.
    func signalSet(_ set: sigset_t) throws(EvalError) -> Value {
        var copy = set
        var members: [Value] = []
        for number in 1..<SignalTrap.count where sigismember(&copy, Int32(number)) == 1 { members.append(.int(number)) }
        let list = interpreter.newList(members)
        defer { list.release() }
        return try newSet(interpreter.types.set, from: list)
    }

    /// An iterable of signal numbers as a `sigset_t`.
    func signalSetArgument(_ value: Value) throws(EvalError) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        try forEach(value) { item throws(EvalError) in
            let number = try cLong(item)
            guard number >= 1 && number < SignalTrap.count else {
                throw .valueError("signal number \(number) out of range [1; \(SignalTrap.count - 1)]")
            }
            sigaddset(&set, Int32(number))
        }
        return set
    }

    /// Seconds (float or int) as a `timeval`.
    func timeval(_ value: Value) throws(EvalError) -> Glibc.timeval {
        let seconds = try floatArgument(value)
        let whole = seconds.rounded(.down)
        var micro = ((seconds - whole) * 1e6).rounded()
        var secs = Int(whole)
        if micro >= 1e6 { secs += 1; micro -= 1e6 }
        return Glibc.timeval(tv_sec: secs, tv_usec: Int(micro))
    }

    func itimerError(_ code: Int32) -> EvalError {
        let type = interpreter.itimerErrorType
        do throws(EvalError) {
            let message = interpreter.newString(String(cString: strerror(code)))
            defer { message.release() }
            let exception = try call(type.value, [.int(Int(code)), message])
            guard case .object(let reference) = exception else { return .runtimeError("itimer_error") }
            return .exception(reference)
        } catch {
            return error
        }
    }
}
