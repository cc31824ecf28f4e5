import GarterSyntax

extension CodeGenerator {
    /// A module or class body: `SETUP_ANNOTATIONS` when something in it is
    /// annotated, the docstring stored as `__doc__`, then the statements.
    func compileBody(_ body: [Stmt]) throws(CompileError) {
        if unit.kind == .module, let first = body.first {
            setLocation(first.range)
        }
        if Self.findAnnotation(body) { emit(.setupAnnotations) }
        guard !body.isEmpty else { return }
        var start = 0
        if options.optimize < 2, let docstring = Self.docstring(of: body) {
            start = 1
            setLocation(body[0].range)
            let saved = unit.location
            setLocation(body[0].range)
            loadConstant(.str(docstring))
            unit.location = saved
            unsetLocation()
            try nameOperation("__doc__", .store)
        }
        for statement in body[start...] { try visit(statement) }
    }

    /// The docstring of a body: a first statement that is a string constant.
    static func docstring(of body: [Stmt]) -> PyString? {
        guard let first = body.first, case .expr(let value) = first.kind,
              case .constant(.str(let text), _) = value.kind else { return nil }
        return text
    }

    /// Whether a body has an annotated assignment (outside nested functions
    /// and classes): module and class bodies then need `__annotations__`.
    static func findAnnotation(_ body: [Stmt]) -> Bool {
        for statement in body {
            switch statement.kind {
            case .annAssign: return true
            case .for(_, _, let body, let orelse, _), .asyncFor(_, _, let body, let orelse, _),
                 .while(_, let body, let orelse), .if(_, let body, let orelse):
                if findAnnotation(body) || findAnnotation(orelse) { return true }
            case .with(_, let body, _), .asyncWith(_, let body, _):
                if findAnnotation(body) { return true }
            case .try(let body, let handlers, let orelse, let finalbody),
                 .tryStar(let body, let handlers, let orelse, let finalbody):
                for handler in handlers where findAnnotation(handler.body) { return true }
                if findAnnotation(body) || findAnnotation(finalbody) || findAnnotation(orelse) { return true }
            default:
                break
            }
        }
        return false
    }

    func visit(_ body: [Stmt]) throws(CompileError) {
        for statement in body { try visit(statement) }
    }

