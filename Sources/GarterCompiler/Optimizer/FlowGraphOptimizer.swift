import GarterSyntax

/// The optimizations CPython 3.11 makes on the flow graph before laying it
/// out (optimize_cfg and friends): constant conditions, tuples of constants,
/// jumps to jumps, SWAP sequences, PUSH_NULL + LOAD_GLOBAL, copies of small
/// exit blocks, and removal of unreachable code, empty blocks, redundant
/// jumps and NOPs.
struct FlowGraphOptimizer {
    var blocks: [BasicBlock]
    var constants: [CodeConstant]
    private var constantIndexes: [ConstantKey: Int] = [:]
    static let maximumCopySize = 4

    init(assembler: Assembler) {
        blocks = assembler.blocks
        constants = assembler.constants
    }

    func layout() -> [Int] {
        var order: [Int] = []
        var block = 0
        while block >= 0 {
            order.append(block)
            block = blocks[block].next
        }
        return order
    }

    mutating func optimize() {
        for b in layout() {
            for i in blocks[b].instructions.indices where blocks[b].instructions[i].target >= 0 {
                blocks[b].instructions[i].target = skipEmpty(blocks[b].instructions[i].target)
            }
        }
        for b in layout() {
            optimizeBlock(b)
            Self.removeNops(&blocks, b)
        }
        // CPython walks its block list newest block first; the order decides
        // which jumps see an already extended block.
        let reachable = Set(layout())
        for b in stride(from: blocks.count - 1, through: 0, by: -1) where reachable.contains(b) {
            extendBlock(b)
        }
        markReachable()
        for b in layout() where blocks[b].predecessors == 0 {
            blocks[b].instructions = []
        }
        eliminateEmptyBlocks()
        for b in layout() { Self.removeNops(&blocks, b) }
        removeRedundantJumps()
    }

    func skipEmpty(_ block: Int) -> Int {
        var target = block
        while blocks[target].instructions.isEmpty && blocks[target].next >= 0 {
            target = blocks[target].next
        }
        return target
    }

    // MARK: Block copies

    /// A block ending in a jump to a small block that leaves the function
    /// gets a copy of that block instead of the jump.
    mutating func extendBlock(_ b: Int) {
        guard let last = blocks[b].last, last.opcode == .jump || last.opcode == .jumpForward
                || last.opcode == .jumpBackward else { return }
        let target = last.target
        guard blocks[target].exitsScope, blocks[target].instructions.count <= Self.maximumCopySize else { return }
        // Only blocks without a line number (an implicit `return None`) are copied.
        if blocks[target].instructions.contains(where: { $0.lineno >= 0 }) { return }
        blocks[b].instructions[blocks[b].instructions.count - 1].opcode = .nop
        blocks[b].instructions[blocks[b].instructions.count - 1].target = -1
        blocks[b].instructions.append(contentsOf: blocks[target].instructions)
    }

    // MARK: Reachability

    mutating func markReachable() {
        for b in blocks.indices {
            blocks[b].predecessors = 0
            blocks[b].visited = false
        }
        var stack = [0]
        blocks[0].predecessors = 1
        while let b = stack.popLast() {
            blocks[b].visited = true
            let next = blocks[b].next
            if blocks[b].hasFallthrough && next >= 0 {
                if !blocks[next].visited && blocks[next].predecessors == 0 { stack.append(next) }
                blocks[next].predecessors += 1
            }
            for instruction in blocks[b].instructions where instruction.opcode.isJump || instruction.opcode.isBlockPush {
                let target = instruction.target
                if !blocks[target].visited && blocks[target].predecessors == 0 { stack.append(target) }
                blocks[target].predecessors += 1
            }
        }
    }

