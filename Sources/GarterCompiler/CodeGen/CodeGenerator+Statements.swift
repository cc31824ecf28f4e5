import GarterSyntax

extension CodeGenerator {
    mutating func compileBody(_ body: [Stmt]) throws(CompileError) {
        for statement in body {
            try compile(statement)
        }
    }

    mutating func compile(_ statement: Stmt) throws(CompileError) {
        builder.position = statement.range
        switch statement.kind {
        case .expr(let value):
            try compile(value)
            builder.emit(.popTop)
        case .assign(let targets, let value, _):
            try compile(value)
            for (index, target) in targets.enumerated() {
                if index < targets.count - 1 { builder.emit(.copy, 1) }
                try assign(to: target)
            }
        case .augAssign(let target, let op, let value):
            guard case .name(let id, _) = target.kind else {
                throw unsupported("augmented assignment to anything but a name", target.range)
            }
            try load(id, at: target.range)
            try compile(value)
            builder.position = statement.range
            builder.emit(.binaryOp, Int(CodeGenerator.binaryOperation(op, inPlace: true).rawValue))
            try store(id, at: target.range)
        case .pass:
            builder.emit(.nop)
        case .if(let test, let body, let orelse):
            let otherwise = builder.makeLabel()
            let end = builder.makeLabel()
            try compileCondition(test, jumpIfFalseTo: otherwise)
            try compileBody(body)
            if !orelse.isEmpty { builder.emitJump(.jumpForward, to: end) }
            builder.place(otherwise)
            try compileBody(orelse)
            builder.place(end)
        case .while(let test, let body, let orelse):
            let start = builder.makeLabel()
            let exit = builder.makeLabel()
            let end = builder.makeLabel()
            builder.place(start)
            try compileCondition(test, jumpIfFalseTo: exit)
            loops.append((start, end))
            try compileBody(body)
            loops.removeLast()
            builder.position = statement.range
            builder.emitJumpBackward(to: start)
            builder.place(exit)
            try compileBody(orelse)
            builder.place(end)
        case .break:
            guard let loop = loops.last else { throw syntaxError("'break' outside loop", statement.range) }
            builder.emitJump(.jumpForward, to: loop.end)
        case .continue:
            guard let loop = loops.last else {
                throw syntaxError("'continue' not properly in loop", statement.range)
            }
            builder.emitJumpBackward(to: loop.start)
        case .return(let value):
            guard scope.kind == .function else { throw syntaxError("'return' outside function", statement.range) }
            if let value {
                try compile(value)
            } else {
                builder.emit(.loadConst, builder.constantIndex(.literal(.none)))
            }
            builder.position = statement.range
            builder.emit(.returnValue)
        case .global, .nonlocal:
            break
        case .functionDef(let name, let args, let body, let decorators, _, _):
            guard decorators.isEmpty else { throw unsupported("decorators", decorators[0].range) }
            let code = try compileFunction(name: name, arguments: args, body: body, range: statement.range)
            builder.position = statement.range
            builder.emit(.loadConst, builder.constantIndex(.code(code)))
            builder.emit(.makeFunction, 0)
            try store(name, at: statement.range)
        default:
            throw unsupported("this statement", statement.range)
        }
    }

    /// Stores the value on top of the stack into `target`.
    mutating func assign(to target: Expr) throws(CompileError) {
        switch target.kind {
        case .name(let id, _):
            try store(id, at: target.range)
        default:
            throw unsupported("assignment to anything but a name", target.range)
        }
    }

    /// A function's code object: its own scope, parameters first.
    mutating func compileFunction(name: String, arguments: Arguments, body: [Stmt],
                                  range: SourceRange) throws(CompileError) -> CodeObject {
        if !arguments.posonlyargs.isEmpty || arguments.vararg != nil || !arguments.kwonlyargs.isEmpty
            || arguments.kwarg != nil || !arguments.defaults.isEmpty {
            throw unsupported("parameters other than plain positional ones", range)
        }
        guard let functionScope = table.scope(for: range) else {
            throw unsupported("a function the symbol table does not know", range)
        }
        var generator = CodeGenerator(source: source, table: table, scopeID: functionScope, position: range)
        try generator.compileBody(body)
        generator.builder.emit(.loadConst, generator.builder.constantIndex(.literal(.none)))
        generator.builder.emit(.returnValue)
        let qualifiedName = scope.kind == .module ? name : "\(scope.name).<locals>.\(name)"
        return generator.makeCodeObject(name: name, qualifiedName: qualifiedName, firstLine: Int(range.lineno),
                                        argumentCount: arguments.args.count,
                                        flags: [.optimized, .newLocals])
    }
}
