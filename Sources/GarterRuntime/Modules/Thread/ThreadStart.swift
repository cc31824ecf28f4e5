#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `_thread.start_new_thread`: a real OS thread with its own `ThreadState`,
// which attaches to the GIL, runs the function, and detaches
// (docs/gil.md, "A thread's life").

/// What a new thread needs, handed from the parent to the child. The Python
/// references are owned (taken by the parent under the GIL) and given back
/// by the child, also under the GIL.
final class ThreadBootstrap: @unchecked Sendable {
    let interpreter: Interpreter
    let output: OutputBuffer
    let name: String
    let function: Value
    let arguments: Value
    let keywords: Value?

    init(interpreter: Interpreter, output: OutputBuffer, name: String, function: Value, arguments: Value, keywords: Value?) {
        self.interpreter = interpreter
        self.output = output
        self.name = name
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    /// The body of the new OS thread.
    func run() {
        // Made here rather than by the parent so that the GIL's record of the
        // thread carries this thread's own identifier.
        let state = ThreadState(interpreter: interpreter, output: output, name: name)
        let gil = interpreter.gil
        gil.attach(state.gilThread)
        // Objects dying on this thread find it to run `__del__`, forget weak
        // references and ask for cycle collections.
        Finalization.setCurrent(state)
        interpreter.threadRegistry.runningThreads[ObjectIdentifier(state)] = Unmanaged.passUnretained(state)
        do throws(EvalError) {
            let result = try state.callUnpacking(function, arguments, keywords)
            result.release()
        } catch {
            state.reportThreadFailure(error, function: function)
        }
        function.release()
        arguments.release()
        keywords?.release()
        interpreter.threadRegistry.threadEnded(state)
        Finalization.setCurrent(nil)
        gil.detach(state.gilThread)
    }
}

extension Interpreter {
    /// Starts `function(*arguments, **keywords)` on a new OS thread and
    /// returns its identifier (`_thread.get_ident()` in that thread). The
    /// values are borrowed; the thread keeps its own references.
    func startThread(from parent: ThreadState, function: Value, arguments: Value, keywords: Value?) throws(EvalError) -> UInt64 {
        let name = parent.threadDisplayName(for: function)
        function.retain()
        arguments.retain()
        keywords?.retain()
        let bootstrap = ThreadBootstrap(interpreter: self, output: parent.output, name: name,
                                        function: function, arguments: arguments, keywords: keywords)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let stackSize = threadRegistry.stackSize == 0 ? ThreadRegistry.defaultStackSize : threadRegistry.stackSize
        pthread_attr_setstacksize(&attributes, stackSize)
        // Nobody joins OS threads: Python code waits with locks.
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(bootstrap).toOpaque()
        threadRegistry.startedThreadCount += 1
        #if canImport(Darwin)
        var handle: pthread_t?
        #else
        var handle = pthread_t()
        #endif
        let status = pthread_create(&handle, &attributes, { context in
            Unmanaged<ThreadBootstrap>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard status == 0 else {
            threadRegistry.startedThreadCount -= 1
            Unmanaged<ThreadBootstrap>.fromOpaque(context).release()
            function.release()
            arguments.release()
            keywords?.release()
            throw .runtimeError("can't start new thread")
        }
        #if canImport(Darwin)
        return UInt64(UInt(bitPattern: handle))
        #else
        return UInt64(handle)
        #endif
    }
}

extension ThreadRegistry {
    /// A thread started by `_thread` is about to leave the GIL for good: its
    /// `_thread._local` dicts go now (it still holds the GIL).
    func threadEnded(_ thread: ThreadState) {
        startedThreadCount -= 1
        runningThreads[ObjectIdentifier(thread)] = nil
        if let locks = sentinels.removeValue(forKey: ObjectIdentifier(thread)) {
            for lock in locks {
                _ = lock.as(PyThreadLockObject.self)?.lock.release()
                lock.release()
            }
        }
        for local in Array(threadLocals.values) {
            local._withUnsafeGuaranteedRef { $0.forget(thread) }
        }
    }
}

extension ThreadState {
    /// `function(*arguments, **keywords)` (a tuple and a dict or nil).
    func callUnpacking(_ function: Value, _ arguments: Value, _ keywords: Value?) throws(EvalError) -> Value {
        var values = arguments.as(PyTuple.self)?.items ?? []
        var names: [Value] = []
        if let dict = keywords?.as(PyDict.self) {
            for (key, value) in dict.pairs {
                guard key.strObject != nil else { throw .typeError("keywords must be strings") }
                names.append(key)
                values.append(value)
            }
        }
        if names.isEmpty { return try call(function, values) }
        for name in names { name.retain() }
        let keywordNames = interpreter.newTuple(names)
        defer { keywordNames.release() }
        return try Arguments.with(values, keywordNames: keywordNames.as(PyTuple.self)) { (arguments) throws(EvalError) -> Value in
            try call(function, arguments)
        }
    }

    /// What the GIL's statistics and trace call a new thread: a
    /// `threading.Thread`'s name when `function` is its bound `_bootstrap`
    /// method, else the function's qualified name. Never fails.
    func threadDisplayName(for function: Value) -> String {
        if let method = function.as(PyMethod.self),
           let text = attributeText(method.receiver, "_name") {
            return text
        }
        return attributeText(function, "__qualname__") ?? attributeText(function, "__name__") ?? "thread"
    }

    /// A str attribute's text; nil when it is missing, not a str, or
    /// looking it up failed (the error is dropped).
    func attributeText(_ object: Value, _ name: String) -> String? {
        do throws(EvalError) {
            guard let value = try lookupAttribute(object, interpreter.internedString(name)) else { return nil }
            defer { value.release() }
            return value.stringValue
        } catch {
            error.discard()
            return nil
        }
    }

    /// An exception nobody caught in a thread started by `_thread`:
    /// SystemExit ends the thread silently; anything else goes to
    /// `sys.unraisablehook`, whose default prints "Exception ignored in
    /// thread started by: ..." and the traceback on standard error.
    func reportThreadFailure(_ error: EvalError, function: Value) {
        let exception = Value.object(normalize(error, newlyRaised: false))
        defer { exception.release() }
        if let systemExit = interpreter.types.exceptions["SystemExit"], typeOf(exception).isSubtype(of: systemExit) {
            return
        }
        writeUnraisable(exception, message: "Exception ignored in thread started by", object: function)
    }

    /// Writes to `sys.stderr` when it exists (so redirections made by Python
    /// code apply), else straight to file descriptor 2.
    func writeToStandardError(_ text: String) {
        output.flush()
        if let sys = interpreter.modules.lookup(name: "sys")?.as(PyModule.self),
           let stream = sys.dict.lookup(name: "stderr"), !stream.isNone {
            let string = interpreter.newString(text)
            defer { string.release() }
            do throws(EvalError) {
                try callMethod(stream, interpreter.internedString("write"), [string]).release()
            } catch {
                error.discard()
                interpreter.writeStandardError(text)
                return
            }
            do throws(EvalError) {
                try callMethod(stream, interpreter.internedString("flush"), []).release()
            } catch {
                error.discard()
            }
            return
        }
        interpreter.writeStandardError(text)
    }
}