    mutating func eliminateEmptyBlocks() {
        for b in layout() {
            var next = blocks[b].next
            if next >= 0 {
                while blocks[next].instructions.isEmpty && blocks[next].next >= 0 {
                    next = blocks[next].next
                }
                blocks[b].next = next
            }
        }
        for b in layout() {
            for i in blocks[b].instructions.indices where blocks[b].instructions[i].target >= 0 {
                var target = blocks[b].instructions[i].target
                while blocks[target].instructions.isEmpty && blocks[target].next >= 0 { target = blocks[target].next }
                blocks[b].instructions[i].target = target
            }
        }
    }

    mutating func removeRedundantJumps() {
        var removed = false
        for b in layout() {
            guard let last = blocks[b].last, last.opcode == .jump || last.opcode == .jumpNoInterrupt else { continue }
            if last.target == blocks[b].next {
                blocks[b].instructions[blocks[b].instructions.count - 1].opcode = .nop
                blocks[b].instructions[blocks[b].instructions.count - 1].target = -1
                removed = true
            }
        }
        if removed {
            eliminateEmptyBlocks()
            for b in layout() { Self.removeNops(&blocks, b) }
        }
    }

    /// Drops the NOPs that carry no line of their own (clean_basic_block).
    static func removeNops(_ blocks: inout [BasicBlock], _ b: Int) {
        var result: [IRInstruction] = []
        result.reserveCapacity(blocks[b].instructions.count)
        var previousLine: Int32 = -1
        let instructions = blocks[b].instructions
        var index = 0
        var carried: SourceRange? = nil
        while index < instructions.count {
            var instruction = instructions[index]
            if let location = carried {
                instruction.location = location
                carried = nil
            }
            let line = instruction.lineno
            if instruction.opcode == .nop {
                if line < 0 || previousLine == line {
                    index += 1
                    continue
                }
                if index < instructions.count - 1 {
                    let nextLine = instructions[index + 1].lineno
                    if nextLine < 0 || nextLine == line {
                        carried = instruction.location
                        index += 1
                        continue
                    }
                } else {
                    var next = blocks[b].next
                    while next >= 0 && blocks[next].instructions.isEmpty { next = blocks[next].next }
                    if next >= 0 && blocks[next].instructions[0].lineno == line {
                        index += 1
                        continue
                    }
                }
            }
            result.append(instruction)
            previousLine = line
            index += 1
        }
        blocks[b].instructions = result
    }

    // MARK: Peephole

    private func constantValue(_ instruction: IRInstruction) -> FoldValue? {
        guard instruction.opcode == .loadConst else { return nil }
        return FoldValue(constants[instruction.argument])
    }

    private mutating func addConstant(_ constant: CodeConstant) -> Int {
        // The table is made on first use: most code objects fold no tuple.
        if constantIndexes.isEmpty {
            for (index, existing) in constants.enumerated() {
                if let key = ConstantKey(existing), constantIndexes[key] == nil { constantIndexes[key] = index }
            }
        }
        if let key = ConstantKey(constant), let index = constantIndexes[key] { return index }
        constants.append(constant)
        if let key = ConstantKey(constant) { constantIndexes[key] = constants.count - 1 }
        return constants.count - 1
    }

