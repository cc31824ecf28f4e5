import GarterSyntax

extension CodeGenerator {
    func compileFunction(_ statement: Stmt, name: String, arguments: Arguments, body: [Stmt],
                         decorators: [Expr], returns: Expr?, isAsync: Bool) throws(CompileError) {
        try checkDebugArguments(arguments)
        for decorator in decorators { try visit(decorator) }
        let firstLine = Int(decorators.first?.range.lineno ?? statement.range.lineno)
        var flags = try compileDefaults(arguments)
        if try compileAnnotations(arguments, returns: returns) { flags |= 0x04 }

        enterScope(range: statement.range, name: name, kind: isAsync ? .asyncFunction : .function, firstLine: firstLine)
        let docstring = options.optimize < 2 ? Self.docstring(of: body) : nil
        _ = unit.constantIndex(docstring.map { .literal(.str($0)) } ?? .literal(.none))
        unit.argumentCount = arguments.args.count
        unit.positionalOnlyArgumentCount = arguments.posonlyargs.count
        unit.keywordOnlyArgumentCount = arguments.kwonlyargs.count
        for statement in body[(docstring != nil ? 1 : 0)...] { try visit(statement) }
        let code = try assemble(addNone: true)
        exitScope()

        try makeClosure(code, flags: flags)
        applyDecorators(decorators)
        try nameOperation(name, .store)
    }

    func compileLambda(_ expression: Expr, arguments: Arguments, body: Expr) throws(CompileError) {
        try checkDebugArguments(arguments)
        let flags = try compileDefaults(arguments)
        enterScope(range: expression.range, name: "<lambda>", kind: .lambda, firstLine: Int(expression.range.lineno))
        _ = unit.constantIndex(.literal(.none))
        unit.argumentCount = arguments.args.count
        unit.positionalOnlyArgumentCount = arguments.posonlyargs.count
        unit.keywordOnlyArgumentCount = arguments.kwonlyargs.count
        try visit(body)
        let code: CodeObject
        if unit.scope.isGenerator {
            code = try assemble(addNone: false)
        } else {
            emit(.returnValue)
            code = try assemble(addNone: true)
        }
        exitScope()
        try makeClosure(code, flags: flags)
    }

    func compileClass(_ statement: Stmt, name: String, bases: [Expr], keywords: [Keyword], body: [Stmt],
                      decorators: [Expr]) throws(CompileError) {
        for decorator in decorators { try visit(decorator) }
        let firstLine = Int(decorators.first?.range.lineno ?? statement.range.lineno)
        enterScope(range: statement.range, name: name, kind: .class, firstLine: firstLine)
        try nameOperation("__name__", .load)
        try nameOperation("__module__", .store)
        loadConstant(.str(PyString(unit.qualifiedName)))
        try nameOperation("__qualname__", .store)
        try compileBody(body)
        unsetLocation()
        if unit.scope.needsClassClosure {
            emit(.loadClosure, unit.cellIndex("__class__") ?? 0)
            emit(.copy, 1)
            try nameOperation("__classcell__", .store)
        } else {
            loadConstant(.none)
        }
        emit(.returnValue)
        let code = try assemble(addNone: true)
        exitScope()

        emit(.pushNull)
        emit(.loadBuildClass)
        try makeClosure(code, flags: 0)
        loadConstant(.str(PyString(name)))
        try callHelper(pushed: 2, args: bases, keywords: keywords)
        applyDecorators(decorators)
        try nameOperation(name, .store)
    }

    private func applyDecorators(_ decorators: [Expr]) {
        let saved = unit.location
        for decorator in decorators.reversed() {
            setLocation(decorator.range)
            emit(.call, 0)
        }
        unit.location = saved
    }

    private func checkDebugArguments(_ arguments: Arguments) throws(CompileError) {
        let all = arguments.posonlyargs + arguments.args + (arguments.vararg.map { [$0] } ?? [])
            + arguments.kwonlyargs + (arguments.kwarg.map { [$0] } ?? [])
        for argument in all where argument.arg == "__debug__" {
            throw syntaxError("cannot assign to __debug__")
        }
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict; returns
    /// the MAKE_FUNCTION flags they set.
    private func compileDefaults(_ arguments: Arguments) throws(CompileError) -> Int {
        var flags = 0
        if !arguments.defaults.isEmpty {
            for value in arguments.defaults { try visit(value) }
            emit(.buildTuple, arguments.defaults.count)
            flags |= 0x01
        }
        var names: [CodeConstant] = []
        for (argument, value) in zip(arguments.kwonlyargs, arguments.kwDefaults) {
            guard let value else { continue }
            names.append(.literal(.str(PyString(mangle(argument.arg)))))
            try visit(value)
        }
        if !names.isEmpty {
            loadConstant(.tuple(names))
            emit(.buildConstKeyMap, names.count)
            flags |= 0x02
        }
        return flags
    }

    /// Pushes the annotations tuple (name, value, name, value, ...) in
    /// CPython's order; returns whether there was one.
    private func compileAnnotations(_ arguments: Arguments, returns: Expr?) throws(CompileError) -> Bool {
        var count = 0
        for argument in arguments.args { try annotation(argument.arg, argument.annotation, &count) }
        for argument in arguments.posonlyargs { try annotation(argument.arg, argument.annotation, &count) }
        if let vararg = arguments.vararg { try annotation(vararg.arg, vararg.annotation, &count) }
        for argument in arguments.kwonlyargs { try annotation(argument.arg, argument.annotation, &count) }
        if let kwarg = arguments.kwarg { try annotation(kwarg.arg, kwarg.annotation, &count) }
        try annotation("return", returns, &count)
        if count > 0 {
            emit(.buildTuple, count)
            return true
        }
        return false
    }

    private func annotation(_ name: String, _ annotation: Expr?, _ count: inout Int) throws(CompileError) {
        guard let annotation else { return }
        loadConstant(.str(PyString(mangle(name))))
        if table.future.contains(.annotations) {
            try visitAnnotationString(annotation)
        } else if case .starred(let value, _) = annotation.kind {
            try visit(value)
            emit(.unpackSequence, 1)
        } else {
            try visit(annotation)
        }
        count += 2
    }

    /// Pushes the function made from `code`, with its closure when it has
    /// free variables (CPython's compiler_make_closure).
    func makeClosure(_ code: CodeObject, flags: Int) throws(CompileError) {
        var flags = flags
        if !code.freeVariables.isEmpty {
            for name in code.freeVariables {
                let index: Int?
                if unit.kind == .class && name == "__class__" {
                    index = unit.cellIndex(name)
                } else if unit.scope.resolvedScope(of: name) == .cell {
                    index = unit.cellIndex(name)
                } else {
                    index = unit.derefIndex(name).flatMap { $0 >= unit.cellVariables.count ? $0 : nil }
                        ?? unit.freeVariables.firstIndex(of: name).map { unit.cellVariables.count + $0 }
                }
                guard let index else {
                    throw syntaxError("compiler error: no closure variable '\(name)' in \(unit.name)")
                }
                emit(.loadClosure, index)
            }
            flags |= 0x08
            emit(.buildTuple, code.freeVariables.count)
        }
        loadConstant(.code(code))
        emit(.makeFunction, flags)
    }
}