    func visit(_ statement: Stmt) throws(CompileError) {
        setLocation(statement.range)
        switch statement.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, _):
            try compileFunction(statement, name: name, arguments: args, body: body, decorators: decorators,
                                returns: returns, isAsync: false)
        case .asyncFunctionDef(let name, let args, let body, let decorators, let returns, _):
            try compileFunction(statement, name: name, arguments: args, body: body, decorators: decorators,
                                returns: returns, isAsync: true)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            try compileClass(statement, name: name, bases: bases, keywords: keywords, body: body,
                             decorators: decorators)
        case .return(let value):
            try compileReturn(statement, value: value)
        case .delete(let targets):
            for target in targets { try visit(target) }
        case .assign(let targets, let value, _):
            try visit(value)
            for (index, target) in targets.enumerated() {
                if index < targets.count - 1 { emit(.copy, 1) }
                try visit(target)
            }
        case .augAssign(let target, let op, let value):
            try compileAugmentedAssignment(statement, target: target, op: op, value: value)
        case .annAssign(let target, let annotation, let value, let simple):
            try compileAnnotatedAssignment(statement, target: target, annotation: annotation, value: value,
                                           simple: simple != 0)
        case .for(let target, let iter, let body, let orelse, _):
            try compileFor(statement, target: target, iter: iter, body: body, orelse: orelse)
        case .asyncFor(let target, let iter, let body, let orelse, _):
            try compileAsyncFor(statement, target: target, iter: iter, body: body, orelse: orelse)
        case .while(let test, let body, let orelse):
            try compileWhile(statement, test: test, body: body, orelse: orelse)
        case .if(let test, let body, let orelse):
            let end = newBlock()
            let next = orelse.isEmpty ? end : newBlock()
            try jumpIf(test, to: next, condition: false)
            try visit(body)
            if !orelse.isEmpty {
                emitJumpNoLocation(.jump, to: end)
                useNextBlock(next)
                try visit(orelse)
            }
            useNextBlock(end)
        case .with(let items, let body, _):
            try compileWith(statement, items: items, body: body, position: 0)
        case .asyncWith(let items, let body, _):
            try compileAsyncWith(statement, items: items, body: body, position: 0)
        case .match(let subject, let cases):
            try compileMatch(subject: subject, cases: cases)
        case .raise(let exc, let cause):
            var count = 0
            if let exc {
                try visit(exc)
                count += 1
                if let cause {
                    try visit(cause)
                    count += 1
                }
            }
            emit(.raiseVarargs, count)
            nextBlock()
        case .try(let body, let handlers, let orelse, let finalbody):
            if !finalbody.isEmpty {
                try compileTryFinally(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, star: false)
            } else {
                try compileTryExcept(body: body, handlers: handlers, orelse: orelse)
            }
        case .tryStar(let body, let handlers, let orelse, let finalbody):
            if !finalbody.isEmpty {
                try compileTryFinally(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, star: true)
            } else {
                try compileTryStarExcept(body: body, handlers: handlers, orelse: orelse)
            }
        case .assert(let test, let message):
            try compileAssert(test: test, message: message)
        case .import(let names):
            try compileImport(names)
        case .importFrom(let module, let names, let level):
            try compileImportFrom(statement, module: module, names: names, level: level)
        case .global, .nonlocal:
            break
        case .expr(let value):
            try compileExpressionStatement(value)
        case .pass:
            emit(.nop)
        case .break:
            try compileBreak()
        case .continue:
            try compileContinue()
        }
    }

    private func compileExpressionStatement(_ value: Expr) throws(CompileError) {
        if isInteractive && enclosingUnits.isEmpty {
            try visit(value)
            emit(.printExpr)
            return
        }
        if case .constant = value.kind {
            emit(.nop)
            return
        }
        try visit(value)
        unsetLocation()
        emit(.popTop)
    }

    // MARK: Loops

    private func compileWhile(_ statement: Stmt, test: Expr, body: [Stmt], orelse: [Stmt]) throws(CompileError) {
        let loop = newBlock()
        let bodyBlock = newBlock()
        let anchor = newBlock()
        let end = newBlock()
        useNextBlock(loop)
        try pushFrameBlock(.whileLoop, block: loop, exit: end)
        try jumpIf(test, to: anchor, condition: false)
        useNextBlock(bodyBlock)
        try visit(body)
        setLocation(statement.range)
        try jumpIf(test, to: bodyBlock, condition: true)
        popFrameBlock()
        useNextBlock(anchor)
        try visit(orelse)
        useNextBlock(end)
    }

    private func compileFor(_ statement: Stmt, target: Expr, iter: Expr, body: [Stmt],
                            orelse: [Stmt]) throws(CompileError) {
        let start = newBlock()
        let bodyBlock = newBlock()
        let cleanup = newBlock()
        let end = newBlock()
        try pushFrameBlock(.forLoop, block: start, exit: end)
        try visit(iter)
        emit(.getIterator)
        useNextBlock(start)
        emitJump(.forIterator, to: cleanup)
        useNextBlock(bodyBlock)
        try visit(target)
        try visit(body)
        unsetLocation()
        emitJump(.jump, to: start)
        useNextBlock(cleanup)
        popFrameBlock()
        try visit(orelse)
        useNextBlock(end)
    }

    private func compileAsyncFor(_ statement: Stmt, target: Expr, iter: Expr, body: [Stmt],
                                 orelse: [Stmt]) throws(CompileError) {
        if unit.kind != .asyncFunction {
            throw syntaxError("'async for' outside async function")
        }
        let start = newBlock()
        let except = newBlock()
        let end = newBlock()
        try visit(iter)
        emit(.getAIter)
        useNextBlock(start)
        try pushFrameBlock(.forLoop, block: start, exit: end)
        emitJump(.setupFinally, to: except)
        emit(.getANext)
        loadConstant(.none)
        addYieldFrom(await: true)
        emitPseudo(.popBlock)
        try visit(target)
        try visit(body)
        unsetLocation()
        emitJump(.jump, to: start)
        popFrameBlock()
        useNextBlock(except)
        setLocation(iter.range)
        emit(.endAsyncFor)
        try visit(orelse)
        useNextBlock(end)
    }

    private func compileBreak() throws(CompileError) {
        let location = unit.location
        emit(.nop)
        let loop = try unwindFrameBlockStack(preserveTop: false, stopAtLoop: true)
        guard let loop else { throw syntaxError("'break' outside loop", at: location) }
        try unwind(loop, preserveTop: false)
        emitJump(.jump, to: loop.exit)
        nextBlock()
    }

    private func compileContinue() throws(CompileError) {
        let location = unit.location
        emit(.nop)
        let loop = try unwindFrameBlockStack(preserveTop: false, stopAtLoop: true)
        guard let loop else { throw syntaxError("'continue' not properly in loop", at: location) }
        emitJump(.jump, to: loop.block)
        nextBlock()
    }

    private func compileReturn(_ statement: Stmt, value: Expr?) throws(CompileError) {
        let isConstant: Bool
        if let value, case .constant = value.kind { isConstant = true } else { isConstant = false }
        let preserveTop = value != nil && !isConstant
        if unit.scope.kind != .function {
            throw syntaxError("'return' outside function")
        }
        if value != nil && unit.scope.isCoroutine && unit.scope.isGenerator {
            throw syntaxError("'return' with value in async generator")
        }
        if preserveTop {
            try visit(value!)
        } else if let value {
            setLocation(value.range)
            emit(.nop)
        }
        if value == nil || value!.range.lineno != statement.range.lineno {
            setLocation(statement.range)
            emit(.nop)
        }
        _ = try unwindFrameBlockStack(preserveTop: preserveTop, stopAtLoop: false)
        if let value {
            if !preserveTop, let constant = codeConstant(of: value) {
                loadConstant(constant)
            }
        } else {
            loadConstant(.none)
        }
        emit(.returnValue)
        nextBlock()
    }

    /// Emits the code that leaves every frame block up to the innermost
    /// loop (when `stopAtLoop`), returning that loop.
    @discardableResult
    func unwindFrameBlockStack(preserveTop: Bool, stopAtLoop: Bool) throws(CompileError) -> FrameBlock? {
        guard let top = unit.frameBlocks.last else { return nil }
        if top.kind == .exceptionGroupHandler {
            throw syntaxError("'break', 'continue' and 'return' cannot appear in an except* block")
        }
        if stopAtLoop && (top.kind == .whileLoop || top.kind == .forLoop) {
            return top
        }
        unit.frameBlocks.removeLast()
        try unwind(top, preserveTop: preserveTop)
        let loop = try unwindFrameBlockStack(preserveTop: preserveTop, stopAtLoop: stopAtLoop)
        unit.frameBlocks.append(top)
        return loop
    }

    /// The code that leaves one frame block early (CPython's compiler_unwind_fblock).
    func unwind(_ block: FrameBlock, preserveTop: Bool) throws(CompileError) {
        switch block.kind {
        case .whileLoop, .exceptionHandler, .exceptionGroupHandler, .asyncComprehensionGenerator:
            return
        case .forLoop:
            if preserveTop { emit(.swap, 2) }
            emit(.popTop)
        case .tryExcept:
            emitPseudo(.popBlock)
        case .finallyTry:
            emitPseudo(.popBlock)
            if preserveTop { try pushFrameBlock(.popValue) }
            try visit(block.finalBody ?? [])
            if preserveTop { popFrameBlock() }
            unsetLocation()
        case .finallyEnd:
            if preserveTop { emit(.swap, 2) }
            emit(.popTop)
            if preserveTop { emit(.swap, 2) }
            emitPseudo(.popBlock)
            emit(.popExcept)
        case .with, .asyncWith:
            setLocation(block.location)
            emitPseudo(.popBlock)
            if preserveTop { emit(.swap, 2) }
            callExitWithNones()
            if block.kind == .asyncWith {
                emit(.getAwaitable, 2)
                loadConstant(.none)
                addYieldFrom(await: true)
            }
            emit(.popTop)
            unsetLocation()
        case .handlerCleanup:
            if block.name != nil { emitPseudo(.popBlock) }
            if preserveTop { emit(.swap, 2) }
            emitPseudo(.popBlock)
            emit(.popExcept)
            if let name = block.name {
                loadConstant(.none)
                try nameOperation(name, .store)
                try nameOperation(name, .delete)
            }
        case .popValue:
            if preserveTop { emit(.swap, 2) }
            emit(.popTop)
        }
    }

    func callExitWithNones() {
        loadConstant(.none)
        loadConstant(.none)
        loadConstant(.none)
        emit(.call, 2)
    }

    /// The `SEND`/`YIELD_VALUE` loop of `yield from` and `await`.
    func addYieldFrom(await isAwait: Bool) {
        let start = newBlock()
        let resume = newBlock()
        let exit = newBlock()
        useNextBlock(start)
        emitJump(.send, to: exit)
        useNextBlock(resume)
        emit(.yieldValue)
        emit(.resume, isAwait ? 3 : 2)
        emitJump(.jumpNoInterrupt, to: start)
        useNextBlock(exit)
    }

    // MARK: Assignments

    private func compileAugmentedAssignment(_ statement: Stmt, target: Expr, op: BinaryOperator,
                                            value: Expr) throws(CompileError) {
        let saved = unit.location
        setLocation(target.range)
        switch target.kind {
        case .attribute(let object, let attr, _):
            try visit(object)
            emit(.copy, 1)
            updateStartLocationToMatchAttribute(target, attr: attr)
            emit(.loadAttr, attributeNameIndex(attr))
        case .subscript(let object, let slice, _):
            try visit(object)
            try visit(slice)
            emit(.copy, 2)
            emit(.copy, 2)
            emit(.binarySubscript)
        case .name(let id, _):
            try nameOperation(id, .load)
        default:
            throw syntaxError("invalid node type for augmented assignment")
        }
        unit.location = saved
        try visit(value)
        emit(.binaryOp, Int(Self.binaryOperation(op, inPlace: true).rawValue))
        setLocation(target.range)
        switch target.kind {
        case .attribute(_, let attr, _):
            updateStartLocationToMatchAttribute(target, attr: attr)
            emit(.swap, 2)
            emit(.storeAttr, attributeNameIndex(attr))
        case .subscript:
            emit(.swap, 3)
            emit(.swap, 2)
            emit(.storeSubscript)
        case .name(let id, _):
            try nameOperation(id, .store)
        default:
            break
        }
    }

    private func compileAnnotatedAssignment(_ statement: Stmt, target: Expr, annotation: Expr, value: Expr?,
                                            simple: Bool) throws(CompileError) {
        if let value {
            try visit(value)
            try visit(target)
        }
        let futureAnnotations = table.future.contains(.annotations)
        switch target.kind {
        case .name(let id, _):
            if id == "__debug__" { throw syntaxError("cannot assign to __debug__", at: target.range) }
            if simple && (unit.kind == .module || unit.kind == .class) {
                if futureAnnotations {
                    try visitAnnotationString(annotation)
                } else {
                    try visit(annotation)
                }
                emit(.loadName, unit.nameIndex("__annotations__"))
                loadConstant(.str(PyString(mangle(id))))
                emit(.storeSubscript)
            }
        case .attribute(let object, let attr, _):
            if attr == "__debug__" { throw syntaxError("cannot assign to __debug__", at: target.range) }
            if value == nil { try checkAnnotationExpression(object) }
        case .subscript(let object, let slice, _):
            if value == nil {
                try checkAnnotationExpression(object)
                try checkAnnotationSubscript(slice)
            }
        default:
            throw syntaxError("invalid node type for annotated assignment")
        }
        if !simple && !futureAnnotations && (unit.kind == .module || unit.kind == .class) {
            try checkAnnotationExpression(annotation)
        }
    }

    private func checkAnnotationExpression(_ expression: Expr) throws(CompileError) {
        try visit(expression)
        emit(.popTop)
    }

    private func checkAnnotationSubscript(_ expression: Expr) throws(CompileError) {
        switch expression.kind {
        case .slice(let lower, let upper, let step):
            if let lower { try checkAnnotationExpression(lower) }
            if let upper { try checkAnnotationExpression(upper) }
            if let step { try checkAnnotationExpression(step) }
        case .tuple(let elements, _):
            for element in elements { try checkAnnotationSubscript(element) }
        default:
            try checkAnnotationExpression(expression)
        }
    }

    /// An annotation under `from __future__ import annotations`: its source
    /// text as CPython's unparser writes it.
    func visitAnnotationString(_ annotation: Expr) throws(CompileError) {
        let saved = unit.location
        setLocation(annotation.range)
        loadConstant(.str(PyString(ExpressionUnparser.unparse(annotation))))
        unit.location = saved
    }

    // MARK: assert, import

    private func compileAssert(test: Expr, message: Expr?) throws(CompileError) {
        if options.optimize > 0 { return }
        let end = newBlock()
        try jumpIf(test, to: end, condition: true)
        emit(.loadAssertionError)
        if let message {
            try visit(message)
            emit(.call, 0)
        }
        emit(.raiseVarargs, 1)
        useNextBlock(end)
    }

    private func compileImport(_ names: [Alias]) throws(CompileError) {
        for alias in names {
            loadConstant(.int(0))
            loadConstant(.none)
            emit(.importName, attributeNameIndex(alias.name))
            if let asname = alias.asname {
                let parts = alias.name.split(separator: ".", omittingEmptySubsequences: false)
                if parts.count > 1 {
                    for (index, part) in parts.dropFirst().enumerated() {
                        emit(.importFrom, unit.nameIndex(String(part)))
                        if index < parts.count - 2 {
                            emit(.swap, 2)
                            emit(.popTop)
                        }
                    }
                    try nameOperation(asname, .store)
                    emit(.popTop)
                } else {
                    try nameOperation(asname, .store)
                }
            } else {
                let first = alias.name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
                try nameOperation(String(first), .store)
            }
        }
    }

    private func compileImportFrom(_ statement: Stmt, module: String?, names: [Alias],
                                   level: Int) throws(CompileError) {
        loadConstant(.int(level))
        if module == "__future__" && statement.range.lineno > futureImportsLine {
            throw syntaxError("from __future__ imports must occur at the beginning of the file")
        }
        loadConstant(.tuple(names.map { .literal(.str(PyString($0.name))) }))
        emit(.importName, attributeNameIndex(module ?? ""))
        for (index, alias) in names.enumerated() {
            if index == 0 && alias.name.hasPrefix("*") {
                emit(.importStar)
                return
            }
            emit(.importFrom, attributeNameIndex(alias.name))
            try nameOperation(alias.asname ?? alias.name, .store)
        }
        emit(.popTop)
    }

    // MARK: Helpers

    static func binaryOperation(_ op: BinaryOperator, inPlace: Bool) -> BinaryOperation {
        let base: BinaryOperation
        switch op {
        case .add: base = .add
        case .sub: base = .subtract
        case .mult: base = .multiply
        case .matMult: base = .matrixMultiply
        case .div: base = .trueDivide
        case .mod: base = .remainder
        case .pow: base = .power
        case .lShift: base = .leftShift
        case .rShift: base = .rightShift
        case .bitOr: base = .or
        case .bitXor: base = .xor
        case .bitAnd: base = .and
        case .floorDiv: base = .floorDivide
        }
        return inPlace ? BinaryOperation(rawValue: base.rawValue + 13)! : base
    }
}
