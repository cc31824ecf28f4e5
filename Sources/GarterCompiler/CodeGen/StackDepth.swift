/// The deepest the value stack gets in a code object, found by walking every
/// path through the instructions (CPython's stackdepth()).
enum StackDepth {
    static func maximum(of instructions: [Instruction]) -> Int {
        guard !instructions.isEmpty else { return 0 }
        var depthAt = [Int?](repeating: nil, count: instructions.count)
        var work = [0]
        depthAt[0] = 0
        var maximum = 0
        func reach(_ target: Int, _ depth: Int, _ work: inout [Int]) {
            guard target < instructions.count, depthAt[target] == nil else { return }
            depthAt[target] = depth
            work.append(target)
        }
        while let start = work.popLast() {
            var index = start
            var depth = depthAt[start]!
            while index < instructions.count {
                let instruction = instructions[index]
                let (fallThrough, jump) = effect(instruction)
                if let jump {
                    reach(Int(instruction.argument), depth + jump, &work)
                    maximum = max(maximum, depth + jump)
                }
                guard let fallThrough else { break }
                depth += fallThrough
                maximum = max(maximum, depth)
                index += 1
                if index < instructions.count {
                    if depthAt[index] != nil { break }
                    depthAt[index] = depth
                }
            }
        }
        return maximum
    }

    /// The stack change when execution continues to the next instruction
    /// (nil when it never does) and when it jumps (nil for no jump).
    static func effect(_ instruction: Instruction) -> (fallThrough: Int?, jump: Int?) {
        let argument = Int(instruction.argument)
        switch instruction.opcode {
        case .nop: return (0, nil)
        case .popTop: return (-1, nil)
        case .copy: return (1, nil)
        case .swap: return (0, nil)
        case .loadConst, .loadFast, .loadGlobal, .loadName, .loadDeref, .loadClosure: return (1, nil)
        case .storeFast, .storeGlobal, .storeName, .storeDeref: return (-1, nil)
        case .deleteFast, .deleteGlobal, .deleteName, .deleteDeref: return (0, nil)
        case .loadAttr: return (0, nil)
        case .storeAttr: return (-2, nil)
        case .deleteAttr: return (-1, nil)
        case .binaryOp, .compareOp, .isOp, .containsOp, .binarySubscript: return (-1, nil)
        case .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot: return (0, nil)
        case .storeSubscript: return (-3, nil)
        case .deleteSubscript: return (-2, nil)
        case .buildTuple, .buildList, .buildSet: return (1 - argument, nil)
        case .buildMap: return (1 - 2 * argument, nil)
        case .listAppend: return (-1, nil)
        case .jumpForward, .jumpBackward: return (nil, 0)
        case .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone: return (-1, -1)
        case .getIterator: return (0, nil)
        case .forIterator: return (1, -1)
        case .returnValue: return (nil, nil)
        case .call: return (-argument - 1, nil)
        case .makeFunction: return (-argumentsBelow(argument), nil)
        case .pushNull: return (1, nil)
        default: return (0, nil)
        }
    }

    /// How many extra items `makeFunction`'s flags say lie below the code object.
    static func argumentsBelow(_ flags: Int) -> Int {
        (flags & 1 != 0 ? 1 : 0) + (flags & 2 != 0 ? 1 : 0) + (flags & 4 != 0 ? 1 : 0) + (flags & 8 != 0 ? 1 : 0)
    }
}