    private mutating func optimizeBlock(_ b: Int) {
        var i = 0
        while i < blocks[b].instructions.count {
            let instruction = blocks[b].instructions[i]
            let argument = instruction.argument
            let count = blocks[b].instructions.count
            let nextOpcode: IROpcode? = i + 1 < count ? blocks[b].instructions[i + 1].opcode : nil
            var targetFirst: IRInstruction? = nil
            if instruction.opcode.isJump || instruction.opcode.isBlockPush {
                let target = skipEmpty(instruction.target)
                blocks[b].instructions[i].target = target
                targetFirst = blocks[target].instructions.first
            }
            switch instruction.opcode {
            case .loadConst:
                guard let next = nextOpcode else { break }
                if next == .popJumpIfFalse || next == .popJumpIfTrue {
                    guard let value = constantValue(instruction) else { break }
                    blocks[b].instructions[i].opcode = .nop
                    if value.isTrue == (next == .popJumpIfTrue) {
                        blocks[b].instructions[i + 1].opcode = .jump
                    } else {
                        blocks[b].instructions[i + 1].opcode = .nop
                        blocks[b].instructions[i + 1].target = -1
                    }
                } else if next == .jumpIfFalseOrPop || next == .jumpIfTrueOrPop {
                    guard let value = constantValue(instruction) else { break }
                    if value.isTrue == (next == .jumpIfTrueOrPop) {
                        blocks[b].instructions[i + 1].opcode = .jump
                    } else {
                        blocks[b].instructions[i].opcode = .nop
                        blocks[b].instructions[i + 1].opcode = .nop
                        blocks[b].instructions[i + 1].target = -1
                    }
                } else if next == IROpcode(.isOp), i + 2 < count {
                    guard case .literal(.none) = constants[argument] else { break }
                    let jump = blocks[b].instructions[i + 2].opcode
                    guard jump == .popJumpIfFalse || jump == .popJumpIfTrue else { break }
                    let isNot = blocks[b].instructions[i + 1].argument != 0
                    blocks[b].instructions[i].opcode = .nop
                    blocks[b].instructions[i + 1].opcode = .nop
                    blocks[b].instructions[i + 2].opcode = (isNot != (jump == .popJumpIfFalse)) ? .popJumpIfNotNone : .popJumpIfNone
                }
            case IROpcode(.buildTuple):
                if nextOpcode == IROpcode(.unpackSequence) && argument == blocks[b].instructions[i + 1].argument {
                    if argument == 1 {
                        blocks[b].instructions[i].opcode = .nop
                        blocks[b].instructions[i + 1].opcode = .nop
                        i += 1
                        continue
                    }
                    if argument == 2 || argument == 3 {
                        blocks[b].instructions[i].opcode = .nop
                        blocks[b].instructions[i + 1].opcode = IROpcode(.swap)
                        i += 1
                        continue
                    }
                }
                if i >= argument { foldTuple(b, at: i, count: argument) }
            case .jumpIfFalseOrPop, .jumpIfTrueOrPop:
                guard let target = targetFirst else { break }
                let isFalse = instruction.opcode == .jumpIfFalseOrPop
                let same: IROpcode = isFalse ? .popJumpIfFalse : .popJumpIfTrue
                let sameOrPop: IROpcode = isFalse ? .jumpIfFalseOrPop : .jumpIfTrueOrPop
                let opposite: IROpcode = isFalse ? .popJumpIfTrue : .popJumpIfFalse
                let oppositeOrPop: IROpcode = isFalse ? .jumpIfTrueOrPop : .jumpIfFalseOrPop
                if target.opcode == same {
                    if threadJump(b, i, target, same) { continue }
                } else if target.opcode == .jump || target.opcode == sameOrPop {
                    if threadJump(b, i, target, sameOrPop) { continue }
                } else if target.opcode == oppositeOrPop || target.opcode == opposite {
                    if instruction.lineno == target.lineno {
                        blocks[b].instructions[i].opcode = same
                        blocks[b].instructions[i].target = blocks[instruction.target].next
                        continue
                    }
                }
            case .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone:
                if let target = targetFirst, target.opcode == .jump {
                    if threadJump(b, i, target, instruction.opcode) { continue }
                }
            case .jump:
                if let target = targetFirst, target.opcode == .jump {
                    if threadJump(b, i, target, .jump) { continue }
                }
            case IROpcode(.swap):
                if argument == 1 {
                    blocks[b].instructions[i].opcode = .nop
                    break
                }
                swaptimize(b, &i)
                applyStaticSwaps(b, i)
            case IROpcode(.pushNull):
                if nextOpcode == IROpcode(.loadGlobal) && blocks[b].instructions[i + 1].argument & 1 == 0 {
                    blocks[b].instructions[i].opcode = .nop
                    blocks[b].instructions[i].argument = 0
                    blocks[b].instructions[i + 1].argument |= 1
                }
            default:
                break
            }
            i += 1
        }
    }

