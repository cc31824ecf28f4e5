import GarterSyntax

extension CodeGenerator {
    /// Compiles an expression; the instructions it emits carry its position,
    /// and the position is restored afterwards (CPython's compiler_visit_expr).
    func visit(_ expression: Expr) throws(CompileError) {
        let saved = unit.location
        setLocation(expression.range)
        try visitKind(expression)
        unit.location = saved
    }

    private func visitKind(_ expression: Expr) throws(CompileError) {
        switch expression.kind {
        case .boolOp(let op, let values):
            let jump: IROpcode = op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop
            let end = newBlock()
            for value in values.dropLast() {
                try visit(value)
                emitJump(jump, to: end)
                nextBlock()
            }
            try visit(values[values.count - 1])
            useNextBlock(end)
        case .namedExpr(let target, let value):
            try visit(value)
            emit(.copy, 1)
            try visit(target)
        case .binOp(let left, let op, let right):
            try visit(left)
            try visit(right)
            emit(.binaryOp, Int(Self.binaryOperation(op, inPlace: false).rawValue))
        case .unaryOp(let op, let operand):
            try visit(operand)
            switch op {
            case .uSub: emit(.unaryNegative)
            case .uAdd: emit(.unaryPositive)
            case .invert: emit(.unaryInvert)
            case .not: emit(.unaryNot)
            }
        case .lambda(let args, let body):
            try compileLambda(expression, arguments: args, body: body)
        case .ifExp(let test, let body, let orelse):
            let end = newBlock()
            let next = newBlock()
            try jumpIf(test, to: next, condition: false)
            try visit(body)
            emitJumpNoLocation(.jump, to: end)
            useNextBlock(next)
            try visit(orelse)
            useNextBlock(end)
        case .dict(let keys, let values):
            try compileDict(keys: keys, values: values)
        case .set(let elements):
            try starUnpack(elements, pushed: 0, build: .buildSet, add: .setAdd, extend: .setUpdate, tuple: false)
        case .listComp(let element, let generators):
            try compileComprehension(expression, kind: .list, generators: generators, element: element, value: nil)
        case .setComp(let element, let generators):
            try compileComprehension(expression, kind: .set, generators: generators, element: element, value: nil)
        case .dictComp(let key, let value, let generators):
            try compileComprehension(expression, kind: .dict, generators: generators, element: key, value: value)
        case .generatorExp(let element, let generators):
            try compileComprehension(expression, kind: .generator, generators: generators, element: element, value: nil)
        case .await(let value):
            if unit.scope.kind != .function {
                throw syntaxError("'await' outside function")
            }
            if unit.kind != .asyncFunction && unit.kind != .comprehension {
                throw syntaxError("'await' outside async function")
            }
            try visit(value)
            emit(.getAwaitable, 0)
            loadConstant(.none)
            addYieldFrom(await: true)
        case .yield(let value):
            if unit.scope.kind != .function { throw syntaxError("'yield' outside function") }
            if let value { try visit(value) } else { loadConstant(.none) }
            emitYield()
        case .yieldFrom(let value):
            if unit.scope.kind != .function { throw syntaxError("'yield' outside function") }
            if unit.kind == .asyncFunction { throw syntaxError("'yield from' inside async function") }
            try visit(value)
            emit(.getYieldFromIter)
            loadConstant(.none)
            addYieldFrom(await: false)
        case .compare(let left, let ops, let comparators):
            try compileCompare(left: left, ops: ops, comparators: comparators)
        case .call(let function, let args, let keywords):
            try compileCall(expression, function: function, args: args, keywords: keywords)
        case .formattedValue(let value, let conversion, let spec):
            try visit(value)
            var argument: Int
            switch conversion {
            case 115: argument = 1   // s
            case 114: argument = 2   // r
            case 97: argument = 3    // a
            default: argument = 0
            }
            if let spec {
                try visit(spec)
                argument |= 4
            }
            emit(.formatValue, argument)
        case .joinedStr(let values):
            if values.count > Self.stackUseGuideline {
                loadConstant(.str(PyString("")))
                emit(.loadMethod, unit.nameIndex("join"))
                emit(.buildList, 0)
                for value in values {
                    try visit(value)
                    emit(.listAppend, 1)
                }
                emit(.call, 1)
            } else {
                for value in values { try visit(value) }
                if values.count != 1 { emit(.buildString, values.count) }
            }
        case .constant(let value, let kind):
            loadConstant(optimizer.codeConstant(value, kind: kind))
        case .attribute(let value, let attr, let context):
            try visit(value)
            updateStartLocationToMatchAttribute(expression, attr: attr)
            switch context {
            case .load:
                emit(.loadAttr, attributeNameIndex(attr))
            case .store:
                if attr == "__debug__" { throw syntaxError("cannot assign to __debug__") }
                emit(.storeAttr, attributeNameIndex(attr))
            case .del:
                emit(.deleteAttr, attributeNameIndex(attr))
            }
        case .subscript(let value, let slice, let context):
            try visit(value)
            try visit(slice)
            switch context {
            case .load: emit(.binarySubscript)
            case .store: emit(.storeSubscript)
            case .del: emit(.deleteSubscript)
            }
        case .starred(_, let context):
            if context == .store {
                throw syntaxError("starred assignment target must be in a list or tuple")
            }
            throw syntaxError("can't use starred expression here")
        case .name(let id, let context):
            switch context {
            case .load: try nameOperation(id, .load)
            case .store: try nameOperation(id, .store)
            case .del: try nameOperation(id, .delete)
            }
        case .list(let elements, let context):
            switch context {
            case .store: try assignmentHelper(elements)
            case .load: try starUnpack(elements, pushed: 0, build: .buildList, add: .listAppend, extend: .listExtend, tuple: false)
            case .del: for element in elements { try visit(element) }
            }
        case .tuple(let elements, let context):
            switch context {
            case .store: try assignmentHelper(elements)
            case .load: try starUnpack(elements, pushed: 0, build: .buildList, add: .listAppend, extend: .listExtend, tuple: true)
            case .del: for element in elements { try visit(element) }
            }
        case .slice(let lower, let upper, let step):
            if let lower { try visit(lower) } else { loadConstant(.none) }
            if let upper { try visit(upper) } else { loadConstant(.none) }
            if let step {
                try visit(step)
                emit(.buildSlice, 3)
            } else {
                emit(.buildSlice, 2)
            }
        }
    }

