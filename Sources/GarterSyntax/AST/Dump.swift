// The text of CPython 3.11's `ast.dump(tree, include_attributes=True)`:
// every field by keyword in declaration order, optional fields left out when
// absent, then the position attributes. Used by `garter --dump-ast` and by the
// tests that compare Garter's tree with CPython's.

public enum ASTDump {
    public static func dump(_ module: Module) -> String {
        var dumper = Dumper()
        dumper.module(module)
        return dumper.out
    }

    public static func dump(_ expr: Expr) -> String {
        var dumper = Dumper()
        dumper.expr(expr)
        return dumper.out
    }

    public static func dump(_ stmt: Stmt) -> String {
        var dumper = Dumper()
        dumper.stmt(stmt)
        return dumper.out
    }
}

private struct Dumper {
    var out = ""
    /// True right after an opening `(` or `[`: the next item needs no comma.
    var first = true

    init() { out.reserveCapacity(1 << 16) }

    // MARK: Layout primitives

    mutating func begin(_ name: String) {
        out += name
        out += "("
        first = true
    }

    mutating func end() {
        out += ")"
        first = false
    }

    mutating func key(_ name: String) {
        if !first { out += ", " }
        first = false
        out += name
        out += "="
    }

    mutating func item() {
        if !first { out += ", " }
        first = false
    }

    mutating func attributes(_ range: SourceRange) {
        key("lineno"); out += String(range.lineno)
        key("col_offset"); out += String(range.colOffset)
        key("end_lineno"); out += String(range.endLineno)
        key("end_col_offset"); out += String(range.endColOffset)
    }

    mutating func string(_ name: String, _ value: String) {
        key(name)
        out += Repr.string(value.unicodeScalars.map(\.value))
    }

    mutating func optionalString(_ name: String, _ value: String?) {
        if let value { string(name, value) }
    }

    mutating func int(_ name: String, _ value: Int) {
        key(name)
        out += String(value)
    }

    mutating func list<T>(_ name: String, _ values: [T], _ each: (inout Dumper, T) -> Void) {
        key(name)
        out += "["
        first = true
        for value in values {
            item()
            each(&self, value)
        }
        out += "]"
        first = false
    }

    mutating func exprField(_ name: String, _ value: Expr) {
        key(name)
        expr(value)
    }

    mutating func optionalExpr(_ name: String, _ value: Expr?) {
        if let value { exprField(name, value) }
    }

    mutating func exprs(_ name: String, _ values: [Expr]) {
        list(name, values) { $0.expr($1) }
    }

    mutating func stmts(_ name: String, _ values: [Stmt]) {
        list(name, values) { $0.stmt($1) }
    }

    mutating func strings(_ name: String, _ values: [String]) {
        list(name, values) { d, s in d.out += Repr.string(s.unicodeScalars.map(\.value)) }
    }

    mutating func leaf(_ name: String) {
        out += name
        out += "()"
        first = false
    }

    // MARK: Nodes

    mutating func module(_ module: Module) {
        switch module {
        case .module(let body, let typeIgnores):
            begin("Module")
            stmts("body", body)
            list("type_ignores", typeIgnores) { d, t in
                d.begin("TypeIgnore")
                d.int("lineno", Int(t.lineno))
                d.string("tag", t.tag)
                d.end()
            }
            end()
        case .interactive(let body):
            begin("Interactive")
            stmts("body", body)
            end()
        case .expression(let body):
            begin("Expression")
            exprField("body", body)
            end()
        case .functionType(let argtypes, let returns):
            begin("FunctionType")
            exprs("argtypes", argtypes)
            exprField("returns", returns)
            end()
        }
    }

