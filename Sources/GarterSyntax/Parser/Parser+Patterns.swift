// The `match` statement (PEP 634) and its patterns. `match` and `case` are
// soft keywords: a line starting with `match` is a match statement only if a
// subject and ':' follow, otherwise it is parsed again as an ordinary statement.

extension Parser {
    /// Parses a match statement, or returns nil (with nothing consumed) when the
    /// line is not one.
    /// When the line is `match subject` with no ':', `missingColon` is set to
    /// the error to report if the line does not parse as a statement either.
    mutating func parseMatchStatement(missingColon: inout SyntaxError?) throws(SyntaxError) -> Stmt? {
        let mark = index
        let start = advance()  // "match"
        var subject: Expr?
        if startsExpression() || at(.star) {
            do {
                subject = try parseMatchSubject()
            } catch where error.message != "invalid syntax" {
                // A specific complaint about the subject (`match x = 1`) is
                // what CPython reports if the line is no statement either.
                missingColon = error
            } catch {}
        }
        guard let subject, at(.colon) else {
            if subject != nil && at(.newline) { missingColon = errorAfterPrevious("expected ':'") }
            index = mark
            return nil
        }
        advance()  // ':'
        guard accept(.newline) != nil else { throw invalidSyntax() }
        guard accept(.indent) != nil else {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw error("expected an indented block after 'match' statement on line \(start.line)", at: current, kind: .indentationError)
        }
        var cases: [MatchCase] = []
        while atSoftKeyword("case") {
            cases.append(try parseCaseBlock())
        }
        if cases.isEmpty { throw invalidSyntax() }
        if accept(.dedent) == nil {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw invalidSyntax()
        }
        return Stmt(.match(subject: subject, cases: cases), rangeThroughBlock(from: start))
    }

    /// `subject_expr`: a star-named expression list (a tuple) or a named expression.
    mutating func parseMatchSubject() throws(SyntaxError) -> Expr {
        let start = current
        let first = try parseStarNamedExpression()
        guard at(.comma) else {
            if case .starred = first.kind { throw invalidSyntax() }
            return first
        }
        var elements = [first]
        while accept(.comma) != nil {
            if at(.colon) { break }
            elements.append(try parseStarNamedExpression())
        }
        return Expr(.tuple(elts: elements, ctx: .load), rangeFrom(start))
    }

    mutating func parseCaseBlock() throws(SyntaxError) -> MatchCase {
        let caseToken = advance()
        let pattern = try parseTopPatterns()
        var guardExpression: Expr?
        if accept(.kwIf) != nil { guardExpression = try parseNamedExpression() }
        try expectColon()
        let body = try parseBlock(after: "'case' statement", line: caseToken.line)
        return MatchCase(pattern: pattern, guard_: guardExpression, body: body)
    }

    /// `patterns`: an open sequence `a, *b` (a MatchSequence) or one pattern.
    mutating func parseTopPatterns() throws(SyntaxError) -> Pattern {
        let start = current
        let first = try parseMaybeStarPattern()
        guard at(.comma) else {
            if case .matchStar = first.kind {
                return Pattern(.matchSequence(patterns: [first]), rangeFrom(start))
            }
            return first
        }
        var patterns = [first]
        while accept(.comma) != nil {
            if at(.colon) || at(.kwIf) { break }
            patterns.append(try parseMaybeStarPattern())
        }
        return Pattern(.matchSequence(patterns: patterns), rangeFrom(start))
    }

    mutating func parseMaybeStarPattern() throws(SyntaxError) -> Pattern {
        if at(.star) {
            let star = advance()
            let (name, _) = try expectName()
            return Pattern(.matchStar(name: name == "_" ? nil : name), rangeFrom(star))
        }
        return try parsePattern()
    }

    /// `pattern`: an or-pattern with an optional `as NAME`.
    mutating func parsePattern() throws(SyntaxError) -> Pattern {
        let start = current
        let orPattern = try parseOrPattern()
        guard accept(.kwAs) != nil else { return orPattern }
        guard at(.name) else {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw error("invalid pattern target", at: current)
        }
        let nameToken = advance()
        let name = identifier(nameToken)
        if name == "_" { throw error("cannot use '_' as a target", at: nameToken) }
        return Pattern(.matchAs(pattern: orPattern, name: name), rangeFrom(start))
    }

    mutating func parseOrPattern() throws(SyntaxError) -> Pattern {
        let start = current
        let first = try parseClosedPattern()
        guard at(.vbar) else { return first }
        var patterns = [first]
        while accept(.vbar) != nil {
            patterns.append(try parseClosedPattern())
        }
        return Pattern(.matchOr(patterns: patterns), rangeFrom(start))
    }

    mutating func parseClosedPattern() throws(SyntaxError) -> Pattern {
        let start = current
        switch start.kind {
        case .kwNone:
            advance()
            return Pattern(.matchSingleton(value: .none), rangeFrom(start))
        case .kwTrue:
            advance()
            return Pattern(.matchSingleton(value: .bool(true)), rangeFrom(start))
        case .kwFalse:
            advance()
            return Pattern(.matchSingleton(value: .bool(false)), rangeFrom(start))
        case .number, .minus:
            let value = try parseLiteralNumberPattern()
            return Pattern(.matchValue(value: value), value.range)
        case .string:
            let value = try parseStrings()
            return Pattern(.matchValue(value: value), value.range)
        case .leftParen:
            return try parseParenthesizedPattern()
        case .leftSquare:
            advance()
            var patterns: [Pattern] = []
            while !at(.rightSquare) {
                patterns.append(try parseMaybeStarPattern())
                if accept(.comma) == nil { break }
            }
            try expectClosing(.rightSquare)
            return Pattern(.matchSequence(patterns: patterns), rangeFrom(start))
        case .leftBrace:
            return try parseMappingPattern()
        case .name:
            return try parseNamePattern()
        default:
            throw invalidSyntax()
        }
    }

