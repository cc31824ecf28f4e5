import BigInt
import GarterCompiler
import GarterSyntax

// `compile(source, filename, mode, PyCF_ONLY_AST)` (and so `ast.parse`): the
// front end's Swift tree rebuilt as instances of the node classes of `_ast`
// (Lib/_ast.py). Fields are set in the order of the classes' `_fields`, every
// field present (absent optional ones as None, as CPython's objects have them),
// and positions exactly as `ASTDump` prints them.

extension ThreadState {
    /// The AST object for `source` parsed in `mode`: a new reference.
    func compileToASTObject(_ source: Value, filename: String, mode: String) throws(EvalError) -> Value {
        let astModule = try importModule("_ast", globals: nil, fromList: .none, level: 0)
        defer { astModule.release() }
        let baseClass = try getAttribute(astModule, "AST")
        defer { baseClass.release() }
        if case .object = source, try isInstance(source, baseClass) {
            // An AST object compiled to an AST is itself, as in CPython.
            source.retain()
            return source
        }
        let bytes: [UInt8]
        var isText = true
        if let text = source.as(PyStr.self) {
            guard let utf8 = text.utf8 else { throw .pythonException("UnicodeEncodeError", "surrogates not allowed") }
            bytes = utf8
        } else if let data = source.as(PyBytes.self)?.bytes ?? source.as(PyByteArray.self)?.bytes {
            bytes = data
            isText = false
        } else {
            throw .typeError("compile() arg 1 must be a string, bytes or AST object")
        }
        if bytes.contains(0) { throw .pythonException("SyntaxError", "source code string cannot contain null bytes") }
        let module: Module
        do {
            let buffer = isText ? SourceBuffer(utf8: bytes, filename: filename) : try SourceBuffer(fileBytes: bytes, filename: filename)
            switch mode {
            case "exec": module = try Parser.parseModule(buffer, from: .string)
            case "eval": module = try Parser.parseExpression(buffer)
            case "single": module = try Parser.parseInteractive(buffer)
            case "func_type": throw EvalError.unsupported("compile() in mode 'func_type'")
            default: throw EvalError.valueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            }
        } catch let error as SyntaxError {
            throw .exception(makeSyntaxError(error))
        } catch let error as EvalError {
            throw error
        } catch {
            throw .unsupported("\(error)")
        }
        var builder = ASTObjectBuilder(thread: self, module: astModule)
        defer { builder.releaseCaches() }
        return try builder.module(module)
    }
}

extension ThreadState {
    /// `compile(tree, filename, mode)` for a tree of node objects: the code
    /// object (a new reference), or nil when `source` is no AST object.
    func compileASTObjectSource(_ source: Value, filename: String, mode: String, optimize: Int) throws(EvalError) -> Value? {
        guard case .object = source, source.as(PyStr.self) == nil, source.as(PyBytes.self) == nil,
              let astModule = interpreter.modules.lookup(name: "_ast") else { return nil }
        guard let baseClass = try lookupAttribute(astModule, interpreter.internedString("AST")) else { return nil }
        defer { baseClass.release() }
        guard try isInstance(source, baseClass) else { return nil }
        var reader = ASTObjectReader(thread: self)
        defer { reader.releaseAll() }
        let module = try reader.module(source, mode: mode)
        let options: CompileOptions
        switch mode {
        case "exec": options = CompileOptions(mode: .exec, optimize: optimize)
        case "eval": options = CompileOptions(mode: .eval, optimize: optimize)
        default: options = CompileOptions(mode: .single, optimize: optimize)
        }
        let codeObject: CodeObject
        do {
            codeObject = try CodeGenerator.compile(module, source: SourceBuffer(utf8: [], filename: filename), options: options)
        } catch {
            switch error {
            case .syntax(let syntaxError): throw .exception(makeSyntaxError(syntaxError))
            case .unsupported(let what, _): throw .unsupported(what)
            }
        }
        let loaded = try LoadedCode(codeObject, interpreter: interpreter)
        return .object(ObjectRef.allocate(loaded))
    }
}