    mutating func stmt(_ stmt: Stmt) {
        switch stmt.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, let typeComment):
            begin("FunctionDef")
            functionFields(name, args, body, decorators, returns, typeComment)
        case .asyncFunctionDef(let name, let args, let body, let decorators, let returns, let typeComment):
            begin("AsyncFunctionDef")
            functionFields(name, args, body, decorators, returns, typeComment)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            begin("ClassDef")
            string("name", name)
            exprs("bases", bases)
            list("keywords", keywords) { $0.keyword($1) }
            stmts("body", body)
            exprs("decorator_list", decorators)
        case .return(let value):
            begin("Return")
            optionalExpr("value", value)
        case .delete(let targets):
            begin("Delete")
            exprs("targets", targets)
        case .assign(let targets, let value, let typeComment):
            begin("Assign")
            exprs("targets", targets)
            exprField("value", value)
            optionalString("type_comment", typeComment)
        case .augAssign(let target, let op, let value):
            begin("AugAssign")
            exprField("target", target)
            key("op"); binaryOperator(op)
            exprField("value", value)
        case .annAssign(let target, let annotation, let value, let simple):
            begin("AnnAssign")
            exprField("target", target)
            exprField("annotation", annotation)
            optionalExpr("value", value)
            int("simple", simple)
        case .for(let target, let iter, let body, let orelse, let typeComment):
            begin("For")
            forFields(target, iter, body, orelse, typeComment)
        case .asyncFor(let target, let iter, let body, let orelse, let typeComment):
            begin("AsyncFor")
            forFields(target, iter, body, orelse, typeComment)
        case .while(let test, let body, let orelse):
            begin("While")
            exprField("test", test)
            stmts("body", body)
            stmts("orelse", orelse)
        case .if(let test, let body, let orelse):
            begin("If")
            exprField("test", test)
            stmts("body", body)
            stmts("orelse", orelse)
        case .with(let items, let body, let typeComment):
            begin("With")
            withFields(items, body, typeComment)
        case .asyncWith(let items, let body, let typeComment):
            begin("AsyncWith")
            withFields(items, body, typeComment)
        case .match(let subject, let cases):
            begin("Match")
            exprField("subject", subject)
            list("cases", cases) { d, c in
                d.begin("match_case")
                d.key("pattern"); d.pattern(c.pattern)
                d.optionalExpr("guard", c.guard_)
                d.stmts("body", c.body)
                d.end()
            }
        case .raise(let exc, let cause):
            begin("Raise")
            optionalExpr("exc", exc)
            optionalExpr("cause", cause)
        case .try(let body, let handlers, let orelse, let finalbody):
            begin("Try")
            tryFields(body, handlers, orelse, finalbody)
        case .tryStar(let body, let handlers, let orelse, let finalbody):
            begin("TryStar")
            tryFields(body, handlers, orelse, finalbody)
        case .assert(let test, let msg):
            begin("Assert")
            exprField("test", test)
            optionalExpr("msg", msg)
        case .import(let names):
            begin("Import")
            list("names", names) { $0.alias($1) }
        case .importFrom(let module, let names, let level):
            begin("ImportFrom")
            optionalString("module", module)
            list("names", names) { $0.alias($1) }
            int("level", level)
        case .global(let names):
            begin("Global")
            strings("names", names)
        case .nonlocal(let names):
            begin("Nonlocal")
            strings("names", names)
        case .expr(let value):
            begin("Expr")
            exprField("value", value)
        case .pass:
            begin("Pass")
        case .break:
            begin("Break")
        case .continue:
            begin("Continue")
        }
        attributes(stmt.range)
        end()
    }

    mutating func functionFields(_ name: String, _ args: Arguments, _ body: [Stmt], _ decorators: [Expr],
                                 _ returns: Expr?, _ typeComment: String?) {
        string("name", name)
        key("args"); arguments(args)
        stmts("body", body)
        exprs("decorator_list", decorators)
        optionalExpr("returns", returns)
        optionalString("type_comment", typeComment)
    }

    mutating func forFields(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt], _ typeComment: String?) {
        exprField("target", target)
        exprField("iter", iter)
        stmts("body", body)
        stmts("orelse", orelse)
        optionalString("type_comment", typeComment)
    }

    mutating func withFields(_ items: [WithItem], _ body: [Stmt], _ typeComment: String?) {
        list("items", items) { d, item in
            d.begin("withitem")
            d.exprField("context_expr", item.contextExpr)
            d.optionalExpr("optional_vars", item.optionalVars)
            d.end()
        }
        stmts("body", body)
        optionalString("type_comment", typeComment)
    }

    mutating func tryFields(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt]) {
        stmts("body", body)
        list("handlers", handlers) { d, h in
            d.begin("ExceptHandler")
            d.optionalExpr("type", h.type)
            d.optionalString("name", h.name)
            d.stmts("body", h.body)
            d.attributes(h.range)
            d.end()
        }
        stmts("orelse", orelse)
        stmts("finalbody", finalbody)
    }

    mutating func arguments(_ a: Arguments) {
        begin("arguments")
        list("posonlyargs", a.posonlyargs) { $0.arg($1) }
        list("args", a.args) { $0.arg($1) }
        if let vararg = a.vararg { key("vararg"); arg(vararg) }
        list("kwonlyargs", a.kwonlyargs) { $0.arg($1) }
        list("kw_defaults", a.kwDefaults) { d, e in
            if let e { d.expr(e) } else { d.out += "None" }
        }
        if let kwarg = a.kwarg { key("kwarg"); arg(kwarg) }
        exprs("defaults", a.defaults)
        end()
    }

    mutating func arg(_ a: Arg) {
        begin("arg")
        string("arg", a.arg)
        optionalExpr("annotation", a.annotation)
        optionalString("type_comment", a.typeComment)
        attributes(a.range)
        end()
    }

    mutating func keyword(_ k: Keyword) {
        begin("keyword")
        optionalString("arg", k.arg)
        exprField("value", k.value)
        attributes(k.range)
        end()
    }

    mutating func alias(_ a: Alias) {
        begin("alias")
        string("name", a.name)
        optionalString("asname", a.asname)
        attributes(a.range)
        end()
    }

    mutating func comprehensions(_ generators: [Comprehension]) {
        list("generators", generators) { d, c in
            d.begin("comprehension")
            d.exprField("target", c.target)
            d.exprField("iter", c.iter)
            d.exprs("ifs", c.ifs)
            d.int("is_async", c.isAsync ? 1 : 0)
            d.end()
        }
    }

    mutating func expr(_ expr: Expr) {
        switch expr.kind {
        case .boolOp(let op, let values):
            begin("BoolOp")
            key("op"); leaf(op == .and ? "And" : "Or")
            exprs("values", values)
        case .namedExpr(let target, let value):
            begin("NamedExpr")
            exprField("target", target)
            exprField("value", value)
        case .binOp(let left, let op, let right):
            begin("BinOp")
            exprField("left", left)
            key("op"); binaryOperator(op)
            exprField("right", right)
        case .unaryOp(let op, let operand):
            begin("UnaryOp")
            key("op")
            switch op {
            case .invert: leaf("Invert")
            case .not: leaf("Not")
            case .uAdd: leaf("UAdd")
            case .uSub: leaf("USub")
            }
            exprField("operand", operand)
        case .lambda(let args, let body):
            begin("Lambda")
            key("args"); arguments(args)
            exprField("body", body)
        case .ifExp(let test, let body, let orelse):
            begin("IfExp")
            exprField("test", test)
            exprField("body", body)
            exprField("orelse", orelse)
        case .dict(let keys, let values):
            begin("Dict")
            list("keys", keys) { d, e in
                if let e { d.expr(e) } else { d.out += "None" }
            }
            exprs("values", values)
        case .set(let elts):
            begin("Set")
            exprs("elts", elts)
        case .listComp(let elt, let generators):
            begin("ListComp")
            exprField("elt", elt)
            comprehensions(generators)
        case .setComp(let elt, let generators):
            begin("SetComp")
            exprField("elt", elt)
            comprehensions(generators)
        case .dictComp(let keyExpr, let value, let generators):
            begin("DictComp")
            exprField("key", keyExpr)
            exprField("value", value)
            comprehensions(generators)
        case .generatorExp(let elt, let generators):
            begin("GeneratorExp")
            exprField("elt", elt)
            comprehensions(generators)
        case .await(let value):
            begin("Await")
            exprField("value", value)
        case .yield(let value):
            begin("Yield")
            optionalExpr("value", value)
        case .yieldFrom(let value):
            begin("YieldFrom")
            exprField("value", value)
        case .compare(let left, let ops, let comparators):
            begin("Compare")
            exprField("left", left)
            list("ops", ops) { $0.comparisonOperator($1) }
            exprs("comparators", comparators)
        case .call(let function, let args, let keywords):
            begin("Call")
            exprField("func", function)
            exprs("args", args)
            list("keywords", keywords) { $0.keyword($1) }
        case .formattedValue(let value, let conversion, let formatSpec):
            begin("FormattedValue")
            exprField("value", value)
            int("conversion", conversion)
            optionalExpr("format_spec", formatSpec)
        case .joinedStr(let values):
            begin("JoinedStr")
            exprs("values", values)
        case .constant(let value, let kind):
            begin("Constant")
            key("value"); out += Repr.constant(value)
            optionalString("kind", kind)
        case .attribute(let value, let attr, let ctx):
            begin("Attribute")
            exprField("value", value)
            string("attr", attr)
            context(ctx)
        case .subscript(let value, let slice, let ctx):
            begin("Subscript")
            exprField("value", value)
            exprField("slice", slice)
            context(ctx)
        case .starred(let value, let ctx):
            begin("Starred")
            exprField("value", value)
            context(ctx)
        case .name(let id, let ctx):
            begin("Name")
            string("id", id)
            context(ctx)
        case .list(let elts, let ctx):
            begin("List")
            exprs("elts", elts)
            context(ctx)
        case .tuple(let elts, let ctx):
            begin("Tuple")
            exprs("elts", elts)
            context(ctx)
        case .slice(let lower, let upper, let step):
            begin("Slice")
            optionalExpr("lower", lower)
            optionalExpr("upper", upper)
            optionalExpr("step", step)
        }
        attributes(expr.range)
        end()
    }

    mutating func context(_ ctx: ExprContext) {
        key("ctx")
        switch ctx {
        case .load: leaf("Load")
        case .store: leaf("Store")
        case .del: leaf("Del")
        }
    }

    mutating func binaryOperator(_ op: BinaryOperator) {
        switch op {
        case .add: leaf("Add")
        case .sub: leaf("Sub")
        case .mult: leaf("Mult")
        case .matMult: leaf("MatMult")
        case .div: leaf("Div")
        case .mod: leaf("Mod")
        case .pow: leaf("Pow")
        case .lShift: leaf("LShift")
        case .rShift: leaf("RShift")
        case .bitOr: leaf("BitOr")
        case .bitXor: leaf("BitXor")
        case .bitAnd: leaf("BitAnd")
        case .floorDiv: leaf("FloorDiv")
        }
    }

    mutating func comparisonOperator(_ op: ComparisonOperator) {
        switch op {
        case .eq: leaf("Eq")
        case .notEq: leaf("NotEq")
        case .lt: leaf("Lt")
        case .ltE: leaf("LtE")
        case .gt: leaf("Gt")
        case .gtE: leaf("GtE")
        case .is: leaf("Is")
        case .isNot: leaf("IsNot")
        case .in: leaf("In")
        case .notIn: leaf("NotIn")
        }
    }

    mutating func pattern(_ pattern: Pattern) {
        switch pattern.kind {
        case .matchValue(let value):
            begin("MatchValue")
            exprField("value", value)
        case .matchSingleton(let value):
            begin("MatchSingleton")
            key("value"); out += Repr.constant(value)
        case .matchSequence(let patterns):
            begin("MatchSequence")
            list("patterns", patterns) { $0.pattern($1) }
        case .matchMapping(let keys, let patterns, let rest):
            begin("MatchMapping")
            exprs("keys", keys)
            list("patterns", patterns) { $0.pattern($1) }
            optionalString("rest", rest)
        case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
            begin("MatchClass")
            exprField("cls", cls)
            list("patterns", patterns) { $0.pattern($1) }
            strings("kwd_attrs", kwdAttrs)
            list("kwd_patterns", kwdPatterns) { $0.pattern($1) }
        case .matchStar(let name):
            begin("MatchStar")
            optionalString("name", name)
        case .matchAs(let subpattern, let name):
            begin("MatchAs")
            if let subpattern { key("pattern"); self.pattern(subpattern) }
            optionalString("name", name)
        case .matchOr(let patterns):
            begin("MatchOr")
            list("patterns", patterns) { $0.pattern($1) }
        }
        attributes(pattern.range)
        end()
    }
}
