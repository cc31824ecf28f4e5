/// Garter's instruction set.
///
/// An instruction is one 32-bit word: the opcode in the low 8 bits and its
/// argument in the high 24 (`Instruction`). Arguments wider than 24 bits are
/// not needed: jump targets are instruction indexes and tables are indexed by
/// position. Jumps are absolute, which keeps code generation and `dis` simple.
///
/// The set follows CPython 3.11's where the semantics are the same, so that
/// CPython's documentation of `dis` explains it, but the encoding, the jump
/// arguments and the numbering are Garter's own.
public enum Opcode: UInt8, CaseIterable, Sendable {
    // Stack
    case nop = 0
    /// Discards the top of the stack.
    case popTop
    /// Pushes a copy of the item `arg` deep (1 = the top).
    case copy
    /// Swaps the top with the item `arg` deep (2 = the one below the top).
    case swap

    // Constants and names
    /// Pushes `constants[arg]`.
    case loadConst
    /// Pushes local `varnames[arg]`; UnboundLocalError when unset.
    case loadFast
    case storeFast
    case deleteFast
    /// `names[arg]` in the globals, then the builtins; NameError when missing.
    case loadGlobal
    case storeGlobal
    case deleteGlobal
    /// `names[arg]` in the locals mapping, then globals, then builtins
    /// (module and class bodies).
    case loadName
    case storeName
    case deleteName
    /// Cell and free variables: `arg` indexes cellvars followed by freevars.
    case loadDeref
    case storeDeref
    case deleteDeref
    /// Pushes the cell itself, to build a closure.
    case loadClosure
    case loadAttr
    case storeAttr
    case deleteAttr

    // Operators
    /// `arg` is a `BinaryOperation`.
    case binaryOp
    /// `arg` is a `ComparisonOperation`.
    case compareOp
    /// `is` (`arg` 0) or `is not` (1).
    case isOp
    /// `in` (`arg` 0) or `not in` (1).
    case containsOp
    case unaryNegative
    case unaryPositive
    case unaryInvert
    case unaryNot
    case binarySubscript
    case storeSubscript
    case deleteSubscript

    // Building containers
    case buildTuple
    case buildList
    /// `arg` key/value pairs.
    case buildMap
    case buildSet
    /// Appends the top to the list `arg` deep below it (comprehensions).
    case listAppend

    // Control flow
    /// Continues at instruction `arg` (forward).
    case jumpForward
    /// Continues at instruction `arg` (backward): checks the eval breaker.
    case jumpBackward
    case popJumpIfFalse
    case popJumpIfTrue
    case popJumpIfNone
    case popJumpIfNotNone
    /// Replaces the top with an iterator over it.
    case getIterator
    /// Pushes the iterator's next item, or pops the iterator and jumps to `arg`.
    case forIterator
    case returnValue

    // Functions
    /// Calls the callable below `arg` positional arguments.
    case call
    /// Makes a function from the code object on top; `arg` says which of
    /// defaults, keyword defaults, annotations, closure lie below it.
    case makeFunction
}

/// The `arg` of `binaryOp` (and of augmented assignment: `inPlace` set).
public enum BinaryOperation: UInt32, Sendable {
    case add, subtract, multiply, matrixMultiply, trueDivide, floorDivide, remainder, power
    case leftShift, rightShift, and, or, xor
    case inPlaceAdd = 16, inPlaceSubtract, inPlaceMultiply, inPlaceMatrixMultiply, inPlaceTrueDivide
    case inPlaceFloorDivide, inPlaceRemainder, inPlacePower, inPlaceLeftShift, inPlaceRightShift
    case inPlaceAnd, inPlaceOr, inPlaceXor
}

/// The `arg` of `compareOp`.
public enum ComparisonOperation: UInt32, Sendable {
    case less, lessOrEqual, equal, notEqual, greater, greaterOrEqual
}

/// One instruction word.
@frozen
public struct Instruction: Equatable, Sendable {
    public var word: UInt32

    public static let maximumArgument: UInt32 = (1 << 24) - 1

    @inlinable
    public init(_ opcode: Opcode, _ argument: UInt32 = 0) {
        precondition(argument <= Instruction.maximumArgument, "instruction argument out of range")
        word = UInt32(opcode.rawValue) | argument << 8
    }

    @inlinable
    public var opcode: Opcode {
        // Every word is made by `init`, so the byte is a valid opcode.
        Opcode(rawValue: UInt8(truncatingIfNeeded: word))!
    }

    @inlinable
    public var argument: UInt32 { word >> 8 }
}
