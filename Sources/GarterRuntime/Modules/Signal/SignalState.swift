#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One interpreter's Python signal handlers (CPython's `Handlers[n].func`):
/// what `signal.getsignal` returns and what the main thread calls when the
/// C handler (`SignalTrap`) marked a signal. Touched only with the GIL.
public final class SignalState {
    /// Per signal number: the handler (owned), or nil for None (a
    /// disposition Python did not set and that is neither SIG_DFL nor
    /// SIG_IGN). Filled from the process's dispositions on first use.
    var handlers: [Value?] = []
    /// `_signal.default_int_handler` (owned once made).
    var defaultIntHandler: Value?

    init() {}

    /// Reads the process's dispositions once (SIG_DFL as 0, SIG_IGN as 1).
    func loadHandlers() {
        guard handlers.isEmpty else { return }
        handlers = [Value?](repeating: nil, count: SignalTrap.count)
        for number in 1..<SignalTrap.count {
            if let disposition = SignalTrap.currentDisposition(Int32(number)) { handlers[number] = .int(disposition) }
        }
    }

    /// Replaces the handler of `number`; returns the old one (owned; None
    /// when there was none). Takes over `handler`.
    func exchange(_ number: Int, _ handler: Value) -> Value {
        loadHandlers()
        let old = handlers[number] ?? .none
        handlers[number] = handler
        return old
    }
}

extension Interpreter {
    /// `_signal.default_int_handler`: raises KeyboardInterrupt.
    func defaultIntHandler() -> Value {
        if let made = signals.defaultIntHandler { return made }
        let function = PyBuiltinFunction(name: "default_int_handler", type: types.builtinFunction, moduleName: "_signal") {
            _, _ throws(EvalError) in
            throw .withArguments("KeyboardInterrupt", [])
        }
        let value = Value.object(ObjectRef.allocate(function))
        signals.defaultIntHandler = value
        return value
    }

    /// What CPython does at start-up (`signal_install_handlers`): SIGPIPE
    /// and SIGXFSZ ignored (errors come back as EPIPE/EFBIG), and SIGINT
    /// handled by `default_int_handler`, so Ctrl-C raises KeyboardInterrupt
    /// in the main thread. `thread` is the main thread.
    public func installStartupSignalHandlers(_ thread: ThreadState) {
        SignalTrap.setMainBreaker(thread.evalBreaker)
        _ = SignalTrap.setDisposition(SIGPIPE, ignore: true)
        _ = SignalTrap.setDisposition(SIGXFSZ, ignore: true)
        signals.loadHandlers()
        guard SignalTrap.currentDisposition(SIGINT) == 0 else { return }
        let handler = defaultIntHandler()
        handler.retain()
        if SignalTrap.install(SIGINT) {
            signals.exchange(Int(SIGINT), handler).release()
        } else {
            handler.release()
        }
    }

    /// Runs the Python handlers of the signals that arrived (CPython's
    /// `_PyErr_CheckSignalsTstate`), on the main thread. A handler that
    /// raises stops the run; the signals after it stay pending.
    func runSignalHandlers(_ thread: ThreadState) throws(EvalError) {
        guard SignalTrap.anyPending, thread === threadRegistry.mainThread else { return }
        guard SignalTrap.beginTaking() else { return }
        signals.loadHandlers()
        for number in 1..<SignalTrap.count where SignalTrap.take(number) {
            guard let handler = signals.handlers[number], !handler.isNone else { continue }
            if case .int = handler { continue }
            handler.retain()
            defer { handler.release() }
            var frame = Value.none
            if let current = thread.currentFrame {
                let object = thread.frameObject(for: current)
                object.incref()
                frame = .object(ObjectRef(Unmanaged.passUnretained(object)))
            }
            defer { frame.release() }
            do throws(EvalError) {
                try thread.call(handler, [.int(number), frame]).release()
            } catch {
                for later in (number + 1)..<SignalTrap.count where SignalTrap.take(later) {
                    SignalTrap.markPending(later)
                }
                throw error
            }
        }
    }

    /// `PyErr_CheckSignals` for code that left a blocking call with EINTR:
    /// clears the breaker bit and runs what is pending.
    func checkSignals(_ thread: ThreadState) throws(EvalError) {
        if thread.evalBreaker.contains(.signalsPending) { try handlePendingSignals(thread) }
    }
}
