/// Garter's instruction set.
///
/// An instruction is one 32-bit word: the opcode in the low 8 bits and its
/// argument in the high 24 (`Instruction`). Every opcode has exactly the stack
/// semantics of CPython 3.11's opcode of the same name (dis documentation,
/// Python/ceval.c), so CPython's documentation explains it, with these
/// differences in encoding:
///
/// - One word per instruction: no EXTENDED_ARG, no CACHE entries, no
///   PRECALL (CALL does everything), no specialized/quickened variants.
/// - Jump arguments are absolute instruction indexes. Unconditional jumps are
///   `jumpForward`/`jumpBackward`/`jumpBackwardNoInterrupt` (backward means to
///   an earlier index; the runtime checks its eval breaker on `jumpBackward`).
///   There is ONE set of conditional jumps (`popJumpIf*`, `jump*OrPop`) for
///   both directions; the runtime checks the eval breaker when the target is
///   not after the jump. `forIterator`, `send` also take absolute targets.
/// - `binaryOp`'s argument is a `BinaryOperation`, `compareOp`'s a
///   `ComparisonOperation` (CPython's `cmp_op` order, which it is).
///
/// Local slots ("localsplus"): `co_varnames` (parameters first), then
/// `co_cellvars`, then `co_freevars`. `loadFast`/`storeFast`/`deleteFast`
/// index varnames; the DEREF family, `loadClosure`, `loadClassDeref` and
/// `makeCell` index the whole localsplus space (a cell's argument is
/// `varnames.count + i`, a free variable's `varnames.count + cellvars.count + i`).
///
/// Cells for parameters — the one place Garter's layout differs from 3.11:
/// CPython 3.11 keeps a parameter that is also a cell in ONE slot (the
/// argument slot becomes the cell, and MAKE_CELL wraps the argument in
/// place). Garter keeps the two slots apart, as the runtime contract says:
/// the parameter keeps its varnames slot, the cell has its own slot after
/// the varnames, `makeCell` always makes an EMPTY cell (it never reads the
/// slot), and the argument is copied in explicitly. The prologue of every
/// code object is, in this order:
///     COPY_FREE_VARS n                       when there are free variables
///     MAKE_CELL (varnames.count + i)         for every cell: cells of
///                                            parameters first (in parameter
///                                            order), then the others in
///                                            cellvars order (CPython's order)
///     LOAD_FAST param; STORE_DEREF cell      for every parameter that is a cell
///     RETURN_GENERATOR; POP_TOP              generators, coroutines, async generators
///     RESUME 0
/// `scripts/compare_bytecode.py` drops the LOAD_FAST/STORE_DEREF pairs
/// before RESUME when it compares with CPython.
///
/// Positions: `CodeObject.positions` has one `SourceRange` per instruction;
/// a line of -1 means "no position" (CPython's None), a column of -1 an
/// unknown column.
///
/// Each case's doc comment gives its stack effect, `before -- after`
/// (top of the stack on the right).
public enum Opcode: UInt8, CaseIterable, Sendable {
    // Stack
    /// `--` does nothing (kept for line events; the assembler removes most).
    case nop = 0
    /// `x --`
    case popTop
    /// `x(arg) ... -- x(arg) ... x` pushes a copy of the item `arg` deep (1 = the top).
    case copy
    /// `... a(arg) ... b -- ... b ... a` swaps the top with the item `arg` deep.
    case swap

    // Constants and names
    /// `-- constants[arg]`
    case loadConst
    /// `-- varnames[arg]` (UnboundLocalError when unset)
    case loadFast
    /// `v --` into varnames[arg]
    case storeFast
    /// `--` unbinds varnames[arg]
    case deleteFast
    /// `-- [NULL] global` names[arg >> 1] in globals then builtins; pushes NULL first when arg & 1.
    case loadGlobal
    /// `v --` into globals[names[arg]]
    case storeGlobal
    /// `--` deletes globals[names[arg]]
    case deleteGlobal
    /// `-- v` names[arg] in locals, globals, builtins
    case loadName
    /// `v --` into locals[names[arg]]
    case storeName
    /// `--` deletes locals[names[arg]]
    case deleteName
    /// `-- v` contents of the cell in localsplus[arg]
    case loadDeref
    /// `v --` into the cell in localsplus[arg]
    case storeDeref
    /// `--` empties the cell in localsplus[arg]
    case deleteDeref
    /// `-- cell` the cell object in localsplus[arg] itself
    case loadClosure
    /// `obj -- obj.names[arg]`
    case loadAttr
    /// `v obj --` obj.names[arg] = v
    case storeAttr
    /// `obj --` del obj.names[arg]
    case deleteAttr

