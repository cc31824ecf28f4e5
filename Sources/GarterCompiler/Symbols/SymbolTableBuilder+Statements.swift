import GarterSyntax

// The walk over statements, definitions and their parts.
extension SymbolTableBuilder {
    mutating func visit(_ statements: [Stmt]) throws(SyntaxError) {
        for statement in statements { try visit(statement) }
    }

    mutating func visit(_ statement: Stmt) throws(SyntaxError) {
        switch statement.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, _):
            try visitFunction(statement, name: name, args: args, body: body, decorators: decorators,
                              returns: returns, isAsync: false)
        case .asyncFunctionDef(let name, let args, let body, let decorators, let returns, _):
            try visitFunction(statement, name: name, args: args, body: body, decorators: decorators,
                              returns: returns, isAsync: true)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            try addDefinition(name, .assigned, at: statement.range)
            try visit(bases)
            for keyword in keywords { try visit(keyword.value) }
            try visit(decorators)
            openScope(.class, name: name, range: statement.range)
            let enclosingClassName = privateClassName
            privateClassName = name
            try visit(body)
            privateClassName = enclosingClassName
            closeScope()
        case .return(let value):
            if let value {
                try visit(value)
                scopes[currentID].returnsValue = true
            }
        case .delete(let targets):
            try visit(targets)
        case .assign(let targets, let value, _):
            try visit(targets)
            try visit(value)
        case .augAssign(let target, _, let value):
            try visit(target)
            try visit(value)
        case .annAssign(let target, let annotation, let value, let simple):
            try visitAnnotatedAssignment(statement, target: target, annotation: annotation,
                                         value: value, isSimple: simple != 0)
        case .for(let target, let iter, let body, let orelse, _),
             .asyncFor(let target, let iter, let body, let orelse, _):
            try visit(target)
            try visit(iter)
            try visit(body)
            try visit(orelse)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            try visit(test)
            try visit(body)
            try visit(orelse)
        case .with(let items, let body, _), .asyncWith(let items, let body, _):
            for item in items {
                try visit(item.contextExpr)
                if let variables = item.optionalVars { try visit(variables) }
            }
            try visit(body)
        case .match(let subject, let cases):
            try visit(subject)
            for matchCase in cases {
                try visit(matchCase.pattern)
                if let guardExpression = matchCase.guard_ { try visit(guardExpression) }
                try visit(matchCase.body)
            }
        case .raise(let exception, let cause):
            // A cause without an exception is not valid syntax.
            if let exception {
                try visit(exception)
                if let cause { try visit(cause) }
            }
        case .try(let body, let handlers, let orelse, let finalbody),
             .tryStar(let body, let handlers, let orelse, let finalbody):
            // CPython 3.11 walks the `else` block before the handlers.
            try visit(body)
            try visit(orelse)
            for handler in handlers {
                if let type = handler.type { try visit(type) }
                if let name = handler.name { try addDefinition(name, .assigned, at: handler.range) }
                try visit(handler.body)
            }
            try visit(finalbody)
        case .assert(let test, let message):
            try visit(test)
            if let message { try visit(message) }
        case .import(let names), .importFrom(_, let names, _):
            for alias in names { try visitImported(alias) }
        case .global(let names):
            try visitDeclaration(.global, names: names, statement: statement)
        case .nonlocal(let names):
            try visitDeclaration(.nonlocal, names: names, statement: statement)
        case .expr(let value):
            try visit(value)
        case .pass, .break, .continue:
            break
        }
    }

    /// A `def`: its name binds here, its defaults, annotations and
    /// decorators are evaluated here, and its body is a new scope.
    private mutating func visitFunction(_ statement: Stmt, name: String, args: Arguments, body: [Stmt],
                                        decorators: [Expr], returns: Expr?, isAsync: Bool) throws(SyntaxError) {
        try addDefinition(name, .assigned, at: statement.range)
        try visitDefaults(args)
        try visitAnnotations(of: args, returns: returns, statement: statement)
        try visit(decorators)
        openScope(.function, name: name, range: statement.range)
        if isAsync { scopes[currentID].isCoroutine = true }
        try visitParameters(args)
        try visit(body)
        closeScope()
    }

    /// Default values are evaluated where the function is defined.
    mutating func visitDefaults(_ args: Arguments) throws(SyntaxError) {
        try visit(args.defaults)
        for value in args.kwDefaults {
            if let value { try visit(value) }
        }
    }

    /// The parameters, in the function's own scope, in `co_varnames` order.
    mutating func visitParameters(_ args: Arguments) throws(SyntaxError) {
        for arg in args.posonlyargs { try addDefinition(arg.arg, .parameter, at: arg.range) }
        for arg in args.args { try addDefinition(arg.arg, .parameter, at: arg.range) }
        for arg in args.kwonlyargs { try addDefinition(arg.arg, .parameter, at: arg.range) }
        if let vararg = args.vararg {
            try addDefinition(vararg.arg, .parameter, at: vararg.range)
            scopes[currentID].hasVarargs = true
        }
        if let kwarg = args.kwarg {
            try addDefinition(kwarg.arg, .parameter, at: kwarg.range)
            scopes[currentID].hasVarkeywords = true
        }
    }

    /// A function's annotations, evaluated where it is defined: the
    /// parameters' (CPython's order puts `**kwargs` before the keyword-only
    /// ones), then the return annotation.
    private mutating func visitAnnotations(of args: Arguments, returns: Expr?, statement: Stmt) throws(SyntaxError) {
        if annotationsAreStrings { openScope(.annotation, name: "_annotation", range: statement.range) }
        for arg in args.posonlyargs { if let annotation = arg.annotation { try visit(annotation) } }
        for arg in args.args { if let annotation = arg.annotation { try visit(annotation) } }
        if let annotation = args.vararg?.annotation { try visit(annotation) }
        if let annotation = args.kwarg?.annotation { try visit(annotation) }
        for arg in args.kwonlyargs { if let annotation = arg.annotation { try visit(annotation) } }
        if annotationsAreStrings { closeScope() }
        if let returns { try visitAnnotation(returns) }
    }

    /// One annotation: evaluated in the current scope, or, when annotations
    /// are strings, walked in a scope of its own that is then dropped.
    private mutating func visitAnnotation(_ annotation: Expr) throws(SyntaxError) {
        if annotationsAreStrings { openScope(.annotation, name: "_annotation", range: annotation.range) }
        try visit(annotation)
        if annotationsAreStrings { closeScope() }
    }

    /// `target: annotation [= value]`.
    private mutating func visitAnnotatedAssignment(_ statement: Stmt, target: Expr, annotation: Expr,
                                                   value: Expr?, isSimple: Bool) throws(SyntaxError) {
        if case .name(let name, _) = target.kind {
            let flags = lookup(name)
            // A declared global or nonlocal may not be annotated, except at
            // module level, where `global x` changes nothing.
            if isSimple && currentID != Self.moduleID
                && !flags.isDisjoint(with: [.declaredGlobal, .declaredNonlocal]) {
                let declaration: SymbolTableError.Declaration =
                    flags.contains(.declaredGlobal) ? .global : .nonlocal
                throw error(SymbolTableError.annotatedCannotBe(declaration, name), at: statement.range)
            }
            if isSimple {
                try addDefinition(name, [.annotated, .assigned], at: target.range)
            } else if value != nil {
                // `(x): int = 1` assigns `x` but does not annotate it.
                try addDefinition(name, .assigned, at: target.range)
            }
        } else {
            try visit(target)
        }
        try visitAnnotation(annotation)
        if let value { try visit(value) }
    }

    /// One name of an import: `import a.b.c` binds `a`; `import *` is only
    /// allowed in a module.
    private mutating func visitImported(_ alias: Alias) throws(SyntaxError) {
        let bound = alias.asname ?? alias.name
        if bound == "*" {
            if scopes[currentID].kind != .module {
                throw error(SymbolTableError.importStarOutsideModule, at: alias.range)
            }
            return
        }
        let storedName = bound.firstIndex(of: ".").map { String(bound[..<$0]) } ?? bound
        try addDefinition(storedName, .imported, at: alias.range)
    }

    /// `global` or `nonlocal`: must come before any other use of the name
    /// in the scope. (Whether a nonlocal has a binding is only known in the
    /// analysis pass.)
    private mutating func visitDeclaration(_ declaration: SymbolTableError.Declaration, names: [String],
                                           statement: Stmt) throws(SyntaxError) {
        let flag: SymbolFlags = declaration == .global ? .declaredGlobal : .declaredNonlocal
        for name in names {
            let flags = lookup(name)
            if !flags.isDisjoint(with: [.parameter, .assigned, .used, .annotated]) {
                throw error(SymbolTableError.declarationAfterUse(declaration, name, flags), at: statement.range)
            }
            try addDefinition(name, flag, at: statement.range)
            recordDirective(name, at: statement.range)
        }
    }

    // MARK: Patterns

    mutating func visit(_ pattern: Pattern) throws(SyntaxError) {
        switch pattern.kind {
        case .matchValue(let value):
            try visit(value)
        case .matchSingleton:
            break
        case .matchSequence(let patterns), .matchOr(let patterns):
            for element in patterns { try visit(element) }
        case .matchMapping(let keys, let patterns, let rest):
            try visit(keys)
            for element in patterns { try visit(element) }
            if let rest { try addDefinition(rest, .assigned, at: pattern.range) }
        case .matchClass(let cls, let patterns, _, let keywordPatterns):
            try visit(cls)
            for element in patterns { try visit(element) }
            for element in keywordPatterns { try visit(element) }
        case .matchStar(let name):
            if let name { try addDefinition(name, .assigned, at: pattern.range) }
        case .matchAs(let subpattern, let name):
            if let subpattern { try visit(subpattern) }
            if let name { try addDefinition(name, .assigned, at: pattern.range) }
        }
    }
}
