import GarterCompiler
import GarterSyntax

/// A `CodeObject` made ready to run: its instructions copied to contiguous
/// memory the evaluation loop reads without bounds or reference-count
/// traffic, and its constants turned into values.
public final class LoadedCode: PyObject {
    public let code: CodeObject
    /// `code.instructions` as raw words.
    let instructions: UnsafeMutableBufferPointer<UInt32>
    /// `code.constants` as values; the code object holds a reference to each.
    let constants: UnsafeMutableBufferPointer<Value>

    public init(_ code: CodeObject, interpreter: Interpreter) throws(EvalError) {
        var values: [Value] = []
        values.reserveCapacity(code.constants.count)
        for constant in code.constants {
            values.append(try LoadedCode.value(of: constant, interpreter: interpreter))
        }
        self.code = code
        instructions = .allocate(capacity: code.instructions.count)
        for (index, instruction) in code.instructions.enumerated() {
            instructions[index] = instruction.word
        }
        constants = .allocate(capacity: values.count)
        _ = constants.initialize(from: values)
        super.init(type: interpreter.types.code)
    }

    deinit {
        instructions.deallocate()
        constants.deallocate()
    }

    override public func releaseContents() {
        for value in constants { value.release() }
    }

    /// Number of local variable slots (parameters, locals, cells, frees).
    var localCount: Int {
        code.variableNames.count + code.cellVariables.count + code.freeVariables.count
    }

    static func value(of constant: CodeConstant, interpreter: Interpreter) throws(EvalError) -> Value {
        switch constant {
        case .literal(.none): return .none
        case .literal(.bool(let flag)): return .bool(flag)
        case .literal(.int(let number)): return .int(number)
        case .literal(.bigInt(let number)): return .integer(number, longType: interpreter.types.int)
        case .literal(.float(let number)): return .float(number)
        case .literal(.str(let text)):
            return .object(ObjectRef.allocate(PyStr(text.codePoints, type: interpreter.types.str)))
        case .code(let code):
            return .object(ObjectRef.allocate(try LoadedCode(code, interpreter: interpreter)))
        default:
            // Bytes, tuples, complex numbers and the like need object types
            // the runtime does not have yet.
            throw .unsupported("constant \(constant)")
        }
    }
}
