import GarterSyntax

/// CPython 3.11's AST optimizer (Python/ast_opt.c), run before code
/// generation: folds constant operators, subscripts and tuples, turns
/// `__debug__` into a constant, and turns a literal list or set that is
/// iterated over, or tested with `in`, into a tuple or frozenset.
///
/// The AST's `Constant` cannot hold tuples, frozensets or complex numbers
/// with a real part, so such folded values are kept in `foldedConstants`
/// and the node refers to them through its `kind` field (`\u{1}` + index);
/// `CodeGenerator.codeConstant(of:)` reads them back.
final class ASTOptimizer {
    let optimize: Int
    let futureAnnotations: Bool
    private(set) var foldedConstants: [CodeConstant] = []

    static let marker: Character = "\u{1}"

    init(optimize: Int, future: FutureFeatures) {
        self.optimize = optimize
        self.futureAnnotations = future.contains(.annotations)
    }

    func optimize(_ module: Module) -> Module {
        switch module {
        case .module(let body, let ignores): return .module(body: body.map(statement), typeIgnores: ignores)
        case .interactive(let body): return .interactive(body: body.map(statement))
        case .expression(let body): return .expression(body: expression(body))
        case .functionType: return module
        }
    }

    /// The constant a (folded) constant node stands for.
    func codeConstant(_ value: Constant, kind: String?) -> CodeConstant {
        if let kind, kind.first == Self.marker, let index = Int(kind.dropFirst()) {
            return foldedConstants[index]
        }
        return .literal(value)
    }

    private func foldValue(_ expression: Expr) -> FoldValue? {
        guard case .constant(let value, let kind) = expression.kind else { return nil }
        return FoldValue(codeConstant(value, kind: kind))
    }

    private func makeConstant(_ value: FoldValue, _ range: SourceRange) -> Expr {
        let constant = value.codeConstant
        if case .literal(let literal) = constant { return Expr(.constant(value: literal, kind: nil), range) }
        foldedConstants.append(constant)
        return Expr(.constant(value: .none, kind: "\(Self.marker)\(foldedConstants.count - 1)"), range)
    }

    // MARK: Statements

    private func statements(_ body: [Stmt]) -> [Stmt] { body.map(statement) }

    private func arguments(_ args: Arguments) -> Arguments {
        var result = args
        result.posonlyargs = args.posonlyargs.map(argument)
        result.args = args.args.map(argument)
        result.vararg = args.vararg.map(argument)
        result.kwonlyargs = args.kwonlyargs.map(argument)
        result.kwarg = args.kwarg.map(argument)
        result.kwDefaults = args.kwDefaults.map { $0.map(expression) }
        result.defaults = args.defaults.map(expression)
        return result
    }

    private func argument(_ arg: Arg) -> Arg {
        guard !futureAnnotations, let annotation = arg.annotation else { return arg }
        var result = arg
        result.annotation = expression(annotation)
        return result
    }

    private func annotation(_ expr: Expr?) -> Expr? {
        guard let expr else { return nil }
        return futureAnnotations ? expr : expression(expr)
    }

