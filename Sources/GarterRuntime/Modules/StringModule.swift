// The `_string` module: the format-string parser of `str.format`
// (Text/FormatString.swift) exposed for `string.Formatter`.
//
// CPython parses lazily, so an error late in a format string is raised only
// when iteration reaches it; here the pieces before the error are parsed
// up front and the error is kept for the step that reaches it, which gives
// the same results and exceptions in the same order.

extension Interpreter {
    func makeStringModule() throws(EvalError) -> Value {
        try makeNativeModule("_string", doc: "string helper module") { _, define throws(EvalError) in
            define("formatter_parser") { thread, arguments throws(EvalError) in
                try arguments.expect("formatter_parser", 1...1)
                guard let text = arguments[0].strObject else {
                    throw .typeError("expected str, got \(thread.typeOf(arguments[0]).name)")
                }
                return thread.interpreter.formatterParser(text.codePoints)
            }
            define("formatter_field_name_split") { thread, arguments throws(EvalError) in
                try arguments.expect("formatter_field_name_split", 1...1)
                guard let text = arguments[0].strObject else {
                    throw .typeError("expected str, got \(thread.typeOf(arguments[0]).name)")
                }
                return try thread.interpreter.formatterFieldNameSplit(text.codePoints)
            }
        }
    }

    /// The iterator of `(literal, field_name, format_spec, conversion)` tuples.
    private func formatterParser(_ points: [UInt32]) -> Value {
        var tuples: [Value] = []
        var failure: TextError?
        points.withUnsafeBufferPointer { text in
            var parser = FormatStringParser(text)
            do throws(TextError) {
                while let piece = try parser.next() {
                    let literal = newString(codePoints: Array(text[piece.literal]))
                    guard let field = piece.field else {
                        tuples.append(newTuple([literal, .none, .none, .none]))
                        continue
                    }
                    let conversion = field.conversion.map { newString(codePoints: [$0]) } ?? .none
                    tuples.append(newTuple([literal, newString(codePoints: Array(text[field.name])),
                                            newString(codePoints: Array(text[field.spec])), conversion]))
                }
            } catch {
                failure = error
            }
        }
        return pendingIterator("formatteriterator", tuples, failure)
    }

    /// `(first, rest)`: the first part of a field name (an int when it is
    /// decimal digits) and an iterator of `(is_attribute, key)` pairs.
    private func formatterFieldNameSplit(_ points: [UInt32]) throws(EvalError) -> Value {
        var pairs: [Value] = []
        var failure: TextError?
        let first: Value = try points.withUnsafeBufferPointer { text throws(EvalError) in
            var numbering: FieldNumbering? = nil
            let head: FieldNameHead
            var rest: FieldAccessorIterator
            do throws(TextError) {
                (head, rest) = try FieldName.split(text, 0..<text.count, numbering: &numbering)
            } catch {
                throw error.evalError
            }
            do throws(TextError) {
                while let accessor = try rest.next(in: text) {
                    switch accessor {
                    case .attribute(let name): pairs.append(newTuple([.bool(true), newString(codePoints: Array(text[name]))]))
                    case .index(let index): pairs.append(newTuple([.bool(false), .int(index)]))
                    case .key(let key): pairs.append(newTuple([.bool(false), newString(codePoints: Array(text[key]))]))
                    }
                }
            } catch {
                failure = error
            }
            switch head {
            case .index(let index): return .int(index)
            case .keyword(let name): return newString(codePoints: Array(text[name]))
            }
        }
        return newTuple([first, pendingIterator("fieldnameiterator", pairs, failure)])
    }

    /// An iterator over `items` (taking over their references) that raises
    /// `failure`, if any, after the last one.
    private func pendingIterator(_ name: String, _ items: [Value], _ failure: TextError?) -> Value {
        let type = moduleIteratorType(name, module: "_string", new: { _, type, _ throws(EvalError) in
            throw .typeError("cannot create '\(type.name)' instances")
        })
        let iterator = PyModuleIterator(type: type, lists: [items], numbers: [0]) { _, iterator throws(EvalError) in
            let position = iterator.numbers[0]
            if position < iterator.lists[0].count {
                iterator.numbers[0] = position + 1
                let item = iterator.lists[0][position]
                item.retain()
                return item
            }
            iterator.finish()
            if let failure { throw failure.evalError }
            return nil
        }
        return .object(ObjectRef.allocate(iterator))
    }
}
