import GarterSyntax

/// Index of a scope in `SymbolTable.scopes`.
public typealias ScopeID = Int

/// One scope of a symbol table (CPython's symbol table entry): a module,
/// class body, function, lambda or comprehension, with its names in the
/// order the walk first met them.
///
/// A class rather than a struct because the two passes update scopes in
/// place, many times per name, and reading a field of a struct held in an
/// array copies the whole struct. It is only changed while the table is
/// being built, by one thread, never through overlapping accesses (hence
/// `@exclusivity(unchecked)`, which saves a runtime check per access); once
/// `SymbolTable.build` has returned it is read-only, hence `@unchecked Sendable`.
public final class Scope: @unchecked Sendable {
    public let kind: ScopeKind
    /// `top` for the module, the function or class name (not mangled),
    /// `lambda`, or `listcomp`/`setcomp`/`dictcomp`/`genexpr`.
    public let name: String
    /// The range of the node that makes the scope (0 for the module). A
    /// decorated definition starts at `def`/`class`, as in CPython's AST.
    public let range: SourceRange
    /// Inside a function (at any depth): its free names may come from an
    /// enclosing function.
    public let isNested: Bool
    /// Nested scopes in source order (the order CPython's walk made them).
    @exclusivity(unchecked) public internal(set) var children: [ScopeID] = []

    /// Every name, in the order `symtable.SymbolTable.get_identifiers()`
    /// gives: first use or binding during the walk, then the free names
    /// the analysis passes through (a method's free name that this scope
    /// neither binds nor uses), sorted.
    @exclusivity(unchecked) public internal(set) var symbols: [Symbol] = []
    /// Where each name is in `symbols`.
    @exclusivity(unchecked) var symbolIndex = NameIndex()

    /// The parameters in `co_varnames` order: positional-only, positional,
    /// keyword-only, `*args`, `**kwargs`; `.0` for a comprehension.
    @exclusivity(unchecked) public internal(set) var parameters: [String] = []
    /// The cells the scope's code creates, in `co_cellvars` order (sorted).
    /// A class whose methods use `__class__` (or `super()`) has exactly `__class__`.
    @exclusivity(unchecked) public internal(set) var cellVariables: [String] = []
    /// The closure names the scope's code receives, in `co_freevars` order
    /// (sorted). For a class this includes its own names that methods also
    /// close over (`SymbolFlags.freeInClass`), as CPython's compiler does.
    @exclusivity(unchecked) public internal(set) var freeVariables: [String] = []

    @exclusivity(unchecked) public internal(set) var comprehension: ComprehensionKind?
    /// Contains `yield` (or is a generator expression).
    @exclusivity(unchecked) public internal(set) var isGenerator = false
    /// An `async def`, or contains `await` or `async for`/`async with`
    /// comprehensions (the code generator decides what that makes of a
    /// comprehension).
    @exclusivity(unchecked) public internal(set) var isCoroutine = false
    @exclusivity(unchecked) public internal(set) var hasVarargs = false
    @exclusivity(unchecked) public internal(set) var hasVarkeywords = false
    /// Has a `return` with a value.
    @exclusivity(unchecked) public internal(set) var returnsValue = false
    /// A class whose methods use `__class__`: its body must create that cell.
    @exclusivity(unchecked) public internal(set) var needsClassClosure = false
    /// Reads a name from an enclosing function (or, nested, a global).
    @exclusivity(unchecked) public internal(set) var hasFreeVariables = false
    /// Some scope inside it has free variables.
    @exclusivity(unchecked) public internal(set) var childHasFreeVariables = false

    /// `global`/`nonlocal` statements (and walrus targets in comprehensions,
    /// which act like them), kept to place the analysis pass's errors.
    @exclusivity(unchecked) var directives: [(name: String, range: SourceRange)] = []

    init(kind: ScopeKind, name: String, range: SourceRange, isNested: Bool) {
        self.kind = kind
        self.name = name
        self.range = range
        self.isNested = isNested
    }

    /// The first line of the scope, as `symtable.SymbolTable.get_lineno()`.
    public var lineno: Int { Int(range.lineno) }

    /// Function scopes keep their locals in fast slots (`co_flags` OPTIMIZED).
    public var isOptimized: Bool { kind == .function }

    /// The symbol for `name` (already mangled), if the scope has one.
    public func symbol(named name: String) -> Symbol? {
        symbolIndex.position(of: name, in: symbols).map { symbols[$0] }
    }

    /// Where `name` (already mangled) lives, or nil if the scope never sees it.
    public func resolvedScope(of name: String) -> SymbolScope? {
        symbolIndex.position(of: name, in: symbols).map { symbols[$0].scope }
    }

    /// The flags of `name`, empty if the scope has no such symbol.
    func flags(of name: String) -> SymbolFlags {
        if let index = symbolIndex.position(of: name, in: symbols) { return symbols[index].flags }
        return []
    }

    /// Adds `flags` to `name`'s symbol, making the symbol if needed;
    /// returns the flags the symbol had before (none for a new one).
    @discardableResult
    func addFlags(_ flags: SymbolFlags, to name: String) -> SymbolFlags {
        let index = symbolIndex.position(of: name, addingIfAbsentTo: symbols)
        if index == symbols.count {
            symbols.append(Symbol(name: name, flags: flags))
            return []
        }
        let old = symbols[index].flags
        symbols[index].flags.formUnion(flags)
        return old
    }

    /// Appends a symbol the analysis pass found (a free name passing through).
    func appendSymbol(_ symbol: Symbol) {
        _ = symbolIndex.position(of: symbol.name, addingIfAbsentTo: symbols)
        symbols.append(symbol)
    }


    /// Where the first directive about `name` is.
    func directiveRange(for name: String) -> SourceRange? {
        directives.first { $0.name == name }?.range
    }
}
