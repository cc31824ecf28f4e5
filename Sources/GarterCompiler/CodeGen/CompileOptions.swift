/// How `compile()` was asked to compile: the mode and the optimization level.
public struct CompileOptions: Sendable {
    public enum Mode: Sendable {
        /// A module (`exec`).
        case exec
        /// One expression whose value the code returns (`eval`).
        case eval
        /// Interactive statements: expression statements print their value.
        case single
    }

    public var mode: Mode
    /// `-O` level: 1 drops `assert` and makes `__debug__` False; 2 also drops docstrings.
    public var optimize: Int

    public init(mode: Mode = .exec, optimize: Int = 0) {
        self.mode = mode
        self.optimize = optimize
    }
}
