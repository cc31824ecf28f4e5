/// One name of one scope: what the scope does with it and where it lives.
public struct Symbol: Sendable {
    /// The name as stored, after private-name mangling (`__x` in class `C` is `_C__x`).
    public let name: String
    public internal(set) var flags: SymbolFlags
    /// Set for every symbol by the analysis pass; a finished `SymbolTable`
    /// has no symbol without its final scope.
    public internal(set) var scope: SymbolScope

    init(name: String, flags: SymbolFlags, scope: SymbolScope = .globalImplicit) {
        self.name = name
        self.flags = flags
        self.scope = scope
    }

    // Some of the questions `symtable.Symbol` answers, with the same meaning.
    public var isReferenced: Bool { flags.contains(.used) }
    public var isAssigned: Bool { flags.contains(.assigned) }
    public var isImported: Bool { flags.contains(.imported) }
    public var isParameter: Bool { flags.contains(.parameter) }
    public var isAnnotated: Bool { flags.contains(.annotated) }
    public var isNonlocal: Bool { flags.contains(.declaredNonlocal) }
    public var isDeclaredGlobal: Bool { scope == .globalExplicit }
    public var isFree: Bool { scope == .free }
    public var isCell: Bool { scope == .cell }
    /// Bound in this scope by an assignment, a parameter or an import.
    public var isBound: Bool { !flags.isDisjoint(with: .binding) }
}
