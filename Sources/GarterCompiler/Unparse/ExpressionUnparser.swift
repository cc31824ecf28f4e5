import GarterSyntax

/// Writes an expression back as source text, exactly as CPython 3.11's
/// Python/ast_unparse.c does: that text is the value of an annotation under
/// `from __future__ import annotations`, so every space and parenthesis is
/// visible to programs.
public struct ExpressionUnparser {
    /// Operator precedence levels, lowest first (ast_unparse.c's PR_*).
    enum Level: Int, Comparable {
        case tuple, test, or, and, not, compare, bitOr, bitXor, bitAnd, shift, arith, term, factor, power, await, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        var up: Level { Level(rawValue: rawValue + 1) ?? .atom }
    }

    private var out = ""

    /// The text of `expression` as an annotation (precedence "test").
    public static func unparse(_ expression: Expr) -> String {
        var unparser = ExpressionUnparser()
        unparser.append(expression, .test)
        return unparser.out
    }

    private static func text(_ expression: Expr, _ level: Level) -> String {
        var unparser = ExpressionUnparser()
        unparser.append(expression, level)
        return unparser.out
    }

    private mutating func open(_ condition: Bool) { if condition { out += "(" } }
    private mutating func close(_ condition: Bool) { if condition { out += ")" } }

    private mutating func append(_ expression: Expr, _ level: Level) {
        switch expression.kind {
        case .boolOp(let op, let values):
            let pr: Level = op == .and ? .and : .or
            open(level > pr)
            for (index, value) in values.enumerated() {
                if index > 0 { out += op == .and ? " and " : " or " }
                append(value, pr.up)
            }
            close(level > pr)
        case .binOp(let left, let op, let right):
            let (symbol, pr): (String, Level)
            var rightAssociative = false
            switch op {
            case .add: (symbol, pr) = (" + ", .arith)
            case .sub: (symbol, pr) = (" - ", .arith)
            case .mult: (symbol, pr) = (" * ", .term)
            case .matMult: (symbol, pr) = (" @ ", .term)
            case .div: (symbol, pr) = (" / ", .term)
            case .mod: (symbol, pr) = (" % ", .term)
            case .lShift: (symbol, pr) = (" << ", .shift)
            case .rShift: (symbol, pr) = (" >> ", .shift)
            case .bitOr: (symbol, pr) = (" | ", .bitOr)
            case .bitXor: (symbol, pr) = (" ^ ", .bitXor)
            case .bitAnd: (symbol, pr) = (" & ", .bitAnd)
            case .floorDiv: (symbol, pr) = (" // ", .term)
            case .pow:
                (symbol, pr) = (" ** ", .power)
                rightAssociative = true
            }
            open(level > pr)
            append(left, rightAssociative ? pr.up : pr)
            out += symbol
            append(right, rightAssociative ? pr : pr.up)
            close(level > pr)
        case .unaryOp(let op, let operand):
            let (symbol, pr): (String, Level)
            switch op {
            case .invert: (symbol, pr) = ("~", .factor)
            case .not: (symbol, pr) = ("not ", .not)
            case .uAdd: (symbol, pr) = ("+", .factor)
            case .uSub: (symbol, pr) = ("-", .factor)
            }
            open(level > pr)
            out += symbol
            append(operand, pr)
            close(level > pr)
        case .lambda(let args, let body):
            open(level > .test)
            out += args.args.count + args.posonlyargs.count > 0 ? "lambda " : "lambda"
            appendArguments(args)
            out += ": "
            append(body, .test)
            close(level > .test)
        case .ifExp(let test, let body, let orelse):
            open(level > .test)
            append(body, Level.test.up)
            out += " if "
            append(test, Level.test.up)
            out += " else "
            append(orelse, .test)
            close(level > .test)
        case .dict(let keys, let values):
            out += "{"
            for index in values.indices {
                if index > 0 { out += ", " }
                if let key = keys[index] {
                    append(key, .test)
                    out += ": "
                    append(values[index], .test)
                } else {
                    out += "**"
                    append(values[index], .bitOr)
                }
            }
            out += "}"
        case .set(let elements):
            out += "{"
            appendList(elements, .test)
            out += "}"
        case .listComp(let element, let generators):
            out += "["
            append(element, .test)
            appendComprehensions(generators)
            out += "]"
        case .setComp(let element, let generators):
            out += "{"
            append(element, .test)
            appendComprehensions(generators)
            out += "}"
        case .dictComp(let key, let value, let generators):
            out += "{"
            append(key, .test)
            out += ": "
            append(value, .test)
            appendComprehensions(generators)
            out += "}"
        case .generatorExp(let element, let generators):
            out += "("
            append(element, .test)
            appendComprehensions(generators)
            out += ")"
        case .await(let value):
            open(level > .await)
            out += "await "
            append(value, .atom)
            close(level > .await)
        case .yield(let value):
            if let value {
                out += "(yield "
                append(value, .test)
                out += ")"
            } else {
                out += "(yield)"
            }
        case .yieldFrom(let value):
            out += "(yield from "
            append(value, .test)
            out += ")"
        case .compare(let left, let ops, let comparators):
            open(level > .compare)
            append(left, Level.compare.up)
            for (op, comparator) in zip(ops, comparators) {
                switch op {
                case .eq: out += " == "
                case .notEq: out += " != "
                case .lt: out += " < "
                case .ltE: out += " <= "
                case .gt: out += " > "
                case .gtE: out += " >= "
                case .is: out += " is "
                case .isNot: out += " is not "
                case .in: out += " in "
                case .notIn: out += " not in "
                }
                append(comparator, Level.compare.up)
            }
            close(level > .compare)
        case .call(let function, let args, let keywords):
            append(function, .atom)
            if args.count == 1 && keywords.isEmpty, case .generatorExp = args[0].kind {
                append(args[0], .test)
                return
            }
            out += "("
            var first = true
            for argument in args {
                if !first { out += ", " }
                first = false
                append(argument, .test)
            }
            for keyword in keywords {
                if !first { out += ", " }
                first = false
                if let name = keyword.arg {
                    out += name + "="
                } else {
                    out += "**"
                }
                append(keyword.value, .test)
            }
            out += ")"
        case .formattedValue, .joinedStr:
            out += "f" + Repr.string(Array(Self.fstringBody(expression).unicodeScalars.map(\.value)))
        case .constant(let value, let kind):
            if case .ellipsis = value {
                out += "..."
                return
            }
            if let kind, kind == "u" { out += kind }
            out += Self.constantRepr(value)
        case .attribute(let value, let attr, _):
            append(value, .atom)
            if case .constant(.int, _) = value.kind {
                out += " ."
            } else if case .constant(.bigInt, _) = value.kind {
                out += " ."
            } else {
                out += "."
            }
            out += attr
        case .subscript(let value, let slice, _):
            append(value, .atom)
            out += "["
            append(slice, .tuple)
            out += "]"
        case .starred(let value, _):
            out += "*"
            append(value, .bitOr)
        case .name(let id, _):
            out += id
        case .list(let elements, _):
            out += "["
            appendList(elements, .test)
            out += "]"
        case .tuple(let elements, _):
            if elements.isEmpty {
                out += "()"
                return
            }
            open(level > .tuple)
            appendList(elements, .test)
            if elements.count == 1 { out += "," }
            close(level > .tuple)
        case .slice(let lower, let upper, let step):
            if let lower { append(lower, .test) }
            out += ":"
            if let upper { append(upper, .test) }
            if let step {
                out += ":"
                append(step, .test)
            }
        case .namedExpr(let target, let value):
            open(level > .tuple)
            append(target, .atom)
            out += " := "
            append(value, .atom)
            close(level > .tuple)
        }
    }

