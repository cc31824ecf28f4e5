import GarterSyntax

/// The `from __future__ import ...` features a module turns on, with the
/// `co_flags` bit values CPython gives them (Python code tests these bits).
///
/// They are read from the AST before anything else is compiled, as CPython's
/// future.c does: the symbol table needs `annotations` (PEP 563 turns
/// annotations into strings, so their names are not uses), and a bad future
/// import is reported before any error of the later passes.
public struct FutureFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let division = FutureFeatures(rawValue: 0x20000)
    public static let absoluteImport = FutureFeatures(rawValue: 0x40000)
    public static let withStatement = FutureFeatures(rawValue: 0x80000)
    public static let printFunction = FutureFeatures(rawValue: 0x100000)
    public static let unicodeLiterals = FutureFeatures(rawValue: 0x200000)
    public static let barryAsBDFL = FutureFeatures(rawValue: 0x400000)
    public static let generatorStop = FutureFeatures(rawValue: 0x800000)
    public static let annotations = FutureFeatures(rawValue: 0x1000000)

    /// The feature a name imported from `__future__` turns on; `[]` for the
    /// features that are always on (`nested_scopes`, `generators`), nil for
    /// a name that is not a feature.
    static func feature(named name: String) -> FutureFeatures? {
        switch name {
        case "nested_scopes", "generators": return []
        case "division": return .division
        case "absolute_import": return .absoluteImport
        case "with_statement": return .withStatement
        case "print_function": return .printFunction
        case "unicode_literals": return .unicodeLiterals
        case "barry_as_FLUFL": return .barryAsBDFL
        case "generator_stop": return .generatorStop
        case "annotations": return .annotations
        default: return nil
        }
    }

    /// The features `module` imports, or the SyntaxError CPython's future.c
    /// raises: an unknown feature, `braces`, or a future import that follows
    /// another statement on the same line. (A future import on a later line
    /// than other statements is reported by the code generator, as in CPython.)
    public static func parse(_ module: Module, source: SourceBuffer) throws(SyntaxError) -> FutureFeatures {
        let body: [Stmt]
        switch module {
        case .module(let statements, _): body = statements
        case .interactive(let statements): body = statements
        case .expression, .functionType: return []
        }
        var features: FutureFeatures = []
        // Only a docstring and other future imports may come before a future
        // import. Once something else has been seen, the scan goes on to the
        // end of that line only: a future import later on the same line is
        // easier to catch here than in the code generator.
        var done = false
        var foundDocstring = false
        var previousLine: Int32 = 0
        for statement in body {
            if done && statement.range.lineno > previousLine { break }
            previousLine = statement.range.lineno
            switch statement.kind {
            case .importFrom(let moduleName, let names, _) where moduleName == "__future__":
                if done {
                    // CPython gives this one the 0-based column as the offset.
                    throw futureError("from __future__ imports must occur at the beginning of the file",
                                      at: statement, offset: Int(statement.range.colOffset), in: source)
                }
                for alias in names {
                    guard let feature = feature(named: alias.name) else {
                        let message = alias.name == "braces"
                            ? "not a chance" : "future feature \(alias.name) is not defined"
                        throw futureError(message, at: statement, offset: Int(statement.range.colOffset) + 1,
                                          in: source)
                    }
                    features.formUnion(feature)
                }
            case .expr(let value) where !foundDocstring:
                if case .constant(.str, _) = value.kind {} else { done = true }
                foundDocstring = true
            default:
                done = true
            }
        }
        return features
    }

    /// future.c reports a position without an end (`end_offset` is None in
    /// CPython), which is `endOffset` 0 here: one caret is printed.
    private static func futureError(_ message: String, at statement: Stmt, offset: Int,
                                    in source: SourceBuffer) -> SyntaxError {
        let line = Int(statement.range.lineno)
        return SyntaxError(.syntaxError, message, filename: source.filename, lineno: line,
                           offset: offset, endLineno: line, endOffset: 0, text: source.lineWithEnding(line))
    }
}
