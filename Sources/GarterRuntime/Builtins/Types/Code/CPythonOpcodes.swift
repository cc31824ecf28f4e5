import GarterCompiler

/// CPython 3.11's numbering of the instruction set Garter shares with it,
/// so `co_code` holds the bytes CPython's own compiler would write and
/// `dis`/`opcode` read them as they read CPython's.
///
/// Garter keeps one conditional jump per condition and absolute targets;
/// CPython 3.11 has a forward and a backward variant of each and relative
/// arguments. `CodeUnits` picks the variant when it encodes.
enum CPythonOpcodes {
    static let cache: UInt8 = 0
    static let extendedArgument: UInt8 = 144
    static let precall: UInt8 = 166
    /// Opcodes from this number on take an argument.
    static let haveArgument: UInt8 = 90

    /// CPython 3.11's opcode numbers by name (its `opcode.opmap`).
    static let numbers: [String: UInt8] = [
        "CACHE": 0, "POP_TOP": 1, "PUSH_NULL": 2, "NOP": 9, "UNARY_POSITIVE": 10, "UNARY_NEGATIVE": 11,
        "UNARY_NOT": 12, "UNARY_INVERT": 15, "BINARY_SUBSCR": 25, "GET_LEN": 30, "MATCH_MAPPING": 31,
        "MATCH_SEQUENCE": 32, "MATCH_KEYS": 33, "PUSH_EXC_INFO": 35, "CHECK_EXC_MATCH": 36, "CHECK_EG_MATCH": 37,
        "WITH_EXCEPT_START": 49, "GET_AITER": 50, "GET_ANEXT": 51, "BEFORE_ASYNC_WITH": 52, "BEFORE_WITH": 53,
        "END_ASYNC_FOR": 54, "STORE_SUBSCR": 60, "DELETE_SUBSCR": 61, "GET_ITER": 68, "GET_YIELD_FROM_ITER": 69,
        "PRINT_EXPR": 70, "LOAD_BUILD_CLASS": 71, "LOAD_ASSERTION_ERROR": 74, "RETURN_GENERATOR": 75,
        "LIST_TO_TUPLE": 82, "RETURN_VALUE": 83, "IMPORT_STAR": 84, "SETUP_ANNOTATIONS": 85, "YIELD_VALUE": 86,
        "ASYNC_GEN_WRAP": 87, "PREP_RERAISE_STAR": 88, "POP_EXCEPT": 89, "STORE_NAME": 90, "DELETE_NAME": 91,
        "UNPACK_SEQUENCE": 92, "FOR_ITER": 93, "UNPACK_EX": 94, "STORE_ATTR": 95, "DELETE_ATTR": 96,
        "STORE_GLOBAL": 97, "DELETE_GLOBAL": 98, "SWAP": 99, "LOAD_CONST": 100, "LOAD_NAME": 101,
        "BUILD_TUPLE": 102, "BUILD_LIST": 103, "BUILD_SET": 104, "BUILD_MAP": 105, "LOAD_ATTR": 106,
        "COMPARE_OP": 107, "IMPORT_NAME": 108, "IMPORT_FROM": 109, "JUMP_FORWARD": 110,
        "JUMP_IF_FALSE_OR_POP": 111, "JUMP_IF_TRUE_OR_POP": 112, "POP_JUMP_FORWARD_IF_FALSE": 114,
        "POP_JUMP_FORWARD_IF_TRUE": 115, "LOAD_GLOBAL": 116, "IS_OP": 117, "CONTAINS_OP": 118, "RERAISE": 119,
        "COPY": 120, "BINARY_OP": 122, "SEND": 123, "LOAD_FAST": 124, "STORE_FAST": 125, "DELETE_FAST": 126,
        "POP_JUMP_FORWARD_IF_NOT_NONE": 128, "POP_JUMP_FORWARD_IF_NONE": 129, "RAISE_VARARGS": 130,
        "GET_AWAITABLE": 131, "MAKE_FUNCTION": 132, "BUILD_SLICE": 133, "JUMP_BACKWARD_NO_INTERRUPT": 134,
        "MAKE_CELL": 135, "LOAD_CLOSURE": 136, "LOAD_DEREF": 137, "STORE_DEREF": 138, "DELETE_DEREF": 139,
        "JUMP_BACKWARD": 140, "CALL_FUNCTION_EX": 142, "EXTENDED_ARG": 144, "LIST_APPEND": 145, "SET_ADD": 146,
        "MAP_ADD": 147, "LOAD_CLASSDEREF": 148, "COPY_FREE_VARS": 149, "RESUME": 151, "MATCH_CLASS": 152,
        "FORMAT_VALUE": 155, "BUILD_CONST_KEY_MAP": 156, "BUILD_STRING": 157, "LOAD_METHOD": 160,
        "LIST_EXTEND": 162, "SET_UPDATE": 163, "DICT_MERGE": 164, "DICT_UPDATE": 165, "PRECALL": 166,
        "CALL": 171, "KW_NAMES": 172, "POP_JUMP_BACKWARD_IF_NOT_NONE": 173, "POP_JUMP_BACKWARD_IF_NONE": 174,
        "POP_JUMP_BACKWARD_IF_FALSE": 175, "POP_JUMP_BACKWARD_IF_TRUE": 176,
    ]

    /// Inline cache entries (code units of zeros) CPython 3.11 reserves after
    /// each instruction, which `co_code` must contain for offsets to agree.
    static let cacheEntries: [UInt8: Int] = [
        25: 4, 60: 1, 92: 1, 95: 4, 106: 4, 107: 2, 116: 5, 122: 1, 160: 10, 166: 1, 171: 4,
    ]

    /// The Garter opcode of each CPython number (both jump directions map to one).
    static let garterOpcodes: [UInt8: Opcode] = {
        var table: [UInt8: Opcode] = [:]
        for opcode in Opcode.allCases {
            if let number = numbers[opcode.name] { table[number] = opcode }
        }
        table[114] = .popJumpIfFalse
        table[175] = .popJumpIfFalse
        table[115] = .popJumpIfTrue
        table[176] = .popJumpIfTrue
        table[128] = .popJumpIfNotNone
        table[173] = .popJumpIfNotNone
        table[129] = .popJumpIfNone
        table[174] = .popJumpIfNone
        return table
    }()

    /// Relative jumps whose argument counts backwards from the next instruction.
    static let backwardJumps: Set<UInt8> = [134, 140, 173, 174, 175, 176]
    /// Relative jumps whose argument counts forwards from the next instruction.
    static let forwardJumps: Set<UInt8> = [93, 110, 111, 112, 114, 115, 123, 128, 129]

    /// The CPython number for `opcode` jumping from instruction `index` to `target`.
    static func number(of opcode: Opcode, index: Int, target: Int) -> UInt8 {
        let backward = target <= index
        switch opcode {
        case .popJumpIfFalse: return backward ? 175 : 114
        case .popJumpIfTrue: return backward ? 176 : 115
        case .popJumpIfNone: return backward ? 174 : 129
        case .popJumpIfNotNone: return backward ? 173 : 128
        default: return numberByOpcode[Int(opcode.rawValue)]
        }
    }

    /// CPython's number for each Garter opcode (raw value order), so
    /// encoding does not spell out names; NOP (9) for none.
    static let numberByOpcode: [UInt8] = {
        var table = [UInt8](repeating: 9, count: 256)
        for opcode in Opcode.allCases { table[Int(opcode.rawValue)] = numbers[opcode.name] ?? 9 }
        return table
    }()
}
