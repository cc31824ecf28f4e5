#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `_thread`: CPython 3.11's low-level threading API, enough for CPython's own
// `threading.py` and `queue.py` to run unmodified. Threads are real OS
// threads, each with its own `ThreadState`, sharing the interpreter's GIL
// (Modules/Thread/ThreadStart.swift); lock waits release the GIL
// (Modules/Thread/LockTimeout.swift).

extension Interpreter {
    /// `_thread._ExceptHookArgs`.
    static let exceptHookArguments = StructSequenceDescription(
        fullName: "_thread._ExceptHookArgs", fields: ["exc_type", "exc_value", "exc_traceback", "thread"], visibleCount: 4)

    /// CPython's `_thread.TIMEOUT_MAX` on 64-bit Linux.
    static let threadTimeoutMax = 9_223_372_036.0

    func makeThreadModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_thread", doc: "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.") { module, define throws(EvalError) in
            let dict = module.dict
            threadLockType.incref()
            setItem(dict, "LockType", threadLockType.value)
            threadRLockType.incref()
            setItem(dict, "RLock", threadRLockType.value)
            threadLocalType.incref()
            setItem(dict, "_local", threadLocalType.value)
            let hookArguments = structSequenceType(Interpreter.exceptHookArguments)
            hookArguments.incref()
            setItem(dict, "_ExceptHookArgs", hookArguments.value)
            let runtimeError = types.exceptions["RuntimeError"]!
            runtimeError.incref()
            setItem(dict, "error", runtimeError.value)
            setItem(dict, "TIMEOUT_MAX", .float(Interpreter.threadTimeoutMax))

