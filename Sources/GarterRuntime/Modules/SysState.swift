/// What the `sys` module keeps besides the names in its dict: the objects
/// the runtime must recognise (the original standard streams and hooks, to
/// take fast paths while user code has not replaced them) and settings that
/// are not plain attributes. One per interpreter (`interpreter.sys`).
public final class SysState {
    /// The module (one counted reference, held for the interpreter's life).
    public let module: PyModule
    public let configuration: SysConfiguration
    /// The stream objects `sys` started with (`sys.__stdout__`, ...).
    public let standardInput: PyStandardStream
    public let standardOutput: PyStandardStream
    public let standardError: PyStandardStream
    /// `sys.__displayhook__` and `sys.__excepthook__` (immortal).
    var originalDisplayHook: Value = .none
    var originalExceptHook: Value = .none
    /// `sys.settrace` / `sys.setprofile` functions (owned; None when unset).
    /// Kept per interpreter until threads exist; the eval loop will read them.
    public internal(set) var traceFunction: Value = .none
    public internal(set) var profileFunction: Value = .none
    /// `sys.addaudithook` hooks (owned), called in order by `sys.audit`.
    var auditHooks: [Value] = []

    /// Interned keys of the attributes the runtime reads on hot paths.
    let stdoutKey, stderrKey, displayHookKey: PyStr
    private let interpreter: Unmanaged<Interpreter>

    init(interpreter: Interpreter, module: PyModule, configuration: SysConfiguration, standardInput: PyStandardStream,
         standardOutput: PyStandardStream, standardError: PyStandardStream) {
        self.interpreter = Unmanaged.passUnretained(interpreter)
        stdoutKey = interpreter.internedString("stdout")
        stderrKey = interpreter.internedString("stderr")
        displayHookKey = interpreter.internedString("displayhook")
        self.module = module
        self.configuration = configuration
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// The current value of `sys.NAME` (borrowed), if set.
    public func attribute(_ name: String) -> Value? {
        module.dict.lookup(string: interpreter.takeUnretainedValue().internedString(name))
    }

    func attribute(_ key: PyStr) -> Value? {
        module.dict.lookup(string: key)
    }
}
