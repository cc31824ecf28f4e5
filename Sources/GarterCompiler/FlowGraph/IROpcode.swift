/// An opcode of the compiler's intermediate form: a real `Opcode` (its raw
/// value) or one of the pseudo-instructions that exist only until assembly,
/// as in CPython 3.11's compiler.
struct IROpcode: Hashable {
    let raw: UInt16

    init(_ opcode: Opcode) { raw = UInt16(opcode.rawValue) }
    private init(pseudo: UInt16) { raw = pseudo }

    /// Pushes a handler (`target`) for the instructions until the matching
    /// `popBlock`; at the handler the stack is cut back and the exception pushed.
    static let setupFinally = IROpcode(pseudo: 256)
    /// As `setupFinally`, but the handler also receives the raising
    /// instruction's index (lasti) below the exception.
    static let setupCleanup = IROpcode(pseudo: 257)
    /// As `setupCleanup`, for `with`: the handler keeps `__exit__` and drops
    /// the result of `__enter__`.
    static let setupWith = IROpcode(pseudo: 258)
    static let popBlock = IROpcode(pseudo: 259)
    /// An unconditional jump; becomes `jumpForward` or `jumpBackward`.
    static let jump = IROpcode(pseudo: 260)
    /// Becomes `jumpForward` or `jumpBackwardNoInterrupt`.
    static let jumpNoInterrupt = IROpcode(pseudo: 261)

    var opcode: Opcode? { raw < 256 ? Opcode(rawValue: UInt8(raw)) : nil }
    var isPseudo: Bool { raw >= 256 }

    static func == (lhs: IROpcode, rhs: Opcode) -> Bool { lhs.raw == UInt16(rhs.rawValue) }

    var isBlockPush: Bool { self == .setupFinally || self == .setupCleanup || self == .setupWith }

    /// Instructions whose argument is a block (jumps, including conditional ones).
    var isJump: Bool {
        switch self {
        case .jump, .jumpNoInterrupt: return true
        default: break
        }
        guard let opcode else { return false }
        switch opcode {
        case .jumpForward, .jumpBackward, .jumpBackwardNoInterrupt, .popJumpIfFalse, .popJumpIfTrue,
             .popJumpIfNone, .popJumpIfNotNone, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIterator, .send:
            return true
        default:
            return false
        }
    }

    var isUnconditionalJump: Bool {
        self == .jump || self == .jumpNoInterrupt || self == .jumpForward || self == .jumpBackward
            || self == .jumpBackwardNoInterrupt
    }

    /// Leaves the code object: return, raise, re-raise.
    var isScopeExit: Bool {
        self == .returnValue || self == .raiseVarargs || self == .reraise
    }

    /// Ends a basic block: nothing after it in the same block runs.
    var isTerminator: Bool { isJump || isScopeExit }

    /// Execution never continues with the next instruction.
    var endsFlow: Bool { isUnconditionalJump || isScopeExit }
}

extension IROpcode {
    static let nop = IROpcode(.nop)
    static let loadConst = IROpcode(.loadConst)
    static let popJumpIfFalse = IROpcode(.popJumpIfFalse)
    static let popJumpIfTrue = IROpcode(.popJumpIfTrue)
    static let popJumpIfNone = IROpcode(.popJumpIfNone)
    static let popJumpIfNotNone = IROpcode(.popJumpIfNotNone)
    static let jumpIfFalseOrPop = IROpcode(.jumpIfFalseOrPop)
    static let jumpIfTrueOrPop = IROpcode(.jumpIfTrueOrPop)
    static let returnValue = IROpcode(.returnValue)
    static let raiseVarargs = IROpcode(.raiseVarargs)
    static let reraise = IROpcode(.reraise)
    static let jumpForward = IROpcode(.jumpForward)
    static let jumpBackward = IROpcode(.jumpBackward)
    static let jumpBackwardNoInterrupt = IROpcode(.jumpBackwardNoInterrupt)
    static let forIterator = IROpcode(.forIterator)
    static let send = IROpcode(.send)
}
