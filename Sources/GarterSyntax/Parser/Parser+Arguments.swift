// Call arguments and function/lambda parameters.

extension Parser {
    // MARK: Calls

    /// `primary '(' [arguments] ')'`, including a lone generator expression
    /// argument `f(x for x in y)`, whose range spans the call's parentheses.
    mutating func parseCall(function: Expr, start: Token) throws(SyntaxError) -> Expr {
        let open = advance()
        try enterNesting()
        defer { depth -= 1 }
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var misplacedPositional: String?
        var bareGenerator: Expr?
        while !at(.rightParen) {
            let itemStart = current
            if at(.star) {
                advance()
                let value = try parseExpression()
                let starred = Expr(.starred(value: value, ctx: .load), rangeFrom(itemStart))
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking",
                                at: itemStart)
                }
                args.append(starred)
            } else if at(.doubleStar) {
                advance()
                let value = try parseExpression()
                keywords.append(Keyword(arg: nil, value: value, range: rangeFrom(itemStart)))
                sawDoubleStar = true
            } else if (at(.name) || current.kind.isKeyword) && peek().kind == .equal {
                let nameToken = advance()
                let equalToken = advance()
                if nameToken.kind != .name {
                    if nameToken.kind == .kwTrue || nameToken.kind == .kwFalse || nameToken.kind == .kwNone {
                        throw error("cannot assign to \(source.text(of: nameToken))",
                                    at: SourceRange(from: nameToken, to: equalToken))
                    }
                    throw invalidSyntax()
                }
                if at(.rightParen) || at(.comma) {
                    throw error("expected argument value expression", at: SourceRange(from: nameToken, to: equalToken))
                }
                let value = try parseExpression()
                keywords.append(Keyword(arg: identifier(nameToken), value: value, range: rangeFrom(itemStart)))
                sawKeyword = true
            } else {
                let value = try parseNamedExpression(checkAssignment: false)
                if at(.kwFor) || (at(.kwAsync) && peek().kind == .kwFor) {
                    let generators = try parseComprehensionClauses()
                    let generator = Expr(.generatorExp(elt: value, generators: generators), rangeFrom(itemStart))
                    if args.isEmpty && keywords.isEmpty && at(.rightParen) {
                        bareGenerator = generator
                        args.append(generator)
                        break
                    }
                    throw error("Generator expression must be parenthesized", at: generator.range)
                }
                if at(.equal) {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?",
                                from: value.range, to: SourceRange(current))
                }
                // CPython reads the whole argument list before complaining, and
                // points at the token after it.
                if sawDoubleStar && misplacedPositional == nil {
                    misplacedPositional = "positional argument follows keyword argument unpacking"
                } else if sawKeyword && misplacedPositional == nil {
                    misplacedPositional = "positional argument follows keyword argument"
                }
                args.append(value)
            }
            if accept(.comma) == nil { break }
        }
        if let misplacedPositional { throw error(misplacedPositional, at: current) }
        if !at(.rightParen) {
            if let lexerError = pendingLexerError() { throw lexerError }
            if let last = args.last ?? keywords.last?.value { try diagnoseMissingComma(after: last) }
            if let generator = args.last, case .generatorExp = generator.kind, bareGenerator == nil {
                throw error("Generator expression must be parenthesized", at: generator.range)
            }
            throw invalidSyntax()
        }
        advance()
        if var generator = bareGenerator {
            generator.range = SourceRange(from: open, to: previous)
            args[0] = generator
        }
        return Expr(.call(func: function, args: args, keywords: keywords), rangeFrom(start))
    }

    // MARK: Parameters

    /// Parameters of a `def` (up to `)`) or a `lambda` (up to `:`).
    mutating func parseParameters(closing: TokenKind, allowAnnotations: Bool) throws(SyntaxError) -> Arguments {
        var arguments = Arguments()
        var positional: [Arg] = []
        var defaults: [Expr] = []
        var sawSlash = false
        var sawStar = false
        var sawDefault = false

        while !at(closing) {
            let token = current
            switch token.kind {
            case .slash:
                if sawSlash { throw error("/ may appear only once", at: token) }
                if sawStar { throw error("/ must be ahead of *", at: token) }
                if positional.isEmpty { throw error("at least one argument must precede /", at: token) }
                advance()
                sawSlash = true
                arguments.posonlyargs = positional
                positional = []
            case .star:
                if sawStar { throw error("* argument may appear only once", at: token) }
                advance()
                sawStar = true
                // CPython points at the `*` of a def, and at what follows it in a lambda.
                if at(.comma) {
                    if peek().kind == closing || peek().kind == .doubleStar {
                        throw error("named arguments must follow bare *", at: closing == .colon ? peek() : token)
                    }
                } else if at(closing) {
                    throw error("named arguments must follow bare *", at: closing == .colon ? current : token)
                } else {
                    let vararg = try parseParameter(allowAnnotations: allowAnnotations, allowStarAnnotation: true)
                    if at(.equal) {
                        throw error("var-positional argument cannot have default value", at: current)
                    }
                    arguments.vararg = vararg
                }
            case .doubleStar:
                advance()
                let kwarg = try parseParameter(allowAnnotations: allowAnnotations, allowStarAnnotation: false)
                if at(.equal) {
                    throw error("var-keyword argument cannot have default value", at: current)
                }
                arguments.kwarg = kwarg
                _ = accept(.comma)
                if !at(closing) {
                    if at(.name) || at(.star) || at(.doubleStar) || at(.slash) {
                        throw error("arguments cannot follow var-keyword argument", at: current)
                    }
                    throw invalidSyntax()
                }
                continue
            case .name:
                let parameter = try parseParameter(allowAnnotations: allowAnnotations, allowStarAnnotation: false)
                var defaultValue: Expr?
                if accept(.equal) != nil {
                    if at(.comma) || at(closing) {
                        throw errorAfterPrevious("expected default value expression")
                    }
                    defaultValue = try parseExpression()
                }
                if sawStar {
                    arguments.kwonlyargs.append(parameter)
                    arguments.kwDefaults.append(defaultValue)
                } else {
                    if let defaultValue {
                        defaults.append(defaultValue)
                        sawDefault = true
                    } else if sawDefault {
                        throw error("non-default argument follows default argument", at: parameter.range)
                    }
                    positional.append(parameter)
                }
            case .leftParen:
                let what = closing == .colon ? "Lambda expression parameters" : "Function parameters"
                throw error("\(what) cannot be parenthesized", at: bracketedRange(from: index))
            default:
                throw invalidSyntax()
            }
            if accept(.comma) == nil { break }
        }
        arguments.args = positional
        arguments.defaults = defaults
        return arguments
    }

    /// The range from the bracket at token `start` to its matching closing bracket.
    func bracketedRange(from start: Int) -> SourceRange {
        var depth = 0
        var position = start
        while position < tokens.count {
            switch tokens[position].kind {
            case .leftParen, .leftSquare, .leftBrace: depth += 1
            case .rightParen, .rightSquare, .rightBrace:
                depth -= 1
                if depth == 0 { return SourceRange(from: tokens[start], to: tokens[position]) }
            case .endMarker, .error: return SourceRange(tokens[start])
            default: break
            }
            position += 1
        }
        return SourceRange(tokens[start])
    }

    /// One parameter: a name with an optional annotation (`*args: *Ts` allowed
    /// for the var-positional one).
    mutating func parseParameter(allowAnnotations: Bool, allowStarAnnotation: Bool) throws(SyntaxError) -> Arg {
        guard at(.name) else { throw invalidSyntax() }
        let nameToken = advance()
        var annotation: Expr?
        if allowAnnotations && accept(.colon) != nil {
            if allowStarAnnotation && at(.star) {
                annotation = try parseStarExpression()
            } else {
                annotation = try parseExpression()
            }
        }
        return Arg(arg: identifier(nameToken), annotation: annotation, range: rangeFrom(nameToken))
    }
}