            let start: PyBuiltinFunction.Body = { thread, arguments throws(EvalError) in
                try arguments.rejectKeywords("start_new_thread")
                try arguments.expect("start_new_thread", 2...3)
                let function = arguments[0], tuple = arguments[1]
                let keywords: Value? = arguments.positionalCount > 2 ? arguments[2] : nil
                guard thread.isCallable(function) else { throw .typeError("first arg must be callable") }
                guard tuple.as(PyTuple.self) != nil else { throw .typeError("2nd arg must be a tuple") }
                if let keywords, keywords.as(PyDict.self) == nil {
                    throw .typeError("optional 3rd arg must be a dictionary")
                }
                if thread.interpreter.gil.isFinalizing {
                    throw .runtimeError("can't create new thread at interpreter shutdown")
                }
                let ident = try thread.interpreter.startThread(from: thread, function: function, arguments: tuple,
                                                               keywords: keywords)
                return thread.interpreter.identValue(ident)
            }
            define("start_new_thread", start)
            define("start_new", start)
            let allocate: PyBuiltinFunction.Body = { thread, arguments throws(EvalError) in
                try arguments.expect("allocate_lock", 0...0)
                return thread.interpreter.newThreadLock()
            }
            define("allocate_lock", allocate)
            define("allocate", allocate)
            let exit: PyBuiltinFunction.Body = { _, arguments throws(EvalError) in
                try arguments.expect("exit", 0...0)
                throw .withArguments("SystemExit", [])
            }
            define("exit", exit)
            define("exit_thread", exit)
            define("get_ident") { thread, arguments throws(EvalError) in
                try arguments.expect("get_ident", 0...0)
                return thread.interpreter.identValue(thread.gilThread.ident)
            }
            define("get_native_id") { _, arguments throws(EvalError) in
                try arguments.expect("get_native_id", 0...0)
                return .int(Interpreter.nativeThreadID())
            }
            define("_count") { thread, arguments throws(EvalError) in
                try arguments.expect("_count", 0...0)
                return .int(thread.interpreter.threadRegistry.startedThreadCount)
            }
            define("daemon_threads_allowed") { _, arguments throws(EvalError) in
                try arguments.expect("daemon_threads_allowed", 0...0)
                return .bool(true)
            }
            define("stack_size") { thread, arguments throws(EvalError) in
                try arguments.expect("stack_size", 0...1)
                let registry = thread.interpreter.threadRegistry
                let old = registry.stackSize
                if arguments.positionalCount == 1 {
                    let size = try thread.cLong(arguments[0])
                    if size < 0 { throw .valueError("size must be 0 or a positive value") }
                    if size != 0 && size < 32768 { throw .valueError("size not valid: \(size) bytes") }
                    registry.stackSize = size
                }
                return .int(old)
            }
            define("interrupt_main") { thread, arguments throws(EvalError) in
                try arguments.expect("interrupt_main", 0...1)
                let signal = arguments.positionalCount == 1 ? try thread.cLong(arguments[0]) : Int(SIGINT)
                guard signal >= 1 && signal < 65 else { throw .valueError("signal number out of range") }
                try thread.interpreter.interruptMainThread(signal: signal, from: thread)
                return .none
            }
            define("_set_sentinel") { thread, arguments throws(EvalError) in
                try arguments.expect("_set_sentinel", 0...0)
                let lock = thread.interpreter.newThreadLock()
                lock.retain()
                thread.interpreter.threadRegistry.sentinels[ObjectIdentifier(thread), default: []].append(lock)
                return lock
            }
            define("_excepthook") { thread, arguments throws(EvalError) in
                try arguments.expect("_excepthook", 1...1)
                try thread.threadExceptHook(arguments[0])
                return .none
            }
        }
    }

    /// The kernel's identifier of the calling thread (`get_native_id()`).
    static func nativeThreadID() -> Int {
        #if canImport(Darwin)
        var id: UInt64 = 0
        pthread_threadid_np(nil, &id)
        return Int(id)
        #else
        // Glibc's gettid() is not visible to Swift; /proc/thread-self
        // links to "<pid>/task/<tid>".
        var buffer = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard length > 0 else { return Int(getpid()) }
        let text = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.split(separator: "/").last ?? "") ?? Int(getpid())
        #endif
    }

    /// `_thread.interrupt_main(signum)`, CPython's `PyErr_SetInterruptEx`:
    /// simulates the arrival of `signal`, whose Python handler then runs in
    /// the main thread at its next eval-breaker check (at once, if it is the
    /// caller). A signal that Python does not handle (SIG_DFL, SIG_IGN, or
    /// no handler set by Python) is ignored, as CPython does. The SIGINT
    /// handler installed at start-up is `default_int_handler`, which raises
    /// KeyboardInterrupt.
    func interruptMainThread(signal: Int, from thread: ThreadState) throws(EvalError) {
        guard let main = threadRegistry.mainThread else { return }
        signals.loadHandlers()
        guard let handler = signals.handlers[signal], !handler.isNone else { return }
        if case .int = handler { return }
        SignalTrap.markPending(signal)
        main.evalBreaker.raise(.signalsPending)
        // CPython checks its eval breaker right after a call returns;
        // Garter checks at calls and backward jumps, so a caller that is
        // the main thread runs the handler here, on the same line as CPython.
        if main === thread { try handlePendingSignals(thread) }
    }

    /// The eval breaker's `signalsPending` bit was seen by `thread`: runs
    /// what is pending (the main thread only, as in CPython).
    public func handlePendingSignals(_ thread: ThreadState) throws(EvalError) {
        guard thread === threadRegistry.mainThread else {
            thread.evalBreaker.clear(.signalsPending)
            return
        }
        thread.evalBreaker.clear(.signalsPending)
        try runSignalHandlers(thread)
    }
}

extension ThreadState {
    func isCallable(_ value: Value) -> Bool {
        let type = typeOf(value)
        let types = interpreter.types
        return type.slots.call != nil || type === types.function || type === types.builtinFunction
            || type === types.method || type === types.methodDescriptor
    }

    /// `_thread._excepthook(args)`: what `threading.excepthook` does by
    /// default, with CPython 3.11's text.
    func threadExceptHook(_ arguments: Value) throws(EvalError) {
        let hookType = interpreter.structSequenceType(Interpreter.exceptHookArguments)
        guard typeOf(arguments) === hookType, let fields = arguments.as(PyTuple.self), fields.count == 4 else {
            throw .typeError("_thread.excepthook argument type must be ExceptHookArgs")
        }
        let exceptionType = fields.items[0], exception = fields.items[1], pythonThread = fields.items[3]
        if let type = exceptionType.as(PyType.self), let systemExit = interpreter.types.exceptions["SystemExit"],
           type.isSubtype(of: systemExit) {
            return
        }
        var name: Value?
        if !pythonThread.isNone {
            name = try lookupAttribute(pythonThread, interpreter.internedString("name"))
        }
        defer { name?.release() }
        var text = "Exception in thread "
        if let name { text += try strText(name) } else { text += "\(gilThread.ident)" }
        text += ":\n"
        if exception.as(PyBaseException.self) != nil {
            text += formatException(exception)
        } else {
            text += (try strText(exceptionType)) + "\n"
        }
        writeToStandardError(text)
    }
}
