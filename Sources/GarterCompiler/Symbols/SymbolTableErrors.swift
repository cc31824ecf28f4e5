import GarterSyntax

/// The SyntaxErrors of the symbol table pass, with CPython's messages.
enum SymbolTableError {
    static func duplicateArgument(_ name: String) -> String {
        "duplicate argument '\(name)' in function definition"
    }
    static let importStarOutsideModule = "import * only allowed at module level"
    static let nonlocalAtModuleLevel = "nonlocal declaration not allowed at module level"
    static func noBindingForNonlocal(_ name: String) -> String {
        "no binding for nonlocal '\(name)' found"
    }
    static func nonlocalAndGlobal(_ name: String) -> String {
        "name '\(name)' is nonlocal and global"
    }
    static func annotatedCannotBe(_ declaration: Declaration, _ name: String) -> String {
        "annotated name '\(name)' can't be \(declaration.keyword)"
    }
    /// `global x` or `nonlocal x` after `x` was already a parameter, used,
    /// annotated or assigned in the scope.
    static func declarationAfterUse(_ declaration: Declaration, _ name: String, _ flags: SymbolFlags) -> String {
        let keyword = declaration.keyword
        if flags.contains(.parameter) { return "name '\(name)' is parameter and \(keyword)" }
        if flags.contains(.used) { return "name '\(name)' is used prior to \(keyword) declaration" }
        if flags.contains(.annotated) { return annotatedCannotBe(declaration, name) }
        return "name '\(name)' is assigned to before \(keyword) declaration"
    }
    static func notInAnnotation(_ what: String) -> String {
        "'\(what)' can not be used within an annotation"
    }
    static func yieldInComprehension(_ kind: ComprehensionKind) -> String {
        "'yield' inside \(kind.description)"
    }
    static func walrusRebindsIterationVariable(_ name: String) -> String {
        "assignment expression cannot rebind comprehension iteration variable '\(name)'"
    }
    static func innerLoopRebindsWalrusTarget(_ name: String) -> String {
        "comprehension inner loop cannot rebind assignment expression target '\(name)'"
    }
    static let walrusInComprehensionInClass =
        "assignment expression within a comprehension cannot be used in a class body"
    static let walrusInComprehensionIterable =
        "assignment expression cannot be used in a comprehension iterable expression"

    enum Declaration {
        case global, nonlocal
        var keyword: String { self == .global ? "global" : "nonlocal" }
    }

    /// The error at `range`. The symbol table reports UTF-8 byte columns
    /// plus one as the offsets, without converting them to characters as
    /// the parser does: that is what CPython 3.11 prints too.
    static func at(_ range: SourceRange, _ message: String, in source: SourceBuffer) -> SyntaxError {
        let line = Int(range.lineno)
        return SyntaxError(.syntaxError, message, filename: source.filename, lineno: line,
                           offset: Int(range.colOffset) + 1, endLineno: Int(range.endLineno),
                           endOffset: Int(range.endColOffset) + 1, text: source.lineWithEnding(line))
    }
}
