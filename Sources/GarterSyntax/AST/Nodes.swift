import BigInt

// The abstract syntax tree, node for node the tree of CPython 3.11's `ast`
// module: the same node kinds, the same fields in the same order, the same
// positions. Each node is a struct holding a `kind` enum and its source range;
// the enums are `indirect`, so a node is a pointer-sized box plus its range.

/// A node's position: 1-based lines, 0-based columns in UTF-8 bytes.
public struct SourceRange: Equatable, Hashable, Sendable {
    public var lineno: Int32
    public var colOffset: Int32
    public var endLineno: Int32
    public var endColOffset: Int32

    public init(lineno: Int32, colOffset: Int32, endLineno: Int32, endColOffset: Int32) {
        self.lineno = lineno
        self.colOffset = colOffset
        self.endLineno = endLineno
        self.endColOffset = endColOffset
    }

    /// From the start of `first` to the end of `last`.
    public init(from first: SourceRange, to last: SourceRange) {
        self.init(lineno: first.lineno, colOffset: first.colOffset,
                  endLineno: last.endLineno, endColOffset: last.endColOffset)
    }

    public init(_ token: Token) {
        self.init(lineno: token.line, colOffset: token.column,
                  endLineno: token.endLine, endColOffset: token.endColumn)
    }

    public init(from first: Token, to last: Token) {
        self.init(lineno: first.line, colOffset: first.column,
                  endLineno: last.endLine, endColOffset: last.endColumn)
    }
}

public enum Module: Sendable {
    case module(body: [Stmt], typeIgnores: [TypeIgnore])
    case interactive(body: [Stmt])
    case expression(body: Expr)
    case functionType(argtypes: [Expr], returns: Expr)
}

public struct TypeIgnore: Sendable {
    public var lineno: Int32
    public var tag: String
}

public struct Stmt: Sendable {
    public var kind: StmtKind
    public var range: SourceRange
    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum StmtKind: Sendable {
    case functionDef(name: String, args: Arguments, body: [Stmt], decoratorList: [Expr],
                     returns: Expr?, typeComment: String?)
    case asyncFunctionDef(name: String, args: Arguments, body: [Stmt], decoratorList: [Expr],
                          returns: Expr?, typeComment: String?)
    case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decoratorList: [Expr])
    case `return`(value: Expr?)
    case delete(targets: [Expr])
    case assign(targets: [Expr], value: Expr, typeComment: String?)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `simple` is 1 when the target is a bare name not in parentheses.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Int)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], typeComment: String?)
    case asyncFor(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], typeComment: String?)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt], typeComment: String?)
    case asyncWith(items: [WithItem], body: [Stmt], typeComment: String?)
    case match(subject: Expr, cases: [MatchCase])
    case raise(exc: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case tryStar(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, msg: Expr?)
    case `import`(names: [Alias])
    case importFrom(module: String?, names: [Alias], level: Int)
    case global(names: [String])
    case nonlocal(names: [String])
    case expr(value: Expr)
    case pass
    case `break`
    case `continue`
}

