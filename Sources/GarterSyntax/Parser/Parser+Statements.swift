// Statements: simple statements on a line, compound statements with blocks.

extension Parser {
    /// `statement`: a compound statement, or a line of simple statements.
    mutating func parseStatement(into body: inout [Stmt]) throws(SyntaxError) {
        switch currentKind {
        case .kwDef, .at:
            body.append(try parseDecoratedOrFunction())
        case .kwClass:
            body.append(try parseClass(decorators: [], start: current))
        case .kwIf:
            body.append(try parseIf())
        case .kwWhile:
            body.append(try parseWhile())
        case .kwFor:
            body.append(try parseFor(start: current, isAsync: false))
        case .kwTry:
            body.append(try parseTry())
        case .kwWith:
            body.append(try parseWith(start: current, isAsync: false))
        case .kwAsync:
            body.append(try parseAsyncStatement(decorators: []))
        case .indent:
            throw error("unexpected indent", at: current, kind: .indentationError)
        case .name where atSoftKeyword("match"):
            var missingColon: SyntaxError?
            if let match = try parseMatchStatement(missingColon: &missingColon) {
                body.append(match)
            } else {
                do {
                    try parseSimpleStatements(into: &body)
                } catch {
                    throw missingColon ?? error
                }
            }
        default:
            try parseSimpleStatements(into: &body)
        }
    }

