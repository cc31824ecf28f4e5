// `re.Match`: the spans of one match, read back as slices of the subject.

extension Interpreter {
    func sreMatchType() -> PyType {
        nativeType("Match", module: "re", flags: []) { type in
            func match(_ value: Value) -> PyMatch { value.as(PyMatch.self)! }
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create 're.Match' instances") }
            slots.repr = { thread, value throws(EvalError) in
                let object = match(value)
                let whole = object.subject.slice(object.spans.span(0)!, thread.interpreter)
                defer { whole.release() }
                var text = try thread.reprText(whole)
                if text.unicodeScalars.count > 50 {
                    text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(50)))
                }
                let span = object.spans.span(0)!
                return thread.interpreter.newString(
                    "<re.Match object; span=(\(span.lowerBound), \(span.upperBound)), match=\(text)>")
            }
            slots.getItem = { thread, value, key throws(EvalError) in
                let object = match(value)
                return try thread.sreGroup(object, try thread.sreGroupIndex(object, key), default: .none)
            }
            type.installSlots(slots, self)

            type.define("group", self) { thread, value, arguments throws(EvalError) in
                try arguments.rejectKeywords("group")
                let object = match(value)
                switch arguments.positionalCount {
                case 0: return try thread.sreGroup(object, 0, default: .none)
                case 1: return try thread.sreGroup(object, try thread.sreGroupIndex(object, arguments[0]), default: .none)
                default:
                    var items: [Value] = []
                    for position in 0..<arguments.positionalCount {
                        do throws(EvalError) {
                            let index = try thread.sreGroupIndex(object, arguments[position])
                            items.append(try thread.sreGroup(object, index, default: .none))
                        } catch {
                            for item in items { item.release() }
                            throw error
                        }
                    }
                    return thread.interpreter.newTuple(items)
                }
            }
            type.define("groups", self) { thread, value, arguments throws(EvalError) in
                let bound = try thread.sreBind("groups", arguments, ["default"], required: 0)
                let object = match(value)
                let groupCount = object.spans.groupCount
                guard groupCount > 0 else { return thread.interpreter.newTuple([]) }
                var items: [Value] = []
                for group in 1...groupCount {
                    items.append(try thread.sreGroup(object, group, default: bound[0] ?? .none))
                }
                return thread.interpreter.newTuple(items)
            }
            type.define("groupdict", self) { thread, value, arguments throws(EvalError) in
                let bound = try thread.sreBind("groupdict", arguments, ["default"], required: 0)
                let object = match(value)
                let result = thread.interpreter.newDict()
                let resultValue = Value.object(ObjectRef(Unmanaged.passUnretained(result)))
                do throws(EvalError) {
                    for (name, number) in object.patternObject.groupIndex.as(PyDict.self)!.pairs {
                        let index = try thread.sreGroupIndex(object, number)
                        let item = try thread.sreGroup(object, index, default: bound[0] ?? .none)
                        defer { item.release() }
                        try thread.setItem(resultValue, name, item)
                    }
                } catch {
                    resultValue.release()
                    throw error
                }
                return resultValue
            }
            for (name, part) in [("start", 0), ("end", 1), ("span", 2)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try arguments.rejectKeywords(name)
                    guard arguments.positionalCount <= 1 else {
                        throw .typeError("\(name) expected at most 1 argument, got \(arguments.positionalCount)")
                    }
                    let object = match(value)
                    let group = arguments.positionalCount == 1 ? try thread.sreGroupIndex(object, arguments[0]) : 0
                    let span = object.spans.span(group)
                    let start = span?.lowerBound ?? -1
                    let end = span?.upperBound ?? -1
                    switch part {
                    case 0: return .int(start)
                    case 1: return .int(end)
                    default: return thread.interpreter.newTuple([.int(start), .int(end)])
                    }
                }
            }
            type.define("expand", self) { thread, value, arguments throws(EvalError) in
                let bound = try thread.sreBind("expand", arguments, ["template"], required: 1)
                let module = try thread.importModule("re", globals: nil, fromList: .none, level: 0)
                defer { module.release() }
                return try thread.callMethod(module, thread.interpreter.internedString("_expand"),
                                             [match(value).pattern, value, bound[0]!])
            }
            type.define("__copy__", self) { _, value, arguments throws(EvalError) in
                try arguments.expect("__copy__", 0...0)
                value.retain()
                return value
            }
            type.define("__deepcopy__", self) { _, value, arguments throws(EvalError) in
                try arguments.expect("__deepcopy__", 1...1)
                value.retain()
                return value
            }
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.sreClassGetItem(arguments)
            }
            type.defineAttribute("string", self, get: { _, value throws(EvalError) in
                let string = match(value).string
                string.retain()
                return string
            })
            type.defineAttribute("re", self, get: { _, value throws(EvalError) in
                let pattern = match(value).pattern
                pattern.retain()
                return pattern
            })
            type.defineAttribute("pos", self, get: { _, value throws(EvalError) in .int(match(value).pos) })
            type.defineAttribute("endpos", self, get: { _, value throws(EvalError) in .int(match(value).endpos) })
            type.defineAttribute("lastindex", self, get: { _, value throws(EvalError) in
                let last = match(value).spans.lastIndex
                return last >= 0 ? .int(last) : .none
            })
            type.defineAttribute("lastgroup", self, get: { _, value throws(EvalError) in
                let object = match(value)
                let last = object.spans.lastIndex
                guard last >= 0, let names = object.patternObject.indexGroup.as(PyTuple.self),
                      last < names.items.count else { return .none }
                let name = names.items[last]
                name.retain()
                return name
            })
            type.defineAttribute("regs", self, get: { thread, value throws(EvalError) in
                let spans = match(value).spans
                let items = (0...spans.groupCount).map { group -> Value in
                    let span = spans.span(group)
                    return thread.interpreter.newTuple([.int(span?.lowerBound ?? -1), .int(span?.upperBound ?? -1)])
                }
                return thread.interpreter.newTuple(items)
            })
        }
    }
}

extension ThreadState {
    /// A group argument as a group number: an int, or a name of the
    /// pattern's groupindex; IndexError("no such group") otherwise.
    func sreGroupIndex(_ match: PyMatch, _ key: Value) throws(EvalError) -> Int {
        var index = -1
        if Arithmetic.pyInteger(key) != nil || typeOf(key).slots.index != nil {
            let integer = try integerArgument(key)
            if case .small(let number) = integer { index = number }
        } else if let names = match.patternObject.groupIndex.as(PyDict.self) {
            let keyHash = try hash(key)
            if let number = try names.lookup(key, hash: keyHash, self), case .int(let value) = number {
                index = value
            }
        }
        guard index >= 0 && index <= match.spans.groupCount else { throw .indexError("no such group") }
        return index
    }

    /// Group `index` as a str or bytes slice, or `default` (retained) when
    /// the group did not take part.
    func sreGroup(_ match: PyMatch, _ index: Int, default: Value) throws(EvalError) -> Value {
        guard let span = match.spans.span(index) else {
            `default`.retain()
            return `default`
        }
        return match.subject.slice(span, interpreter)
    }
}