    /// The constant a constant node stands for (tuples and frozensets folded by the optimizer included).
    func codeConstant(of expression: Expr) -> CodeConstant? {
        guard case .constant(let value, let kind) = expression.kind else { return nil }
        return optimizer.codeConstant(value, kind: kind)
    }

    func emitYield() {
        if unit.scope.isGenerator && unit.scope.isCoroutine { emit(.asyncGenWrap) }
        emit(.yieldValue)
        emit(.resume, 1)
    }

    /// CPython gives instructions on an attribute that spans lines the
    /// position of the attribute name's line (update_start_location_to_match_attr).
    func updateStartLocationToMatchAttribute(_ expression: Expr, attr: String) {
        var location = unit.location
        guard location.lineno != expression.range.endLineno else { return }
        location.lineno = expression.range.endLineno
        let length = Int32(attr.utf8.count)
        if length <= expression.range.endColOffset {
            location.colOffset = expression.range.endColOffset - length
        } else {
            location.colOffset = -1
            location.endColOffset = -1
        }
        location.endLineno = max(location.lineno, location.endLineno)
        if location.lineno == location.endLineno {
            location.endColOffset = max(location.colOffset, location.endColOffset)
        }
        unit.location = location
    }

    // MARK: Conditions

    /// Jumps to `target` when `expression` is true (`condition`) or false,
    /// without materializing the value where it can (CPython's compiler_jump_if).
    func jumpIf(_ expression: Expr, to target: Int, condition: Bool) throws(CompileError) {
        switch expression.kind {
        case .unaryOp(.not, let operand):
            try jumpIf(operand, to: target, condition: !condition)
            return
        case .boolOp(let op, let values):
            let condition2 = op == .or
            let target2 = condition2 != condition ? newBlock() : target
            for value in values.dropLast() {
                try jumpIf(value, to: target2, condition: condition2)
            }
            try jumpIf(values[values.count - 1], to: target, condition: condition)
            if target2 != target { useNextBlock(target2) }
            return
        case .ifExp(let test, let body, let orelse):
            let end = newBlock()
            let next2 = newBlock()
            try jumpIf(test, to: next2, condition: false)
            try jumpIf(body, to: target, condition: condition)
            emitJumpNoLocation(.jump, to: end)
            useNextBlock(next2)
            try jumpIf(orelse, to: target, condition: condition)
            useNextBlock(end)
            return
        case .compare(let left, let ops, let comparators):
            // CPython leaves the comparison's position in force after it.
            setLocation(expression.range)
            guard ops.count > 1 else { break }
            let cleanup = newBlock()
            try visit(left)
            for index in 0..<(ops.count - 1) {
                try visit(comparators[index])
                emit(.swap, 2)
                emit(.copy, 2)
                emitComparison(ops[index])
                emitJump(.popJumpIfFalse, to: cleanup)
            }
            try visit(comparators[ops.count - 1])
            emitComparison(ops[ops.count - 1])
            emitJump(condition ? .popJumpIfTrue : .popJumpIfFalse, to: target)
            let end = newBlock()
            emitJumpNoLocation(.jump, to: end)
            useNextBlock(cleanup)
            emit(.popTop)
            if !condition { emitJumpNoLocation(.jump, to: target) }
            useNextBlock(end)
            return
        default:
            break
        }
        try visit(expression)
        emitJump(condition ? .popJumpIfTrue : .popJumpIfFalse, to: target)
    }

