/// How an instruction changes the depth of the value stack: when execution
/// continues with the next instruction, and when it jumps (or, for the
/// `setup*` pseudo-instructions, when an exception reaches the handler).
/// The numbers are CPython 3.11's stack_effect(), with PRECALL+CALL as one.
enum StackEffect {
    static func effect(_ opcode: IROpcode, _ argument: Int, jump: Bool) -> Int {
        switch opcode {
        case .setupFinally: return jump ? 1 : 0
        case .setupCleanup: return jump ? 2 : 0
        case .setupWith: return jump ? 1 : 0
        case .popBlock, .jump, .jumpNoInterrupt: return 0
        default: break
        }
        return effect(opcode.opcode!, argument, jump: jump)
    }

    static func effect(_ opcode: Opcode, _ argument: Int, jump: Bool) -> Int {
        switch opcode {
        case .nop, .swap, .deleteFast, .deleteGlobal, .deleteName, .deleteDeref, .loadAttr: return 0
        case .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot, .getIterator, .listToTuple: return 0
        case .resume, .makeCell, .copyFreeVars, .returnGenerator, .yieldValue, .getAwaitable, .getAIter: return 0
        case .getYieldFromIter, .asyncGenWrap, .kwNames, .setupAnnotations, .checkExcMatch, .checkEgMatch: return 0
        case .jumpForward, .jumpBackward, .jumpBackwardNoInterrupt: return 0
        case .popTop, .storeFast, .storeGlobal, .storeName, .storeDeref, .returnValue: return -1
        case .copy, .loadConst, .loadFast, .loadName, .loadDeref, .loadClosure, .loadClassDeref: return 1
        case .pushNull, .loadMethod, .getANext, .beforeAsyncWith, .beforeWith, .loadBuildClass: return 1
        case .loadAssertionError, .importFrom, .pushExcInfo, .withExceptStart, .getLen: return 1
        case .matchMapping, .matchSequence, .matchKeys: return 1
        case .loadGlobal: return 1 + (argument & 1)
        case .storeAttr: return -2
        case .deleteAttr: return -1
        case .binaryOp, .compareOp, .isOp, .containsOp, .binarySubscript: return -1
        case .storeSubscript: return -3
        case .deleteSubscript: return -2
        case .buildTuple, .buildList, .buildSet, .buildString: return 1 - argument
        case .buildMap: return 1 - 2 * argument
        case .buildConstKeyMap: return -argument
        case .buildSlice: return argument == 3 ? -2 : -1
        case .listAppend, .setAdd, .listExtend, .setUpdate, .dictUpdate, .dictMerge: return -1
        case .mapAdd: return -2
        case .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone: return -1
        case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return jump ? 0 : -1
        case .forIterator: return jump ? -1 : 1
        case .send: return jump ? -1 : 0
        case .call: return -(argument + 1)
        case .callFunctionEx: return -2 - (argument & 1)
        case .makeFunction: return -(argument & 0xF).nonzeroBitCount
        case .endAsyncFor: return -2
        case .formatValue: return argument & 4 != 0 ? -1 : 0
        case .unpackSequence: return argument - 1
        case .unpackEx: return (argument & 0xFF) + (argument >> 8)
        case .importName, .importStar, .popExcept, .prepReraiseStar, .printExpr, .reraise: return -1
        case .raiseVarargs: return -argument
        case .matchClass: return -2
        }
    }

    /// Execution never goes on to the next instruction.
    static func endsFlow(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .jumpForward, .jumpBackward, .jumpBackwardNoInterrupt, .returnValue, .raiseVarargs, .reraise: return true
        default: return false
        }
    }

    static func isJump(_ opcode: Opcode) -> Bool {
        IROpcode(opcode).isJump
    }
}