/// Builds the Python node objects of one tree. Classes and the operator and
/// context singletons are looked up once per tree (CPython shares one instance
/// of each operator and context too).
private struct ASTObjectBuilder {
    let thread: ThreadState
    let module: Value
    /// Node classes by name (owned references).
    var classes: [String: Value] = [:]
    /// `Load()`, `Add()`... by class name (owned references).
    var singletons: [String: Value] = [:]

    init(thread: ThreadState, module: Value) {
        self.thread = thread
        self.module = module
    }

    func releaseCaches() {
        for value in classes.values { value.release() }
        for value in singletons.values { value.release() }
    }

    var interpreter: Interpreter { thread.interpreter }

    // MARK: Primitives (each returns a new reference)

    mutating func nodeClass(_ name: String) throws(EvalError) -> Value {
        if let cached = classes[name] { return cached }
        let value = try thread.getAttribute(module, name)
        classes[name] = value
        return value
    }

    /// A bare instance of `_ast.<name>`: `__new__` only, as CPython's
    /// converter makes them (no `__init__`, whose argument loop is Python).
    mutating func instance(_ name: String) throws(EvalError) -> Value {
        let classValue = try nodeClass(name)
        guard let type = classValue.as(PyType.self), let new = type.slots.new else {
            return try thread.call(classValue, [])
        }
        return try Arguments.with([]) { (arguments) throws(EvalError) -> Value in try new(thread, type, arguments) }
    }

    /// An instance of `_ast.<name>` with `fields` (owned values, in `_fields`
    /// order) and, for located nodes, the four position attributes. The node
    /// classes define no descriptors for these names, so they go straight
    /// into the instance dict (what `setattr` would do, without the lookups).
    mutating func node(_ name: String, _ fields: [(String, Value)], _ range: SourceRange? = nil) throws(EvalError) -> Value {
        let object: Value
        do throws(EvalError) { object = try instance(name) } catch {
            for (_, value) in fields { value.release() }
            throw error
        }
        guard let dict = thread.instanceDict(of: object) else {
            for (_, value) in fields { value.release() }
            object.release()
            throw .typeError("_ast.\(name) instances have no __dict__")
        }
        for (field, value) in fields { interpreter.setItem(dict, field, value) }
        if let range {
            interpreter.setItem(dict, "lineno", .int(Int(range.lineno)))
            interpreter.setItem(dict, "col_offset", .int(Int(range.colOffset)))
            interpreter.setItem(dict, "end_lineno", .int(Int(range.endLineno)))
            interpreter.setItem(dict, "end_col_offset", .int(Int(range.endColOffset)))
        }
        return object
    }

    mutating func singleton(_ name: String) throws(EvalError) -> Value {
        if let cached = singletons[name] {
            cached.retain()
            return cached
        }
        let value = try instance(name)
        value.retain()
        singletons[name] = value
        return value
    }

    func identifier(_ text: String) -> Value { interpreter.intern(text) }

    func optionalIdentifier(_ text: String?) -> Value { text.map { interpreter.intern($0) } ?? .none }

    func identifiers(_ names: [String]) -> Value { interpreter.newList(names.map { interpreter.intern($0) }) }

    /// A Python list of the converted items (the list owns them).
    mutating func list<T>(_ items: [T], _ each: (inout ASTObjectBuilder, T) throws(EvalError) -> Value) throws(EvalError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        do throws(EvalError) {
            for item in items { values.append(try each(&self, item)) }
        } catch {
            for value in values { value.release() }
            throw error
        }
        return interpreter.newList(values)
    }

    mutating func exprs(_ items: [Expr]) throws(EvalError) -> Value { try list(items) { b, e throws(EvalError) in try b.expr(e) } }
    mutating func stmts(_ items: [Stmt]) throws(EvalError) -> Value { try list(items) { b, s throws(EvalError) in try b.stmt(s) } }
    mutating func patterns(_ items: [Pattern]) throws(EvalError) -> Value { try list(items) { b, p throws(EvalError) in try b.pattern(p) } }
    mutating func optionalExpr(_ value: Expr?) throws(EvalError) -> Value { try value.map { (e) throws(EvalError) in try expr(e) } ?? .none }