    private func statement(_ stmt: Stmt) -> Stmt {
        let kind: StmtKind
        switch stmt.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, let comment):
            kind = .functionDef(name: name, args: arguments(args), body: statements(body),
                                decoratorList: decorators.map(expression), returns: annotation(returns),
                                typeComment: comment)
        case .asyncFunctionDef(let name, let args, let body, let decorators, let returns, let comment):
            kind = .asyncFunctionDef(name: name, args: arguments(args), body: statements(body),
                                     decoratorList: decorators.map(expression), returns: annotation(returns),
                                     typeComment: comment)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            kind = .classDef(name: name, bases: bases.map(expression), keywords: keywords.map(keyword),
                             body: statements(body), decoratorList: decorators.map(expression))
        case .return(let value):
            kind = .return(value: value.map(expression))
        case .delete(let targets):
            kind = .delete(targets: targets.map(expression))
        case .assign(let targets, let value, let comment):
            kind = .assign(targets: targets.map(expression), value: expression(value), typeComment: comment)
        case .augAssign(let target, let op, let value):
            kind = .augAssign(target: expression(target), op: op, value: expression(value))
        case .annAssign(let target, let ann, let value, let simple):
            kind = .annAssign(target: expression(target), annotation: annotation(ann)!,
                              value: value.map(expression), simple: simple)
        case .for(let target, let iter, let body, let orelse, let comment):
            kind = .for(target: expression(target), iter: foldIter(expression(iter)), body: statements(body),
                        orelse: statements(orelse), typeComment: comment)
        case .asyncFor(let target, let iter, let body, let orelse, let comment):
            kind = .asyncFor(target: expression(target), iter: expression(iter), body: statements(body),
                             orelse: statements(orelse), typeComment: comment)
        case .while(let test, let body, let orelse):
            kind = .while(test: expression(test), body: statements(body), orelse: statements(orelse))
        case .if(let test, let body, let orelse):
            kind = .if(test: expression(test), body: statements(body), orelse: statements(orelse))
        case .with(let items, let body, let comment):
            kind = .with(items: items.map(withItem), body: statements(body), typeComment: comment)
        case .asyncWith(let items, let body, let comment):
            kind = .asyncWith(items: items.map(withItem), body: statements(body), typeComment: comment)
        case .match(let subject, let cases):
            kind = .match(subject: expression(subject), cases: cases.map { matchCase in
                MatchCase(pattern: pattern(matchCase.pattern), guard_: matchCase.guard_.map(expression),
                          body: statements(matchCase.body))
            })
        case .raise(let exc, let cause):
            kind = .raise(exc: exc.map(expression), cause: cause.map(expression))
        case .try(let body, let handlers, let orelse, let finalbody):
            kind = .try(body: statements(body), handlers: handlers.map(handler), orelse: statements(orelse),
                        finalbody: statements(finalbody))
        case .tryStar(let body, let handlers, let orelse, let finalbody):
            kind = .tryStar(body: statements(body), handlers: handlers.map(handler), orelse: statements(orelse),
                            finalbody: statements(finalbody))
        case .assert(let test, let msg):
            kind = .assert(test: expression(test), msg: msg.map(expression))
        case .expr(let value):
            kind = .expr(value: expression(value))
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue:
            return stmt
        }
        return Stmt(kind, stmt.range)
    }

    private func handler(_ handler: ExceptHandler) -> ExceptHandler {
        ExceptHandler(type: handler.type.map(expression), name: handler.name, body: statements(handler.body),
                      range: handler.range)
    }

    private func withItem(_ item: WithItem) -> WithItem {
        WithItem(contextExpr: expression(item.contextExpr), optionalVars: item.optionalVars.map(expression))
    }

    private func keyword(_ keyword: Keyword) -> Keyword {
        Keyword(arg: keyword.arg, value: expression(keyword.value), range: keyword.range)
    }

    private func pattern(_ pattern: Pattern) -> Pattern {
        let kind: PatternKind
        switch pattern.kind {
        case .matchValue(let value): kind = .matchValue(value: expression(value))
        case .matchSingleton: return pattern
        case .matchSequence(let patterns): kind = .matchSequence(patterns: patterns.map(self.pattern))
        case .matchMapping(let keys, let patterns, let rest):
            kind = .matchMapping(keys: keys.map(expression), patterns: patterns.map(self.pattern), rest: rest)
        case .matchClass(let cls, let patterns, let attrs, let kwdPatterns):
            kind = .matchClass(cls: expression(cls), patterns: patterns.map(self.pattern), kwdAttrs: attrs,
                               kwdPatterns: kwdPatterns.map(self.pattern))
        case .matchStar: return pattern
        case .matchAs(let sub, let name): kind = .matchAs(pattern: sub.map(self.pattern), name: name)
        case .matchOr(let patterns): kind = .matchOr(patterns: patterns.map(self.pattern))
        }
        return Pattern(kind, pattern.range)
    }

    private func comprehension(_ generator: Comprehension) -> Comprehension {
        Comprehension(target: expression(generator.target), iter: foldIter(expression(generator.iter)),
                      ifs: generator.ifs.map(expression), isAsync: generator.isAsync)
    }

    // MARK: Expressions

    private func expression(_ expr: Expr) -> Expr {
        let range = expr.range
        switch expr.kind {
        case .boolOp(let op, let values):
            return Expr(.boolOp(op: op, values: values.map(expression)), range)
        case .namedExpr(let target, let value):
            return Expr(.namedExpr(target: target, value: expression(value)), range)
        case .binOp(let left, let op, let right):
            let l = expression(left), r = expression(right)
            if op == .mod, case .constant(.str(let format), nil) = l.kind, case .tuple(let items, _) = r.kind,
               !items.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
                if let formatted = PercentFormatting.optimize(format: format.codePoints, items: items, range: range) {
                    return formatted
                }
                return Expr(.binOp(left: l, op: op, right: r), range)
            }
            if let a = foldValue(l), let b = foldValue(r), let result = ConstantArithmetic.binary(op, a, b) {
                return makeConstant(result, range)
            }
            return Expr(.binOp(left: l, op: op, right: r), range)
        case .unaryOp(let op, let operand):
            let folded = expression(operand)
            if let value = foldValue(folded) {
                if let result = ConstantArithmetic.unary(op, value) { return makeConstant(result, range) }
            } else if op == .not, case .compare(let left, let ops, let comparators) = folded.kind, ops.count == 1 {
                let inverted: ComparisonOperator?
                switch ops[0] {
                case .is: inverted = .isNot
                case .isNot: inverted = .is
                case .in: inverted = .notIn
                case .notIn: inverted = .in
                default: inverted = nil
                }
                if let inverted {
                    return Expr(.compare(left: left, ops: [inverted], comparators: comparators), folded.range)
                }
            }
            return Expr(.unaryOp(op: op, operand: folded), range)
        case .lambda(let args, let body):
            return Expr(.lambda(args: arguments(args), body: expression(body)), range)
        case .ifExp(let test, let body, let orelse):
            return Expr(.ifExp(test: expression(test), body: expression(body), orelse: expression(orelse)), range)
        case .dict(let keys, let values):
            return Expr(.dict(keys: keys.map { $0.map(expression) }, values: values.map(expression)), range)
        case .set(let elts):
            return Expr(.set(elts: elts.map(expression)), range)
        case .listComp(let elt, let generators):
            return Expr(.listComp(elt: expression(elt), generators: generators.map(comprehension)), range)
        case .setComp(let elt, let generators):
            return Expr(.setComp(elt: expression(elt), generators: generators.map(comprehension)), range)
        case .dictComp(let key, let value, let generators):
            return Expr(.dictComp(key: expression(key), value: expression(value),
                                  generators: generators.map(comprehension)), range)
        case .generatorExp(let elt, let generators):
            return Expr(.generatorExp(elt: expression(elt), generators: generators.map(comprehension)), range)
        case .await(let value):
            return Expr(.await(value: expression(value)), range)
        case .yield(let value):
            return Expr(.yield(value: value.map(expression)), range)
        case .yieldFrom(let value):
            return Expr(.yieldFrom(value: expression(value)), range)
        case .compare(let left, let ops, let comparators):
            var folded = comparators.map(expression)
            if let last = ops.last, last == .in || last == .notIn {
                folded[folded.count - 1] = foldIter(folded[folded.count - 1])
            }
            return Expr(.compare(left: expression(left), ops: ops, comparators: folded), range)
        case .call(let function, let args, let keywords):
            return Expr(.call(func: expression(function), args: args.map(expression),
                              keywords: keywords.map(keyword)), range)
        case .formattedValue(let value, let conversion, let spec):
            return Expr(.formattedValue(value: expression(value), conversion: conversion,
                                        formatSpec: spec.map(expression)), range)
        case .joinedStr(let values):
            return Expr(.joinedStr(values: values.map(expression)), range)
        case .constant:
            return expr
        case .attribute(let value, let attr, let ctx):
            return Expr(.attribute(value: expression(value), attr: attr, ctx: ctx), range)
        case .subscript(let value, let slice, let ctx):
            let v = expression(value), s = expression(slice)
            if ctx == .load, let a = foldValue(v), let b = foldValue(s),
               let result = ConstantArithmetic.item(a, b) {
                return makeConstant(result, range)
            }
            return Expr(.subscript(value: v, slice: s, ctx: ctx), range)
        case .starred(let value, let ctx):
            return Expr(.starred(value: expression(value), ctx: ctx), range)
        case .name(let id, let ctx):
            if ctx == .load && id == "__debug__" {
                return Expr(.constant(value: .bool(optimize == 0), kind: nil), range)
            }
            return expr
        case .list(let elts, let ctx):
            return Expr(.list(elts: elts.map(expression), ctx: ctx), range)
        case .tuple(let elts, let ctx):
            let folded = elts.map(expression)
            if ctx == .load, let values = constantValues(folded) {
                return makeConstant(.tuple(values), range)
            }
            return Expr(.tuple(elts: folded, ctx: ctx), range)
        case .slice(let lower, let upper, let step):
            return Expr(.slice(lower: lower.map(expression), upper: upper.map(expression),
                               step: step.map(expression)), range)
        }
    }

    private func constantValues(_ elements: [Expr]) -> [FoldValue]? {
        var values: [FoldValue] = []
        for element in elements {
            guard let value = foldValue(element) else { return nil }
            values.append(value)
        }
        return values
    }

    /// A list iterated over becomes a tuple (constant when its items are);
    /// a set of constants becomes a frozenset constant.
    private func foldIter(_ expr: Expr) -> Expr {
        switch expr.kind {
        case .list(let elts, let ctx):
            if elts.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
                return expr
            }
            if let values = constantValues(elts) { return makeConstant(.tuple(values), expr.range) }
            return Expr(.tuple(elts: elts, ctx: ctx), expr.range)
        case .set(let elts):
            if let values = constantValues(elts) {
                return makeConstant(.frozenset(ConstantValues.uniqued(values)), expr.range)
            }
            return expr
        default:
            return expr
        }
    }
}
