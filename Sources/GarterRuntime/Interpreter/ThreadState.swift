/// The state of one thread running Python code in an interpreter.
public final class ThreadState {
    public let interpreter: Interpreter
    /// Where `print` writes (sys.stdout until `sys` exists).
    public let output: OutputBuffer

    /// Set by other threads (GIL drop requests, signals, pending calls) and
    /// checked by the evaluation loop on backward jumps and calls. A plain
    /// word until threads exist; it becomes an atomic then.
    @exclusivity(unchecked)
    var evalBreaker: Int = 0

    /// How many Python frames are running, against `recursionLimit`.
    @exclusivity(unchecked)
    var depth = 0
    /// `sys.getrecursionlimit()`.
    public var recursionLimit = 1000

    public init(interpreter: Interpreter, output: OutputBuffer = OutputBuffer.standardOutput()) {
        self.interpreter = interpreter
        self.output = output
    }
}
