import GarterSyntax

extension CodeGenerator {
    /// A comprehension is a nested function (3.11): it receives an iterator
    /// over its outermost iterable as `.0` and is called at once.
    func compileComprehension(_ expression: Expr, kind: ComprehensionKind, generators: [Comprehension],
                              element: Expr, value: Expr?) throws(CompileError) {
        let outerKind = unit.kind
        let name: String
        switch kind {
        case .list: name = "<listcomp>"
        case .set: name = "<setcomp>"
        case .dict: name = "<dictcomp>"
        case .generator: name = "<genexpr>"
        }
        enterScope(range: expression.range, name: name, kind: .comprehension, firstLine: Int(expression.range.lineno))
        // The iterator over the outermost iterable is its one parameter, `.0`.
        unit.argumentCount = 1
        setLocation(expression.range)
        let isAsyncGenerator = unit.scope.isCoroutine
        if isAsyncGenerator && kind != .generator && outerKind != .asyncFunction && outerKind != .comprehension {
            throw syntaxError("asynchronous comprehension outside of an asynchronous function")
        }
        switch kind {
        case .list: emit(.buildList, 0)
        case .set: emit(.buildSet, 0)
        case .dict: emit(.buildMap, 0)
        case .generator: break
        }
        try comprehensionGenerator(generators, index: 0, depth: 0, element: element, value: value, kind: kind)
        if kind != .generator { emit(.returnValue) }
        let code = try assemble(addNone: true)
        exitScope()

        try makeClosure(code, flags: 0)
        let outermost = generators[0]
        try visit(outermost.iter)
        emit(outermost.isAsync ? .getAIter : .getIterator)
        emit(.call, 0)
        if isAsyncGenerator && kind != .generator {
            emit(.getAwaitable, 0)
            loadConstant(.none)
            addYieldFrom(await: true)
        }
    }

    private func comprehensionGenerator(_ generators: [Comprehension], index: Int, depth: Int, element: Expr,
                                        value: Expr?, kind: ComprehensionKind) throws(CompileError) {
        if generators[index].isAsync {
            try asyncComprehensionGenerator(generators, index: index, depth: depth, element: element, value: value, kind: kind)
        } else {
            try syncComprehensionGenerator(generators, index: index, depth: depth, element: element, value: value, kind: kind)
        }
    }

    private func syncComprehensionGenerator(_ generators: [Comprehension], index: Int, depth: Int, element: Expr,
                                            value: Expr?, kind: ComprehensionKind) throws(CompileError) {
        var depth = depth
        var start: Int? = newBlock()
        let ifCleanup = newBlock()
        let anchor = newBlock()
        let generator = generators[index]
        if index == 0 {
            emit(.loadFast, unit.variableIndex(".0"))
        } else {
            var elements: [Expr]? = nil
            switch generator.iter.kind {
            case .list(let items, _): elements = items
            case .tuple(let items, _): elements = items
            default: break
            }
            if let elements, elements.count == 1 {
                if case .starred = elements[0].kind {} else {
                    try visit(elements[0])
                    start = nil
                }
            }
            if start != nil {
                try visit(generator.iter)
                emit(.getIterator)
            }
        }
        if let start {
            depth += 1
            useNextBlock(start)
            emitJump(.forIterator, to: anchor)
        }
        try visit(generator.target)
        for condition in generator.ifs {
            try jumpIf(condition, to: ifCleanup, condition: false)
        }
        if index + 1 < generators.count {
            try comprehensionGenerator(generators, index: index + 1, depth: depth, element: element, value: value, kind: kind)
        } else {
            try comprehensionElement(element: element, value: value, kind: kind, depth: depth)
        }
        useNextBlock(ifCleanup)
        if let start {
            emitJump(.jump, to: start)
            useNextBlock(anchor)
        }
    }

    private func asyncComprehensionGenerator(_ generators: [Comprehension], index: Int, depth: Int, element: Expr,
                                             value: Expr?, kind: ComprehensionKind) throws(CompileError) {
        let start = newBlock()
        let except = newBlock()
        let ifCleanup = newBlock()
        let generator = generators[index]
        if index == 0 {
            emit(.loadFast, unit.variableIndex(".0"))
        } else {
            try visit(generator.iter)
            emit(.getAIter)
        }
        useNextBlock(start)
        try pushFrameBlock(.asyncComprehensionGenerator, block: start)
        emitJump(.setupFinally, to: except)
        emit(.getANext)
        loadConstant(.none)
        addYieldFrom(await: true)
        emitPseudo(.popBlock)
        try visit(generator.target)
        for condition in generator.ifs {
            try jumpIf(condition, to: ifCleanup, condition: false)
        }
        let depth = depth + 1
        if index + 1 < generators.count {
            try comprehensionGenerator(generators, index: index + 1, depth: depth, element: element, value: value, kind: kind)
        } else {
            try comprehensionElement(element: element, value: value, kind: kind, depth: depth)
        }
        useNextBlock(ifCleanup)
        emitJump(.jump, to: start)
        popFrameBlock()
        useNextBlock(except)
        emit(.endAsyncFor)
    }

    private func comprehensionElement(element: Expr, value: Expr?, kind: ComprehensionKind,
                                      depth: Int) throws(CompileError) {
        switch kind {
        case .generator:
            try visit(element)
            emitYield()
            emit(.popTop)
        case .list:
            try visit(element)
            emit(.listAppend, depth + 1)
        case .set:
            try visit(element)
            emit(.setAdd, depth + 1)
        case .dict:
            try visit(element)
            try visit(value!)
            emit(.mapAdd, depth + 1)
        }
    }
}