    private mutating func appendList(_ elements: [Expr], _ level: Level) {
        for (index, element) in elements.enumerated() {
            if index > 0 { out += ", " }
            append(element, level)
        }
    }

    private mutating func appendComprehensions(_ generators: [Comprehension]) {
        for generator in generators {
            out += generator.isAsync ? " async for " : " for "
            append(generator.target, .tuple)
            out += " in "
            append(generator.iter, Level.test.up)
            for condition in generator.ifs {
                out += " if "
                append(condition, Level.test.up)
            }
        }
    }

    private mutating func appendArguments(_ args: Arguments) {
        var first = true
        func separator(_ out: inout String) {
            if first { first = false } else { out += ", " }
        }
        let positional = args.posonlyargs + args.args
        for (index, argument) in positional.enumerated() {
            separator(&out)
            appendArgument(argument)
            let defaultIndex = index - positional.count + args.defaults.count
            if defaultIndex >= 0 {
                out += "="
                append(args.defaults[defaultIndex], .test)
            }
            if !args.posonlyargs.isEmpty && index + 1 == args.posonlyargs.count { out += ", /" }
        }
        if args.vararg != nil || !args.kwonlyargs.isEmpty {
            separator(&out)
            out += "*"
            if let vararg = args.vararg { appendArgument(vararg) }
        }
        for (index, argument) in args.kwonlyargs.enumerated() {
            separator(&out)
            appendArgument(argument)
            let defaultIndex = index - args.kwonlyargs.count + args.kwDefaults.count
            if defaultIndex >= 0, let value = args.kwDefaults[defaultIndex] {
                out += "="
                append(value, .test)
            }
        }
        if let kwarg = args.kwarg {
            separator(&out)
            out += "**"
            appendArgument(kwarg)
        }
    }

    private mutating func appendArgument(_ argument: Arg) {
        out += argument.arg
        if let annotation = argument.annotation {
            out += ": "
            append(annotation, .test)
        }
    }

    /// `repr()` of a constant, with infinities written `1e309` so the text
    /// reads back as the same value.
    static func constantRepr(_ value: Constant) -> String {
        switch value {
        case .float(let number) where number.isInfinite:
            return Repr.float(number).replacing("inf", with: "1e309")
        case .imaginary(let number) where number.isInfinite || number.isNaN:
            return Repr.imaginary(number).replacing("inf", with: "1e309")
        default:
            return Repr.constant(value)
        }
    }

    /// The inside of an f-string: text with braces doubled, and replacement fields.
    private static func fstringBody(_ expression: Expr) -> String {
        switch expression.kind {
        case .joinedStr(let values):
            return values.map(fstringElement).joined()
        default:
            return fstringElement(expression)
        }
    }

    private static func fstringElement(_ expression: Expr) -> String {
        switch expression.kind {
        case .constant(.str(let text), _):
            // Scalar by scalar: a brace followed by a combining mark is still a brace.
            var doubled = String.UnicodeScalarView()
            for scalar in text.string.unicodeScalars {
                doubled.append(scalar)
                if scalar == "{" || scalar == "}" { doubled.append(scalar) }
            }
            return String(doubled)
        case .joinedStr:
            return fstringBody(expression)
        case .formattedValue(let value, let conversion, let spec):
            let inner = text(value, Level.test.up)
            var result = inner.hasPrefix("{") ? "{ " : "{"
            result += inner
            switch conversion {
            case 97: result += "!a"
            case 114: result += "!r"
            case 115: result += "!s"
            default: break
            }
            if let spec {
                result += ":" + fstringElement(spec)
            }
            return result + "}"
        default:
            return ""
        }
    }
}

