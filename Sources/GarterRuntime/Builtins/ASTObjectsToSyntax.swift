import GarterSyntax

// The way back: a tree of `_ast` node objects (from `ast.parse`, maybe edited
// by a NodeTransformer) read into the front end's Swift tree, so that
// `compile(tree, filename, mode)` can hand it to the code generator.

/// Reads node objects by their class names and fields. Every reference it
/// takes is kept in `held` and released once the tree is read.
struct ASTObjectReader {
    let thread: ThreadState
    var held: [Value] = []

    init(thread: ThreadState) { self.thread = thread }

    func releaseAll() { for value in held { value.release() } }

    func kind(_ node: Value) -> String { thread.typeOf(node).name }

    mutating func field(_ node: Value, _ name: String) throws(EvalError) -> Value {
        guard let value = try thread.lookupAttribute(node, thread.interpreter.internedString(name)) else {
            throw .typeError("required field \"\(name)\" missing from \(kind(node))")
        }
        held.append(value)
        return value
    }

    mutating func optionalField(_ node: Value, _ name: String) throws(EvalError) -> Value? {
        guard let value = try thread.lookupAttribute(node, thread.interpreter.internedString(name)) else { return nil }
        held.append(value)
        return value.isNone ? nil : value
    }

    mutating func items(_ node: Value, _ name: String) throws(EvalError) -> [Value] {
        let values = try thread.collect(try field(node, name))
        held.append(contentsOf: values)
        return values
    }

    mutating func identifier(_ node: Value, _ name: String) throws(EvalError) -> String {
        try thread.strText(try field(node, name))
    }

    mutating func optionalIdentifier(_ node: Value, _ name: String) throws(EvalError) -> String? {
        try optionalField(node, name).map { (value) throws(EvalError) in try thread.strText(value) }
    }

    mutating func int(_ node: Value, _ name: String) throws(EvalError) -> Int {
        try thread.indexInt(try field(node, name))
    }

    /// The position attributes; a missing one is reported against the
    /// abstract class that declares them (`stmt`, `expr`...), as CPython does.
    mutating func range(_ node: Value, _ category: String) throws(EvalError) -> SourceRange {
        func required(_ name: String) throws(EvalError) -> Int {
            guard let value = try thread.lookupAttribute(node, thread.interpreter.internedString(name)) else {
                throw .typeError("required field \"\(name)\" missing from \(category)")
            }
            defer { value.release() }
            return try thread.indexInt(value)
        }
        let lineno = try required("lineno")
        let col = try required("col_offset")
        let endLineno = try optionalField(node, "end_lineno").map { (v) throws(EvalError) in try thread.indexInt(v) } ?? lineno
        let endCol = try optionalField(node, "end_col_offset").map { (v) throws(EvalError) in try thread.indexInt(v) } ?? col
        return SourceRange(lineno: Int32(clamping: lineno), colOffset: Int32(clamping: col),
                           endLineno: Int32(clamping: endLineno), endColOffset: Int32(clamping: endCol))
    }

    // MARK: Nodes

    mutating func module(_ node: Value, mode: String) throws(EvalError) -> Module {
        let expected = ["exec": "Module", "eval": "Expression", "single": "Interactive"][mode]
        guard let expected else { throw .valueError("compile() mode must be 'exec', 'eval' or 'single'") }
        guard kind(node) == expected else {
            throw .typeError("expected \(expected) node, got \(kind(node))")
        }
        switch expected {
        case "Module": return .module(body: try stmts(node, "body"), typeIgnores: [])
        case "Interactive": return .interactive(body: try stmts(node, "body"))
        default: return .expression(body: try expr(try field(node, "body")))
        }
    }

    mutating func stmts(_ node: Value, _ name: String) throws(EvalError) -> [Stmt] {
        var result: [Stmt] = []
        for item in try items(node, name) { result.append(try stmt(item)) }
        return result
    }

