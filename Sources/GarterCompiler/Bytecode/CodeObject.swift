import GarterSyntax

/// What the compiler makes of a module, class body, function, lambda or
/// comprehension: the instructions and the tables they index. It is plain
/// data; the runtime turns `constants` into objects when it loads the code.
///
/// Field names follow CPython's `co_*` attributes, which Python code reads.
public final class CodeObject: Sendable {
    public let name: String
    public let qualifiedName: String
    public let filename: String
    public let firstLineNumber: Int

    public let instructions: [Instruction]
    /// Source position of each instruction (same index), for tracebacks,
    /// `co_positions()` and `co_lines()`.
    public let positions: [SourceRange]
    public let constants: [CodeConstant]
    /// Global, attribute and imported names.
    public let names: [String]
    /// Parameters first, then the other locals.
    public let variableNames: [String]
    public let cellVariables: [String]
    public let freeVariables: [String]

    public let argumentCount: Int
    public let positionalOnlyArgumentCount: Int
    public let keywordOnlyArgumentCount: Int
    public let flags: CodeFlags
    /// The deepest the value stack gets.
    public let stackSize: Int
    public let exceptionTable: [ExceptionTableEntry]

    public init(name: String, qualifiedName: String, filename: String, firstLineNumber: Int,
                instructions: [Instruction], positions: [SourceRange], constants: [CodeConstant],
                names: [String], variableNames: [String], cellVariables: [String], freeVariables: [String],
                argumentCount: Int, positionalOnlyArgumentCount: Int, keywordOnlyArgumentCount: Int,
                flags: CodeFlags, stackSize: Int, exceptionTable: [ExceptionTableEntry]) {
        precondition(instructions.count == positions.count, "one position per instruction")
        self.name = name
        self.qualifiedName = qualifiedName
        self.filename = filename
        self.firstLineNumber = firstLineNumber
        self.instructions = instructions
        self.positions = positions
        self.constants = constants
        self.names = names
        self.variableNames = variableNames
        self.cellVariables = cellVariables
        self.freeVariables = freeVariables
        self.argumentCount = argumentCount
        self.positionalOnlyArgumentCount = positionalOnlyArgumentCount
        self.keywordOnlyArgumentCount = keywordOnlyArgumentCount
        self.flags = flags
        self.stackSize = stackSize
        self.exceptionTable = exceptionTable
    }
}

/// A constant of a code object.
public enum CodeConstant: Sendable {
    case literal(Constant)
    /// A complex number with a real part (made by constant folding, `1+2j`).
    case complex(real: Double, imag: Double)
    case tuple([CodeConstant])
    case frozenset([CodeConstant])
    case code(CodeObject)
}

/// `co_flags`, with CPython's bit values (Python code tests them).
public struct CodeFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let optimized = CodeFlags(rawValue: 0x0001)
    public static let newLocals = CodeFlags(rawValue: 0x0002)
    public static let varArgs = CodeFlags(rawValue: 0x0004)
    public static let varKeywords = CodeFlags(rawValue: 0x0008)
    public static let nested = CodeFlags(rawValue: 0x0010)
    public static let generator = CodeFlags(rawValue: 0x0020)
    public static let noFree = CodeFlags(rawValue: 0x0040)
    public static let coroutine = CodeFlags(rawValue: 0x0080)
    public static let iterableCoroutine = CodeFlags(rawValue: 0x0100)
    public static let asyncGenerator = CodeFlags(rawValue: 0x0200)
}

/// Zero-cost exception handling, as in CPython 3.11: instructions in
/// `start..<end` that raise continue at `target`, with the stack cut back to
/// `depth` items (and the raising instruction's index pushed when `pushesLastInstruction`).
public struct ExceptionTableEntry: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var target: Int
    public var depth: Int
    public var pushesLastInstruction: Bool

    public init(start: Int, end: Int, target: Int, depth: Int, pushesLastInstruction: Bool) {
        self.start = start
        self.end = end
        self.target = target
        self.depth = depth
        self.pushesLastInstruction = pushesLastInstruction
    }
}
