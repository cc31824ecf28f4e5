/// A canonical text form of a symbol table, the same as
/// `scripts/symtable_dump.py` prints from CPython's `symtable` module, so
/// the two can be compared byte for byte:
///
///     module top line=0 nested=0 optimized=0 children=1
///       symbol f LOCAL DEF_LOCAL
///       function f line=1 nested=0 optimized=1 children=0 params=a,b
///         symbol a LOCAL DEF_PARAM|USE
///
/// One line per scope, then one per symbol in `get_identifiers()` order,
/// then the child scopes, each level indented two more spaces. The free
/// names the analysis adds on their way to an inner scope come last, sorted
/// (CPython adds them in the order of a set, which changes from run to run).
public enum SymbolTableDump {
    public static func dump(_ table: SymbolTable) -> String {
        var out = ""
        out.reserveCapacity(table.scopes.count * 256)
        append(SymbolTable.topID, of: table, depth: 0, to: &out)
        return out
    }

    private static func append(_ id: ScopeID, of table: SymbolTable, depth: Int, to out: inout String) {
        let scope = table[id]
        indent(depth, &out)
        out += scope.kind.typeName
        out += " "
        out += scope.name
        out += " line="
        out += String(scope.lineno)
        out += scope.isNested ? " nested=1" : " nested=0"
        out += scope.isOptimized ? " optimized=1" : " optimized=0"
        out += " children="
        out += String(scope.children.count)
        if scope.kind == .function {
            out += " params="
            out += scope.parameters.joined(separator: ",")
        }
        out += "\n"
        for symbol in scope.symbols {
            indent(depth + 1, &out)
            out += "symbol "
            out += symbol.name
            out += " "
            out += scopeName(symbol.scope)
            out += " "
            appendFlags(symbol.flags, to: &out)
            out += "\n"
        }
        for child in scope.children {
            append(child, of: table, depth: depth + 1, to: &out)
        }
    }

    private static func indent(_ depth: Int, _ out: inout String) {
        for _ in 0..<depth { out += "  " }
    }

    private static func scopeName(_ scope: SymbolScope) -> String {
        switch scope {
        case .local: return "LOCAL"
        case .globalExplicit: return "GLOBAL_EXPLICIT"
        case .globalImplicit: return "GLOBAL_IMPLICIT"
        case .free: return "FREE"
        case .cell: return "CELL"
        }
    }

    /// The flags by CPython's names, lowest bit first, joined by `|`; `-` for none.
    private static func appendFlags(_ flags: SymbolFlags, to out: inout String) {
        let names: [(SymbolFlags, String)] = [
            (.declaredGlobal, "DEF_GLOBAL"), (.assigned, "DEF_LOCAL"), (.parameter, "DEF_PARAM"),
            (.declaredNonlocal, "DEF_NONLOCAL"), (.used, "USE"), (.free, "DEF_FREE"),
            (.freeInClass, "DEF_FREE_CLASS"), (.imported, "DEF_IMPORT"), (.annotated, "DEF_ANNOT"),
            (.comprehensionIterationVariable, "DEF_COMP_ITER"),
        ]
        var first = true
        for (flag, name) in names where flags.contains(flag) {
            if !first { out += "|" }
            out += name
            first = false
        }
        if first { out += "-" }
    }
}
