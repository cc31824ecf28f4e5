import GarterSyntax

// Comprehensions and the assignment expressions (walrus) inside them.
extension SymbolTableBuilder {
    /// A comprehension is a function scope of its own. Its outermost
    /// iterable is evaluated in the enclosing scope and passed in as the
    /// parameter `.0`; everything else is walked inside. A dict
    /// comprehension's value is walked before its key, as CPython does.
    mutating func visitComprehension(_ expression: Expr, _ kind: ComprehensionKind, generators: [Comprehension],
                                     element: Expr, value: Expr? = nil) throws(SyntaxError) {
        let outermost = generators[0]
        stack[stack.count - 1].iterableDepth += 1
        try visit(outermost.iter)
        stack[stack.count - 1].iterableDepth -= 1

        openScope(.function, name: kind.scopeName, range: expression.range)
        scopes[currentID].comprehension = kind
        if outermost.isAsync { scopes[currentID].isCoroutine = true }
        try addDefinition(".0", .parameter, at: expression.range)
        try visitIterationTarget(outermost.target)
        try visit(outermost.ifs)
        for generator in generators.dropFirst() {
            try visitIterationTarget(generator.target)
            stack[stack.count - 1].iterableDepth += 1
            try visit(generator.iter)
            stack[stack.count - 1].iterableDepth -= 1
            try visit(generator.ifs)
            if generator.isAsync { scopes[currentID].isCoroutine = true }
        }
        if let value { try visit(value) }
        try visit(element)
        scopes[currentID].isGenerator = kind == .generator
        // An asynchronous list, set or dict comprehension is awaited where
        // it stands, which makes the enclosing scope a coroutine too.
        let isAsync = scopes[currentID].isCoroutine && kind != .generator
        closeScope()
        if isAsync { scopes[currentID].isCoroutine = true }
    }

    /// A `for` target of a comprehension: the names it binds are iteration
    /// variables.
    private mutating func visitIterationTarget(_ target: Expr) throws(SyntaxError) {
        stack[stack.count - 1].inIterationTarget = true
        try visit(target)
        stack[stack.count - 1].inIterationTarget = false
    }

    /// `target := value`. Inside a comprehension the target binds in the
    /// nearest enclosing function or module, as if declared `nonlocal` or
    /// `global` in the comprehension.
    mutating func visitNamedExpression(_ expression: Expr, target: Expr, value: Expr) throws(SyntaxError) {
        if stack[stack.count - 1].iterableDepth > 0 {
            throw error(SymbolTableError.walrusInComprehensionIterable, at: expression.range)
        }
        if scopes[currentID].comprehension != nil, case .name(let name, _) = target.kind {
            try bindInEnclosingScope(name, target: target)
        }
        try visit(value)
        try visit(target)
    }

    /// Finds the scope a comprehension's walrus binds `name` in, walking
    /// out past the comprehensions (whose iteration variables it may not
    /// rebind), and records the binding there and the declaration here.
    /// The checks look `name` up unmangled, as CPython 3.11 does, so they
    /// miss a private name in a method; the bindings are mangled.
    private mutating func bindInEnclosingScope(_ name: String, target: Expr) throws(SyntaxError) {
        let range = target.range
        for level in stride(from: stack.count - 1, through: 0, by: -1) {
            let scope = scopes[stack[level].id]
            if scope.comprehension != nil {
                if scope.flags(of: name).contains(.comprehensionIterationVariable) {
                    throw error(SymbolTableError.walrusRebindsIterationVariable(name), at: range)
                }
                continue
            }
            switch scope.kind {
            case .function:
                let declaration: SymbolFlags =
                    scope.flags(of: name).contains(.declaredGlobal) ? .declaredGlobal : .declaredNonlocal
                try addDefinition(name, declaration, at: range)
                recordDirective(name, at: range)
                try addDefinition(name, .assigned, at: range, inOpenScope: level)
                return
            case .module:
                try addDefinition(name, .declaredGlobal, at: range)
                recordDirective(name, at: range)
                try addDefinition(name, .declaredGlobal, at: range, inOpenScope: level)
                return
            case .class:
                throw error(SymbolTableError.walrusInComprehensionInClass, at: range)
            case .annotation:
                // Not a place names can bind: keep looking outwards.
                continue
            }
        }
    }
}