    func constant(_ constant: Constant) throws(EvalError) -> Value {
        switch constant {
        case .none: return .none
        case .bool(let flag): return .bool(flag)
        case .ellipsis:
            interpreter.ellipsis.retain()
            return interpreter.ellipsis
        case .int(let number): return .int(number)
        case .bigInt(let number): return .integer(number, longType: interpreter.types.int)
        case .float(let number): return .float(number)
        case .imaginary(let imag): return interpreter.newComplex(ComplexNumber(real: 0, imag: imag))
        case .str(let text): return interpreter.newString(codePoints: text.codePoints)
        case .bytes(let bytes): return interpreter.newBytes(bytes)
        }
    }

    // MARK: Nodes

    mutating func module(_ module: Module) throws(EvalError) -> Value {
        switch module {
        case .module(let body, let typeIgnores):
            let ignores = try list(typeIgnores) { b, t throws(EvalError) in
                try b.node("TypeIgnore", [("lineno", .int(Int(t.lineno))), ("tag", b.interpreter.newString(t.tag))])
            }
            return try node("Module", [("body", try stmts(body)), ("type_ignores", ignores)])
        case .interactive(let body):
            return try node("Interactive", [("body", try stmts(body))])
        case .expression(let body):
            return try node("Expression", [("body", try expr(body))])
        case .functionType(let argtypes, let returns):
            return try node("FunctionType", [("argtypes", try exprs(argtypes)), ("returns", try expr(returns))])
        }
    }

