import GarterSyntax

/// Turns a unit's flow graph into a `CodeObject`, in the order of CPython
/// 3.11's assemble(): the prologue (cells, free variables, generator start),
/// the flow-graph optimizations (`FlowGraphOptimizer`), line numbers for
/// artificial instructions, the stack depth, the exception table derived
/// from the `setup*`/`popBlock` pseudo-instructions, then the layout with
/// absolute jump targets.
struct Assembler {
    var blocks: [BasicBlock]
    let unit: CodeUnit
    let filename: String
    let flags: CodeFlags
    var constants: [CodeConstant]
    static let entry = 0

    init(unit: CodeUnit, filename: String, flags: CodeFlags) {
        self.unit = unit
        self.blocks = unit.blocks
        self.filename = filename
        self.flags = flags
        self.constants = unit.constants
    }

    var isGenerator: Bool { !flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator]) }

    /// The blocks in layout order.
    func layout() -> [Int] {
        var order: [Int] = []
        var block = Self.entry
        while block >= 0 {
            order.append(block)
            block = blocks[block].next
        }
        return order
    }

    mutating func assemble() -> CodeObject {
        // Jumps to empty blocks go to the next non-empty one.
        for b in layout() {
            for i in blocks[b].instructions.indices where blocks[b].instructions[i].target >= 0 {
                blocks[b].instructions[i].target = skipEmpty(blocks[b].instructions[i].target)
            }
        }
        var optimizer = FlowGraphOptimizer(assembler: self)
        // CPython walks its block list newest block first here; the order
        // decides which jumps see an already extended block.
        let reachable = Set(layout())
        for b in stride(from: blocks.count - 1, through: 0, by: -1) where reachable.contains(b) {
            optimizer.extendBlock(b)
        }
        blocks = optimizer.blocks
        insertPrologue()
        optimizer.blocks = blocks
        optimizer.constants = constants
        optimizer.optimize()
        blocks = optimizer.blocks
        constants = optimizer.constants
        duplicateExitsWithoutLineNumber()
        trimUnusedConstants()
        propagateLineNumbers()
        guaranteeLineNumberForExits()
        let stackSize = stackDepth()
        labelExceptionTargets()
        for b in layout() {
            for i in blocks[b].instructions.indices
            where blocks[b].instructions[i].opcode.isBlockPush || blocks[b].instructions[i].opcode == .popBlock {
                blocks[b].instructions[i].opcode = .nop
                blocks[b].instructions[i].target = -1
            }
        }
        for b in layout() { FlowGraphOptimizer.removeNops(&blocks, b) }
        return emitCode(stackSize: stackSize)
    }

    func skipEmpty(_ block: Int) -> Int {
        var target = block
        while blocks[target].instructions.isEmpty && blocks[target].next >= 0 {
            target = blocks[target].next
        }
        return target
    }

    // MARK: Prologue

    /// COPY_FREE_VARS, MAKE_CELL for each cell (parameters' first), the copy
    /// of each parameter that is also a cell, RETURN_GENERATOR + POP_TOP.
    private mutating func insertPrologue() {
        var prologue: [IRInstruction] = []
        if !unit.freeVariables.isEmpty {
            prologue.append(IRInstruction(IROpcode(.copyFreeVars), unit.freeVariables.count, location: noLocation))
        }
        let parameters = unit.scope.kind == .function ? unit.scope.parameters : []
        var parameterCells: [(cell: Int, parameter: Int)] = []
        for (position, parameter) in parameters.enumerated() {
            if let cell = unit.cellIndex(parameter), !parameterCells.contains(where: { $0.cell == cell }) {
                parameterCells.append((cell, position))
            }
        }
        for (cell, _) in parameterCells {
            prologue.append(IRInstruction(IROpcode(.makeCell), cell, location: noLocation))
        }
        for cell in unit.cellVariables.indices where !parameterCells.contains(where: { $0.cell == cell }) {
            prologue.append(IRInstruction(IROpcode(.makeCell), cell, location: noLocation))
        }
        for (cell, parameter) in parameterCells {
            prologue.append(IRInstruction(IROpcode(.loadFast), parameter, location: noLocation))
            prologue.append(IRInstruction(IROpcode(.storeDeref), cell, location: noLocation))
        }
        if isGenerator {
            let line = Int32(unit.firstLineNumber)
            prologue.append(IRInstruction(IROpcode(.returnGenerator), 0,
                                          location: SourceRange(lineno: line, colOffset: -1, endLineno: line, endColOffset: -1)))
            prologue.append(IRInstruction(IROpcode(.popTop), 0, location: noLocation))
        }
        blocks[Self.entry].instructions.insert(contentsOf: prologue, at: 0)
    }

    // MARK: Line numbers

    private func isExitWithoutLineNumber(_ block: Int) -> Bool {
        guard blocks[block].exitsScope else { return false }
        return blocks[block].instructions.allSatisfy { $0.lineno < 0 }
    }

    /// Exit blocks without a line number that several jumps reach are
    /// copied, one per jump, so each copy can take the jump's line.
    private mutating func duplicateExitsWithoutLineNumber() {
        // CPython walks its block list, newest block first; the order decides
        // where the copies go.
        let reachable = Set(layout())
        for b in stride(from: blocks.count - 1, through: 0, by: -1) where reachable.contains(b) {
            guard let last = blocks[b].last, last.opcode.isJump else { continue }
            let target = last.target
            if isExitWithoutLineNumber(target) && blocks[target].predecessors > 1 {
                var copy = BasicBlock()
                copy.instructions = blocks[target].instructions
                copy.instructions[0].location = last.location
                copy.predecessors = 1
                copy.next = blocks[target].next
                blocks.append(copy)
                let newBlock = blocks.count - 1
                blocks[target].next = newBlock
                blocks[target].predecessors -= 1
                blocks[b].instructions[blocks[b].instructions.count - 1].target = newBlock
            }
        }
        for b in layout() {
            let next = blocks[b].next
            if blocks[b].hasFallthrough && next >= 0 && !blocks[b].instructions.isEmpty
                && !blocks[next].instructions.isEmpty && isExitWithoutLineNumber(next) {
                blocks[next].instructions[0].location = blocks[b].last!.location
            }
        }
    }

    private mutating func propagateLineNumbers() {
        for b in layout() {
            guard !blocks[b].instructions.isEmpty else { continue }
            var previous = noLocation
            for i in blocks[b].instructions.indices {
                if blocks[b].instructions[i].lineno < 0 {
                    blocks[b].instructions[i].location = previous
                } else {
                    previous = blocks[b].instructions[i].location
                }
            }
            let next = blocks[b].next
            if blocks[b].hasFallthrough && next >= 0 && blocks[next].predecessors == 1
                && !blocks[next].instructions.isEmpty && blocks[next].instructions[0].lineno < 0 {
                blocks[next].instructions[0].location = previous
            }
            let last = blocks[b].last!
            if last.opcode.isJump {
                let target = last.target
                if blocks[target].predecessors == 1 && !blocks[target].instructions.isEmpty
                    && blocks[target].instructions[0].lineno < 0 {
                    blocks[target].instructions[0].location = previous
                }
            }
        }
    }

    private mutating func guaranteeLineNumberForExits() {
        var line = Int32(unit.firstLineNumber)
        for b in layout() {
            guard let last = blocks[b].last else { continue }
            if last.lineno < 0 {
                if last.opcode == .returnValue {
                    for i in blocks[b].instructions.indices {
                        blocks[b].instructions[i].location = SourceRange(lineno: line, colOffset: -1,
                                                                         endLineno: line, endColOffset: -1)
                    }
                }
            } else {
                line = last.lineno
            }
        }
    }

    // MARK: Constants

    /// Drops unused constants at the end of the table (never the first,
    /// which may be the docstring), as CPython does.
    private mutating func trimUnusedConstants() {
        var maximum = 0
        for b in layout() {
            for instruction in blocks[b].instructions
            where instruction.opcode == .loadConst || instruction.opcode == IROpcode(.kwNames) {
                maximum = max(maximum, instruction.argument)
            }
        }
        if maximum + 1 < constants.count { constants.removeSubrange((maximum + 1)...) }
    }

    // MARK: Stack depth

    /// The deepest the stack gets on any path (exception handlers included).
    private mutating func stackDepth() -> Int {
        for b in blocks.indices { blocks[b].startDepth = -1 }
        var work: [Int] = []
        var maximum = 0
        func push(_ block: Int, _ depth: Int, _ blocks: inout [BasicBlock], _ work: inout [Int]) {
            if blocks[block].startDepth < 0 {
                blocks[block].startDepth = depth
                work.append(block)
            }
        }
        push(Self.entry, isGenerator ? 1 : 0, &blocks, &work)
        while let b = work.popLast() {
            var depth = blocks[b].startDepth
            var fallsThrough = true
            for instruction in blocks[b].instructions {
                let newDepth = depth + StackEffect.effect(instruction.opcode, instruction.argument, jump: false)
                maximum = max(maximum, newDepth)
                if instruction.opcode.isJump || instruction.opcode.isBlockPush {
                    let targetDepth = depth + StackEffect.effect(instruction.opcode, instruction.argument, jump: true)
                    maximum = max(maximum, targetDepth)
                    push(instruction.target, targetDepth, &blocks, &work)
                }
                depth = newDepth
                if instruction.opcode.endsFlow {
                    fallsThrough = false
                    break
                }
            }
            if fallsThrough && blocks[b].next >= 0 { push(blocks[b].next, depth, &blocks, &work) }
        }
        return maximum
    }

    // MARK: Exception table

    /// Gives every instruction the handler in force there, following the
    /// `setup*`/`popBlock` nesting along every path (label_exception_targets).
    private mutating func labelExceptionTargets() {
        for b in blocks.indices {
            blocks[b].visited = false
            blocks[b].exceptionStack = nil
        }
        var todo: [Int] = [Self.entry]
        blocks[Self.entry].visited = true
        blocks[Self.entry].exceptionStack = []
        while let b = todo.popLast() {
            var stack = blocks[b].exceptionStack ?? []
            blocks[b].exceptionStack = nil
            var handler = stack.last ?? -1
            for i in blocks[b].instructions.indices {
                let instruction = blocks[b].instructions[i]
                if instruction.opcode.isBlockPush {
                    let target = instruction.target
                    if !blocks[target].visited {
                        blocks[target].exceptionStack = stack
                        blocks[target].visited = true
                        todo.append(target)
                    }
                    if instruction.opcode == .setupCleanup || instruction.opcode == .setupWith {
                        blocks[target].preservesLastInstruction = true
                    }
                    stack.append(target)
                    handler = target
                } else if instruction.opcode == .popBlock {
                    if !stack.isEmpty { stack.removeLast() }
                    handler = stack.last ?? -1
                } else if instruction.opcode.isJump {
                    blocks[b].instructions[i].handler = handler
                    let target = instruction.target
                    if !blocks[target].visited {
                        blocks[target].exceptionStack = stack
                        blocks[target].visited = true
                        todo.append(target)
                    }
                } else {
                    blocks[b].instructions[i].handler = handler
                }
            }
            let next = blocks[b].next
            if blocks[b].hasFallthrough && next >= 0 && !blocks[next].visited {
                blocks[next].exceptionStack = stack
                blocks[next].visited = true
                todo.append(next)
            }
        }
    }

    // MARK: Output

    private func emitCode(stackSize: Int) -> CodeObject {
        let order = layout()
        var offsets = [Int](repeating: 0, count: blocks.count)
        var offset = 0
        for b in order {
            offsets[b] = offset
            offset += blocks[b].instructions.count
        }
        let cellBase = unit.variableNames.count
        var instructions: [Instruction] = []
        var positions: [SourceRange] = []
        var handlers: [Int] = []
        instructions.reserveCapacity(offset)
        for b in order {
            for instruction in blocks[b].instructions {
                var opcode: Opcode
                var argument = instruction.argument
                let index = instructions.count
                switch instruction.opcode {
                case .jump:
                    opcode = offsets[instruction.target] > index ? .jumpForward : .jumpBackward
                case .jumpNoInterrupt:
                    opcode = offsets[instruction.target] > index ? .jumpForward : .jumpBackwardNoInterrupt
                default:
                    opcode = instruction.opcode.opcode ?? .nop
                }
                switch opcode {
                case .jumpForward, .jumpBackward, .jumpBackwardNoInterrupt:
                    opcode = offsets[instruction.target] > index ? .jumpForward
                        : (opcode == .jumpBackwardNoInterrupt ? .jumpBackwardNoInterrupt : .jumpBackward)
                    argument = offsets[instruction.target]
                case .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone, .jumpIfFalseOrPop,
                     .jumpIfTrueOrPop, .forIterator, .send:
                    argument = offsets[instruction.target]
                case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref, .makeCell:
                    argument += cellBase
                default:
                    break
                }
                instructions.append(Instruction(opcode, UInt32(argument)))
                positions.append(instruction.location)
                handlers.append(instruction.handler)
            }
        }
        var table: [ExceptionTableEntry] = []
        var start = 0
        var current = -1
        for (index, handler) in handlers.enumerated() where handler != current {
            if current >= 0 { table.append(entry(start, index, current, offsets)) }
            start = index
            current = handler
        }
        if current >= 0 { table.append(entry(start, handlers.count, current, offsets)) }

        let code = CodeObject(name: unit.name, qualifiedName: unit.qualifiedName, filename: filename,
                              firstLineNumber: unit.firstLineNumber, instructions: instructions, positions: positions,
                              constants: constants, names: unit.names, variableNames: unit.variableNames,
                              cellVariables: unit.cellVariables, freeVariables: unit.freeVariables,
                              argumentCount: unit.argumentCount + unit.positionalOnlyArgumentCount,
                              positionalOnlyArgumentCount: unit.positionalOnlyArgumentCount,
                              keywordOnlyArgumentCount: unit.keywordOnlyArgumentCount, flags: flags,
                              stackSize: stackSize, exceptionTable: table)
        #if DEBUG
        if let problem = BytecodeValidator.validate(code, recursive: false) {
            preconditionFailure("invalid bytecode for \(unit.qualifiedName): \(problem)")
        }
        #endif
        return code
    }

    private func entry(_ start: Int, _ end: Int, _ handler: Int, _ offsets: [Int]) -> ExceptionTableEntry {
        let preserves = blocks[handler].preservesLastInstruction
        var depth = blocks[handler].startDepth - 1
        if preserves { depth -= 1 }
        return ExceptionTableEntry(start: start, end: end, target: offsets[handler], depth: depth,
                                   pushesLastInstruction: preserves)
    }
}
