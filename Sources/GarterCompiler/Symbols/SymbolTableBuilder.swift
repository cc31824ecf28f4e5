import GarterSyntax

/// The first pass of the symbol table: walks the AST once, making a scope
/// for each module, class, function, lambda and comprehension and recording
/// in each what every name does there (`SymbolFlags`). Errors that can be
/// seen during the walk are thrown from it, in source order.
///
/// The walk's order matters beyond correctness: it is the order of each
/// scope's symbols and children, which `symtable` exposes. It follows
/// CPython 3.11 (for a `def`: defaults, annotations, decorators, then the body).
struct SymbolTableBuilder {
    let source: SourceBuffer
    /// `from __future__ import annotations`: annotations are not evaluated.
    let annotationsAreStrings: Bool

    /// Every scope made so far, in the order they were opened.
    var scopes: [Scope] = []
    /// The scopes being walked, innermost last.
    var stack: [OpenScope] = []
    /// The class whose name mangles private names: the innermost class body
    /// being walked, and everything nested in it.
    var privateClassName: String?
    /// Set once a scope was made for a `from __future__ import annotations`
    /// annotation: the finished table must then leave such scopes out.
    var madeAnnotationScopes = false

    /// The part of a scope's state that only matters while it is being walked.
    struct OpenScope {
        let id: ScopeID
        /// Walking a comprehension's `for` target: the names bound are
        /// iteration variables, which a walrus may not rebind.
        var inIterationTarget = false
        /// Depth of comprehension iterables (`in ...`) being walked, where a
        /// walrus is not allowed; inherited by scopes opened inside them.
        var iterableDepth = 0
    }

    static let moduleID: ScopeID = 0

    init(source: SourceBuffer, future: FutureFeatures) {
        self.source = source
        self.annotationsAreStrings = future.contains(.annotations)
    }

    var currentID: ScopeID { stack[stack.count - 1].id }

    func error(_ message: String, at range: SourceRange) -> SyntaxError {
        SymbolTableError.at(range, message, in: source)
    }

    // MARK: Walking the module

    /// The scopes of `module` with their names' flags, module first, then
    /// depth first in source order.
    static func scopes(of module: Module, source: SourceBuffer, future: FutureFeatures) throws(SyntaxError) -> [Scope] {
        var builder = SymbolTableBuilder(source: source, future: future)
        try builder.walk(module)
        return builder.madeAnnotationScopes ? withoutAnnotationScopes(builder.scopes) : builder.scopes
    }

    private mutating func walk(_ module: Module) throws(SyntaxError) {
        openScope(.module, name: "top", range: SourceRange(lineno: 0, colOffset: 0, endLineno: 0, endColOffset: 0))
        switch module {
        case .module(let body, _), .interactive(let body):
            try visit(body)
        case .expression(let body):
            try visit(body)
        case .functionType:
            // Only `ast.parse(..., mode="func_type")` makes these; CPython
            // cannot compile them either.
            break
        }
        closeScope()
    }

    /// The scopes reachable from the module, renumbered. The builder makes
    /// scopes for annotations that are strings (and for any lambda or
    /// comprehension inside them) but never links them into the tree; the
    /// order of the rest is unchanged.
    private static func withoutAnnotationScopes(_ scopes: [Scope]) -> [Scope] {
        var reachable = [Bool](repeating: false, count: scopes.count)
        reachable[moduleID] = true
        // Scopes are made parent first, so one pass in order meets every
        // parent before its children.
        for id in scopes.indices where reachable[id] {
            for child in scopes[id].children { reachable[child] = true }
        }
        var newID = [ScopeID](repeating: -1, count: scopes.count)
        var kept = [Scope]()
        kept.reserveCapacity(scopes.count)
        for id in scopes.indices where reachable[id] {
            newID[id] = kept.count
            kept.append(scopes[id])
        }
        for index in kept.indices {
            kept[index].children = kept[index].children.map { newID[$0] }
        }
        return kept
    }

    // MARK: Scopes

    /// Opens a scope nested in the current one and makes it current.
    mutating func openScope(_ kind: ScopeKind, name: String, range: SourceRange) {
        let id = scopes.count
        var isNested = false
        var iterableDepth = 0
        if let parent = stack.last {
            let parentScope = scopes[parent.id]
            isNested = parentScope.isNested || parentScope.kind == .function
            // A walrus is refused anywhere inside a comprehension iterable,
            // even in a lambda or comprehension nested there (bpo-37757).
            iterableDepth = parent.iterableDepth
            // An annotation scope is thrown away, so it is nobody's child.
            if kind != .annotation {
                scopes[parent.id].children.append(id)
            }
        }
        if kind == .annotation { madeAnnotationScopes = true }
        scopes.append(Scope(kind: kind, name: name, range: range, isNested: isNested))
        stack.append(OpenScope(id: id, iterableDepth: iterableDepth))
    }

    mutating func closeScope() {
        stack.removeLast()
    }

    // MARK: Names

    func mangle(_ name: String) -> String {
        NameMangling.mangle(name, inClass: privateClassName)
    }

    /// The flags `name` has so far in the current scope.
    func lookup(_ name: String) -> SymbolFlags {
        scopes[currentID].flags(of: mangle(name))
    }

    /// Records that `name` does `flag` in the current scope.
    mutating func addDefinition(_ name: String, _ flag: SymbolFlags, at range: SourceRange) throws(SyntaxError) {
        try addDefinition(name, flag, at: range, inOpenScope: stack.count - 1)
    }

    /// Records that `name` does `flag` in the open scope `stack[level]`
    /// (a walrus in a comprehension binds in an enclosing scope).
    mutating func addDefinition(_ name: String, _ flag: SymbolFlags, at range: SourceRange,
                                inOpenScope level: Int) throws(SyntaxError) {
        let mangled = mangle(name)
        let scope = scopes[stack[level].id]
        // (On an error the table is dropped, so the flags may be stored first.)
        let old = scope.addFlags(flag, to: mangled)
        if flag.contains(.parameter) && old.contains(.parameter) {
            // CPython names the parameter as written, not mangled.
            throw error(SymbolTableError.duplicateArgument(name), at: range)
        }
        if stack[level].inIterationTarget {
            if !old.union(flag).isDisjoint(with: [.declaredGlobal, .declaredNonlocal]) {
                throw error(SymbolTableError.innerLoopRebindsWalrusTarget(name), at: range)
            }
            scope.addFlags(.comprehensionIterationVariable, to: mangled)
        }
        if flag.contains(.parameter) {
            scope.parameters.append(mangled)
        } else if flag.contains(.declaredGlobal) {
            // A global declaration anywhere is also recorded in the module,
            // where it makes the name explicitly global.
            scopes[Self.moduleID].addFlags(flag, to: mangled)
        }
    }

    /// Remembers where `global`/`nonlocal` named `name`, for the analysis
    /// pass's errors.
    mutating func recordDirective(_ name: String, at range: SourceRange) {
        scopes[currentID].directives.append((name: mangle(name), range: range))
    }
}
