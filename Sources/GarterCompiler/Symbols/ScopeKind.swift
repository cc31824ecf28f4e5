/// The kinds of scope (CPython's block types). Lambdas and comprehensions
/// are function scopes: in 3.11 each comprehension is compiled as a nested
/// function that receives the outermost iterator as its parameter `.0`.
public enum ScopeKind: Sendable {
    case module
    case `class`
    case function
    /// The names of an annotation under `from __future__ import annotations`:
    /// the annotation becomes a string, so its names are collected here and
    /// thrown away. Such a scope is never part of a finished table; it exists
    /// while the builder walks the annotation so that the walk's checks
    /// (no `yield`, `await` or walrus in an annotation) still apply.
    case annotation

    /// The name `symtable.SymbolTable.get_type()` returns.
    public var typeName: String {
        switch self {
        case .module: return "module"
        case .class: return "class"
        case .function: return "function"
        case .annotation: return "annotation"
        }
    }
}

/// Which comprehension a comprehension scope was made for.
public enum ComprehensionKind: Sendable {
    case list, set, dict, generator

    /// The scope's name, which is also the code object's name.
    var scopeName: String {
        switch self {
        case .list: return "listcomp"
        case .set: return "setcomp"
        case .dict: return "dictcomp"
        case .generator: return "genexpr"
        }
    }

    /// The end of CPython's "'yield' inside ..." message.
    var description: String {
        switch self {
        case .list: return "list comprehension"
        case .set: return "set comprehension"
        case .dict: return "dict comprehension"
        case .generator: return "generator expression"
        }
    }
}
