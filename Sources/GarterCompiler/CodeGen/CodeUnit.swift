import GarterSyntax

/// The state of one code object being compiled (CPython's compiler unit):
/// its flow graph, constant and name tables, the frame blocks that `break`,
/// `continue` and `return` must unwind, and the position given to the
/// instructions emitted next.
final class CodeUnit {
    /// What kind of code the unit is (CPython's COMPILER_SCOPE_*).
    enum Kind { case module, `class`, function, asyncFunction, lambda, comprehension }

    let kind: Kind
    let scopeID: ScopeID
    let scope: Scope
    let name: String
    var qualifiedName: String
    let firstLineNumber: Int

    var blocks: [BasicBlock] = [BasicBlock()]
    var currentBlock = 0
    /// The last block in layout order (where `useNextBlock` links new ones).
    var lastBlock = 0

    var constants: [CodeConstant] = []
    private var constantIndexes: [ConstantKey: Int] = [:]
    var names: [String] = []
    private var nameIndexes: [String: Int] = [:]
    /// `co_varnames`: parameters, then fast locals in order of first use.
    var variableNames: [String]
    private var variableIndexes: [String: Int]
    let cellVariables: [String]
    let freeVariables: [String]
    private let derefIndexes: [String: Int]

    var argumentCount = 0
    var positionalOnlyArgumentCount = 0
    var keywordOnlyArgumentCount = 0

    var frameBlocks: [FrameBlock] = []
    var location: SourceRange
    /// The private-name prefix (`_Class`) for mangling, nil outside classes.
    var privateName: String?

    init(scopeID: ScopeID, scope: Scope, name: String, qualifiedName: String, firstLineNumber: Int,
         location: SourceRange, privateName: String?, kind: Kind) {
        self.kind = kind
        self.scopeID = scopeID
        self.scope = scope
        self.name = name
        self.qualifiedName = qualifiedName
        self.firstLineNumber = firstLineNumber
        self.location = location
        self.privateName = privateName
        variableNames = scope.isOptimized ? scope.parameters : []
        var indexes: [String: Int] = [:]
        for (index, name) in variableNames.enumerated() where indexes[name] == nil { indexes[name] = index }
        variableIndexes = indexes
        cellVariables = scope.cellVariables
        freeVariables = scope.freeVariables
        var derefs: [String: Int] = [:]
        for (index, name) in cellVariables.enumerated() { derefs[name] = index }
        for (index, name) in freeVariables.enumerated() where derefs[name] == nil {
            derefs[name] = cellVariables.count + index
        }
        derefIndexes = derefs
    }

    // MARK: Blocks

    func newBlock() -> Int {
        blocks.append(BasicBlock())
        return blocks.count - 1
    }

    /// Makes `block` the current one, laid out after the last block.
    func useNextBlock(_ block: Int) {
        blocks[lastBlock].next = block
        lastBlock = block
        currentBlock = block
    }

    /// Emitting after a jump or return starts a new block, so that every
    /// terminator ends its block (CPython's implicit blocks).
    private func startImplicitBlockIfNeeded() {
        if let last = blocks[currentBlock].last, last.opcode.isTerminator {
            useNextBlock(newBlock())
        }
    }

    func emit(_ opcode: IROpcode, _ argument: Int = 0, target: Int = -1, at location: SourceRange) {
        startImplicitBlockIfNeeded()
        blocks[currentBlock].instructions.append(IRInstruction(opcode, argument, target: target, location: location))
    }

    // MARK: Tables

    func constantIndex(_ constant: CodeConstant) -> Int {
        let key = ConstantKey(constant)
        if let key, let index = constantIndexes[key] { return index }
        constants.append(constant)
        if let key { constantIndexes[key] = constants.count - 1 }
        return constants.count - 1
    }

    func nameIndex(_ name: String) -> Int {
        if let index = nameIndexes[name] { return index }
        names.append(name)
        nameIndexes[name] = names.count - 1
        return names.count - 1
    }

    /// The varnames slot of a fast local, added on first use as CPython does.
    func variableIndex(_ name: String) -> Int {
        if let index = variableIndexes[name] { return index }
        variableNames.append(name)
        variableIndexes[name] = variableNames.count - 1
        return variableNames.count - 1
    }

    /// Index among cells then frees; the assembler adds `variableNames.count`.
    func derefIndex(_ name: String) -> Int? { derefIndexes[name] }
    func cellIndex(_ name: String) -> Int? { cellVariables.firstIndex(of: name) }
}

/// Constants that can be shared within one code object, keyed by type and
/// value (`1`, `1.0` and `True` are different constants; so are `0.0` and `-0.0`).
indirect enum ConstantKey: Hashable {
    case none, ellipsis
    case bool(Bool)
    case int(Int)
    case bigInt(String)
    case float(UInt64)
    case complex(UInt64, UInt64)
    case string([UInt32])
    case bytes([UInt8])
    case tuple([ConstantKey])
    case frozenset([ConstantKey])

    /// Strings hash their length and at most their first and last 32 code
    /// points, as raw bytes: docstrings are long, and equality still
    /// compares them whole.
    func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let codePoints):
            hasher.combine(codePoints.count)
            codePoints.withUnsafeBytes { raw in
                let limit = 32 * MemoryLayout<UInt32>.size
                if raw.count <= 2 * limit {
                    hasher.combine(bytes: raw)
                } else {
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[..<limit]))
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(raw.count - limit)...]))
                }
            }
        case .bytes(let bytes):
            hasher.combine(1 as UInt8)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        case .none: hasher.combine(2 as UInt8)
        case .ellipsis: hasher.combine(3 as UInt8)
        case .bool(let flag): hasher.combine(flag)
        case .int(let number): hasher.combine(number)
        case .bigInt(let text): hasher.combine(text)
        case .float(let bits): hasher.combine(bits)
        case .complex(let real, let imag):
            hasher.combine(real)
            hasher.combine(imag)
        case .tuple(let items):
            hasher.combine(4 as UInt8)
            hasher.combine(items)
        case .frozenset(let items):
            hasher.combine(5 as UInt8)
            hasher.combine(items)
        }
    }

    init?(_ constant: CodeConstant) {
        switch constant {
        case .literal(let literal):
            switch literal {
            case .none: self = .none
            case .ellipsis: self = .ellipsis
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .bigInt(let number): self = .bigInt(number.description)
            case .float(let number): self = .float(number.bitPattern)
            case .imaginary(let number): self = .complex(0.0.bitPattern, number.bitPattern)
            case .str(let text): self = .string(text.codePoints)
            case .bytes(let bytes): self = .bytes(bytes)
            }
        case .complex(let real, let imag):
            self = .complex(real.bitPattern, imag.bitPattern)
        case .tuple(let items):
            var keys: [ConstantKey] = []
            for item in items {
                guard let key = ConstantKey(item) else { return nil }
                keys.append(key)
            }
            self = .tuple(keys)
        case .frozenset(let items):
            var keys: [ConstantKey] = []
            for item in items {
                guard let key = ConstantKey(item) else { return nil }
                keys.append(key)
            }
            self = .frozenset(keys)
        case .code:
            return nil
        }
    }
}