    mutating func exprs(_ node: Value, _ name: String) throws(EvalError) -> [Expr] {
        var result: [Expr] = []
        for item in try items(node, name) { result.append(try expr(item)) }
        return result
    }

    mutating func optionalExpr(_ node: Value, _ name: String) throws(EvalError) -> Expr? {
        try optionalField(node, name).map { (value) throws(EvalError) in try expr(value) }
    }

    mutating func exprField(_ node: Value, _ name: String) throws(EvalError) -> Expr {
        try expr(try field(node, name))
    }

    mutating func stmt(_ node: Value) throws(EvalError) -> Stmt {
        let r = try range(node, "stmt")
        let k: StmtKind
        switch kind(node) {
        case "FunctionDef", "AsyncFunctionDef":
            let name = try identifier(node, "name")
            let args = try arguments(try field(node, "args"))
            let body = try stmts(node, "body")
            let decorators = try exprs(node, "decorator_list")
            let returns = try optionalExpr(node, "returns")
            k = kind(node) == "FunctionDef"
                ? .functionDef(name: name, args: args, body: body, decoratorList: decorators, returns: returns, typeComment: nil)
                : .asyncFunctionDef(name: name, args: args, body: body, decoratorList: decorators, returns: returns, typeComment: nil)
        case "ClassDef":
            k = .classDef(name: try identifier(node, "name"), bases: try exprs(node, "bases"),
                          keywords: try keywords(node, "keywords"), body: try stmts(node, "body"),
                          decoratorList: try exprs(node, "decorator_list"))
        case "Return": k = .return(value: try optionalExpr(node, "value"))
        case "Delete": k = .delete(targets: try exprs(node, "targets"))
        case "Assign": k = .assign(targets: try exprs(node, "targets"), value: try exprField(node, "value"), typeComment: nil)
        case "AugAssign":
            k = .augAssign(target: try exprField(node, "target"), op: try binaryOperator(try field(node, "op")),
                           value: try exprField(node, "value"))
        case "AnnAssign":
            k = .annAssign(target: try exprField(node, "target"), annotation: try exprField(node, "annotation"),
                           value: try optionalExpr(node, "value"), simple: try int(node, "simple"))
        case "For", "AsyncFor":
            let target = try exprField(node, "target"), iter = try exprField(node, "iter")
            let body = try stmts(node, "body"), orelse = try stmts(node, "orelse")
            k = kind(node) == "For" ? .for(target: target, iter: iter, body: body, orelse: orelse, typeComment: nil)
                : .asyncFor(target: target, iter: iter, body: body, orelse: orelse, typeComment: nil)
        case "While": k = .while(test: try exprField(node, "test"), body: try stmts(node, "body"), orelse: try stmts(node, "orelse"))
        case "If": k = .if(test: try exprField(node, "test"), body: try stmts(node, "body"), orelse: try stmts(node, "orelse"))
        case "With", "AsyncWith":
            var withItems: [WithItem] = []
            for item in try items(node, "items") {
                withItems.append(WithItem(contextExpr: try exprField(item, "context_expr"),
                                          optionalVars: try optionalExpr(item, "optional_vars")))
            }
            let body = try stmts(node, "body")
            k = kind(node) == "With" ? .with(items: withItems, body: body, typeComment: nil)
                : .asyncWith(items: withItems, body: body, typeComment: nil)
        case "Match":
            var cases: [MatchCase] = []
            for item in try items(node, "cases") {
                cases.append(MatchCase(pattern: try pattern(try field(item, "pattern")),
                                       guard_: try optionalExpr(item, "guard"), body: try stmts(item, "body")))
            }
            k = .match(subject: try exprField(node, "subject"), cases: cases)
        case "Raise": k = .raise(exc: try optionalExpr(node, "exc"), cause: try optionalExpr(node, "cause"))
        case "Try", "TryStar":
            let body = try stmts(node, "body")
            var handlers: [ExceptHandler] = []
            for item in try items(node, "handlers") {
                handlers.append(ExceptHandler(type: try optionalExpr(item, "type"), name: try optionalIdentifier(item, "name"),
                                              body: try stmts(item, "body"), range: try range(item, "excepthandler")))
            }
            let orelse = try stmts(node, "orelse"), finalbody = try stmts(node, "finalbody")
            k = kind(node) == "Try" ? .try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
                : .tryStar(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
        case "Assert": k = .assert(test: try exprField(node, "test"), msg: try optionalExpr(node, "msg"))
        case "Import": k = .import(names: try aliases(node))
        case "ImportFrom":
            let level = try optionalField(node, "level").map { (v) throws(EvalError) in try thread.indexInt(v) } ?? 0
            k = .importFrom(module: try optionalIdentifier(node, "module"), names: try aliases(node), level: level)
        case "Global": k = .global(names: try identifiers(node, "names"))
        case "Nonlocal": k = .nonlocal(names: try identifiers(node, "names"))
        case "Expr": k = .expr(value: try exprField(node, "value"))
        case "Pass": k = .pass
        case "Break": k = .break
        case "Continue": k = .continue
        default: throw .typeError("expected some sort of stmt, but got \(try thread.reprText(node))")
        }
        return Stmt(k, r)
    }

    mutating func identifiers(_ node: Value, _ name: String) throws(EvalError) -> [String] {
        var result: [String] = []
        for item in try items(node, name) { result.append(try thread.strText(item)) }
        return result
    }

    mutating func aliases(_ node: Value) throws(EvalError) -> [Alias] {
        var result: [Alias] = []
        for item in try items(node, "names") {
            result.append(Alias(name: try identifier(item, "name"), asname: try optionalIdentifier(item, "asname"),
                                range: try range(item, "alias")))
        }
        return result
    }

    mutating func keywords(_ node: Value, _ name: String) throws(EvalError) -> [Keyword] {
        var result: [Keyword] = []
        for item in try items(node, name) {
            result.append(Keyword(arg: try optionalIdentifier(item, "arg"), value: try exprField(item, "value"), range: try range(item, "keyword")))
        }
        return result
    }

    mutating func arg(_ node: Value) throws(EvalError) -> Arg {
        Arg(arg: try identifier(node, "arg"), annotation: try optionalExpr(node, "annotation"), range: try range(node, "arg"))
    }

    mutating func args(_ node: Value, _ name: String) throws(EvalError) -> [Arg] {
        var result: [Arg] = []
        for item in try items(node, name) { result.append(try arg(item)) }
        return result
    }

    mutating func arguments(_ node: Value) throws(EvalError) -> GarterSyntax.Arguments {
        var kwDefaults: [Expr?] = []
        for item in try items(node, "kw_defaults") {
            kwDefaults.append(item.isNone ? nil : try expr(item))
        }
        return GarterSyntax.Arguments(
            posonlyargs: try args(node, "posonlyargs"), args: try args(node, "args"),
            vararg: try optionalField(node, "vararg").map { (v) throws(EvalError) in try arg(v) },
            kwonlyargs: try args(node, "kwonlyargs"), kwDefaults: kwDefaults,
            kwarg: try optionalField(node, "kwarg").map { (v) throws(EvalError) in try arg(v) },
            defaults: try exprs(node, "defaults"))
    }

    mutating func comprehensions(_ node: Value) throws(EvalError) -> [Comprehension] {
        var result: [Comprehension] = []
        for item in try items(node, "generators") {
            result.append(Comprehension(target: try exprField(item, "target"), iter: try exprField(item, "iter"),
                                        ifs: try exprs(item, "ifs"), isAsync: try int(item, "is_async") != 0))
        }
        return result
    }

    func context(_ node: Value) throws(EvalError) -> ExprContext {
        switch kind(node) {
        case "Load": return .load
        case "Store": return .store
        case "Del": return .del
        default: throw .typeError("expected some sort of expr_context, but got \(try thread.reprText(node))")
        }
    }

    func binaryOperator(_ node: Value) throws(EvalError) -> BinaryOperator {
        switch kind(node) {
        case "Add": return .add
        case "Sub": return .sub
        case "Mult": return .mult
        case "MatMult": return .matMult
        case "Div": return .div
        case "Mod": return .mod
        case "Pow": return .pow
        case "LShift": return .lShift
        case "RShift": return .rShift
        case "BitOr": return .bitOr
        case "BitXor": return .bitXor
        case "BitAnd": return .bitAnd
        case "FloorDiv": return .floorDiv
        default: throw .typeError("expected some sort of operator, but got \(try thread.reprText(node))")
        }
    }

    func comparisonOperator(_ node: Value) throws(EvalError) -> ComparisonOperator {
        switch kind(node) {
        case "Eq": return .eq
        case "NotEq": return .notEq
        case "Lt": return .lt
        case "LtE": return .ltE
        case "Gt": return .gt
        case "GtE": return .gtE
        case "Is": return .is
        case "IsNot": return .isNot
        case "In": return .in
        case "NotIn": return .notIn
        default: throw .typeError("expected some sort of cmpop, but got \(try thread.reprText(node))")
        }
    }

    func constant(_ value: Value) throws(EvalError) -> Constant {
        switch value {
        case .none: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return .float(number)
        case .object:
            if value.isIdentical(to: thread.interpreter.ellipsis) { return .ellipsis }
            if let text = value.as(PyStr.self) { return .str(PyString(codePoints: text.codePoints)) }
            if let bytes = value.as(PyBytes.self) { return .bytes(bytes.bytes) }
            if let long = value.as(PyLong.self) { return .bigInt(long.value) }
            if let complex = value.as(PyComplex.self), complex.real == 0 { return .imaginary(complex.imag) }
            throw .unsupported("compile() of a Constant holding \(thread.typeOf(value).name)")
        }
    }

    mutating func expr(_ node: Value) throws(EvalError) -> Expr {
        let r = try range(node, "expr")
        let k: ExprKind
        switch kind(node) {
        case "BoolOp":
            k = .boolOp(op: kind(try field(node, "op")) == "And" ? .and : .or, values: try exprs(node, "values"))
        case "NamedExpr": k = .namedExpr(target: try exprField(node, "target"), value: try exprField(node, "value"))
        case "BinOp":
            k = .binOp(left: try exprField(node, "left"), op: try binaryOperator(try field(node, "op")), right: try exprField(node, "right"))
        case "UnaryOp":
            let op: UnaryOperator
            switch kind(try field(node, "op")) {
            case "Invert": op = .invert
            case "Not": op = .not
            case "UAdd": op = .uAdd
            default: op = .uSub
            }
            k = .unaryOp(op: op, operand: try exprField(node, "operand"))
        case "Lambda": k = .lambda(args: try arguments(try field(node, "args")), body: try exprField(node, "body"))
        case "IfExp": k = .ifExp(test: try exprField(node, "test"), body: try exprField(node, "body"), orelse: try exprField(node, "orelse"))
        case "Dict":
            var keys: [Expr?] = []
            for item in try items(node, "keys") { keys.append(item.isNone ? nil : try expr(item)) }
            k = .dict(keys: keys, values: try exprs(node, "values"))
        case "Set": k = .set(elts: try exprs(node, "elts"))
        case "ListComp": k = .listComp(elt: try exprField(node, "elt"), generators: try comprehensions(node))
        case "SetComp": k = .setComp(elt: try exprField(node, "elt"), generators: try comprehensions(node))
        case "DictComp":
            k = .dictComp(key: try exprField(node, "key"), value: try exprField(node, "value"), generators: try comprehensions(node))
        case "GeneratorExp": k = .generatorExp(elt: try exprField(node, "elt"), generators: try comprehensions(node))
        case "Await": k = .await(value: try exprField(node, "value"))
        case "Yield": k = .yield(value: try optionalExpr(node, "value"))
        case "YieldFrom": k = .yieldFrom(value: try exprField(node, "value"))
        case "Compare":
            var ops: [ComparisonOperator] = []
            for item in try items(node, "ops") { ops.append(try comparisonOperator(item)) }
            k = .compare(left: try exprField(node, "left"), ops: ops, comparators: try exprs(node, "comparators"))
        case "Call": k = .call(func: try exprField(node, "func"), args: try exprs(node, "args"), keywords: try keywords(node, "keywords"))
        case "FormattedValue":
            k = .formattedValue(value: try exprField(node, "value"), conversion: try int(node, "conversion"),
                                formatSpec: try optionalExpr(node, "format_spec"))
        case "JoinedStr": k = .joinedStr(values: try exprs(node, "values"))
        case "Constant":
            k = .constant(value: try constant(try field(node, "value")), kind: try optionalIdentifier(node, "kind"))
        case "Attribute":
            k = .attribute(value: try exprField(node, "value"), attr: try identifier(node, "attr"), ctx: try context(try field(node, "ctx")))
        case "Subscript":
            k = .subscript(value: try exprField(node, "value"), slice: try exprField(node, "slice"), ctx: try context(try field(node, "ctx")))
        case "Starred": k = .starred(value: try exprField(node, "value"), ctx: try context(try field(node, "ctx")))
        case "Name": k = .name(id: try identifier(node, "id"), ctx: try context(try field(node, "ctx")))
        case "List": k = .list(elts: try exprs(node, "elts"), ctx: try context(try field(node, "ctx")))
        case "Tuple": k = .tuple(elts: try exprs(node, "elts"), ctx: try context(try field(node, "ctx")))
        case "Slice":
            k = .slice(lower: try optionalExpr(node, "lower"), upper: try optionalExpr(node, "upper"), step: try optionalExpr(node, "step"))
        default: throw .typeError("expected some sort of expr, but got \(try thread.reprText(node))")
        }
        return Expr(k, r)
    }

    mutating func patterns(_ node: Value, _ name: String) throws(EvalError) -> [Pattern] {
        var result: [Pattern] = []
        for item in try items(node, name) { result.append(try pattern(item)) }
        return result
    }

    mutating func pattern(_ node: Value) throws(EvalError) -> Pattern {
        let r = try range(node, "pattern")
        let k: PatternKind
        switch kind(node) {
        case "MatchValue": k = .matchValue(value: try exprField(node, "value"))
        case "MatchSingleton": k = .matchSingleton(value: try constant(try field(node, "value")))
        case "MatchSequence": k = .matchSequence(patterns: try patterns(node, "patterns"))
        case "MatchMapping":
            k = .matchMapping(keys: try exprs(node, "keys"), patterns: try patterns(node, "patterns"), rest: try optionalIdentifier(node, "rest"))
        case "MatchClass":
            k = .matchClass(cls: try exprField(node, "cls"), patterns: try patterns(node, "patterns"),
                            kwdAttrs: try identifiers(node, "kwd_attrs"), kwdPatterns: try patterns(node, "kwd_patterns"))
        case "MatchStar": k = .matchStar(name: try optionalIdentifier(node, "name"))
        case "MatchAs":
            k = .matchAs(pattern: try optionalField(node, "pattern").map { (p) throws(EvalError) in try pattern(p) },
                         name: try optionalIdentifier(node, "name"))
        case "MatchOr": k = .matchOr(patterns: try patterns(node, "patterns"))
        default: throw .typeError("expected some sort of pattern, but got \(try thread.reprText(node))")
        }
        return Pattern(k, r)
    }
}