    // MARK: Comparisons

    func emitComparison(_ op: ComparisonOperator) {
        switch op {
        case .is: emit(.isOp, 0)
        case .isNot: emit(.isOp, 1)
        case .in: emit(.containsOp, 0)
        case .notIn: emit(.containsOp, 1)
        case .eq: emit(.compareOp, Int(ComparisonOperation.equal.rawValue))
        case .notEq: emit(.compareOp, Int(ComparisonOperation.notEqual.rawValue))
        case .lt: emit(.compareOp, Int(ComparisonOperation.less.rawValue))
        case .ltE: emit(.compareOp, Int(ComparisonOperation.lessOrEqual.rawValue))
        case .gt: emit(.compareOp, Int(ComparisonOperation.greater.rawValue))
        case .gtE: emit(.compareOp, Int(ComparisonOperation.greaterOrEqual.rawValue))
        }
    }

    private func compileCompare(left: Expr, ops: [ComparisonOperator], comparators: [Expr]) throws(CompileError) {
        try visit(left)
        if ops.count == 1 {
            try visit(comparators[0])
            emitComparison(ops[0])
            return
        }
        let cleanup = newBlock()
        for index in 0..<(ops.count - 1) {
            try visit(comparators[index])
            emit(.swap, 2)
            emit(.copy, 2)
            emitComparison(ops[index])
            emitJump(.jumpIfFalseOrPop, to: cleanup)
        }
        try visit(comparators[ops.count - 1])
        emitComparison(ops[ops.count - 1])
        let end = newBlock()
        emitJumpNoLocation(.jump, to: end)
        useNextBlock(cleanup)
        emit(.swap, 2)
        emit(.popTop)
        useNextBlock(end)
    }

    // MARK: Displays

    static func isConstant(_ expression: Expr) -> Bool {
        if case .constant = expression.kind { return true }
        return false
    }


