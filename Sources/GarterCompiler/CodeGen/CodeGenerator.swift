import GarterSyntax

/// Turns a module's AST into code objects, the way CPython 3.11's
/// Python/compile.c does: the AST is first folded (`ASTOptimizer`), the
/// symbol table decides where each name lives, each scope is compiled into a
/// flow graph of basic blocks with pseudo-instructions for exception
/// handling, and the `Assembler` optimizes that graph, lays it out, computes
/// the exception table, positions and stack depth.
///
/// The generator is split by subject: statements, expressions, calls,
/// functions and classes, comprehensions, exception handling, `match`.
public final class CodeGenerator {
    let source: SourceBuffer
    let table: SymbolTable
    let options: CompileOptions
    /// Holds the folded constants the AST cannot (tuples, ...).
    let optimizer: ASTOptimizer
    /// The unit being compiled and the ones it is nested in (outermost first).
    var unit: CodeUnit
    var enclosingUnits: [CodeUnit] = []
    var isInteractive = false
    /// The line of the last `from __future__` import of the module's
    /// opening run of them (CPython's ff_lineno); later ones are errors.
    var futureImportsLine: Int32 = 0

    /// CPython's limit on the number of items pushed before switching to the
    /// incremental forms (`BUILD_LIST 0` + `LIST_APPEND`, ...).
    static let stackUseGuideline = 30
    /// CPython's CO_MAXBLOCKS.
    static let maximumFrameBlocks = 20

    init(source: SourceBuffer, table: SymbolTable, options: CompileOptions, optimizer: ASTOptimizer, unit: CodeUnit) {
        self.source = source
        self.optimizer = optimizer
        self.table = table
        self.options = options
        self.unit = unit
    }

    /// Compiles a whole module (`exec` mode).
    public static func compileModule(_ module: Module, source: SourceBuffer) throws(CompileError) -> CodeObject {
        try compile(module, source: source, options: CompileOptions())
    }

    /// Compiles a module, an interactive statement or an expression.
    public static func compile(_ module: Module, source: SourceBuffer,
                               options: CompileOptions) throws(CompileError) -> CodeObject {
        let table: SymbolTable
        do {
            table = try SymbolTable.build(module, source: source)
        } catch {
            throw .syntax(error)
        }
        let optimizer = ASTOptimizer(optimize: options.optimize, future: table.future)
        let optimized = optimizer.optimize(module)
        let start = SourceRange(lineno: 0, colOffset: -1, endLineno: 0, endColOffset: -1)
        let unit = CodeUnit(scopeID: SymbolTable.topID, scope: table.top, name: "<module>",
                            qualifiedName: "<module>", firstLineNumber: 1, location: start, privateName: nil,
                            kind: .module)
        let generator = CodeGenerator(source: source, table: table, options: options, optimizer: optimizer, unit: unit)
        return try generator.compileTop(optimized)
    }

    private func compileTop(_ module: Module) throws(CompileError) -> CodeObject {
        emit(.resume, 0)
        futureImportsLine = Self.futureImportsLine(of: module)
        var addNone = true
        switch module {
        case .module(let body, _):
            try compileBody(body)
        case .interactive(let body):
            if Self.findAnnotation(body) { emit(.setupAnnotations) }
            isInteractive = true
            for statement in body { try visit(statement) }
        case .expression(let body):
            try visit(body)
            addNone = false
        case .functionType:
            throw syntaxError("cannot compile a function type", at: SourceRange(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 0))
        }
        return try assemble(addNone: addNone)
    }

    static func futureImportsLine(of module: Module) -> Int32 {
        let body: [Stmt]
        switch module {
        case .module(let statements, _): body = statements
        case .interactive(let statements): body = statements
        default: return 0
        }
        var line: Int32 = 0
        var index = docstring(of: body) != nil ? 1 : 0
        while index < body.count {
            guard case .importFrom(let name, _, _) = body[index].kind, name == "__future__" else { break }
            line = body[index].range.lineno
            index += 1
        }
        return line
    }

    // MARK: Emitting

    func emit(_ opcode: Opcode, _ argument: Int = 0) {
        unit.emit(IROpcode(opcode), argument, at: unit.location)
    }

    func emitNoLocation(_ opcode: Opcode, _ argument: Int = 0) {
        unit.emit(IROpcode(opcode), argument, at: noLocation)
    }

    func emitJump(_ opcode: IROpcode, to block: Int) {
        unit.emit(opcode, 0, target: block, at: unit.location)
    }

    func emitJumpNoLocation(_ opcode: IROpcode, to block: Int) {
        unit.emit(opcode, 0, target: block, at: noLocation)
    }

    func emitPseudo(_ opcode: IROpcode) {
        unit.emit(opcode, 0, at: unit.location)
    }

    func loadConstant(_ constant: CodeConstant) {
        emit(.loadConst, unit.constantIndex(constant))
    }

    func loadConstant(_ literal: Constant) {
        loadConstant(.literal(literal))
    }

    func newBlock() -> Int { unit.newBlock() }
    func useNextBlock(_ block: Int) { unit.useNextBlock(block) }

    /// Starts a new block after a terminator (CPython's NEXT_BLOCK).
    func nextBlock() { useNextBlock(newBlock()) }

    func setLocation(_ range: SourceRange) { unit.location = range }
    func unsetLocation() { unit.location = noLocation }

    // MARK: Errors

    func syntaxError(_ message: String, at range: SourceRange) -> CompileError {
        .syntax(SyntaxError(.syntaxError, message, in: source, line: Int(range.lineno),
                            byteColumn: Int(range.colOffset), endLine: Int(range.endLineno),
                            endByteColumn: Int(range.endColOffset)))
    }