    /// `simple_stmts`: `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    mutating func parseSimpleStatements(into body: inout [Stmt]) throws(SyntaxError) {
        while true {
            body.append(try parseSimpleStatement())
            if accept(.semicolon) != nil {
                if at(.newline) { break }
                continue
            }
            break
        }
        if accept(.newline) == nil {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw invalidSyntax()
        }
    }

    mutating func parseSimpleStatement() throws(SyntaxError) -> Stmt {
        let start = current
        switch start.kind {
        case .kwPass:
            advance()
            return Stmt(.pass, rangeFrom(start))
        case .kwBreak:
            advance()
            return Stmt(.break, rangeFrom(start))
        case .kwContinue:
            advance()
            return Stmt(.continue, rangeFrom(start))
        case .kwReturn:
            advance()
            var value: Expr?
            if !atStatementEnd() { value = try parseStarExpressions() }
            return Stmt(.return(value: value), rangeFrom(start))
        case .kwRaise:
            advance()
            var exc: Expr?
            var cause: Expr?
            if !atStatementEnd() {
                exc = try parseExpression()
                if accept(.kwFrom) != nil { cause = try parseExpression() }
            }
            return Stmt(.raise(exc: exc, cause: cause), rangeFrom(start))
        case .kwGlobal, .kwNonlocal:
            advance()
            var names: [String] = []
            repeat {
                names.append(try expectName().0)
            } while accept(.comma) != nil
            return Stmt(start.kind == .kwGlobal ? .global(names: names) : .nonlocal(names: names), rangeFrom(start))
        case .kwDel:
            advance()
            let targets = try parseDeleteTargets()
            if !atStatementEnd() { throw invalidSyntax() }
            return Stmt(.delete(targets: targets), rangeFrom(start))
        case .kwAssert:
            advance()
            let test = try parseExpression()
            var message: Expr?
            if accept(.comma) != nil { message = try parseExpression() }
            return Stmt(.assert(test: test, msg: message), rangeFrom(start))
        case .kwImport:
            return try parseImport()
        case .kwFrom:
            return try parseFromImport()
        default:
            return try parseExpressionStatement()
        }
    }

    func atStatementEnd() -> Bool {
        at(.newline) || at(.semicolon) || at(.endMarker)
    }

    // MARK: Expression statements and assignments

    mutating func parseExpressionStatement() throws(SyntaxError) -> Stmt {
        let start = current
        let first = at(.kwYield) ? try parseYieldExpression() : try parseStarExpressions()
        switch currentKind {
        case .equal:
            return try parseAssignment(first: first, start: start)
        case .colon:
            return try parseAnnotatedAssignment(target: first, start: start)
        case .plusEqual, .minusEqual, .starEqual, .atEqual, .slashEqual, .percentEqual, .amperEqual,
             .vbarEqual, .circumflexEqual, .leftShiftEqual, .rightShiftEqual, .doubleStarEqual,
             .doubleSlashEqual:
            guard isSingleTarget(first) else {
                throw error("'\(expressionName(first))' is an illegal expression for augmented assignment",
                            at: first.range)
            }
            let op = Parser.augmentedOperator(advance().kind)
            let value = at(.kwYield) ? try parseYieldExpression() : try parseStarExpressions()
            return Stmt(.augAssign(target: withContext(first, .store), op: op, value: value), rangeFrom(start))
        default:
            if !atStatementEnd() {
                try diagnoseBadExpressionStatement(first, start: start)
            }
            return Stmt(.expr(value: first), rangeFrom(start))
        }
    }

    static func augmentedOperator(_ kind: TokenKind) -> BinaryOperator {
        switch kind {
        case .plusEqual: return .add
        case .minusEqual: return .sub
        case .starEqual: return .mult
        case .atEqual: return .matMult
        case .slashEqual: return .div
        case .percentEqual: return .mod
        case .amperEqual: return .bitAnd
        case .vbarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .leftShiftEqual: return .lShift
        case .rightShiftEqual: return .rShift
        case .doubleStarEqual: return .pow
        default: return .floorDiv
        }
    }

    /// `(star_targets '=')+ (yield_expr | star_expressions)`.
    mutating func parseAssignment(first: Expr, start: Token) throws(SyntaxError) -> Stmt {
        let firstEqual = index
        var items = [first]
        // Which items are a bare `yield ...`, not in parentheses.
        var bareYields = [start.kind == .kwYield]
        while accept(.equal) != nil {
            bareYields.append(at(.kwYield))
            items.append(at(.kwYield) ? try parseYieldExpression() : try parseStarExpressions())
        }
        let value = items.removeLast()
        var targets: [Expr] = []
        targets.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            if let invalid = invalidTarget(item, role: .assignment) {
                try diagnoseInvalidAssignment(first: first, start: start, firstEqual: firstEqual)
                if bareYields[position] {
                    throw error("assignment to yield expression not possible", at: invalid.range)
                }
                throw error("cannot assign to \(expressionName(invalid))", at: invalid.range)
            }
            targets.append(withContext(item, .store))
        }
        return Stmt(.assign(targets: targets, value: value, typeComment: nil), rangeFrom(start))
    }

    /// CPython's invalid_assignment rule re-reads the first target as named
    /// expressions, so the expression right before the first `=` may draw
    /// "Maybe you meant '==' ...?" instead of a plain "cannot assign to".
    mutating func diagnoseInvalidAssignment(first: Expr, start: Token, firstEqual: Int) throws(SyntaxError) {
        var candidate = first
        if case .tuple(let elements, _) = first.kind, start.kind != .leftParen {
            guard let last = elements.last, tokens[firstEqual - 1].kind != .comma else { return }
            candidate = last
        }
        let mark = index
        index = firstEqual
        defer { index = mark }
        try diagnoseAssignmentInExpression(candidate)
    }

    /// Expressions that CPython's `bitwise_or` rule can produce on its own.
    func isBitwiseOrLevel(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .boolOp, .compare, .ifExp, .lambda, .namedExpr, .yield, .yieldFrom, .starred:
            return false
        case .unaryOp(let op, _):
            return op != .not
        case .tuple:
            return false
        default:
            return true
        }
    }

    func isNamedConstant(_ expression: Expr) -> Bool {
        if case .constant(let value, _) = expression.kind {
            switch value {
            case .none, .bool: return true
            default: return false
            }
        }
        return false
    }

    mutating func parseAnnotatedAssignment(target: Expr, start: Token) throws(SyntaxError) -> Stmt {
        let targetError: SyntaxError?
        switch target.kind {
        case .name, .attribute, .subscript:
            targetError = nil
        case .tuple(let elements, _) where start.kind != .leftParen:
            targetError = error("only single target (not tuple) can be annotated", at: elements[0].range)
        case .tuple:
            targetError = error("only single target (not tuple) can be annotated", at: target.range)
        case .list:
            targetError = error("only single target (not list) can be annotated", at: target.range)
        default:
            targetError = error("illegal target for annotation", at: target.range)
        }
        if let targetError {
            // CPython names the bad target only when an annotation follows.
            let colon = advance()
            if (try? parseExpression()) != nil { throw targetError }
            throw error("invalid syntax", at: colon)
        }
        advance()  // ':'
        let annotation = try parseExpression()
        var value: Expr?
        if accept(.equal) != nil {
            value = at(.kwYield) ? try parseYieldExpression() : try parseStarExpressions()
        }
        var simple = 0
        if case .name = target.kind, start.kind != .leftParen { simple = 1 }
        return Stmt(.annAssign(target: withContext(target, .store), annotation: annotation, value: value,
                               simple: simple), rangeFrom(start))
    }

    /// Better messages for an expression statement followed by junk, as
    /// CPython's `invalid_expression` and `invalid_legacy_expression` rules give.
    mutating func diagnoseBadExpressionStatement(_ expression: Expr, start: Token) throws(SyntaxError) {
        if let lexerError = pendingLexerError() { throw lexerError }
        // `print "x"`, `exec "code"`.
        if case .name(let id, _) = expression.kind, id == "print" || id == "exec", startsExpression() {
            let mark = index
            if let argument = try? parseStarExpressions() {
                index = mark
                throw error("Missing parentheses in call to '\(id)'. Did you mean \(id)(...)?",
                            from: expression.range, to: argument.range)
            }
            index = mark
        }
        // CPython's invalid_expression rule reads a second expression here
        // (`a b`) even at statement level, where it reports nothing; the
        // tokens it reads still count for the unclosed-bracket check.
        if startsExpression() {
            let mark = index
            let savedFurthest = furthest
            do {
                _ = try parseExpression()
            } catch where error.message != "invalid syntax" {
                // A specific complaint found on the way (`i{f x}`: a missing
                // comma inside the braces) is raised, as in CPython.
                throw error
            } catch {}
            index = mark
            furthest = savedFurthest
        }
        throw invalidSyntax()
    }

    func isSoftKeywordStatement(_ token: Token) -> Bool {
        token.kind == .name && (tokenText(token, equals: "match") || tokenText(token, equals: "case"))
    }

    // MARK: Imports

    mutating func parseImport() throws(SyntaxError) -> Stmt {
        let start = advance()
        var names: [Alias] = []
        repeat {
            let nameStart = current
            let name = try parseDottedName()
            var asName: String?
            if accept(.kwAs) != nil { asName = try expectName().0 }
            names.append(Alias(name: name, asname: asName, range: rangeFrom(nameStart)))
        } while accept(.comma) != nil
        return Stmt(.import(names: names), rangeFrom(start))
    }

    mutating func parseDottedName() throws(SyntaxError) -> String {
        var name = try expectName().0
        while at(.dot) {
            advance()
            name += "." + (try expectName().0)
        }
        return name
    }

    mutating func parseFromImport() throws(SyntaxError) -> Stmt {
        let start = advance()
        var level = 0
        while true {
            if accept(.dot) != nil { level += 1 } else if accept(.ellipsis) != nil { level += 3 } else { break }
        }
        var module: String?
        if !at(.kwImport) { module = try parseDottedName() }
        guard accept(.kwImport) != nil else { throw invalidSyntax() }
        var names: [Alias] = []
        if at(.star) {
            let star = advance()
            names.append(Alias(name: "*", asname: nil, range: SourceRange(star)))
        } else if accept(.leftParen) != nil {
            repeat {
                if at(.rightParen) && !names.isEmpty { break }
                names.append(try parseImportAlias())
            } while accept(.comma) != nil
            try expectClosing(.rightParen)
        } else {
            repeat {
                names.append(try parseImportAlias())
            } while accept(.comma) != nil && !at(.newline)
            if previous.kind == .comma {
                throw error("trailing comma not allowed without surrounding parentheses", at: current)
            }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), rangeFrom(start))
    }

    mutating func parseImportAlias() throws(SyntaxError) -> Alias {
        let (name, nameToken) = try expectName()
        var asName: String?
        if accept(.kwAs) != nil { asName = try expectName().0 }
        return Alias(name: name, asname: asName, range: rangeFrom(nameToken))
    }

    // MARK: Blocks

    /// `block`: an indented suite or simple statements on the same line.
    /// `owner` names the statement for "expected an indented block after ...".
    mutating func parseBlock(after owner: String, line: Int32) throws(SyntaxError) -> [Stmt] {
        var body: [Stmt] = []
        if accept(.newline) != nil {
            guard accept(.indent) != nil else {
                if let lexerError = pendingLexerError() { throw lexerError }
                throw error("expected an indented block after \(owner) on line \(line)", at: current, kind: .indentationError)
            }
            while !at(.dedent) && !at(.endMarker) {
                try parseStatement(into: &body)
            }
            if accept(.dedent) == nil, let lexerError = pendingLexerError() { throw lexerError }
        } else {
            if at(.endMarker), let lexerError = pendingLexerError() { throw lexerError }
            try parseSimpleStatements(into: &body)
        }
        return body
    }

    /// The ':' that opens a block: "expected ':'" when the line ends instead.
    mutating func expectColon() throws(SyntaxError) {
        if accept(.colon) != nil { return }
        if let lexerError = pendingLexerError() { throw lexerError }
        if at(.newline) { throw errorAfterPrevious("expected ':'") }
        throw invalidSyntax()
    }

    /// Range from `start` to the last token of a just-parsed block that is not
    /// NEWLINE, INDENT or DEDENT. That may be a trailing `;`, which the last
    /// statement itself excludes: CPython ends compound statements the same way.
    func rangeThroughBlock(from start: Token) -> SourceRange {
        var position = index - 1
        while position > 0 {
            let kind = tokens[position].kind
            if kind != .newline && kind != .indent && kind != .dedent { break }
            position -= 1
        }
        let last = tokens[position]
        return SourceRange(lineno: start.line, colOffset: start.column,
                           endLineno: last.endLine, endColOffset: last.endColumn)
    }

    // MARK: if / while / for

    mutating func parseIf() throws(SyntaxError) -> Stmt {
        let start = advance()
        let test = try parseNamedExpression()
        try expectColon()
        let body = try parseBlock(after: "'if' statement", line: start.line)
        let orelse = try parseElse(allowElif: true)
        return Stmt(.if(test: test, body: body, orelse: orelse), rangeThroughBlock(from: start))
    }

    /// The `elif`/`else` tail of an `if` (or the `else` of loops and `try`).
    mutating func parseElse(allowElif: Bool) throws(SyntaxError) -> [Stmt] {
        if allowElif && at(.kwElif) {
            let start = advance()
            let test = try parseNamedExpression()
            try expectColon()
            let body = try parseBlock(after: "'elif' statement", line: start.line)
            let orelse = try parseElse(allowElif: true)
            return [Stmt(.if(test: test, body: body, orelse: orelse),
                         rangeThroughBlock(from: start))]
        }
        if at(.kwElse) {
            let start = advance()
            try expectForcedColon()
            return try parseBlock(after: "'else' statement", line: start.line)
        }
        return []
    }

    /// `&&':'`: anything but ':' is "expected ':'".
    mutating func expectForcedColon() throws(SyntaxError) {
        if accept(.colon) != nil { return }
        if let lexerError = pendingLexerError() { throw lexerError }
        throw error("expected ':'", at: current)
    }

    mutating func parseWhile() throws(SyntaxError) -> Stmt {
        let start = advance()
        let test = try parseNamedExpression()
        try expectColon()
        let body = try parseBlock(after: "'while' statement", line: start.line)
        let orelse = try parseElse(allowElif: false)
        return Stmt(.while(test: test, body: body, orelse: orelse), rangeThroughBlock(from: start))
    }

    mutating func parseFor(start: Token, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let forToken = advance()
        let target = try parseForTargets()
        advance()  // 'in'
        let iter = try parseStarExpressions()
        try expectColon()
        let body = try parseBlock(after: "'for' statement", line: forToken.line)
        let orelse = try parseElse(allowElif: false)
        let range = rangeThroughBlock(from: start)
        if isAsync {
            return Stmt(.asyncFor(target: target, iter: iter, body: body, orelse: orelse, typeComment: nil), range)
        }
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, typeComment: nil), range)
    }

    // MARK: try

    mutating func parseTry() throws(SyntaxError) -> Stmt {
        let start = advance()
        try expectForcedColon()
        let body = try parseBlock(after: "'try' statement", line: start.line)
        var handlers: [ExceptHandler] = []
        var sawPlain = false
        var sawStar = false
        while at(.kwExcept) {
            let exceptToken = advance()
            let isStar = accept(.star) != nil
            if isStar { sawStar = true } else { sawPlain = true }
            if sawStar && sawPlain {
                throw error("cannot have both 'except' and 'except*' on the same 'try'", at: exceptToken)
            }
            var type: Expr?
            var name: String?
            if !at(.colon) {
                let typeStart = current
                type = try parseExpression()
                if at(.comma) {
                    let mark = index
                    advance()
                    if (try? parseExpressions()) != nil, at(.colon) || at(.kwAs) {
                        let range = rangeFrom(typeStart)
                        index = mark
                        throw error("multiple exception types must be parenthesized", at: range)
                    }
                    index = mark
                }
                if accept(.kwAs) != nil { name = try expectName().0 }
            } else if isStar {
                throw error("expected one or more exception types", at: current)
            }
            try expectColon()
            let handlerBody = try parseBlock(after: isStar ? "'except*' statement" : "'except' statement",
                                             line: exceptToken.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody,
                                          range: rangeThroughBlock(from: exceptToken)))
        }
        var orelse: [Stmt] = []
        if !handlers.isEmpty && at(.kwElse) {
            orelse = try parseElse(allowElif: false)
        }
        var finalbody: [Stmt] = []
        if at(.kwFinally) {
            let finallyToken = advance()
            try expectForcedColon()
            finalbody = try parseBlock(after: "'finally' statement", line: finallyToken.line)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw error("expected 'except' or 'finally' block", at: current)
        }
        let range = rangeThroughBlock(from: start)
        if sawStar {
            return Stmt(.tryStar(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), range)
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), range)
    }

    // MARK: with

    mutating func parseWith(start: Token, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let withToken = advance()
        var items: [WithItem] = []
        var parsedParenthesized = false
        if at(.leftParen) {
            // `with (a as b, c):` — or just a parenthesised expression: try the
            // item list first and fall back, as CPython's ordered choice does.
            let mark = index
            if let parenthesized = try? parseParenthesizedWithItems() {
                items = parenthesized
                parsedParenthesized = true
            } else {
                index = mark
            }
        }
        if !parsedParenthesized {
            repeat {
                items.append(try parseWithItem())
            } while accept(.comma) != nil
        }
        try expectColon()
        let body = try parseBlock(after: "'with' statement", line: withToken.line)
        let range = rangeThroughBlock(from: start)
        if isAsync { return Stmt(.asyncWith(items: items, body: body, typeComment: nil), range) }
        return Stmt(.with(items: items, body: body, typeComment: nil), range)
    }

    /// `'(' ','.with_item+ ','? ')' ':'` — succeeds only when followed by ':'.
    mutating func parseParenthesizedWithItems() throws(SyntaxError) -> [WithItem] {
        advance()  // '('
        var items: [WithItem] = []
        repeat {
            if at(.rightParen) && !items.isEmpty { break }
            items.append(try parseWithItem())
        } while accept(.comma) != nil
        try expect(.rightParen)
        guard at(.colon) else { throw invalidSyntax() }
        return items
    }

    mutating func parseWithItem() throws(SyntaxError) -> WithItem {
        let context = try parseExpression()
        guard accept(.kwAs) != nil else { return WithItem(contextExpr: context, optionalVars: nil) }
        let target = try parseTargetItem()
        guard at(.comma) || at(.rightParen) || at(.colon) || at(.newline) else {
            if let invalid = invalidTarget(target, role: .assignment) {
                throw error("cannot assign to \(expressionName(invalid))", at: invalid.range)
            }
            throw invalidSyntax()
        }
        return WithItem(contextExpr: context, optionalVars: try asTarget(target, role: .assignment))
    }

    // MARK: async

    mutating func parseAsyncStatement(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let start = current
        switch peek().kind {
        case .kwDef:
            advance()
            return try parseFunction(decorators: decorators, start: start, isAsync: true)
        case .kwFor where decorators.isEmpty:
            advance()
            return try parseFor(start: start, isAsync: true)
        case .kwWith where decorators.isEmpty:
            advance()
            return try parseWith(start: start, isAsync: true)
        default:
            advance()
            throw invalidSyntax()
        }
    }

    // MARK: Functions and classes

    mutating func parseDecoratedOrFunction() throws(SyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while accept(.at) != nil {
            decorators.append(try parseNamedExpression())
            guard accept(.newline) != nil else {
                if let lexerError = pendingLexerError() { throw lexerError }
                throw invalidSyntax()
            }
        }
        let start = current
        switch currentKind {
        case .kwDef: return try parseFunction(decorators: decorators, start: start, isAsync: false)
        case .kwClass: return try parseClass(decorators: decorators, start: start)
        case .kwAsync: return try parseAsyncStatement(decorators: decorators)
        default: throw invalidSyntax()
        }
    }

    mutating func parseFunction(decorators: [Expr], start: Token, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let defToken = advance()
        let (name, _) = try expectName()
        guard accept(.leftParen) != nil else {
            if let lexerError = pendingLexerError() { throw lexerError }
            throw error("expected '('", at: current)
        }
        let arguments = try parseParameters(closing: .rightParen, allowAnnotations: true)
        try expectClosing(.rightParen)
        var returns: Expr?
        if at(.arrow) && peek().kind != .colon {
            advance()
            returns = try parseExpression()
        }
        try expectForcedColon()
        let body = try parseBlock(after: "function definition", line: defToken.line)
        let range = rangeThroughBlock(from: start)
        if isAsync {
            return Stmt(.asyncFunctionDef(name: name, args: arguments, body: body, decoratorList: decorators,
                                          returns: returns, typeComment: nil), range)
        }
        return Stmt(.functionDef(name: name, args: arguments, body: body, decoratorList: decorators,
                                 returns: returns, typeComment: nil), range)
    }

    mutating func parseClass(decorators: [Expr], start: Token) throws(SyntaxError) -> Stmt {
        let classToken = advance()
        let (name, nameToken) = try expectName()
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if at(.leftParen) {
            let call = try parseCall(function: Expr(.name(id: name, ctx: .load), SourceRange(nameToken)),
                                     start: nameToken)
            if case .call(_, let args, let callKeywords) = call.kind {
                bases = args
                keywords = callKeywords
            }
        }
        try expectColon()
        let body = try parseBlock(after: "class definition", line: classToken.line)
        return Stmt(.classDef(name: name, bases: bases, keywords: keywords, body: body, decoratorList: decorators),
                    rangeThroughBlock(from: start))
    }
}
