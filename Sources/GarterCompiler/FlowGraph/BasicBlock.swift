import GarterSyntax

/// The position CPython gives instructions that have none (lineno -1):
/// the assembler's line propagation fills most of them in.
let noLocation = SourceRange(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)

/// One instruction of the flow graph.
struct IRInstruction {
    var opcode: IROpcode
    var argument: Int
    /// The block a jump or block push goes to, else -1.
    var target: Int
    var location: SourceRange
    /// Set by the exception labelling pass: the handler block, or -1.
    var handler: Int = -1

    init(_ opcode: IROpcode, _ argument: Int = 0, target: Int = -1, location: SourceRange) {
        self.opcode = opcode
        self.argument = argument
        self.target = target
        self.location = location
    }

    var lineno: Int32 { location.lineno }
}

/// A straight run of instructions: control enters at the top and leaves at
/// the bottom (by its last instruction or by falling through to `next`).
struct BasicBlock {
    var instructions: [IRInstruction] = []
    /// The block laid out after this one (-1 at the end).
    var next = -1
    var predecessors = 0
    /// Stack depth on entry, -1 until the depth pass reaches it.
    var startDepth = -1
    /// A handler reached through `setupCleanup`/`setupWith`: its entry has lasti below the exception.
    var preservesLastInstruction = false
    var isExceptionHandler = false
    var visited = false
    /// The handler stack on entry, while labelling exception targets.
    var exceptionStack: [Int]? = nil
    /// Instruction index of the block's first instruction after assembly.
    var offset = 0

    var last: IRInstruction? { instructions.last }

    /// Control can continue into `next`.
    var hasFallthrough: Bool {
        guard let last = instructions.last else { return true }
        return !last.opcode.endsFlow
    }

    var exitsScope: Bool { instructions.last?.opcode.isScopeExit ?? false }
}
