// Assignment, deletion and loop targets. Targets are parsed as expressions and
// then checked and given their store/delete context, which is also where
// CPython's "cannot assign to ..." and "cannot delete ..." messages come from.

enum TargetRole {
    case assignment, forLoop, deletion
}

extension Parser {
    /// `star_targets` of a `for` statement or comprehension: stops before `in`.
    mutating func parseForTargets() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseTargetItem()
        var target = first
        if at(.comma) {
            var elements = [first]
            while accept(.comma) != nil {
                if at(.kwIn) { break }
                elements.append(try parseTargetItem())
            }
            target = Expr(.tuple(elts: elements, ctx: .load), rangeFrom(start))
        }
        if !at(.kwIn) {
            // `for f() in z`: CPython reports the invalid target; inside
            // brackets, `for y i in z` draws its missing-comma diagnosis.
            if let invalid = invalidTarget(target, role: .forLoop) {
                throw error("cannot assign to \(expressionName(invalid))", at: invalid.range)
            }
            if bracketLevel(at: index) > 0 { try diagnoseMissingComma(after: target) }
            throw invalidSyntax()
        }
        return try asTarget(target, role: .forLoop)
    }

    /// How many brackets are open before token `position` (only needed on
    /// error paths, so it is counted rather than tracked).
    func bracketLevel(at position: Int) -> Int {
        var level = 0
        for token in tokens[..<position] {
            switch token.kind {
            case .leftParen, .leftSquare, .leftBrace: level += 1
            case .rightParen, .rightSquare, .rightBrace: level -= 1
            default: break
            }
        }
        return level
    }

    /// One target in a target list: `*t` or a primary-level expression.
    mutating func parseTargetItem() throws(SyntaxError) -> Expr {
        if at(.star) { return try parseStarred() }
        return try parseBitwiseOr()
    }

    /// `del_targets`.
    mutating func parseDeleteTargets() throws(SyntaxError) -> [Expr] {
        var targets: [Expr] = []
        repeat {
            // A trailing comma may end the list, but `del` needs one target.
            if (at(.newline) || at(.semicolon)) && !targets.isEmpty { break }
            let item = try parseStarExpression()
            targets.append(try asTarget(item, role: .deletion))
        } while accept(.comma) != nil
        return targets
    }

    /// The expression with its context set for `role`, or CPython's error for
    /// the first part of it that cannot be a target.
    func asTarget(_ expression: Expr, role: TargetRole) throws(SyntaxError) -> Expr {
        if let invalid = invalidTarget(expression, role: role) {
            let verb = role == .deletion ? "delete" : "assign to"
            throw error("cannot \(verb) \(expressionName(invalid))", at: invalid.range)
        }
        return withContext(expression, role == .deletion ? .del : .store)
    }

    /// The first sub-expression that cannot be a target (CPython's
    /// `_PyPegen_get_invalid_target`), or nil when all of it can.
    func invalidTarget(_ expression: Expr, role: TargetRole) -> Expr? {
        switch expression.kind {
        case .list(let elements, _), .tuple(let elements, _):
            for element in elements {
                if let invalid = invalidTarget(element, role: role) { return invalid }
            }
            return nil
        case .starred(let value, _):
            if role == .deletion { return expression }
            return invalidTarget(value, role: role)
        case .compare(let left, let ops, _):
            if role == .forLoop {
                if ops[0] == .in { return invalidTarget(left, role: role) }
                return nil
            }
            return expression
        case .name, .subscript, .attribute:
            return nil
        default:
            return expression
        }
    }

    /// A copy of a valid target with `ctx` set on it and its elements.
    func withContext(_ expression: Expr, _ ctx: ExprContext) -> Expr {
        var result = expression
        switch expression.kind {
        case .name(let id, _):
            result.kind = .name(id: id, ctx: ctx)
        case .attribute(let value, let attr, _):
            result.kind = .attribute(value: value, attr: attr, ctx: ctx)
        case .subscript(let value, let slice, _):
            result.kind = .subscript(value: value, slice: slice, ctx: ctx)
        case .starred(let value, _):
            result.kind = .starred(value: withContext(value, ctx), ctx: ctx)
        case .tuple(let elements, _):
            result.kind = .tuple(elts: elements.map { withContext($0, ctx) }, ctx: ctx)
        case .list(let elements, _):
            result.kind = .list(elts: elements.map { withContext($0, ctx) }, ctx: ctx)
        default:
            break
        }
        return result
    }

    /// How CPython names an expression in error messages (`_PyPegen_get_expr_name`).
    func expressionName(_ expression: Expr) -> String {
        switch expression.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .constant(let value, _):
            switch value {
            case .none: return "None"
            case .bool(let flag): return flag ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        }
    }

    /// Targets of augmented assignment and annotations: a name, attribute or subscript.
    func isSingleTarget(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .name, .attribute, .subscript: return true
        default: return false
        }
    }
}