    /// A SyntaxError at the current location.
    func syntaxError(_ message: String) -> CompileError {
        syntaxError(message, at: unit.location)
    }

    // MARK: Frame blocks

    func pushFrameBlock(_ kind: FrameBlock.Kind, block: Int = -1, exit: Int = -1,
                        finalBody: [Stmt]? = nil, name: String? = nil) throws(CompileError) {
        if unit.frameBlocks.count >= Self.maximumFrameBlocks {
            throw syntaxError("too many statically nested blocks")
        }
        unit.frameBlocks.append(FrameBlock(kind: kind, block: block, exit: exit, finalBody: finalBody,
                                           name: name, location: unit.location))
    }

    func popFrameBlock() {
        unit.frameBlocks.removeLast()
    }

    // MARK: Scopes

    /// Starts compiling the code object of the scope made by the node at `range`.
    func enterScope(range: SourceRange, name: String, kind: CodeUnit.Kind, firstLine: Int) {
        guard let scopeID = table.scope(for: range) else {
            preconditionFailure("the symbol table has no scope for \(name) at \(range)")
        }
        let scope = table[scopeID]
        let qualifiedName = Self.qualifiedName(of: name, kind: kind, parent: unit, isOutermost: enclosingUnits.isEmpty)
        let location = SourceRange(lineno: Int32(firstLine), colOffset: 0, endLineno: Int32(firstLine), endColOffset: 0)
        let privateName = kind == .class ? name : unit.privateName
        let child = CodeUnit(scopeID: scopeID, scope: scope, name: name, qualifiedName: qualifiedName,
                             firstLineNumber: firstLine, location: location, privateName: privateName, kind: kind)
        enclosingUnits.append(unit)
        unit = child
        emit(.resume, 0)
    }

    func exitScope() {
        unit = enclosingUnits.removeLast()
    }

    /// CPython's compiler_set_qualname: `outer.<locals>.name` inside a
    /// function, `Class.name` inside a class, `name` at the top or when the
    /// name is declared global in the enclosing scope.
    static func qualifiedName(of name: String, kind: CodeUnit.Kind, parent: CodeUnit, isOutermost: Bool) -> String {
        if parent.kind == .module { return name }
        if kind == .function || kind == .asyncFunction || kind == .class {
            let mangled = NameMangling.mangle(name, inClass: parent.privateName)
            if parent.scope.resolvedScope(of: mangled) == .globalExplicit { return name }
        }
        switch parent.kind {
        case .function, .asyncFunction, .lambda:
            return parent.qualifiedName + ".<locals>." + name
        default:
            return parent.qualifiedName + "." + name
        }
    }

    // MARK: Names

    func mangle(_ name: String) -> String {
        NameMangling.mangle(name, inClass: unit.privateName)
    }

    enum NameContext { case load, store, delete }

    /// Emits the load, store or delete of a variable, choosing the
    /// instruction family from the symbol table (CPython's compiler_nameop).
    func nameOperation(_ name: String, _ context: NameContext) throws(CompileError) {
        if name == "__debug__" {
            if context == .store { throw syntaxError("cannot assign to __debug__") }
            if context == .delete { throw syntaxError("cannot delete __debug__") }
        }
        let mangled = mangle(name)
        let scope = unit.scope.resolvedScope(of: mangled)
        let isFunction = unit.scope.kind == .function
        switch scope {
        case .free?, .cell?:
            let index = unit.derefIndex(mangled) ?? 0
            switch context {
            case .load: emit(unit.kind == .class ? .loadClassDeref : .loadDeref, index)
            case .store: emit(.storeDeref, index)
            case .delete: emit(.deleteDeref, index)
            }
        case .local? where isFunction:
            let index = unit.variableIndex(mangled)
            switch context {
            case .load: emit(.loadFast, index)
            case .store: emit(.storeFast, index)
            case .delete: emit(.deleteFast, index)
            }
        case .globalImplicit? where isFunction, .globalExplicit?:
            let index = unit.nameIndex(mangled)
            switch context {
            case .load: emit(.loadGlobal, index << 1)
            case .store: emit(.storeGlobal, index)
            case .delete: emit(.deleteGlobal, index)
            }
        default:
            let index = unit.nameIndex(mangled)
            switch context {
            case .load: emit(.loadName, index)
            case .store: emit(.storeName, index)
            case .delete: emit(.deleteName, index)
            }
        }
    }

    /// The index of an attribute, method or imported name (mangled as CPython's ADDOP_NAME does).
    func attributeNameIndex(_ name: String) -> Int {
        unit.nameIndex(mangle(name))
    }

    // MARK: Assembly

    func assemble(addNone: Bool) throws(CompileError) -> CodeObject {
        let current = unit.blocks[unit.currentBlock]
        if current.last?.opcode != .returnValue {
            unsetLocation()
            if addNone { loadConstant(.none) }
            emit(.returnValue)
        }
        var assembler = Assembler(unit: unit, filename: source.filename, flags: codeFlags())
        return assembler.assemble()
    }

    /// CPython's compute_code_flags, plus the module's future features.
    func codeFlags() -> CodeFlags {
        let scope = unit.scope
        var flags = CodeFlags(rawValue: table.future.rawValue)
        if scope.kind == .function {
            flags.formUnion([.newLocals, .optimized])
            if scope.isNested { flags.insert(.nested) }
            if scope.isGenerator && !scope.isCoroutine { flags.insert(.generator) }
            if !scope.isGenerator && scope.isCoroutine { flags.insert(.coroutine) }
            if scope.isGenerator && scope.isCoroutine { flags.insert(.asyncGenerator) }
            if scope.hasVarargs { flags.insert(.varArgs) }
            if scope.hasVarkeywords { flags.insert(.varKeywords) }
        }
        return flags
    }
}
