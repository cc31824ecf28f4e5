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

    /// For each of `code.names`, its slot in the globals and in the builtins
    /// this code last ran with (`slots(for:builtins:)`).
    private var globalSlotNumbers: [Int] = []
    private var builtinSlotNumbers: [Int] = []
    private var slotsNamespace: ObjectIdentifier?

    /// The slot numbers of `code.names` in `globals` and `builtins`. Slots
    /// never move, so the cache is rebuilt only when the code runs with other
    /// globals; a frame keeps the arrays it got, so a nested run with other
    /// globals cannot change them under it.
    @inline(__always)
    func slots(for globals: Namespace, builtins: Namespace) -> (globals: [Int], builtins: [Int]) {
        if slotsNamespace != ObjectIdentifier(globals) {
            globalSlotNumbers = code.names.map { globals.slot(for: $0) }
            builtinSlotNumbers = code.names.map { builtins.slot(for: $0) }
            slotsNamespace = ObjectIdentifier(globals)
        }
        return (globalSlotNumbers, builtinSlotNumbers)
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