    /// `signed_number` or a complex literal `-1 + 2j`.
    mutating func parseLiteralNumberPattern() throws(SyntaxError) -> Expr {
        let start = current
        var value = try parseSignedNumber()
        if at(.plus) || at(.minus) {
            let op: BinaryOperator = advance().kind == .plus ? .add : .sub
            guard at(.number) else { throw invalidSyntax() }
            let imaginaryToken = advance()
            let imaginary = Expr(.constant(value: try numberValue(imaginaryToken), kind: nil), SourceRange(imaginaryToken))
            if case .constant(.imaginary, _) = value.kind {
                throw error("real number required in complex literal", at: value.range)
            }
            if case .unaryOp(_, let operand) = value.kind, case .constant(.imaginary, _) = operand.kind {
                throw error("real number required in complex literal", at: value.range)
            }
            guard case .constant(.imaginary, _) = imaginary.kind else {
                throw error("imaginary number required in complex literal", at: imaginary.range)
            }
            value = Expr(.binOp(left: value, op: op, right: imaginary), rangeFrom(start))
        }
        return value
    }

    mutating func parseSignedNumber() throws(SyntaxError) -> Expr {
        if at(.minus) {
            let minus = advance()
            guard at(.number) else { throw invalidSyntax() }
            let number = advance()
            let operand = Expr(.constant(value: try numberValue(number), kind: nil), SourceRange(number))
            return Expr(.unaryOp(op: .uSub, operand: operand), rangeFrom(minus))
        }
        let number = try expect(.number)
        return Expr(.constant(value: try numberValue(number), kind: nil), SourceRange(number))
    }

    /// `(pattern)` is a group; `()`, `(p,)` and `(p, q)` are sequences.
    mutating func parseParenthesizedPattern() throws(SyntaxError) -> Pattern {
        let open = advance()
        if accept(.rightParen) != nil {
            return Pattern(.matchSequence(patterns: []), rangeFrom(open))
        }
        let first = try parseMaybeStarPattern()
        if accept(.rightParen) != nil {
            if case .matchStar = first.kind {
                return Pattern(.matchSequence(patterns: [first]), rangeFrom(open))
            }
            return first
        }
        var patterns = [first]
        while accept(.comma) != nil {
            if at(.rightParen) { break }
            patterns.append(try parseMaybeStarPattern())
        }
        try expectClosing(.rightParen)
        return Pattern(.matchSequence(patterns: patterns), rangeFrom(open))
    }

    mutating func parseMappingPattern() throws(SyntaxError) -> Pattern {
        let open = advance()
        var keys: [Expr] = []
        var patterns: [Pattern] = []
        var rest: String?
        while !at(.rightBrace) {
            if at(.doubleStar) {
                advance()
                let (name, _) = try expectName()
                rest = name
                _ = accept(.comma)
                break
            }
            let key: Expr
            switch currentKind {
            case .number, .minus: key = try parseLiteralNumberPattern()
            case .string: key = try parseStrings()
            case .kwNone, .kwTrue, .kwFalse: key = try parseAtom()
            case .name:
                key = try parseDottedValue()
                guard case .attribute = key.kind else { throw invalidSyntax() }
            default: throw invalidSyntax()
            }
            try expect(.colon)
            keys.append(key)
            patterns.append(try parsePattern())
            if accept(.comma) == nil { break }
        }
        try expectClosing(.rightBrace)
        return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), rangeFrom(open))
    }

    /// `name_or_attr`: `a` or `a.b.c` as a Load expression.
    mutating func parseDottedValue() throws(SyntaxError) -> Expr {
        let start = current
        let (name, nameToken) = try expectName()
        var value = Expr(.name(id: name, ctx: .load), SourceRange(nameToken))
        while accept(.dot) != nil {
            let (attribute, _) = try expectName()
            value = Expr(.attribute(value: value, attr: attribute, ctx: .load), rangeFrom(start))
        }
        return value
    }

    /// A capture (`x`), the wildcard (`_`), a value (`a.b`) or a class pattern (`C(...)`).
    mutating func parseNamePattern() throws(SyntaxError) -> Pattern {
        let start = current
        let value = try parseDottedValue()
        if at(.leftParen) {
            return try parseClassPattern(cls: value, start: start)
        }
        if case .name(let id, _) = value.kind {
            if id == "_" { return Pattern(.matchAs(pattern: nil, name: nil), value.range) }
            return Pattern(.matchAs(pattern: nil, name: id), value.range)
        }
        return Pattern(.matchValue(value: value), value.range)
    }

    mutating func parseClassPattern(cls: Expr, start: Token) throws(SyntaxError) -> Pattern {
        advance()  // '('
        var patterns: [Pattern] = []
        var attributes: [String] = []
        var keywordPatterns: [Pattern] = []
        while !at(.rightParen) {
            if at(.name) && peek().kind == .equal {
                let nameToken = advance()
                advance()
                attributes.append(identifier(nameToken))
                keywordPatterns.append(try parsePattern())
            } else {
                let pattern = try parsePattern()
                if !attributes.isEmpty {
                    throw error("positional patterns follow keyword patterns", at: pattern.range)
                }
                patterns.append(pattern)
            }
            if accept(.comma) == nil { break }
        }
        try expectClosing(.rightParen)
        return Pattern(.matchClass(cls: cls, patterns: patterns, kwdAttrs: attributes, kwdPatterns: keywordPatterns),
                       rangeFrom(start))
    }
}
