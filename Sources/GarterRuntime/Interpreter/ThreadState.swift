#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of one thread running Python code in an interpreter.
public final class ThreadState {
    public let interpreter: Interpreter
    /// Where `print` writes until `sys.stdout` is a file object.
    public let output: OutputBuffer

    /// This thread as the GIL knows it (statistics, tracing, its breaker).
    public let gilThread: GILThread
    /// Set by other threads (GIL drop requests, signals, pending calls,
    /// asynchronous exceptions) and checked by the evaluation loop with one
    /// relaxed load on backward jumps and at RESUME.
    let evalBreaker: EvalBreaker

    /// How many Python frames (and Swift re-entries) are running, against `recursionLimit`.
    @exclusivity(unchecked)
    var depth = 0
    /// `sys.getrecursionlimit()`.
    public var recursionLimit = 1000
    /// While a RecursionError propagates, the limit is raised a little so
    /// handlers can run (CPython's "overflowed" state).
    var recursionHeadroom = 0

    /// The memory ordinary frames live in.
    let frameStack = FrameStack()
    /// The innermost running frame.
    @exclusivity(unchecked)
    var currentFrame: UnsafeMutablePointer<Frame>?

    /// The exceptions being handled (`sys.exc_info()`), innermost last: each
    /// `except` block pushes one (PUSH_EXC_INFO) and pops it (POP_EXCEPT).
    /// Generators keep their own while suspended.
    @exclusivity(unchecked)
    var handledExceptions: [Value] = [.none]

    /// Containers whose repr is being computed (to print `[...]` for cycles).
    var reprInProgress: Set<ObjectRef> = []
    /// The current `contextvars.Context` (owned), made on first use.
    var context: PyContext?

    public init(interpreter: Interpreter, output: OutputBuffer = OutputBuffer.standardOutput(),
                name: String = "MainThread") {
        self.interpreter = interpreter
        self.output = output
        gilThread = GILThread(name: name, ident: UInt64(UInt(bitPattern: Int(bitPattern: pthread_self()))))
        evalBreaker = gilThread.breaker
    }

    /// The exception being handled, or None (borrowed).
    public var currentHandledException: Value {
        for value in handledExceptions.reversed() where !value.isNone { return value }
        return .none
    }
}

extension Value {
    @inlinable
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
