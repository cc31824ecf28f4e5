import GarterSyntax

/// `dis.dis()` for Garter's code objects: the layout of CPython 3.11's
/// dis module (line numbers, `>>` on jump targets, opname, argument and
/// its meaning, then the exception table), with instruction indexes as
/// offsets, followed by every nested code object.
public enum Disassembler {
    public static func disassemble(_ code: CodeObject) -> String {
        var out = ""
        disassembleRecursive(code, into: &out)
        return out
    }

    static func disassembleRecursive(_ code: CodeObject, into out: inout String) {
        disassembleOne(code, into: &out)
        for constant in code.constants {
            if case .code(let inner) = constant {
                out += "\nDisassembly of \(codeRepr(inner)):\n"
                disassembleRecursive(inner, into: &out)
            }
        }
    }

    public static func codeRepr(_ code: CodeObject) -> String {
        "<code object \(code.name) at 0x0, file \"\(code.filename)\", line \(code.firstLineNumber)>"
    }

    static func localName(_ code: CodeObject, _ index: Int) -> String {
        let names = code.variableNames + code.cellVariables + code.freeVariables
        return index < names.count ? names[index] : "<\(index)>"
    }

    /// The text `dis` puts in parentheses after the argument.
    public static func argumentDescription(_ code: CodeObject, _ instruction: Instruction) -> String? {
        let argument = Int(instruction.argument)
        switch instruction.opcode {
        case .loadConst:
            return argument < code.constants.count ? constantRepr(code.constants[argument]) : "<\(argument)>"
        case .loadGlobal:
            let name = code.names[argument >> 1]
            return argument & 1 != 0 ? "NULL + \(name)" : name
        case .storeGlobal, .deleteGlobal, .loadName, .storeName, .deleteName, .loadAttr, .storeAttr, .deleteAttr,
             .loadMethod, .importName, .importFrom:
            return code.names[argument]
        case .loadFast, .storeFast, .deleteFast:
            return code.variableNames[argument]
        case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref, .makeCell:
            return localName(code, argument)
        case .compareOp:
            return ComparisonOperation(rawValue: UInt32(argument))?.symbol
        case .binaryOp:
            return BinaryOperation(rawValue: UInt32(argument))?.symbol
        case .formatValue:
            var text = ["", "str", "repr", "ascii"][argument & 3]
            if argument & 4 != 0 {
                if !text.isEmpty { text += ", " }
                text += "with format"
            }
            return text
        case .makeFunction:
            let flags = ["defaults", "kwdefaults", "annotations", "closure"]
            return flags.enumerated().filter { argument & (1 << $0.offset) != 0 }.map(\.element).joined(separator: ", ")
        default:
            if instruction.opcode.isJump { return "to \(argument)" }
            return nil
        }
    }

    static func constantRepr(_ constant: CodeConstant) -> String {
        if case .code(let code) = constant { return codeRepr(code) }
        return ConstantValues.repr(constant)
    }

    /// Opcodes that show no argument (CPython's opcodes below HAVE_ARGUMENT).
    static func hasArgument(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .nop, .popTop, .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot, .binarySubscript,
             .storeSubscript, .deleteSubscript, .getIterator, .returnValue, .pushNull, .returnGenerator,
             .yieldValue, .getAIter, .getANext, .endAsyncFor, .beforeAsyncWith, .beforeWith, .getYieldFromIter,
             .asyncGenWrap, .listToTuple, .loadBuildClass, .loadAssertionError, .setupAnnotations, .importStar,
             .pushExcInfo, .popExcept, .checkExcMatch, .checkEgMatch, .prepReraiseStar, .withExceptStart,
             .getLen, .matchMapping, .matchSequence, .matchKeys, .printExpr:
            return false
        default:
            return true
        }
    }

    static func disassembleOne(_ code: CodeObject, into out: inout String) {
        var targets = Set<Int>()
        for instruction in code.instructions where instruction.opcode.isJump {
            targets.insert(Int(instruction.argument))
        }
        for entry in code.exceptionTable { targets.insert(entry.target) }
        var lastLine: Int32 = -1
        var maximumLine: Int32 = 0
        for position in code.positions { maximumLine = max(maximumLine, position.lineno) }
        let lineWidth = maximumLine >= 1000 ? String(maximumLine).count : 3
        let offsetWidth = code.instructions.count - 1 >= 10000 ? String(code.instructions.count - 1).count : 4
        for (index, instruction) in code.instructions.enumerated() {
            let line = code.positions[index].lineno
            var fields: [String] = []
            if line >= 0 && line != lastLine {
                if index > 0 { out += "\n" }
                fields.append(pad(String(line), lineWidth))
                lastLine = line
            } else {
                fields.append(String(repeating: " ", count: lineWidth))
            }
            fields.append("   ")
            fields.append(targets.contains(index) ? ">>" : "  ")
            fields.append(pad(String(index), offsetWidth))
            let opname = instruction.opcode.name
            fields.append(opname.count < 20 ? opname + String(repeating: " ", count: 20 - opname.count) : opname)
            if hasArgument(instruction.opcode) {
                fields.append(pad(String(instruction.argument), 5))
                if let description = argumentDescription(code, instruction), !description.isEmpty {
                    fields.append("(" + description + ")")
                }
            }
            var text = fields.joined(separator: " ")
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        if !code.exceptionTable.isEmpty {
            out += "ExceptionTable:\n"
            for entry in code.exceptionTable {
                out += "  \(entry.start) to \(entry.end - 1) -> \(entry.target) [\(entry.depth)]"
                out += entry.pushesLastInstruction ? " lasti\n" : "\n"
            }
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
