/// The state of one thread running Python code in an interpreter.
public final class ThreadState {
    public let interpreter: Interpreter

    /// Set by other threads (GIL drop requests, signals, pending calls) and
    /// checked by the evaluation loop on backward jumps and calls. A plain
    /// word until threads exist; it becomes an atomic then.
    @exclusivity(unchecked)
    var evalBreaker: Int = 0

    public init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }
}