    /// Retargets the jump at `i` past the jump it lands on; false when that
    /// would change line events or nothing.
    private mutating func threadJump(_ b: Int, _ i: Int, _ target: IRInstruction, _ opcode: IROpcode) -> Bool {
        let instruction = blocks[b].instructions[i]
        if instruction.lineno == target.lineno && instruction.target != target.target {
            blocks[b].instructions[i].target = target.target
            blocks[b].instructions[i].opcode = opcode
            return true
        }
        return false
    }

    private mutating func foldTuple(_ b: Int, at i: Int, count: Int) {
        var items: [CodeConstant] = []
        for k in (i - count)..<i {
            let instruction = blocks[b].instructions[k]
            guard instruction.opcode == .loadConst else { return }
            items.append(constants[instruction.argument])
        }
        let index = addConstant(.tuple(items))
        for k in (i - count)..<i { blocks[b].instructions[k].opcode = .nop }
        blocks[b].instructions[i].opcode = .loadConst
        blocks[b].instructions[i].argument = index
    }

    /// Replaces a run of SWAPs (and NOPs) with the fewest SWAPs that permute
    /// the stack the same way (CPython's swaptimize).
    private mutating func swaptimize(_ b: Int, _ ix: inout Int) {
        let start = ix
        var depth = blocks[b].instructions[start].argument
        var length = 0
        var more = false
        let limit = blocks[b].instructions.count - start
        while true {
            length += 1
            if length >= limit { break }
            let opcode = blocks[b].instructions[start + length].opcode
            if opcode == IROpcode(.swap) {
                depth = max(depth, blocks[b].instructions[start + length].argument)
                more = true
            } else if opcode != .nop {
                break
            }
        }
        if !more { return }
        var stack = Array(0..<depth)
        for k in 0..<length where blocks[b].instructions[start + k].opcode == IROpcode(.swap) {
            let argument = blocks[b].instructions[start + k].argument
            stack.swapAt(0, argument - 1)
        }
        let visited = -1
        var current = length - 1
        for i in 0..<depth {
            if stack[i] == visited || stack[i] == i { continue }
            var j = i
            while true {
                if j != 0 {
                    blocks[b].instructions[start + current].opcode = IROpcode(.swap)
                    blocks[b].instructions[start + current].argument = j + 1
                    current -= 1
                }
                if stack[j] == visited { break }
                let next = stack[j]
                stack[j] = visited
                j = next
            }
        }
        while current >= 0 {
            blocks[b].instructions[start + current].opcode = .nop
            current -= 1
        }
        ix = start + length - 1
    }

    private static func isSwappable(_ opcode: IROpcode) -> Bool {
        opcode == IROpcode(.storeFast) || opcode == IROpcode(.popTop)
    }

    private func nextSwappable(_ b: Int, _ i: Int, _ line: Int32) -> Int {
        var i = i + 1
        while i < blocks[b].instructions.count {
            let instruction = blocks[b].instructions[i]
            if line >= 0 && instruction.lineno != line { return -1 }
            if instruction.opcode == .nop {
                i += 1
                continue
            }
            return Self.isSwappable(instruction.opcode) ? i : -1
        }
        return -1
    }

    /// Applies SWAPs by exchanging the STORE_FAST/POP_TOP instructions that
    /// follow instead (apply_static_swaps).
    private mutating func applyStaticSwaps(_ b: Int, _ i: Int) {
        var i = i
        while i >= 0 {
            let swap = blocks[b].instructions[i]
            if swap.opcode != IROpcode(.swap) {
                if swap.opcode == .nop || Self.isSwappable(swap.opcode) {
                    i -= 1
                    continue
                }
                return
            }
            let j = nextSwappable(b, i, -1)
            if j < 0 { return }
            var k = j
            let line = blocks[b].instructions[j].lineno
            var count = swap.argument - 1
            while count > 0 {
                k = nextSwappable(b, k, line)
                if k < 0 { return }
                count -= 1
            }
            blocks[b].instructions[i].opcode = .nop
            blocks[b].instructions.swapAt(j, k)
            i -= 1
        }
    }
}
