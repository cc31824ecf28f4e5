/// Where a name lives at run time, as decided by the second pass of the
/// symbol table. The raw values are CPython's (`symtable.LOCAL` ... `CELL`).
public enum SymbolScope: UInt8, Sendable {
    /// A fast local of a function, or a name in a module or class namespace.
    case local = 1
    /// Declared `global`.
    case globalExplicit = 2
    /// Not bound in any enclosing function: a global or a builtin.
    case globalImplicit = 3
    /// Bound in an enclosing function and read through a closure cell.
    case free = 4
    /// A local that an inner function reads as a free variable, so it lives in a cell.
    case cell = 5
}
