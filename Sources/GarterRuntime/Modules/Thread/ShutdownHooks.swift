// What the interpreter does when `__main__` is done, before it is torn down
// (CPython's Py_FinalizeEx order): wait for the non-daemon threads of
// `threading` (its `_shutdown()`, if `threading` was imported), then stop
// every other thread from ever running Python code again.

extension Interpreter {
    /// Called by `runMain` on the main thread, holding the GIL, after the
    /// main module finished (normally or not).
    public func runShutdownHooks(_ thread: ThreadState) {
        if let threading = modules.lookup(name: "threading"), !threading.isNone {
            do throws(EvalError) {
                if let shutdown = try thread.lookupAttribute(threading, internedString("_shutdown")) {
                    defer { shutdown.release() }
                    try thread.call(shutdown, []).release()
                }
            } catch {
                let exception = Value.object(thread.normalize(error, newlyRaised: false))
                defer { exception.release() }
                var name = "<module 'threading'>"
                do throws(EvalError) {
                    name = try thread.reprText(threading)
                } catch {
                    error.discard()
                }
                thread.writeToStandardError("Exception ignored in: \(name)\n" + thread.formatException(exception))
            }
        }
        // Then the `atexit` callbacks, as in CPython's Py_FinalizeEx.
        runAtexitCallbacks(thread)
        // Daemon threads that come back for the GIL from now on stay parked.
        gil.beginFinalization(thread.gilThread)
    }
}