public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: SourceRange
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExprKind: Sendable {
    case boolOp(op: BoolOperator, values: [Expr])
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: BinaryOperator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    case lambda(args: Arguments, body: Expr)
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// A nil key stands for `**value` unpacking.
    case dict(keys: [Expr?], values: [Expr])
    case set(elts: [Expr])
    case listComp(elt: Expr, generators: [Comprehension])
    case setComp(elt: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(elt: Expr, generators: [Comprehension])
    case await(value: Expr)
    case yield(value: Expr?)
    case yieldFrom(value: Expr)
    case compare(left: Expr, ops: [ComparisonOperator], comparators: [Expr])
    case call(func: Expr, args: [Expr], keywords: [Keyword])
    /// `conversion` is -1 (none) or the code point of `s`, `r` or `a`.
    case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
    case joinedStr(values: [Expr])
    /// `kind` is "u" for a `u"..."` literal, nil otherwise.
    case constant(value: Constant, kind: String?)
    case attribute(value: Expr, attr: String, ctx: ExprContext)
    case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
    case starred(value: Expr, ctx: ExprContext)
    case name(id: String, ctx: ExprContext)
    case list(elts: [Expr], ctx: ExprContext)
    case tuple(elts: [Expr], ctx: ExprContext)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

/// A literal value.
public enum Constant: Sendable, Equatable {
    case none
    case bool(Bool)
    case ellipsis
    case int(Int)
    /// Integers that do not fit in `Int`.
    case bigInt(BigInt)
    case float(Double)
    /// An imaginary literal such as `2j`: the real part is always 0.
    case imaginary(Double)
    case str(PyString)
    case bytes([UInt8])
}

public enum ExprContext: Sendable { case load, store, del }
public enum BoolOperator: Sendable { case and, or }
public enum BinaryOperator: Sendable {
    case add, sub, mult, matMult, div, mod, pow, lShift, rShift, bitOr, bitXor, bitAnd, floorDiv
}
public enum UnaryOperator: Sendable { case invert, not, uAdd, uSub }
public enum ComparisonOperator: Sendable { case eq, notEq, lt, ltE, gt, gtE, `is`, isNot, `in`, notIn }

public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

public struct Arguments: Sendable {
    public var posonlyargs: [Arg]
    public var args: [Arg]
    public var vararg: Arg?
    public var kwonlyargs: [Arg]
    /// One entry per keyword-only argument; nil where it has no default.
    public var kwDefaults: [Expr?]
    public var kwarg: Arg?
    /// Defaults of the last `defaults.count` positional arguments.
    public var defaults: [Expr]
    public init(posonlyargs: [Arg] = [], args: [Arg] = [], vararg: Arg? = nil, kwonlyargs: [Arg] = [],
                kwDefaults: [Expr?] = [], kwarg: Arg? = nil, defaults: [Expr] = []) {
        self.posonlyargs = posonlyargs
        self.args = args
        self.vararg = vararg
        self.kwonlyargs = kwonlyargs
        self.kwDefaults = kwDefaults
        self.kwarg = kwarg
        self.defaults = defaults
    }
}

public struct Arg: Sendable {
    public var arg: String
    public var annotation: Expr?
    public var typeComment: String?
    public var range: SourceRange
    public init(arg: String, annotation: Expr?, typeComment: String? = nil, range: SourceRange) {
        self.arg = arg
        self.annotation = annotation
        self.typeComment = typeComment
        self.range = range
    }
}

public struct Keyword: Sendable {
    /// nil for `**value`.
    public var arg: String?
    public var value: Expr
    public var range: SourceRange
    public init(arg: String?, value: Expr, range: SourceRange) {
        self.arg = arg
        self.value = value
        self.range = range
    }
}

public struct Alias: Sendable {
    public var name: String
    public var asname: String?
    public var range: SourceRange
    public init(name: String, asname: String?, range: SourceRange) {
        self.name = name
        self.asname = asname
        self.range = range
    }
}

public struct WithItem: Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?
    public init(contextExpr: Expr, optionalVars: Expr?) {
        self.contextExpr = contextExpr
        self.optionalVars = optionalVars
    }
}

public struct MatchCase: Sendable {
    public var pattern: Pattern
    public var guard_: Expr?
    public var body: [Stmt]
    public init(pattern: Pattern, guard_: Expr?, body: [Stmt]) {
        self.pattern = pattern
        self.guard_ = guard_
        self.body = body
    }
}

public struct Pattern: Sendable {
    public var kind: PatternKind
    public var range: SourceRange
    public init(_ kind: PatternKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum PatternKind: Sendable {
    case matchValue(value: Expr)
    /// None, True or False.
    case matchSingleton(value: Constant)
    case matchSequence(patterns: [Pattern])
    case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
    case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    case matchStar(name: String?)
    case matchAs(pattern: Pattern?, name: String?)
    case matchOr(patterns: [Pattern])
}