    // Operators
    /// `a b -- a op b` (`arg` is a `BinaryOperation`)
    case binaryOp
    /// `a b -- a cmp b` (`arg` is a `ComparisonOperation`)
    case compareOp
    /// `a b -- a is b` (arg 0) or `a is not b` (1)
    case isOp
    /// `a b -- a in b` (arg 0) or `a not in b` (1)
    case containsOp
    /// `x -- -x`
    case unaryNegative
    /// `x -- +x`
    case unaryPositive
    /// `x -- ~x`
    case unaryInvert
    /// `x -- not x`
    case unaryNot
    /// `container key -- container[key]`
    case binarySubscript
    /// `v container key --` container[key] = v
    case storeSubscript
    /// `container key --` del container[key]
    case deleteSubscript

    // Building containers
    /// `x1 ... xn -- (x1, ..., xn)`
    case buildTuple
    /// `x1 ... xn -- [x1, ..., xn]`
    case buildList
    /// `k1 v1 ... kn vn -- {k1: v1, ...}` (arg = n pairs)
    case buildMap
    /// `x1 ... xn -- {x1, ..., xn}`
    case buildSet
    /// `list(arg) ... v -- list ...` appends v to the list `arg` deep (after popping v)
    case listAppend

    // Control flow
    /// `--` continues at instruction `arg` (forward)
    case jumpForward
    /// `--` continues at instruction `arg` (backward); checks the eval breaker
    case jumpBackward
    /// `x --` jumps to `arg` when x is false
    case popJumpIfFalse
    /// `x --` jumps to `arg` when x is true
    case popJumpIfTrue
    /// `x --` jumps to `arg` when x is None
    case popJumpIfNone
    /// `x --` jumps to `arg` when x is not None
    case popJumpIfNotNone
    /// `x -- iter(x)`
    case getIterator
    /// `it -- it next(it)`; when exhausted pops `it` and jumps to `arg`
    case forIterator
    /// `v --` returns v from the frame
    case returnValue

    // Functions
    /// `callable-or-NULL self-or-callable a1 ... an -- result` (arg = n; KW_NAMES names the last ones)
    case call
    /// `[defaults] [kwdefaults] [annotations] [closure] code -- function` (arg: flags 0x01 0x02 0x04 0x08)
    case makeFunction

    // --- Added for the full language (3.11 names, same semantics) ---

