import GarterSyntax

extension CodeGenerator {
    mutating func compile(_ expression: Expr) throws(CompileError) {
        builder.position = expression.range
        switch expression.kind {
        case .constant(let value, _):
            switch value {
            case .none, .bool, .int, .bigInt, .float, .str:
                builder.emit(.loadConst, builder.constantIndex(.literal(value)))
            default:
                throw unsupported("this kind of constant", expression.range)
            }
        case .name(let id, _):
            try load(id, at: expression.range)
        case .binOp(let left, let op, let right):
            try compile(left)
            try compile(right)
            builder.position = expression.range
            builder.emit(.binaryOp, Int(CodeGenerator.binaryOperation(op, inPlace: false).rawValue))
        case .unaryOp(let op, let operand):
            try compile(operand)
            builder.position = expression.range
            switch op {
            case .uSub: builder.emit(.unaryNegative)
            case .uAdd: builder.emit(.unaryPositive)
            case .invert: builder.emit(.unaryInvert)
            case .not: builder.emit(.unaryNot)
            }
        case .compare(let left, let ops, let comparators):
            guard ops.count == 1 else { throw unsupported("chained comparisons", expression.range) }
            try compile(left)
            try compile(comparators[0])
            builder.position = expression.range
            try emitComparison(ops[0], at: expression.range)
        case .boolOp(let op, let values):
            // `a and b`: keep `a` if it is false, else evaluate `b` (and `or` the other way).
            let end = builder.makeLabel()
            for (index, value) in values.enumerated() {
                try compile(value)
                if index < values.count - 1 {
                    builder.position = expression.range
                    builder.emit(.copy, 1)
                    builder.emitJump(op == .and ? .popJumpIfFalse : .popJumpIfTrue, to: end)
                    builder.emit(.popTop)
                }
            }
            builder.place(end)
        case .call(let function, let args, let keywords):
            guard keywords.isEmpty else { throw unsupported("keyword arguments", keywords[0].range) }
            builder.emit(.pushNull)
            try compile(function)
            for argument in args {
                if case .starred = argument.kind { throw unsupported("argument unpacking", argument.range) }
                try compile(argument)
            }
            builder.position = expression.range
            builder.emit(.call, args.count)
        case .ifExp(let test, let body, let orelse):
            let otherwise = builder.makeLabel()
            let end = builder.makeLabel()
            try compileCondition(test, jumpIfFalseTo: otherwise)
            try compile(body)
            builder.emitJump(.jumpForward, to: end)
            builder.place(otherwise)
            try compile(orelse)
            builder.place(end)
        default:
            throw unsupported("this expression", expression.range)
        }
    }

    /// Evaluates `test` and jumps to `label` when it is false.
    mutating func compileCondition(_ test: Expr, jumpIfFalseTo label: CodeBuilder.Label) throws(CompileError) {
        try compile(test)
        builder.position = test.range
        builder.emitJump(.popJumpIfFalse, to: label)
    }

    mutating func emitComparison(_ op: ComparisonOperator, at range: SourceRange) throws(CompileError) {
        switch op {
        case .eq: builder.emit(.compareOp, Int(ComparisonOperation.equal.rawValue))
        case .notEq: builder.emit(.compareOp, Int(ComparisonOperation.notEqual.rawValue))
        case .lt: builder.emit(.compareOp, Int(ComparisonOperation.less.rawValue))
        case .ltE: builder.emit(.compareOp, Int(ComparisonOperation.lessOrEqual.rawValue))
        case .gt: builder.emit(.compareOp, Int(ComparisonOperation.greater.rawValue))
        case .gtE: builder.emit(.compareOp, Int(ComparisonOperation.greaterOrEqual.rawValue))
        case .is: builder.emit(.isOp, 0)
        case .isNot: builder.emit(.isOp, 1)
        case .in: builder.emit(.containsOp, 0)
        case .notIn: builder.emit(.containsOp, 1)
        }
    }

    static func binaryOperation(_ op: BinaryOperator, inPlace: Bool) -> BinaryOperation {
        let base: BinaryOperation
        switch op {
        case .add: base = .add
        case .sub: base = .subtract
        case .mult: base = .multiply
        case .matMult: base = .matrixMultiply
        case .div: base = .trueDivide
        case .floorDiv: base = .floorDivide
        case .mod: base = .remainder
        case .pow: base = .power
        case .lShift: base = .leftShift
        case .rShift: base = .rightShift
        case .bitAnd: base = .and
        case .bitOr: base = .or
        case .bitXor: base = .xor
        }
        return inPlace ? BinaryOperation(rawValue: base.rawValue + 13)! : base
    }
}
