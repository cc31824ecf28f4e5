import GarterSyntax

/// The symbol table of a module: one `Scope` per module, class, function,
/// lambda and comprehension, each knowing where every name it sees lives.
/// It behaves as CPython 3.11's (Python/symtable.c, the `symtable` module),
/// and gives the code generator what it needs per scope: the parameters in
/// order, the cell and free variables in `co_cellvars`/`co_freevars` order,
/// and the scope of every name.
///
///     let table = try SymbolTable.build(module, source: source)
///     let function = table.scope(for: functionDef.range)!
///     table[function].resolvedScope(of: "x")   // .local, .cell, .free, ...
///
/// Names are stored mangled: the code generator mangles a private name
/// (`NameMangling.mangle`) before looking it up, as CPython's does.
public struct SymbolTable: Sendable {
    /// Every scope, module first, then depth first in source order: a
    /// scope comes before the scopes inside it.
    public let scopes: [Scope]
    /// The `from __future__` features the module imports.
    public let future: FutureFeatures
    /// The scope made by each function, class, lambda and comprehension node.
    private let scopeByRange: [SourceRange: ScopeID]

    /// The module's scope.
    public static let topID: ScopeID = 0
    public var top: Scope { scopes[Self.topID] }

    public subscript(id: ScopeID) -> Scope { scopes[id] }

    /// The scope made by the node at `range`: a `def`, `class`, `lambda` or
    /// comprehension. No other two such nodes share a range (each starts
    /// at its own keyword or bracket); should two ever do, they are copies
    /// of the same text in the same place and so have equal scopes, and the
    /// first is returned.
    public func scope(for range: SourceRange) -> ScopeID? {
        scopeByRange[range]
    }

    /// Builds the table of `module`, reading its `from __future__` imports
    /// first. Throws the first SyntaxError CPython's future.c or symtable.c
    /// would raise.
    public static func build(_ module: Module, source: SourceBuffer) throws(SyntaxError) -> SymbolTable {
        let future = try FutureFeatures.parse(module, source: source)
        return try build(module, source: source, future: future)
    }

    /// Builds the table of `module` with the given future features.
    public static func build(_ module: Module, source: SourceBuffer, future: FutureFeatures) throws(SyntaxError) -> SymbolTable {
        let scopes = try SymbolTableBuilder.scopes(of: module, source: source, future: future)
        try ScopeAnalysis.resolveNames(in: scopes, source: source)

        var scopeByRange = [SourceRange: ScopeID](minimumCapacity: scopes.count)
        for id in scopes.indices {
            scopes[id].listClosureVariables()
            if id != topID && scopeByRange[scopes[id].range] == nil {
                scopeByRange[scopes[id].range] = id
            }
        }
        return SymbolTable(scopes: scopes, future: future, scopeByRange: scopeByRange)
    }
}

extension Scope {
    /// Fills in `cellVariables` and `freeVariables` once every name has its
    /// scope, in the order CPython's compiler gives them (sorted by code point).
    func listClosureVariables() {
        var cells = [String]()
        var frees = [String]()
        for symbol in symbols {
            if symbol.scope == .cell { cells.append(symbol.name) }
            if symbol.scope == .free || symbol.flags.contains(.freeInClass) { frees.append(symbol.name) }
        }
        if needsClassClosure { cells.append("__class__") }
        let byCodePoint: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        cellVariables = cells.sorted(by: byCodePoint)
        freeVariables = frees.sorted(by: byCodePoint)
    }
}
