import GarterSyntax

// The walk over expressions.
extension SymbolTableBuilder {
    mutating func visit(_ expressions: [Expr]) throws(SyntaxError) {
        for expression in expressions { try visit(expression) }
    }

    mutating func visit(_ expression: Expr) throws(SyntaxError) {
        switch expression.kind {
        case .name(let id, let ctx):
            try addDefinition(id, ctx == .load ? .used : .assigned, at: expression.range)
            // `super()` with no arguments reads the `__class__` cell, so a
            // function that names `super` uses `__class__`.
            if ctx == .load && id.utf8.count == 5 && id == "super" && scopes[currentID].kind == .function {
                try addDefinition("__class__", .used, at: expression.range)
            }
        case .namedExpr(let target, let value):
            try refuseInAnnotation("named expression", expression)
            try visitNamedExpression(expression, target: target, value: value)
        case .boolOp(_, let values):
            try visit(values)
        case .binOp(let left, _, let right):
            try visit(left)
            try visit(right)
        case .unaryOp(_, let operand):
            try visit(operand)
        case .lambda(let args, let body):
            try visitDefaults(args)
            openScope(.function, name: "lambda", range: expression.range)
            try visitParameters(args)
            try visit(body)
            closeScope()
        case .ifExp(let test, let body, let orelse):
            try visit(test)
            try visit(body)
            try visit(orelse)
        case .dict(let keys, let values):
            for key in keys {
                if let key { try visit(key) }
            }
            try visit(values)
        case .set(let elements):
            try visit(elements)
        case .listComp(let element, let generators):
            try visitComprehension(expression, .list, generators: generators, element: element)
        case .setComp(let element, let generators):
            try visitComprehension(expression, .set, generators: generators, element: element)
        case .dictComp(let key, let value, let generators):
            try visitComprehension(expression, .dict, generators: generators, element: key, value: value)
        case .generatorExp(let element, let generators):
            try visitComprehension(expression, .generator, generators: generators, element: element)
        case .yield(let value):
            try refuseInAnnotation("yield expression", expression)
            if let value { try visit(value) }
            try markGenerator(expression)
        case .yieldFrom(let value):
            try refuseInAnnotation("yield expression", expression)
            try visit(value)
            try markGenerator(expression)
        case .await(let value):
            try refuseInAnnotation("await expression", expression)
            try visit(value)
            scopes[currentID].isCoroutine = true
        case .compare(let left, _, let comparators):
            try visit(left)
            try visit(comparators)
        case .call(let function, let args, let keywords):
            try visit(function)
            try visit(args)
            for keyword in keywords { try visit(keyword.value) }
        case .formattedValue(let value, _, let formatSpec):
            try visit(value)
            if let formatSpec { try visit(formatSpec) }
        case .joinedStr(let values):
            try visit(values)
        case .constant:
            break
        case .attribute(let value, _, _):
            try visit(value)
        case .subscript(let value, let slice, _):
            try visit(value)
            try visit(slice)
        case .starred(let value, _):
            try visit(value)
        case .slice(let lower, let upper, let step):
            if let lower { try visit(lower) }
            if let upper { try visit(upper) }
            if let step { try visit(step) }
        case .list(let elements, _), .tuple(let elements, _):
            try visit(elements)
        }
    }

    /// `yield` makes the current scope a generator; a comprehension cannot be one.
    private mutating func markGenerator(_ expression: Expr) throws(SyntaxError) {
        scopes[currentID].isGenerator = true
        if let comprehension = scopes[currentID].comprehension {
            throw error(SymbolTableError.yieldInComprehension(comprehension), at: expression.range)
        }
    }

    /// Under `from __future__ import annotations` an annotation is never
    /// evaluated, so expressions with effects are refused there.
    private func refuseInAnnotation(_ what: String, _ expression: Expr) throws(SyntaxError) {
        if scopes[currentID].kind == .annotation {
            throw error(SymbolTableError.notInAnnotation(what), at: expression.range)
        }
    }
}
