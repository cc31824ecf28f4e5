import GarterSyntax

/// The second pass of the symbol table: decides where each name lives
/// (`SymbolScope`), from the scope's own flags and the names bound around it.
///
/// Scopes are analysed from the module down. Each one is given the names
/// bound by its enclosing functions (`bound`; nil for the module) and the
/// names declared global around it (`global`). A name bound here is local;
/// otherwise it is free if an enclosing function binds it, else global.
/// Coming back up, each scope hands its parent the free names of its own
/// and of everything inside it; a function that binds one of them turns
/// that local into a cell and stops it there. A class body is special:
/// its names are not visible to the functions inside it, and a method's use
/// of `__class__` stops at it (the class makes that cell).
struct ScopeAnalysis {
    let scopes: [Scope]
    let source: SourceBuffer

    /// Gives every symbol of `scopes` (the builder's output) its scope.
    static func resolveNames(in scopes: [Scope], source: SourceBuffer) throws(SyntaxError) {
        let analysis = ScopeAnalysis(scopes: scopes, source: source)
        _ = try analysis.analyze(SymbolTableBuilder.moduleID, bound: nil, global: [])
    }

    /// Analyses scope `id`; returns the free names it passes to its parent.
    /// `bound` and `global` are this scope's own copies: what it declares
    /// changes what its children see, never what its siblings see.
    func analyze(_ id: ScopeID, bound: Set<String>?, global: Set<String>) throws(SyntaxError) -> Set<String> {
        let scope = scopes[id]
        let children = scope.children
        var bound = bound
        var global = global
        var free = Set<String>()
        var resolved = [SymbolScope]()
        resolved.reserveCapacity(scope.symbols.count)

        // What a class binds is invisible inside its methods, so they see
        // what the class itself was given.
        var childBound = Set<String>()
        var childGlobal = Set<String>()
        if scope.kind == .class && !children.isEmpty {
            childGlobal = global
            if let bound { childBound = bound }
        }

        for symbol in scope.symbols {
            resolved.append(try resolve(symbol.name, symbol.flags, in: scope, bound: &bound,
                                        free: &free, global: &global))
        }

        if children.isEmpty {
            // Nothing to pass down.
        } else if scope.kind == .class {
            // `__class__` in a method is the class's cell (see `needsClassClosure`).
            childBound.insert("__class__")
        } else {
            if scope.kind == .function {
                for index in resolved.indices where resolved[index] == .local {
                    childBound.insert(scope.symbols[index].name)
                }
            }
            if let bound { childBound.formUnion(bound) }
            childGlobal.formUnion(global)
        }

        var childFree = Set<String>()
        for child in children {
            childFree.formUnion(try analyze(child, bound: childBound, global: childGlobal))
            if scopes[child].hasFreeVariables || scopes[child].childHasFreeVariables {
                scope.childHasFreeVariables = true
            }
        }

        if scope.kind == .function {
            makeCells(&resolved, in: scope, childFree: &childFree)
        } else if scope.kind == .class, childFree.remove("__class__") != nil {
            scope.needsClassClosure = true
        }
        record(resolved, in: scope, bound: bound, childFree: childFree)
        free.formUnion(childFree)
        return free
    }

    /// The scope of one name from its flags (CPython's analyze_name).
    private func resolve(_ name: String, _ flags: SymbolFlags, in scope: Scope, bound: inout Set<String>?,
                         free: inout Set<String>, global: inout Set<String>) throws(SyntaxError) -> SymbolScope {
        if flags.contains(.declaredGlobal) {
            if flags.contains(.declaredNonlocal) {
                throw errorAtDirective(SymbolTableError.nonlocalAndGlobal(name), name, in: scope)
            }
            global.insert(name)
            bound?.remove(name)
            return .globalExplicit
        }
        if flags.contains(.declaredNonlocal) {
            guard let enclosing = bound else {
                throw errorAtDirective(SymbolTableError.nonlocalAtModuleLevel, name, in: scope)
            }
            if !enclosing.contains(name) {
                throw errorAtDirective(SymbolTableError.noBindingForNonlocal(name), name, in: scope)
            }
            scope.hasFreeVariables = true
            free.insert(name)
            return .free
        }
        // The emptiness tests skip hashing in the common case: no enclosing
        // function, no global declaration.
        if !flags.isDisjoint(with: .binding) {
            if !global.isEmpty { global.remove(name) }
            return .local
        }
        if let bound, !bound.isEmpty, bound.contains(name) {
            scope.hasFreeVariables = true
            free.insert(name)
            return .free
        }
        if !global.isEmpty && global.contains(name) {
            return .globalImplicit
        }
        if scope.isNested {
            scope.hasFreeVariables = true
        }
        return .globalImplicit
    }

    /// A function's locals that scopes inside it read become cells; those
    /// names stop here.
    private func makeCells(_ resolved: inout [SymbolScope], in scope: Scope, childFree: inout Set<String>) {
        guard !childFree.isEmpty else { return }
        for index in resolved.indices where resolved[index] == .local {
            if childFree.remove(scope.symbols[index].name) != nil {
                resolved[index] = .cell
            }
        }
    }

    /// Stores the scopes found, and adds the free names that only pass
    /// through this scope on their way to an inner one (an inner function's
    /// closure is built from this scope's own free variables).
    private func record(_ resolved: [SymbolScope], in scope: Scope, bound: Set<String>?, childFree: Set<String>) {
        for index in resolved.indices {
            scope.symbols[index].scope = resolved[index]
        }
        var passingThrough = [String]()
        for name in childFree {
            if let index = scope.symbolIndex.position(of: name, in: scope.symbols) {
                // A class that binds (or declares global) a name its methods
                // close over needs to know both.
                if scope.kind == .class
                    && !scope.symbols[index].flags.isDisjoint(with: [.assigned, .parameter, .imported, .declaredGlobal]) {
                    scope.symbols[index].flags.insert(.freeInClass)
                }
                continue
            }
            // Not bound by an enclosing function: a global, nothing to pass.
            if let bound, !bound.contains(name) { continue }
            passingThrough.append(name)
        }
        // CPython adds these in its set's (hash) order; sorted here, so that
        // output is the same from run to run.
        passingThrough.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in passingThrough {
            scope.appendSymbol(Symbol(name: name, flags: [], scope: .free))
        }
    }

    private func errorAtDirective(_ message: String, _ name: String, in scope: Scope) -> SyntaxError {
        let range = scope.directiveRange(for: name) ?? scope.range
        return SymbolTableError.at(range, message, in: source)
    }
}
