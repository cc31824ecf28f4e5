import GarterSyntax

/// Collects the instructions and tables of one code object: jumps to labels
/// that are placed later, constants and names without duplicates, and one
/// source position per instruction. `finish` resolves the labels and works
/// out the stack depth.
struct CodeBuilder {
    struct Label: Hashable {
        let id: Int
    }

    private(set) var instructions: [Instruction] = []
    private(set) var positions: [SourceRange] = []
    private(set) var constants: [CodeConstant] = []
    private var constantIndexes: [ConstantKey: Int] = [:]
    private(set) var names: [String] = []
    private var nameIndexes: [String: Int] = [:]
    /// Where each label was placed (an instruction index), by label id.
    private var labelTargets: [Int?] = []
    /// The position given to instructions emitted from now on.
    var position: SourceRange

    init(position: SourceRange) {
        self.position = position
    }

    mutating func emit(_ opcode: Opcode, _ argument: Int = 0) {
        instructions.append(Instruction(opcode, UInt32(argument)))
        positions.append(position)
    }

    mutating func makeLabel() -> Label {
        labelTargets.append(nil)
        return Label(id: labelTargets.count - 1)
    }

    /// A jump to `label`; its argument is filled in by `finish`.
    mutating func emitJump(_ opcode: Opcode, to label: Label) {
        instructions.append(Instruction(opcode, UInt32(label.id)))
        positions.append(position)
        pendingJumps.append(instructions.count - 1)
    }

    private var pendingJumps: [Int] = []

    mutating func place(_ label: Label) {
        labelTargets[label.id] = instructions.count
    }

    /// A jump back to an already placed label.
    mutating func emitJumpBackward(to label: Label) {
        emit(.jumpBackward, labelTargets[label.id]!)
    }

    mutating func constantIndex(_ constant: CodeConstant) -> Int {
        let key = ConstantKey(constant)
        if let key, let index = constantIndexes[key] { return index }
        constants.append(constant)
        if let key { constantIndexes[key] = constants.count - 1 }
        return constants.count - 1
    }

    mutating func nameIndex(_ name: String) -> Int {
        if let index = nameIndexes[name] { return index }
        names.append(name)
        nameIndexes[name] = names.count - 1
        return names.count - 1
    }

    /// Resolves jumps to labels and computes the deepest stack.
    mutating func finish() -> (instructions: [Instruction], positions: [SourceRange], stackSize: Int) {
        for index in pendingJumps {
            let label = Int(instructions[index].argument)
            instructions[index] = Instruction(instructions[index].opcode, UInt32(labelTargets[label]!))
        }
        pendingJumps = []
        return (instructions, positions, StackDepth.maximum(of: instructions))
    }
}

/// Constants that can be shared within one code object, keyed by type and
/// value (`1`, `1.0` and `True` are different constants).
private enum ConstantKey: Hashable {
    case none, ellipsis
    case bool(Bool)
    case int(Int)
    case float(UInt64)
    case string([UInt32])

    init?(_ constant: CodeConstant) {
        guard case .literal(let literal) = constant else { return nil }
        switch literal {
        case .none: self = .none
        case .ellipsis: self = .ellipsis
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .float(let number): self = .float(number.bitPattern)
        case .str(let text): self = .string(text.codePoints)
        default: return nil
        }
    }
}