    mutating func stmt(_ stmt: Stmt) throws(EvalError) -> Value {
        let r = stmt.range
        switch stmt.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, let typeComment):
            return try node("FunctionDef", try functionFields(name, args, body, decorators, returns, typeComment), r)
        case .asyncFunctionDef(let name, let args, let body, let decorators, let returns, let typeComment):
            return try node("AsyncFunctionDef", try functionFields(name, args, body, decorators, returns, typeComment), r)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            return try node("ClassDef", [("name", identifier(name)), ("bases", try exprs(bases)),
                                         ("keywords", try list(keywords) { b, k throws(EvalError) in try b.keyword(k) }),
                                         ("body", try stmts(body)), ("decorator_list", try exprs(decorators))], r)
        case .return(let value):
            return try node("Return", [("value", try optionalExpr(value))], r)
        case .delete(let targets):
            return try node("Delete", [("targets", try exprs(targets))], r)
        case .assign(let targets, let value, let typeComment):
            return try node("Assign", [("targets", try exprs(targets)), ("value", try expr(value)),
                                       ("type_comment", optionalText(typeComment))], r)
        case .augAssign(let target, let op, let value):
            return try node("AugAssign", [("target", try expr(target)), ("op", try binaryOperator(op)),
                                          ("value", try expr(value))], r)
        case .annAssign(let target, let annotation, let value, let simple):
            return try node("AnnAssign", [("target", try expr(target)), ("annotation", try expr(annotation)),
                                          ("value", try optionalExpr(value)), ("simple", .int(simple))], r)
        case .for(let target, let iter, let body, let orelse, let typeComment):
            return try node("For", try forFields(target, iter, body, orelse, typeComment), r)
        case .asyncFor(let target, let iter, let body, let orelse, let typeComment):
            return try node("AsyncFor", try forFields(target, iter, body, orelse, typeComment), r)
        case .while(let test, let body, let orelse):
            return try node("While", [("test", try expr(test)), ("body", try stmts(body)), ("orelse", try stmts(orelse))], r)
        case .if(let test, let body, let orelse):
            return try node("If", [("test", try expr(test)), ("body", try stmts(body)), ("orelse", try stmts(orelse))], r)
        case .with(let items, let body, let typeComment):
            return try node("With", try withFields(items, body, typeComment), r)
        case .asyncWith(let items, let body, let typeComment):
            return try node("AsyncWith", try withFields(items, body, typeComment), r)
        case .match(let subject, let cases):
            let caseList = try list(cases) { b, c throws(EvalError) in
                try b.node("match_case", [("pattern", try b.pattern(c.pattern)), ("guard", try b.optionalExpr(c.guard_)),
                                          ("body", try b.stmts(c.body))])
            }
            return try node("Match", [("subject", try expr(subject)), ("cases", caseList)], r)
        case .raise(let exc, let cause):
            return try node("Raise", [("exc", try optionalExpr(exc)), ("cause", try optionalExpr(cause))], r)
        case .try(let body, let handlers, let orelse, let finalbody):
            return try node("Try", try tryFields(body, handlers, orelse, finalbody), r)
        case .tryStar(let body, let handlers, let orelse, let finalbody):
            return try node("TryStar", try tryFields(body, handlers, orelse, finalbody), r)
        case .assert(let test, let msg):
            return try node("Assert", [("test", try expr(test)), ("msg", try optionalExpr(msg))], r)
        case .import(let names):
            return try node("Import", [("names", try list(names) { b, a throws(EvalError) in try b.alias(a) })], r)
        case .importFrom(let moduleName, let names, let level):
            return try node("ImportFrom", [("module", optionalIdentifier(moduleName)),
                                           ("names", try list(names) { b, a throws(EvalError) in try b.alias(a) }),
                                           ("level", .int(level))], r)
        case .global(let names):
            return try node("Global", [("names", identifiers(names))], r)
        case .nonlocal(let names):
            return try node("Nonlocal", [("names", identifiers(names))], r)
        case .expr(let value):
            return try node("Expr", [("value", try expr(value))], r)
        case .pass:
            return try node("Pass", [], r)
        case .break:
            return try node("Break", [], r)
        case .continue:
            return try node("Continue", [], r)
        }
    }

    func optionalText(_ text: String?) -> Value { text.map { interpreter.newString($0) } ?? .none }

    mutating func functionFields(_ name: String, _ args: GarterSyntax.Arguments, _ body: [Stmt], _ decorators: [Expr],
                                 _ returns: Expr?, _ typeComment: String?) throws(EvalError) -> [(String, Value)] {
        var fields: [(String, Value)] = [("name", identifier(name))]
        do throws(EvalError) {
            fields.append(("args", try arguments(args)))
            fields.append(("body", try stmts(body)))
            fields.append(("decorator_list", try exprs(decorators)))
            fields.append(("returns", try optionalExpr(returns)))
        } catch {
            for (_, value) in fields { value.release() }
            throw error
        }
        fields.append(("type_comment", optionalText(typeComment)))
        return fields
    }

    mutating func forFields(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt],
                            _ typeComment: String?) throws(EvalError) -> [(String, Value)] {
        var fields: [(String, Value)] = []
        do throws(EvalError) {
            fields.append(("target", try expr(target)))
            fields.append(("iter", try expr(iter)))
            fields.append(("body", try stmts(body)))
            fields.append(("orelse", try stmts(orelse)))
        } catch {
            for (_, value) in fields { value.release() }
            throw error
        }
        fields.append(("type_comment", optionalText(typeComment)))
        return fields
    }

    mutating func withFields(_ items: [WithItem], _ body: [Stmt], _ typeComment: String?) throws(EvalError) -> [(String, Value)] {
        let itemList = try list(items) { b, item throws(EvalError) in
            try b.node("withitem", [("context_expr", try b.expr(item.contextExpr)),
                                    ("optional_vars", try b.optionalExpr(item.optionalVars))])
        }
        let bodyList: Value
        do throws(EvalError) { bodyList = try stmts(body) } catch {
            itemList.release()
            throw error
        }
        return [("items", itemList), ("body", bodyList), ("type_comment", optionalText(typeComment))]
    }

    mutating func tryFields(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt],
                            _ finalbody: [Stmt]) throws(EvalError) -> [(String, Value)] {
        var fields: [(String, Value)] = []
        do throws(EvalError) {
            fields.append(("body", try stmts(body)))
            fields.append(("handlers", try list(handlers) { b, h throws(EvalError) in
                try b.node("ExceptHandler", [("type", try b.optionalExpr(h.type)), ("name", b.optionalIdentifier(h.name)),
                                             ("body", try b.stmts(h.body))], h.range)
            }))
            fields.append(("orelse", try stmts(orelse)))
            fields.append(("finalbody", try stmts(finalbody)))
        } catch {
            for (_, value) in fields { value.release() }
            throw error
        }
        return fields
    }

    mutating func arguments(_ a: GarterSyntax.Arguments) throws(EvalError) -> Value {
        var fields: [(String, Value)] = []
        do throws(EvalError) {
            fields.append(("posonlyargs", try list(a.posonlyargs) { b, x throws(EvalError) in try b.arg(x) }))
            fields.append(("args", try list(a.args) { b, x throws(EvalError) in try b.arg(x) }))
            fields.append(("vararg", try a.vararg.map { (x) throws(EvalError) in try arg(x) } ?? .none))
            fields.append(("kwonlyargs", try list(a.kwonlyargs) { b, x throws(EvalError) in try b.arg(x) }))
            fields.append(("kw_defaults", try list(a.kwDefaults) { b, e throws(EvalError) in try b.optionalExpr(e) }))
            fields.append(("kwarg", try a.kwarg.map { (x) throws(EvalError) in try arg(x) } ?? .none))
            fields.append(("defaults", try exprs(a.defaults)))
        } catch {
            for (_, value) in fields { value.release() }
            throw error
        }
        return try node("arguments", fields)
    }

    mutating func arg(_ a: Arg) throws(EvalError) -> Value {
        try node("arg", [("arg", identifier(a.arg)), ("annotation", try optionalExpr(a.annotation)),
                         ("type_comment", optionalText(a.typeComment))], a.range)
    }

    mutating func keyword(_ k: Keyword) throws(EvalError) -> Value {
        try node("keyword", [("arg", optionalIdentifier(k.arg)), ("value", try expr(k.value))], k.range)
    }

    mutating func alias(_ a: Alias) throws(EvalError) -> Value {
        try node("alias", [("name", identifier(a.name)), ("asname", optionalIdentifier(a.asname))], a.range)
    }

    mutating func comprehensions(_ generators: [Comprehension]) throws(EvalError) -> Value {
        try list(generators) { b, c throws(EvalError) in
            var fields: [(String, Value)] = []
            do throws(EvalError) {
                fields.append(("target", try b.expr(c.target)))
                fields.append(("iter", try b.expr(c.iter)))
                fields.append(("ifs", try b.exprs(c.ifs)))
            } catch {
                for (_, value) in fields { value.release() }
                throw error
            }
            fields.append(("is_async", .int(c.isAsync ? 1 : 0)))
            return try b.node("comprehension", fields)
        }
    }

    /// Builds the listed fields in order; if one fails, the ones built are released.
    mutating func fields(_ makers: [(String, (inout ASTObjectBuilder) throws(EvalError) -> Value)]) throws(EvalError) -> [(String, Value)] {
        var built: [(String, Value)] = []
        built.reserveCapacity(makers.count)
        do throws(EvalError) {
            for (name, make) in makers { built.append((name, try make(&self))) }
        } catch {
            for (_, value) in built { value.release() }
            throw error
        }
        return built
    }

    mutating func expr(_ expr: Expr) throws(EvalError) -> Value {
        let r = expr.range
        switch expr.kind {
        case .boolOp(let op, let values):
            return try node("BoolOp", try fields([("op", { b throws(EvalError) in try b.singleton(op == .and ? "And" : "Or") }),
                                                  ("values", { b throws(EvalError) in try b.exprs(values) })]), r)
        case .namedExpr(let target, let value):
            return try node("NamedExpr", try fields([("target", { b throws(EvalError) in try b.expr(target) }),
                                                     ("value", { b throws(EvalError) in try b.expr(value) })]), r)
        case .binOp(let left, let op, let right):
            return try node("BinOp", try fields([("left", { b throws(EvalError) in try b.expr(left) }),
                                                 ("op", { b throws(EvalError) in try b.binaryOperator(op) }),
                                                 ("right", { b throws(EvalError) in try b.expr(right) })]), r)
        case .unaryOp(let op, let operand):
            let name: String
            switch op {
            case .invert: name = "Invert"
            case .not: name = "Not"
            case .uAdd: name = "UAdd"
            case .uSub: name = "USub"
            }
            return try node("UnaryOp", try fields([("op", { b throws(EvalError) in try b.singleton(name) }),
                                                   ("operand", { b throws(EvalError) in try b.expr(operand) })]), r)
        case .lambda(let args, let body):
            return try node("Lambda", try fields([("args", { b throws(EvalError) in try b.arguments(args) }),
                                                  ("body", { b throws(EvalError) in try b.expr(body) })]), r)
        case .ifExp(let test, let body, let orelse):
            return try node("IfExp", try fields([("test", { b throws(EvalError) in try b.expr(test) }),
                                                 ("body", { b throws(EvalError) in try b.expr(body) }),
                                                 ("orelse", { b throws(EvalError) in try b.expr(orelse) })]), r)
        case .dict(let keys, let values):
            return try node("Dict", try fields([("keys", { b throws(EvalError) in
                                                    try b.list(keys) { b, e throws(EvalError) in try b.optionalExpr(e) } }),
                                                ("values", { b throws(EvalError) in try b.exprs(values) })]), r)
        case .set(let elts):
            return try node("Set", [("elts", try exprs(elts))], r)
        case .listComp(let elt, let generators):
            return try node("ListComp", try fields([("elt", { b throws(EvalError) in try b.expr(elt) }),
                                                    ("generators", { b throws(EvalError) in try b.comprehensions(generators) })]), r)
        case .setComp(let elt, let generators):
            return try node("SetComp", try fields([("elt", { b throws(EvalError) in try b.expr(elt) }),
                                                   ("generators", { b throws(EvalError) in try b.comprehensions(generators) })]), r)
        case .dictComp(let keyExpr, let value, let generators):
            return try node("DictComp", try fields([("key", { b throws(EvalError) in try b.expr(keyExpr) }),
                                                    ("value", { b throws(EvalError) in try b.expr(value) }),
                                                    ("generators", { b throws(EvalError) in try b.comprehensions(generators) })]), r)
        case .generatorExp(let elt, let generators):
            return try node("GeneratorExp", try fields([("elt", { b throws(EvalError) in try b.expr(elt) }),
                                                        ("generators", { b throws(EvalError) in try b.comprehensions(generators) })]), r)
        case .await(let value):
            return try node("Await", [("value", try self.expr(value))], r)
        case .yield(let value):
            return try node("Yield", [("value", try optionalExpr(value))], r)
        case .yieldFrom(let value):
            return try node("YieldFrom", [("value", try self.expr(value))], r)
        case .compare(let left, let ops, let comparators):
            return try node("Compare", try fields([("left", { b throws(EvalError) in try b.expr(left) }),
                                                   ("ops", { b throws(EvalError) in
                                                       try b.list(ops) { b, op throws(EvalError) in try b.comparisonOperator(op) } }),
                                                   ("comparators", { b throws(EvalError) in try b.exprs(comparators) })]), r)
        case .call(let function, let args, let keywords):
            return try node("Call", try fields([("func", { b throws(EvalError) in try b.expr(function) }),
                                                ("args", { b throws(EvalError) in try b.exprs(args) }),
                                                ("keywords", { b throws(EvalError) in
                                                    try b.list(keywords) { b, k throws(EvalError) in try b.keyword(k) } })]), r)
        case .formattedValue(let value, let conversion, let formatSpec):
            return try node("FormattedValue", try fields([("value", { b throws(EvalError) in try b.expr(value) }),
                                                          ("conversion", { _ in .int(conversion) }),
                                                          ("format_spec", { b throws(EvalError) in try b.optionalExpr(formatSpec) })]), r)
        case .joinedStr(let values):
            return try node("JoinedStr", [("values", try exprs(values))], r)
        case .constant(let value, let kind):
            return try node("Constant", [("value", try constant(value)), ("kind", optionalText(kind))], r)
        case .attribute(let value, let attr, let ctx):
            return try node("Attribute", try fields([("value", { b throws(EvalError) in try b.expr(value) }),
                                                     ("attr", { b in b.identifier(attr) }),
                                                     ("ctx", { b throws(EvalError) in try b.context(ctx) })]), r)
        case .subscript(let value, let slice, let ctx):
            return try node("Subscript", try fields([("value", { b throws(EvalError) in try b.expr(value) }),
                                                     ("slice", { b throws(EvalError) in try b.expr(slice) }),
                                                     ("ctx", { b throws(EvalError) in try b.context(ctx) })]), r)
        case .starred(let value, let ctx):
            return try node("Starred", try fields([("value", { b throws(EvalError) in try b.expr(value) }),
                                                   ("ctx", { b throws(EvalError) in try b.context(ctx) })]), r)
        case .name(let id, let ctx):
            return try node("Name", [("id", identifier(id)), ("ctx", try context(ctx))], r)
        case .list(let elts, let ctx):
            return try node("List", try fields([("elts", { b throws(EvalError) in try b.exprs(elts) }),
                                                ("ctx", { b throws(EvalError) in try b.context(ctx) })]), r)
        case .tuple(let elts, let ctx):
            return try node("Tuple", try fields([("elts", { b throws(EvalError) in try b.exprs(elts) }),
                                                 ("ctx", { b throws(EvalError) in try b.context(ctx) })]), r)
        case .slice(let lower, let upper, let step):
            return try node("Slice", try fields([("lower", { b throws(EvalError) in try b.optionalExpr(lower) }),
                                                 ("upper", { b throws(EvalError) in try b.optionalExpr(upper) }),
                                                 ("step", { b throws(EvalError) in try b.optionalExpr(step) })]), r)
        }
    }

    mutating func context(_ ctx: ExprContext) throws(EvalError) -> Value {
        switch ctx {
        case .load: return try singleton("Load")
        case .store: return try singleton("Store")
        case .del: return try singleton("Del")
        }
    }

    mutating func binaryOperator(_ op: BinaryOperator) throws(EvalError) -> Value {
        let name: String
        switch op {
        case .add: name = "Add"
        case .sub: name = "Sub"
        case .mult: name = "Mult"
        case .matMult: name = "MatMult"
        case .div: name = "Div"
        case .mod: name = "Mod"
        case .pow: name = "Pow"
        case .lShift: name = "LShift"
        case .rShift: name = "RShift"
        case .bitOr: name = "BitOr"
        case .bitXor: name = "BitXor"
        case .bitAnd: name = "BitAnd"
        case .floorDiv: name = "FloorDiv"
        }
        return try singleton(name)
    }

    mutating func comparisonOperator(_ op: ComparisonOperator) throws(EvalError) -> Value {
        let name: String
        switch op {
        case .eq: name = "Eq"
        case .notEq: name = "NotEq"
        case .lt: name = "Lt"
        case .ltE: name = "LtE"
        case .gt: name = "Gt"
        case .gtE: name = "GtE"
        case .is: name = "Is"
        case .isNot: name = "IsNot"
        case .in: name = "In"
        case .notIn: name = "NotIn"
        }
        return try singleton(name)
    }

    mutating func pattern(_ pattern: Pattern) throws(EvalError) -> Value {
        let r = pattern.range
        switch pattern.kind {
        case .matchValue(let value):
            return try node("MatchValue", [("value", try expr(value))], r)
        case .matchSingleton(let value):
            return try node("MatchSingleton", [("value", try constant(value))], r)
        case .matchSequence(let items):
            return try node("MatchSequence", [("patterns", try patterns(items))], r)
        case .matchMapping(let keys, let items, let rest):
            return try node("MatchMapping", try fields([("keys", { b throws(EvalError) in try b.exprs(keys) }),
                                                        ("patterns", { b throws(EvalError) in try b.patterns(items) }),
                                                        ("rest", { b in b.optionalIdentifier(rest) })]), r)
        case .matchClass(let cls, let items, let kwdAttrs, let kwdPatterns):
            return try node("MatchClass", try fields([("cls", { b throws(EvalError) in try b.expr(cls) }),
                                                      ("patterns", { b throws(EvalError) in try b.patterns(items) }),
                                                      ("kwd_attrs", { b in b.identifiers(kwdAttrs) }),
                                                      ("kwd_patterns", { b throws(EvalError) in try b.patterns(kwdPatterns) })]), r)
        case .matchStar(let name):
            return try node("MatchStar", [("name", optionalIdentifier(name))], r)
        case .matchAs(let subpattern, let name):
            return try node("MatchAs", try fields([("pattern", { b throws(EvalError) in
                                                       try subpattern.map { (p) throws(EvalError) in try b.pattern(p) } ?? .none }),
                                                   ("name", { b in b.optionalIdentifier(name) })]), r)
        case .matchOr(let items):
            return try node("MatchOr", [("patterns", try patterns(items))], r)
        }
    }
}