    /// `-- NULL`
    case pushNull
    /// `--` start of a frame (arg 0), after yield (1), after yield from (2), after await (3)
    case resume
    /// `--` makes an empty cell in localsplus[arg] (see the note above on parameters)
    case makeCell
    /// `--` copies the function's closure into the last `arg` localsplus slots
    case copyFreeVars
    /// `-- v` names[localsplus[arg]] from the class namespace, else the cell (class bodies)
    case loadClassDeref
    /// `obj -- method obj` or `obj -- NULL attr`
    case loadMethod
    /// `--` the next CALL's last len(constants[arg]) arguments are keywords with those names
    case kwNames
    /// `callable-or-NULL? ... callable args [kwargs] -- result` (arg & 1: kwargs dict present)
    case callFunctionEx
    /// `--` makes the generator/coroutine and returns it; execution resumes after it (the POP_TOP pops the sent None)
    case returnGenerator
    /// `v -- sent` yields v; the value sent in replaces it
    case yieldValue
    /// `receiver v -- receiver next` or, when the receiver finishes, `receiver v -- result` and jumps to `arg`
    case send
    /// `x -- awaitable` (arg 0 plain, 1 after __aenter__, 2 after __aexit__)
    case getAwaitable
    /// `x -- x.__aiter__()`
    case getAIter
    /// `aiter -- aiter awaitable(anext)`
    case getANext
    /// `aiter exc --` StopAsyncIteration ends the loop, anything else re-raises
    case endAsyncFor
    /// `mgr -- exit awaitable(enter)` 
    case beforeAsyncWith
    /// `mgr -- exit enter_result`
    case beforeWith
    /// `x -- iter` for `yield from` (coroutines pass through)
    case getYieldFromIter
    /// `v -- wrapped` before YIELD_VALUE in async generators
    case asyncGenWrap
    /// `set(arg) ... v -- set ...` adds v
    case setAdd
    /// `map(arg) ... k v -- map ...` map[k] = v
    case mapAdd
    /// `list(arg) ... it -- list ...` extends
    case listExtend
    /// `set(arg) ... it -- set ...` updates
    case setUpdate
    /// `dict(arg) ... m -- dict ...` updates
    case dictUpdate
    /// `dict(arg) ... m -- dict ...` updates, raising on duplicate keys (calls)
    case dictMerge
    /// `list -- tuple(list)`
    case listToTuple
    /// `v1 ... vn keys -- dict` (keys a tuple constant)
    case buildConstKeyMap
    /// `s1 ... sn -- s1 + ... + sn` (strings)
    case buildString
    /// `start stop [step] -- slice` (arg 2 or 3)
    case buildSlice
    /// `v [spec] -- formatted` (arg & 3: conversion none/str/repr/ascii; arg & 4: spec present)
    case formatValue
    /// `seq -- x_n ... x_1` (arg = n; first item on top)
    case unpackSequence
    /// `seq -- ...` star unpacking: arg = before | after << 8
    case unpackEx
    /// `-- builtins.__build_class__`
    case loadBuildClass
    /// `-- AssertionError`
    case loadAssertionError
    /// `--` makes `__annotations__` in the locals if missing
    case setupAnnotations
    /// `level fromlist -- module` imports names[arg]
    case importName
    /// `module -- module attr` names[arg] from the module
    case importFrom
    /// `module --` `from module import *`
    case importStar
    /// `[exc [cause]] --` raise (arg 0: re-raise, 1: exc, 2: exc from cause)
    case raiseVarargs
    /// `[lasti] exc --` re-raises exc (arg 1: first sets f_lasti from the item below)
    case reraise
    /// `exc -- previous exc` pushes the current handled exception and makes exc current
    case pushExcInfo
    /// `previous --` restores the handled exception
    case popExcept
    /// `exc type -- exc matched`
    case checkExcMatch
    /// `eg type -- rest match` (match None when none)
    case checkEgMatch
    /// `orig list -- exc_or_None` combines the exceptions raised/reraised in except* bodies
    case prepReraiseStar
    /// `exit lasti prev exc -- exit lasti prev exc result` calls exit(type, exc, tb)
    case withExceptStart
    /// `x -- (x)` jumps to `arg` keeping x when false, else pops it
    case jumpIfFalseOrPop
    /// `x -- (x)` jumps to `arg` keeping x when true, else pops it
    case jumpIfTrueOrPop
    /// `--` backward jump without an eval-breaker check (yield from / await loops)
    case jumpBackwardNoInterrupt
    /// `x -- x len(x)`
    case getLen
    /// `x -- x is_mapping`
    case matchMapping
    /// `x -- x is_sequence`
    case matchSequence
    /// `subject keys -- subject keys values_or_None`
    case matchKeys
    /// `subject cls names -- attrs_or_None` (arg = number of positional patterns)
    case matchClass
    /// `v --` prints repr(v) through sys.displayhook (interactive mode)
    case printExpr
}

/// The `arg` of `binaryOp` (and of augmented assignment: `inPlace` set).
/// The values are CPython 3.11's `NB_*` numbers, so `dis` shows the same symbol.
public enum BinaryOperation: UInt32, Sendable {
    case add = 0, and, floorDivide, leftShift, matrixMultiply, multiply, remainder, or, power
    case rightShift, subtract, trueDivide, xor
    case inPlaceAdd = 13, inPlaceAnd, inPlaceFloorDivide, inPlaceLeftShift, inPlaceMatrixMultiply
    case inPlaceMultiply, inPlaceRemainder, inPlaceOr, inPlacePower, inPlaceRightShift
    case inPlaceSubtract, inPlaceTrueDivide, inPlaceXor

    /// The operator as `dis` shows it (`+`, `+=`, ...).
    public var symbol: String {
        let symbols = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"]
        let raw = Int(rawValue)
        return raw < 13 ? symbols[raw] : symbols[raw - 13] + "="
    }
}

/// The `arg` of `compareOp`, in CPython's `cmp_op` order.
public enum ComparisonOperation: UInt32, Sendable {
    case less, lessOrEqual, equal, notEqual, greater, greaterOrEqual

    public var symbol: String { ["<", "<=", "==", "!=", ">", ">="][Int(rawValue)] }
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

    /// An instruction from its encoded word (which `init` made).
    @inlinable
    public init(word: UInt32) {
        self.word = word
    }

    @inlinable
    public var opcode: Opcode {
        // Every word is made by `init`, so the byte is a valid opcode.
        Opcode(rawValue: UInt8(truncatingIfNeeded: word))!
    }

    @inlinable
    public var argument: UInt32 { word >> 8 }
}
