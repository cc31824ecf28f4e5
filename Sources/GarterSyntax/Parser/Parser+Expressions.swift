// Expressions: from `star_expressions` down to atoms. Binary operators are
// parsed by precedence climbing (one function for the six levels from `|` to
// `*`), which is what CPython's left-recursive rules amount to.

extension Parser {
    // MARK: Lists of expressions

    /// `expressions`: `a, b, c` → Tuple; a single expression stays itself.
    mutating func parseExpressions() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseExpression()
        guard at(.comma) else { return first }
        var elements = [first]
        while accept(.comma) != nil {
            guard startsExpression() else { break }
            elements.append(try parseExpression())
        }
        return Expr(.tuple(elts: elements, ctx: .load), rangeFrom(start))
    }

    /// `star_expressions`: like `expressions` but each item may be `*x`.
    mutating func parseStarExpressions() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseStarExpression()
        guard at(.comma) else { return first }
        var elements = [first]
        while accept(.comma) != nil {
            guard startsExpression() || at(.star) else { break }
            elements.append(try parseStarExpression())
        }
        return Expr(.tuple(elts: elements, ctx: .load), rangeFrom(start))
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    mutating func parseStarExpression() throws(SyntaxError) -> Expr {
        if at(.star) { return try parseStarred() }
        return try parseExpression()
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression.
    mutating func parseStarNamedExpression() throws(SyntaxError) -> Expr {
        if at(.star) { return try parseStarred() }
        return try parseNamedExpression()
    }

    /// `'*' bitwise_or`, at a `*`.
    mutating func parseStarred() throws(SyntaxError) -> Expr {
        let star = advance()
        let value = try parseBitwiseOr()
        return Expr(.starred(value: value, ctx: .load), rangeFrom(star))
    }

    /// Whether the current token can begin an expression.
    func startsExpression() -> Bool {
        switch currentKind {
        case .name, .number, .string, .leftParen, .leftSquare, .leftBrace, .minus, .plus, .tilde,
             .ellipsis, .kwNone, .kwTrue, .kwFalse, .kwNot, .kwLambda, .kwAwait:
            return true
        default:
            return false
        }
    }

    // MARK: Named and conditional expressions

    /// `named_expression`: `NAME := expression` or an expression.
    mutating func parseNamedExpression(checkAssignment: Bool = true) throws(SyntaxError) -> Expr {
        if at(.name) && peek().kind == .colonEqual {
            let nameToken = advance()
            advance()
            let value = try parseExpression()
            let target = Expr(.name(id: identifier(nameToken), ctx: .store), SourceRange(nameToken))
            return Expr(.namedExpr(target: target, value: value), rangeFrom(nameToken))
        }
        let expression = try parseExpression()
        if at(.colonEqual) {
            throw error("cannot use assignment expressions with \(expressionName(expression))",
                        at: expression.range)
        }
        if at(.equal) && checkAssignment {
            try diagnoseAssignmentInExpression(expression)
        }
        return expression
    }

    /// CPython's `invalid_named_expression`: `=` where `==` or `:=` was meant.
    mutating func diagnoseAssignmentInExpression(_ target: Expr) throws(SyntaxError) {
        let mark = index
        let savedFurthest = furthest
        advance()  // '='
        let value = try? parseBitwiseOr()
        let followedByAssignment = at(.equal) || at(.colonEqual)
        index = mark
        furthest = savedFurthest
        guard let value, !followedByAssignment else { return }
        if case .name = target.kind {
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", from: target.range, to: value.range)
        }
        switch target.kind {
        case .list, .tuple, .generatorExp: return
        default: break
        }
        if isBitwiseOrLevel(target) && !isNamedConstant(target) {
            throw error("cannot assign to \(expressionName(target)) here. Maybe you meant '==' instead of '='?",
                        at: target.range)
        }
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    mutating func parseExpression() throws(SyntaxError) -> Expr {
        if at(.kwLambda) { return try parseLambda() }
        let start = current
        let body = try parseDisjunction()
        guard at(.kwIf) else { return body }
        advance()
        let test = try parseDisjunction()
        guard accept(.kwElse) != nil else {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw error("expected 'else' after 'if' expression", at: rangeFrom(start))
        }
        let orelse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), rangeFrom(start))
    }

    /// `lambdef`: `lambda params: expression`.
    mutating func parseLambda() throws(SyntaxError) -> Expr {
        let lambdaToken = advance()
        let arguments = try parseParameters(closing: .colon, allowAnnotations: false)
        try expect(.colon)
        let body = try parseExpression()
        return Expr(.lambda(args: arguments, body: body), rangeFrom(lambdaToken))
    }

    // MARK: Boolean operators

    mutating func parseDisjunction() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseConjunction()
        guard at(.kwOr) else { return first }
        var values = [first]
        while accept(.kwOr) != nil {
            values.append(try parseConjunction())
        }
        return Expr(.boolOp(op: .or, values: values), rangeFrom(start))
    }

    mutating func parseConjunction() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseInversion()
        guard at(.kwAnd) else { return first }
        var values = [first]
        while accept(.kwAnd) != nil {
            values.append(try parseInversion())
        }
        return Expr(.boolOp(op: .and, values: values), rangeFrom(start))
    }

    mutating func parseInversion() throws(SyntaxError) -> Expr {
        if at(.kwNot) {
            let notToken = advance()
            try enterNesting()
            defer { depth -= 1 }
            let operand = try parseInversion()
            return Expr(.unaryOp(op: .not, operand: operand), rangeFrom(notToken))
        }
        return try parseComparison()
    }

    // MARK: Comparisons

    mutating func parseComparison() throws(SyntaxError) -> Expr {
        let start = current
        let left = try parseBitwiseOr()
        var operators: [ComparisonOperator] = []
        var comparators: [Expr] = []
        while let op = comparisonOperator() {
            operators.append(op)
            comparators.append(try parseBitwiseOr())
        }
        if operators.isEmpty { return left }
        return Expr(.compare(left: left, ops: operators, comparators: comparators), rangeFrom(start))
    }

    /// Consumes a comparison operator if one is next (`not in`, `is not` are two tokens).
    mutating func comparisonOperator() -> ComparisonOperator? {
        switch currentKind {
        case .eqEqual: advance(); return .eq
        case .notEqual: advance(); return .notEq
        case .less: advance(); return .lt
        case .lessEqual: advance(); return .ltE
        case .greater: advance(); return .gt
        case .greaterEqual: advance(); return .gtE
        case .kwIn: advance(); return .in
        case .kwIs:
            advance()
            if accept(.kwNot) != nil { return .isNot }
            return .is
        case .kwNot:
            if peek().kind == .kwIn {
                advance()
                advance()
                return .notIn
            }
            return nil
        default:
            return nil
        }
    }

    // MARK: Binary operators

    /// Binding power of a binary operator token (higher binds tighter), or 0.
    @inline(__always)
    static func binaryPrecedence(_ kind: TokenKind) -> Int {
        switch kind {
        case .vbar: return 1
        case .circumflex: return 2
        case .amper: return 3
        case .leftShift, .rightShift: return 4
        case .plus, .minus: return 5
        case .star, .slash, .doubleSlash, .percent, .at: return 6
        default: return 0
        }
    }

    @inline(__always)
    static func binaryOperator(_ kind: TokenKind) -> BinaryOperator {
        switch kind {
        case .vbar: return .bitOr
        case .circumflex: return .bitXor
        case .amper: return .bitAnd
        case .leftShift: return .lShift
        case .rightShift: return .rShift
        case .plus: return .add
        case .minus: return .sub
        case .star: return .mult
        case .slash: return .div
        case .doubleSlash: return .floorDiv
        case .percent: return .mod
        default: return .matMult
        }
    }

    /// `bitwise_or` and everything below it down to `factor`.
    mutating func parseBitwiseOr() throws(SyntaxError) -> Expr {
        try parseBinary(minimumPrecedence: 1)
    }

    mutating func parseBinary(minimumPrecedence: Int) throws(SyntaxError) -> Expr {
        let start = current
        var left = try parseFactor()
        while true {
            let precedence = Parser.binaryPrecedence(currentKind)
            if precedence < minimumPrecedence || precedence == 0 { break }
            let op = Parser.binaryOperator(advance().kind)
            let right = try parseBinary(minimumPrecedence: precedence + 1)
            left = Expr(.binOp(left: left, op: op, right: right), rangeFrom(start))
        }
        return left
    }

    /// `factor`: unary `+`, `-`, `~`, or a power.
    mutating func parseFactor() throws(SyntaxError) -> Expr {
        let op: UnaryOperator
        switch currentKind {
        case .plus: op = .uAdd
        case .minus: op = .uSub
        case .tilde: op = .invert
        default: return try parsePower()
        }
        let opToken = advance()
        try enterNesting()
        defer { depth -= 1 }
        let operand = try parseFactor()
        return Expr(.unaryOp(op: op, operand: operand), rangeFrom(opToken))
    }

    /// `power`: `await_primary ['**' factor]`.
    mutating func parsePower() throws(SyntaxError) -> Expr {
        let start = current
        let base = try parseAwaitPrimary()
        guard accept(.doubleStar) != nil else { return base }
        let exponent = try parseFactor()
        return Expr(.binOp(left: base, op: .pow, right: exponent), rangeFrom(start))
    }

    mutating func parseAwaitPrimary() throws(SyntaxError) -> Expr {
        if at(.kwAwait) {
            let awaitToken = advance()
            let value = try parsePrimary()
            return Expr(.await(value: value), rangeFrom(awaitToken))
        }
        return try parsePrimary()
    }

    // MARK: Primaries

    /// `primary`: an atom followed by any number of `.name`, `(args)`, `[slices]`.
    mutating func parsePrimary() throws(SyntaxError) -> Expr {
        let start = current
        var value = try parseAtom()
        while true {
            switch currentKind {
            case .dot:
                advance()
                guard at(.name) else { throw invalidSyntax() }
                let name = advance()
                value = Expr(.attribute(value: value, attr: identifier(name), ctx: .load), rangeFrom(start))
            case .leftParen:
                value = try parseCall(function: value, start: start)
            case .leftSquare:
                advance()
                let slice = try parseSlices()
                try expectClosing(.rightSquare, after: slice)
                value = Expr(.subscript(value: value, slice: slice, ctx: .load), rangeFrom(start))
            default:
                return value
            }
        }
    }

    /// Consumes a closing bracket. When another expression follows the last
    /// element instead, CPython suggests a missing comma.
    mutating func expectClosing(_ kind: TokenKind, after lastElement: Expr? = nil) throws(SyntaxError) {
        if accept(kind) != nil { return }
        if let lastElement { try diagnoseMissingComma(after: lastElement) }
        throw invalidSyntax()
    }

    /// CPython's `invalid_expression`: inside brackets, `a b` is "invalid
    /// syntax. Perhaps you forgot a comma?" spanning both expressions.
    mutating func diagnoseMissingComma(after element: Expr) throws(SyntaxError) {
        if let lexerError = pendingLexerError() { throw lexerError }
        guard startsExpression() else { return }
        // The second expression is read even when no message results: CPython
        // reads it too, and how far it got decides between this error and an
        // unclosed bracket.
        let mark = index
        let savedFurthest = furthest
        let next = try? parseExpression()
        index = mark
        furthest = savedFurthest
        guard let next, isBitwiseOrLevel(element) || isDisjunctionLevel(element) else { return }
        if case .name(let id, _) = element.kind {
            if id == "print" || id == "exec" { return }
            if tokens[mark].kind == .string { return }
        }
        throw error("invalid syntax. Perhaps you forgot a comma?", from: element.range, to: next.range)
    }

    func isDisjunctionLevel(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .boolOp, .compare: return true
        case .unaryOp(let op, _): return op == .not
        default: return false
        }
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    mutating func parseSlices() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseSliceItem()
        guard at(.comma) else {
            // A lone `*x` is not a slice: CPython makes it a one-element tuple.
            if case .starred = first.kind {
                return Expr(.tuple(elts: [first], ctx: .load), rangeFrom(start))
            }
            return first
        }
        var elements = [first]
        while accept(.comma) != nil {
            if at(.rightSquare) { break }
            elements.append(try parseSliceItem())
        }
        return Expr(.tuple(elts: elements, ctx: .load), rangeFrom(start))
    }

    /// `slice | starred_expression`.
    mutating func parseSliceItem() throws(SyntaxError) -> Expr {
        if at(.star) { return try parseStarred() }
        let start = current
        var lower: Expr?
        if !at(.colon) {
            let expression = try parseNamedExpression()
            guard at(.colon) else { return expression }
            lower = expression
        }
        advance()  // ':'
        var upper: Expr?
        var step: Expr?
        if !at(.colon) && !at(.comma) && !at(.rightSquare) {
            upper = try parseExpression()
        }
        if accept(.colon) != nil {
            if !at(.comma) && !at(.rightSquare) {
                step = try parseExpression()
            }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), rangeFrom(start))
    }

    // MARK: Atoms

    mutating func parseAtom() throws(SyntaxError) -> Expr {
        let token = current
        switch token.kind {
        case .name:
            advance()
            return Expr(.name(id: identifier(token), ctx: .load), SourceRange(token))
        case .number:
            advance()
            return Expr(.constant(value: try numberValue(token), kind: nil), SourceRange(token))
        case .string:
            return try parseStrings()
        case .kwNone:
            advance()
            return Expr(.constant(value: .none, kind: nil), SourceRange(token))
        case .kwTrue:
            advance()
            return Expr(.constant(value: .bool(true), kind: nil), SourceRange(token))
        case .kwFalse:
            advance()
            return Expr(.constant(value: .bool(false), kind: nil), SourceRange(token))
        case .ellipsis:
            advance()
            return Expr(.constant(value: .ellipsis, kind: nil), SourceRange(token))
        case .leftParen:
            return try parseParenthesized()
        case .leftSquare:
            return try parseListDisplay()
        case .leftBrace:
            return try parseBraceDisplay()
        default:
            throw invalidSyntax()
        }
    }

    /// `(...)`: a group, a tuple, a generator expression or a parenthesised yield.
    mutating func parseParenthesized() throws(SyntaxError) -> Expr {
        let open = advance()
        try enterNesting()
        defer { depth -= 1 }
        if accept(.rightParen) != nil {
            return Expr(.tuple(elts: [], ctx: .load), rangeFrom(open))
        }
        if at(.kwYield) {
            let value = try parseYieldExpression()
            try expectClosing(.rightParen)
            return value
        }
        let first = try parseStarNamedExpression()
        if at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
            if case .starred = first.kind {
                throw error("iterable unpacking cannot be used in comprehension", at: first.range)
            }
            let generators = try parseComprehensionClauses()
            try expectClosing(.rightParen)
            return Expr(.generatorExp(elt: first, generators: generators), rangeFrom(open))
        }
        if accept(.rightParen) != nil {
            if case .starred = first.kind {
                throw error("cannot use starred expression here", at: first.range)
            }
            return first
        }
        guard at(.comma) else {
            try expectClosing(.rightParen, after: first)
            return first
        }
        var elements = [first]
        while accept(.comma) != nil {
            if at(.rightParen) { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing(.rightParen, after: elements[elements.count - 1])
        return Expr(.tuple(elts: elements, ctx: .load), rangeFrom(open))
    }

    /// For the "Maybe you meant '=='" message: the range of what follows `=`.
    mutating func peekExpressionRange() throws(SyntaxError) -> SourceRange {
        let mark = index
        defer { index = mark }
        advance()
        let value = try parseBitwiseOr()
        return value.range
    }

    /// `[...]`: a list display or a list comprehension.
    mutating func parseListDisplay() throws(SyntaxError) -> Expr {
        let open = advance()
        try enterNesting()
        defer { depth -= 1 }
        if accept(.rightSquare) != nil {
            return Expr(.list(elts: [], ctx: .load), rangeFrom(open))
        }
        let first = try parseStarNamedExpression()
        if at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
            if case .starred = first.kind {
                throw error("iterable unpacking cannot be used in comprehension", at: first.range)
            }
            let generators = try parseComprehensionClauses()
            try expectClosing(.rightSquare)
            return Expr(.listComp(elt: first, generators: generators), rangeFrom(open))
        }
        var elements = [first]
        while accept(.comma) != nil {
            if at(.rightSquare) { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing(.rightSquare, after: elements[elements.count - 1])
        return Expr(.list(elts: elements, ctx: .load), rangeFrom(open))
    }

    /// `{...}`: a dict or set display, or a dict or set comprehension.
    mutating func parseBraceDisplay() throws(SyntaxError) -> Expr {
        let open = advance()
        try enterNesting()
        defer { depth -= 1 }
        if accept(.rightBrace) != nil {
            return Expr(.dict(keys: [], values: []), rangeFrom(open))
        }
        if at(.doubleStar) {
            let doubleStar = current
            let value = try parseDoubleStarred()
            if at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
                throw error("dict unpacking cannot be used in dict comprehension", at: doubleStar)
            }
            return try parseDictRest(open: open, firstKey: nil, firstValue: value)
        }
        let first = try parseStarNamedExpression()
        if let colon = accept(.colon) {
            if case .starred = first.kind {
                throw error("cannot use a starred expression in a dictionary value", at: first.range)
            }
            if at(.rightBrace) || at(.comma) {
                throw error("expression expected after dictionary key and ':'", at: colon)
            }
            let value = try parseExpression()
            if at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
                let generators = try parseComprehensionClauses()
                try expectClosing(.rightBrace)
                return Expr(.dictComp(key: first, value: value, generators: generators), rangeFrom(open))
            }
            return try parseDictRest(open: open, firstKey: first, firstValue: value)
        }
        if at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
            if case .starred = first.kind {
                throw error("iterable unpacking cannot be used in comprehension", at: first.range)
            }
            let generators = try parseComprehensionClauses()
            try expectClosing(.rightBrace)
            return Expr(.setComp(elt: first, generators: generators), rangeFrom(open))
        }
        var elements = [first]
        while accept(.comma) != nil {
            if at(.rightBrace) { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing(.rightBrace, after: elements[elements.count - 1])
        return Expr(.set(elts: elements), rangeFrom(open))
    }

    /// `'**' bitwise_or` inside a dict display.
    mutating func parseDoubleStarred() throws(SyntaxError) -> Expr {
        advance()
        return try parseBitwiseOr()
    }

    mutating func parseDictRest(open: Token, firstKey: Expr?, firstValue: Expr) throws(SyntaxError) -> Expr {
        var keys: [Expr?] = [firstKey]
        var values = [firstValue]
        while accept(.comma) != nil {
            if at(.rightBrace) { break }
            if at(.doubleStar) {
                keys.append(nil)
                values.append(try parseDoubleStarred())
                continue
            }
            let key = try parseExpression()
            guard let colon = accept(.colon) else {
                if at(.rightBrace) || at(.comma) {
                    throw error("':' expected after dictionary key", at: key.range)
                }
                throw invalidSyntax()
            }
            if at(.rightBrace) || at(.comma) {
                throw error("expression expected after dictionary key and ':'", at: colon)
            }
            keys.append(key)
            values.append(try parseExpression())
        }
        try expectClosing(.rightBrace)
        return Expr(.dict(keys: keys, values: values), rangeFrom(open))
    }

    // MARK: Comprehensions

    /// `for_if_clauses`: one or more `[async] for targets in disjunction (if disjunction)*`.
    mutating func parseComprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var generators: [Comprehension] = []
        while at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
            let isAsync = accept(.kwAsync) != nil
            advance()  // 'for'
            let target = try parseForTargets()
            guard accept(.kwIn) != nil else { throw invalidSyntax() }
            let iter = try parseDisjunction()
            var conditions: [Expr] = []
            while accept(.kwIf) != nil {
                conditions.append(try parseDisjunction())
            }
            generators.append(Comprehension(target: target, iter: iter, ifs: conditions, isAsync: isAsync))
        }
        return generators
    }

    // MARK: Yield

    /// `yield_expr`: `yield from expression` or `yield [star_expressions]`.
    mutating func parseYieldExpression() throws(SyntaxError) -> Expr {
        let yieldToken = advance()
        if accept(.kwFrom) != nil {
            let value = try parseExpression()
            return Expr(.yieldFrom(value: value), rangeFrom(yieldToken))
        }
        if startsExpression() || at(.star) {
            let value = try parseStarExpressions()
            return Expr(.yield(value: value), rangeFrom(yieldToken))
        }
        return Expr(.yield(value: nil), rangeFrom(yieldToken))
    }

    // MARK: Literals

    func numberValue(_ token: Token) throws(SyntaxError) -> Constant {
        try NumberLiteral.value(of: token, in: source)
    }
}
