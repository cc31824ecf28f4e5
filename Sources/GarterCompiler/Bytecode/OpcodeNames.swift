extension Opcode {
    /// The name `dis` shows: CPython's spelling of the same instruction.
    public var name: String {
        switch self {
        case .getIterator: return "GET_ITER"
        case .forIterator: return "FOR_ITER"
        case .binarySubscript: return "BINARY_SUBSCR"
        case .storeSubscript: return "STORE_SUBSCR"
        case .deleteSubscript: return "DELETE_SUBSCR"
        case .getAIter: return "GET_AITER"
        case .getANext: return "GET_ANEXT"
        case .loadClassDeref: return "LOAD_CLASSDEREF"
        default: break
        }
        var result = ""
        for character in String(describing: self) {
            if character.isUppercase {
                result += "_"
            }
            result += character.uppercased()
        }
        return result
    }

    /// Instructions whose argument is an instruction index.
    public var isJump: Bool { StackEffect.isJump(self) }
}
