import GarterSyntax

/// Why a module could not be compiled.
public enum CompileError: Error {
    /// A SyntaxError found by the compiler (`'return' outside function`, ...)
    /// or by the symbol table.
    case syntax(SyntaxError)
    /// A construct the code generator does not handle yet, and where it is.
    case unsupported(String, SourceRange)
}
