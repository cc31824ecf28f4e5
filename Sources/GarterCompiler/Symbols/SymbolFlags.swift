/// What the first pass of the symbol table saw a name do in one scope, with
/// the bit values of CPython's `DEF_*` flags (`symtable.Symbol` exposes them,
/// and `scripts/symtable_dump.py` prints them by these names).
public struct SymbolFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Named in a `global` statement (or bound by a walrus in a module-level
    /// comprehension).
    public static let declaredGlobal = SymbolFlags(rawValue: 1)        // DEF_GLOBAL
    /// Assigned, deleted, or bound by `def`, `class`, `for`, `with`, `except`, a pattern.
    public static let assigned = SymbolFlags(rawValue: 2)              // DEF_LOCAL
    public static let parameter = SymbolFlags(rawValue: 4)             // DEF_PARAM
    /// Named in a `nonlocal` statement (or bound by a walrus in a comprehension
    /// inside a function).
    public static let declaredNonlocal = SymbolFlags(rawValue: 8)      // DEF_NONLOCAL
    /// Read.
    public static let used = SymbolFlags(rawValue: 16)                 // USE
    /// Never set by CPython 3.11; kept for the bit value.
    public static let free = SymbolFlags(rawValue: 32)                 // DEF_FREE
    /// A class-scope name that a method also uses as a free variable: the
    /// class body needs both the class-namespace and the closure binding.
    public static let freeInClass = SymbolFlags(rawValue: 64)          // DEF_FREE_CLASS
    public static let imported = SymbolFlags(rawValue: 128)            // DEF_IMPORT
    /// Target of an annotated assignment (`x: int`).
    public static let annotated = SymbolFlags(rawValue: 256)           // DEF_ANNOT
    /// Iteration variable of a comprehension.
    public static let comprehensionIterationVariable = SymbolFlags(rawValue: 512)  // DEF_COMP_ITER

    /// The flags that make a name local to its scope (DEF_BOUND).
    public static let binding: SymbolFlags = [.assigned, .parameter, .imported]
}