    /// Builds a list, tuple or set from items that may include `*x`
    /// (CPython's starunpack_helper).
    func starUnpack(_ elements: [Expr], pushed: Int, build: Opcode, add: Opcode, extend: Opcode,
                    tuple: Bool) throws(CompileError) {
        let count = elements.count
        if count > 2 && elements.allSatisfy(Self.isConstant) {
            let items = elements.map { codeConstant(of: $0)! }
            if tuple && pushed == 0 {
                loadConstant(.tuple(items))
            } else {
                emit(build, pushed)
                loadConstant(add == .setAdd ? .frozenset(ConstantValues.uniqued(items)) : .tuple(items))
                emit(extend, 1)
                if tuple { emit(.listToTuple) }
            }
            return
        }
        let big = count + pushed > Self.stackUseGuideline
        let hasStar = elements.contains { if case .starred = $0.kind { return true } else { return false } }
        if !hasStar && !big {
            for element in elements { try visit(element) }
            emit(tuple ? .buildTuple : build, count + pushed)
            return
        }
        var built = false
        if big {
            emit(build, pushed)
            built = true
        }
        for (index, element) in elements.enumerated() {
            if case .starred(let value, _) = element.kind {
                if !built {
                    emit(build, index + pushed)
                    built = true
                }
                try visit(value)
                emit(extend, 1)
            } else {
                try visit(element)
                if built { emit(add, 1) }
            }
        }
        if tuple { emit(.listToTuple) }
    }

    /// Unpacks the value on top into the targets of a tuple or list target.
    func assignmentHelper(_ elements: [Expr]) throws(CompileError) {
        var seenStar = false
        for (index, element) in elements.enumerated() {
            guard case .starred = element.kind else { continue }
            if seenStar {
                throw syntaxError("multiple starred expressions in assignment")
            }
            let after = elements.count - index - 1
            if index >= 1 << 8 || after >= Int(Int32.max) >> 8 {
                throw syntaxError("too many expressions in star-unpacking assignment")
            }
            emit(.unpackEx, index + (after << 8))
            seenStar = true
        }
        if !seenStar { emit(.unpackSequence, elements.count) }
        for element in elements {
            if case .starred(let value, _) = element.kind {
                try visit(value)
            } else {
                try visit(element)
            }
        }
    }

    private func compileDict(keys: [Expr?], values: [Expr]) throws(CompileError) {
        let count = values.count
        var elements = 0
        var haveDict = false
        for index in 0..<count {
            if keys[index] == nil {
                if elements > 0 {
                    try subdict(keys: keys, values: values, begin: index - elements, end: index)
                    if haveDict { emit(.dictUpdate, 1) }
                    haveDict = true
                    elements = 0
                }
                if !haveDict {
                    emit(.buildMap, 0)
                    haveDict = true
                }
                try visit(values[index])
                emit(.dictUpdate, 1)
            } else {
                if elements * 2 > Self.stackUseGuideline {
                    try subdict(keys: keys, values: values, begin: index - elements, end: index + 1)
                    if haveDict { emit(.dictUpdate, 1) }
                    haveDict = true
                    elements = 0
                } else {
                    elements += 1
                }
            }
        }
        if elements > 0 {
            try subdict(keys: keys, values: values, begin: count - elements, end: count)
            if haveDict { emit(.dictUpdate, 1) }
            haveDict = true
        }
        if !haveDict { emit(.buildMap, 0) }
    }

    private func subdict(keys: [Expr?], values: [Expr], begin: Int, end: Int) throws(CompileError) {
        let count = end - begin
        let big = count * 2 > Self.stackUseGuideline
        if count > 1 && !big && keys[begin..<end].allSatisfy({ $0.map(Self.isConstant) ?? false }) {
            for index in begin..<end { try visit(values[index]) }
            loadConstant(.tuple(keys[begin..<end].map { codeConstant(of: $0!)! }))
            emit(.buildConstKeyMap, count)
            return
        }
        if big { emit(.buildMap, 0) }
        for index in begin..<end {
            try visit(keys[index]!)
            try visit(values[index])
            if big { emit(.mapAdd, 1) }
        }
        if !big { emit(.buildMap, count) }
    }
}
