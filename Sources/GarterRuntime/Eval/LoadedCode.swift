import GarterCompiler
import GarterSyntax

/// A `CodeObject` made ready to run (the `code` type): its instructions in
/// contiguous memory the evaluation loop reads without bounds checks or
/// reference counting, its constants and names as objects, and the caches
/// the loop keeps per instruction.
public final class LoadedCode: PyObject {
    public let code: CodeObject
    /// `code.instructions` as raw words.
    let instructions: UnsafeMutableBufferPointer<UInt32>
    /// `co_consts` as values; the code object holds a reference to each.
    let constants: UnsafeMutableBufferPointer<Value>
    /// `co_names` as interned `str` objects (owned).
    let names: UnsafeMutableBufferPointer<Value>
    /// `co_varnames + co_cellvars + co_freevars` as interned strs (owned).
    let localNames: [Value]
    /// Cache for LOAD_GLOBAL, one entry per name.
    let globalCache: UnsafeMutableBufferPointer<GlobalCacheEntry>
    /// Cache for LOAD_NAME/STORE_NAME in module code, one entry per name.
    let nameCache: UnsafeMutableBufferPointer<GlobalCacheEntry>
    /// Cache for LOAD_ATTR/LOAD_METHOD/STORE_ATTR, one entry per name (Eval/AttributeCache.swift).
    let attributeCache: UnsafeMutableBufferPointer<AttributeCacheEntry>
    /// The number of local slots (parameters, locals, cells, frees).
    let localCount: Int
    let stackSize: Int
    let flags: CodeFlags
    let exceptionTable: [ExceptionTableEntry]
    let nameValue: Value
    let qualifiedNameValue: Value
    /// The docstring (co_consts[0] when it is a str and the code is a function with one), or None.
    var docValue: Value
    /// CPython 3.11's byte layout of the code (`co_code`, tables), made on first use (Builtins/Types/Code).
    var cpythonEncoding: CPythonEncoding?

    public init(_ code: CodeObject, interpreter: Interpreter) throws(EvalError) {
        var values: [Value] = []
        values.reserveCapacity(code.constants.count)
        for constant in code.constants {
            values.append(try LoadedCode.value(of: constant, interpreter: interpreter))
        }
        self.code = code
        instructions = .allocate(capacity: max(code.instructions.count, 1))
        for (index, instruction) in code.instructions.enumerated() {
            instructions[index] = instruction.word
        }
        constants = .allocate(capacity: max(values.count, 1))
        _ = constants.initialize(from: values)
        names = .allocate(capacity: max(code.names.count, 1))
        for (index, name) in code.names.enumerated() {
            (names.baseAddress! + index).initialize(to: interpreter.intern(name))
        }
        localNames = (code.variableNames + code.cellVariables + code.freeVariables).map { interpreter.intern($0) }
        globalCache = .allocate(capacity: max(code.names.count, 1))
        globalCache.initialize(repeating: GlobalCacheEntry())
        nameCache = .allocate(capacity: max(code.names.count, 1))
        nameCache.initialize(repeating: GlobalCacheEntry())
        attributeCache = .allocate(capacity: max(code.names.count, 1))
        attributeCache.initialize(repeating: AttributeCacheEntry())
        localCount = code.variableNames.count + code.cellVariables.count + code.freeVariables.count
        stackSize = code.stackSize
        flags = code.flags
        exceptionTable = code.exceptionTable
        nameValue = interpreter.intern(code.name)
        qualifiedNameValue = interpreter.newString(code.qualifiedName)
        docValue = .none
        super.init(type: interpreter.types.code)
        if code.flags.contains(.optimized), let first = values.first, first.strObject != nil {
            first.retain()
            docValue = first
        }
    }

    deinit {
        instructions.deallocate()
        constants.deallocate()
        names.deallocate()
        globalCache.deallocate()
        nameCache.deallocate()
        attributeCache.deallocate()
    }

    override public func releaseContents() {
        // The buffers hold at least one slot; only the first `count` are initialised.
        for value in constants.prefix(code.constants.count) { value.release() }
        for value in names.prefix(code.names.count) { value.release() }
        for value in localNames { value.release() }
        for entry in Array(globalCache) + Array(nameCache) {
            entry.globals?._withUnsafeGuaranteedRef { $0.decref() }
            entry.builtins?._withUnsafeGuaranteedRef { $0.decref() }
        }
        nameValue.release()
        qualifiedNameValue.release()
        docValue.release()
    }

    /// The line of the instruction at `index` (for tracebacks and `f_lineno`).
    public func lineNumber(at index: Int) -> Int {
        guard index >= 0, index < code.positions.count else { return code.firstLineNumber }
        return Int(code.positions[index].lineno)
    }

    /// The handler for an exception raised by the instruction at `index`.
    func handler(at index: Int) -> ExceptionTableEntry? {
        for entry in exceptionTable where entry.start <= index && index < entry.end {
            return entry
        }
        return nil
    }

    public var name: String { code.name }

    static func value(of constant: CodeConstant, interpreter: Interpreter) throws(EvalError) -> Value {
        switch constant {
        case .literal(.bytes(let bytes)): return interpreter.newBytes(bytes)
        case .literal(.imaginary(let imag)): return interpreter.newComplex(ComplexNumber(real: 0, imag: imag))
        case .literal(let literal): return try interpreter.constantValue(literal)
        case .tuple(let items):
            var values: [Value] = []
            for item in items { values.append(try value(of: item, interpreter: interpreter)) }
            return interpreter.newTuple(values)
        case .frozenset(let items):
            var values: [Value] = []
            for item in items { values.append(try value(of: item, interpreter: interpreter)) }
            return try interpreter.newFrozenSet(values)
        case .code(let code):
            return .object(ObjectRef.allocate(try LoadedCode(code, interpreter: interpreter)))
        case .complex(let real, let imag):
            return interpreter.newComplex(ComplexNumber(real: real, imag: imag))
        }
    }
}

/// What LOAD_GLOBAL remembers about one name: where it found it last, valid
/// while neither dict's keys changed. The cache holds a reference to both
/// dicts, so their identity cannot be reused while it points at them.
struct GlobalCacheEntry {
    var globals: Unmanaged<PyDict>?
    var builtins: Unmanaged<PyDict>?
    var globalsKeysVersion = -1
    var builtinsKeysVersion = -1
    /// Entry index in the globals, or -1 when the name came from the builtins.
    var globalsIndex = -1
    var builtinsIndex = -1
}
