import GarterSyntax

/// Turns a module's AST into code objects, using the symbol table to decide
/// where each name lives.
///
/// This first version covers the core of the language: assignments to names,
/// arithmetic, comparisons, `and`/`or`/`not`, `if`, `while`, `break`,
/// `continue`, `pass`, calls with positional arguments, and functions with
/// positional parameters. Anything else is reported as `unsupported`, never
/// compiled wrongly.
public struct CodeGenerator {
    let source: SourceBuffer
    let table: SymbolTable
    let scopeID: ScopeID
    var builder: CodeBuilder
    /// The loops being compiled, innermost last: where `continue` and `break` go.
    var loops: [(start: CodeBuilder.Label, end: CodeBuilder.Label)] = []
    /// `co_varnames`: parameters first, then the other fast locals in order of
    /// appearance (empty outside functions).
    let variableNames: [String]
    let variableIndexes: [String: Int]

    var scope: Scope { table[scopeID] }

    init(source: SourceBuffer, table: SymbolTable, scopeID: ScopeID, position: SourceRange) {
        self.source = source
        self.table = table
        self.scopeID = scopeID
        self.builder = CodeBuilder(position: position)
        let scope = table[scopeID]
        var names: [String] = []
        if scope.isOptimized {
            names = scope.parameters
            for symbol in scope.symbols where symbol.scope == .local && !symbol.isParameter {
                names.append(symbol.name)
            }
        }
        variableNames = names
        variableIndexes = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// Compiles a whole module.
    public static func compileModule(_ module: Module, source: SourceBuffer) throws(CompileError) -> CodeObject {
        guard case .module(let body, _) = module else {
            throw .unsupported("compiling anything but a module", SourceRange(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 0))
        }
        let table: SymbolTable
        do {
            table = try SymbolTable.build(module, source: source)
        } catch {
            throw .syntax(error)
        }
        let start = SourceRange(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 0)
        var generator = CodeGenerator(source: source, table: table, scopeID: SymbolTable.topID, position: start)
        try generator.compileBody(body)
        generator.builder.emit(.loadConst, generator.builder.constantIndex(.literal(.none)))
        generator.builder.emit(.returnValue)
        return generator.makeCodeObject(name: "<module>", qualifiedName: "<module>", firstLine: 1,
                                        argumentCount: 0, flags: [])
    }

    mutating func makeCodeObject(name: String, qualifiedName: String, firstLine: Int, argumentCount: Int,
                                 flags: CodeFlags) -> CodeObject {
        let (instructions, positions, stackSize) = builder.finish()
        let scope = self.scope
        var flags = flags
        if scope.freeVariables.isEmpty && scope.cellVariables.isEmpty { flags.insert(.noFree) }
        return CodeObject(name: name, qualifiedName: qualifiedName, filename: source.filename,
                          firstLineNumber: firstLine, instructions: instructions, positions: positions,
                          constants: builder.constants, names: builder.names,
                          variableNames: variableNames, cellVariables: scope.cellVariables,
                          freeVariables: scope.freeVariables, argumentCount: argumentCount,
                          positionalOnlyArgumentCount: 0, keywordOnlyArgumentCount: 0, flags: flags,
                          stackSize: stackSize, exceptionTable: [])
    }

    func unsupported(_ what: String, _ range: SourceRange) -> CompileError {
        .unsupported(what, range)
    }

    func syntaxError(_ message: String, _ range: SourceRange) -> CompileError {
        .syntax(SyntaxError(.syntaxError, message, in: source, line: Int(range.lineno),
                            byteColumn: Int(range.colOffset), endLine: Int(range.endLineno),
                            endByteColumn: Int(range.endColOffset)))
    }

    // MARK: Names

    /// How a name is read or written in the current scope.
    enum NameAccess {
        case fast(Int)
        case global(Int)
        case name(Int)
    }

    mutating func access(_ name: String, at range: SourceRange) throws(CompileError) -> NameAccess {
        let resolved = scope.resolvedScope(of: name) ?? .globalImplicit
        switch resolved {
        case .local where scope.isOptimized:
            guard let index = variableIndexes[name] else {
                throw unsupported("local variable '\(name)'", range)
            }
            return .fast(index)
        case .local:
            return .name(builder.nameIndex(name))
        case .globalExplicit:
            return .global(builder.nameIndex(name))
        case .globalImplicit:
            return scope.isOptimized ? .global(builder.nameIndex(name)) : .name(builder.nameIndex(name))
        case .free, .cell:
            throw unsupported("closures (variable '\(name)' is shared with a nested function)", range)
        }
    }

    mutating func load(_ name: String, at range: SourceRange) throws(CompileError) {
        switch try access(name, at: range) {
        case .fast(let index): builder.emit(.loadFast, index)
        case .global(let index): builder.emit(.loadGlobal, index << 1)
        case .name(let index): builder.emit(.loadName, index)
        }
    }

    mutating func store(_ name: String, at range: SourceRange) throws(CompileError) {
        switch try access(name, at: range) {
        case .fast(let index): builder.emit(.storeFast, index)
        case .global(let index): builder.emit(.storeGlobal, index)
        case .name(let index): builder.emit(.storeName, index)
        }
    }
}
