import GarterSyntax

/// Why a module could not be compiled.
public enum CompileError: Error {
    /// A SyntaxError found by the compiler (`'return' outside function`, ...)
    /// or by the symbol table.
    case syntax(SyntaxError)
    /// Kept for callers that still match on it; the code generator covers the
    /// whole language and never throws it.
    case unsupported(String, SourceRange)
}
