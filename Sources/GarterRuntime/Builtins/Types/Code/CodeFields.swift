import GarterCompiler
import GarterSyntax

/// A code object's fields as CPython 3.11 stores them (what marshal writes
/// and `code.replace()` takes), and the way back to a Garter `CodeObject`.
///
/// `localsPlusNames` is Garter's localsplus: `co_varnames`, `co_cellvars`,
/// `co_freevars` in that order (a parameter that is also a cell appears in
/// both, see Opcode.swift), with CPython's kind bits per name.
struct CodeFields {
    var argumentCount = 0
    var positionalOnlyArgumentCount = 0
    var keywordOnlyArgumentCount = 0
    var stackSize = 0
    var flags: UInt32 = 0
    var code: [UInt8] = []
    var constants: [CodeConstant] = []
    var names: [String] = []
    var variableNames: [String] = []
    var cellVariables: [String] = []
    var freeVariables: [String] = []
    var filename = ""
    var name = ""
    var qualifiedName = ""
    var firstLineNumber = 1
    var lineTable: [UInt8] = []
    var exceptionTable: [UInt8] = []

    static let localKind: UInt8 = 0x20
    static let cellKind: UInt8 = 0x40
    static let freeKind: UInt8 = 0x80

    init() {}

    init(_ loaded: LoadedCode) {
        let code = loaded.code
        argumentCount = code.argumentCount
        positionalOnlyArgumentCount = code.positionalOnlyArgumentCount
        keywordOnlyArgumentCount = code.keywordOnlyArgumentCount
        stackSize = code.stackSize
        flags = code.flags.rawValue
        self.code = loaded.cpython.units.bytes
        constants = code.constants
        names = code.names
        variableNames = code.variableNames
        cellVariables = code.cellVariables
        freeVariables = code.freeVariables
        filename = code.filename
        name = code.name
        qualifiedName = code.qualifiedName
        firstLineNumber = code.firstLineNumber
        lineTable = loaded.cpython.lineTable
        exceptionTable = loaded.cpython.exceptionTable
    }

    var localsPlusKinds: [UInt8] {
        Array(repeating: CodeFields.localKind, count: variableNames.count)
            + Array(repeating: CodeFields.cellKind, count: cellVariables.count)
            + Array(repeating: CodeFields.freeKind, count: freeVariables.count)
    }

    mutating func setLocalsPlus(names: [String], kinds: [UInt8]) {
        variableNames = []
        cellVariables = []
        freeVariables = []
        for (name, kind) in zip(names, kinds) {
            if kind & CodeFields.freeKind != 0 {
                freeVariables.append(name)
            } else if kind & CodeFields.cellKind != 0 {
                cellVariables.append(name)
            } else {
                variableNames.append(name)
            }
        }
    }

    /// The Garter code object these fields describe; ValueError when the
    /// bytes are not instructions Garter can run.
    func makeCodeObject() throws(EvalError) -> CodeObject {
        guard let (instructions, offsets) = CodeUnits.decode(code) else {
            throw .valueError("code: co_code is not valid bytecode")
        }
        var indexOfOffset: [Int: Int] = [:]
        for (index, offset) in offsets.enumerated() { indexOfOffset[offset] = index }
        guard let handlers = ExceptionTableBytes.decode(exceptionTable, indexOfOffset: indexOfOffset) else {
            throw .valueError("code: co_exceptiontable is not valid")
        }
        let unitPositions = LocationTable.decode(lineTable, firstLine: firstLineNumber)
        let missing = SourceRange(lineno: -1, colOffset: -1, endLineno: -1, endColOffset: -1)
        let positions = offsets.dropLast().map { $0 < unitPositions.count ? unitPositions[$0] : missing }
        return CodeObject(name: name, qualifiedName: qualifiedName, filename: filename, firstLineNumber: firstLineNumber,
                          instructions: instructions, positions: Array(positions), constants: constants, names: names,
                          variableNames: variableNames, cellVariables: cellVariables, freeVariables: freeVariables,
                          argumentCount: argumentCount, positionalOnlyArgumentCount: positionalOnlyArgumentCount,
                          keywordOnlyArgumentCount: keywordOnlyArgumentCount, flags: CodeFlags(rawValue: flags),
                          stackSize: stackSize, exceptionTable: handlers)
    }
}

extension ThreadState {
    /// A `co_consts` item as the compiler's constant (the way `LoadedCode`
    /// turns it back into the same object); TypeError for anything a code
    /// object cannot hold.
    func codeConstant(_ value: Value) throws(EvalError) -> CodeConstant {
        let types = interpreter.types
        switch value {
        case .none: return .literal(.none)
        case .bool(let flag): return .literal(.bool(flag))
        case .int(let number): return .literal(.int(number))
        case .float(let number): return .literal(.float(number))
        case .object:
            let type = typeOf(value)
            if let long = value.as(PyLong.self), type === types.int { return .literal(.bigInt(long.value)) }
            if let text = value.as(PyStr.self), type === types.str { return .literal(.str(PyString(codePoints: text.codePoints))) }
            if let bytes = value.as(PyBytes.self), type === types.bytes { return .literal(.bytes(bytes.bytes)) }
            if let complex = value.as(PyComplex.self), type === types.complex {
                if complex.real == 0 && complex.real.sign == .plus { return .literal(.imaginary(complex.imag)) }
                return .complex(real: complex.real, imag: complex.imag)
            }
            if let float = value.as(PyFloat.self), type === types.float { return .literal(.float(float.value)) }
            if value.isIdentical(to: interpreter.ellipsis) { return .literal(.ellipsis) }
            if let tuple = value.as(PyTuple.self), type === types.tuple {
                var items: [CodeConstant] = []
                for item in tuple.items { items.append(try codeConstant(item)) }
                return .tuple(items)
            }
            if let set = value.as(PySet.self), type === types.frozenset {
                var items: [CodeConstant] = []
                for item in set.elements { items.append(try codeConstant(item)) }
                return .frozenset(items)
            }
            if let code = value.as(LoadedCode.self) { return .code(code.code) }
            throw .typeError("code constants must be None, numbers, str, bytes, tuples, frozensets or code, not \(type.name)")
        }
    }
}
