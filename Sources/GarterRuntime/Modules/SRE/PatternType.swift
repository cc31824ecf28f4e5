// `re.Pattern`: the searching methods over one compiled program. Each call
// makes a fresh `RegexState` (the engine's working memory) for its subject;
// the engine reads the subject through a raw buffer, so no reference
// counting happens while it runs.

extension Interpreter {
    func srePatternType() -> PyType {
        nativeType("Pattern", module: "re", flags: []) { type in
            func pattern(_ value: Value) -> PyPattern { value.as(PyPattern.self)! }
            var slots = TypeSlots()
            slots.new = { _, _, _ throws(EvalError) in throw .typeError("cannot create 're.Pattern' instances") }
            slots.repr = { thread, value throws(EvalError) in
                thread.interpreter.newString(try thread.srePatternRepr(pattern(value)))
            }
            slots.richCompare = { thread, left, right, operation throws(EvalError) in
                guard operation == .equal || operation == .notEqual,
                      let a = left.as(PyPattern.self), let b = right.as(PyPattern.self) else {
                    return thread.notImplemented()
                }
                let same = try thread.srePatternsEqual(a, b)
                return .bool(operation == .equal ? same : !same)
            }
            slots.hash = { thread, value throws(EvalError) in
                let object = pattern(value)
                var hash = try thread.hash(object.pattern)
                for word in object.program.code { hash = hash &* 1_000_003 ^ Int(word) }
                hash ^= object.flags
                return hash == -1 ? -2 : hash
            }
            type.installSlots(slots, self)

            for (name, mode) in [("match", SRESearchMode.match), ("fullmatch", .fullMatch), ("search", .search)] {
                type.define(name, self) { thread, value, arguments throws(EvalError) in
                    try thread.sreSearch(value, arguments, name, mode)
                }
            }
            type.define("findall", self) { thread, value, arguments throws(EvalError) in
                try thread.sreFindAll(value, arguments)
            }
            type.define("finditer", self) { thread, value, arguments throws(EvalError) in
                let scanner = try thread.sreScanner(value, arguments, "finditer")
                defer { scanner.release() }
                let search = try thread.getAttribute(scanner, "search")
                defer { search.release() }
                let iter = thread.interpreter.builtins.lookup(name: "iter")!
                return try thread.call(iter, [search, .none])
            }
            type.define("scanner", self) { thread, value, arguments throws(EvalError) in
                try thread.sreScanner(value, arguments, "scanner")
            }
            type.define("split", self) { thread, value, arguments throws(EvalError) in
                try thread.sreSplit(value, arguments)
            }
            type.define("sub", self) { thread, value, arguments throws(EvalError) in
                try thread.sreSubstitute(value, arguments, "sub", withCount: false)
            }
            type.define("subn", self) { thread, value, arguments throws(EvalError) in
                try thread.sreSubstitute(value, arguments, "subn", withCount: true)
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
            type.defineAttribute("pattern", self, get: { _, value throws(EvalError) in
                let source = pattern(value).pattern
                source.retain()
                return source
            })
            type.defineAttribute("flags", self, get: { _, value throws(EvalError) in .int(pattern(value).flags) })
            type.defineAttribute("groups", self, get: { _, value throws(EvalError) in .int(pattern(value).groupCount) })
            type.defineAttribute("groupindex", self, get: { thread, value throws(EvalError) in
                try thread.sreGroupIndexView(pattern(value))
            })
            type.defineClassMethod("__class_getitem__", self) { thread, arguments throws(EvalError) in
                try thread.sreClassGetItem(arguments)
            }
        }
    }
}

/// The parameter names of Pattern methods (bound only when keywords come).
enum SREArgumentNames {
    static let subject = ["string", "pos", "endpos"]
    static let split = ["string", "maxsplit"]
    static let substitute = ["repl", "string", "count"]
}

/// What a one-shot Pattern method asks of the engine.
enum SRESearchMode { case match, fullMatch, search }

extension ThreadState {
    /// Pattern.match, fullmatch and search: a Match or None.
    func sreSearch(_ patternValue: Value, _ arguments: Arguments, _ name: String,
                   _ mode: SRESearchMode) throws(EvalError) -> Value {
        let (string, pos, endpos) = try sreSubjectArguments(name, arguments)
        let pattern = patternValue.as(PyPattern.self)!
        let subject = try sreSubject(string, for: pattern)
        let workspace = try sreWorkspace(pattern, subject, pos: pos, endpos: endpos)
        defer { pattern.spareWorkspace = workspace }
        let state = workspace.state
        let found = try sreRun(workspace, subject) { text throws(RegexError) in
            switch mode {
            case .match: return try state.match(text)
            case .fullMatch: return try state.fullMatch(text)
            case .search: return try state.search(text)
            }
        }
        guard found else { return .none }
        return sreNewMatch(patternValue, string, subject, state)
    }

    /// The `(string, pos=0, endpos=sys.maxsize)` arguments, positional
    /// ones read directly (the common case), keywords bound by name.
    func sreSubjectArguments(_ name: String, _ arguments: Arguments) throws(EvalError) -> (Value, Value?, Value?) {
        let count = arguments.positionalCount
        if !arguments.hasKeywords && count >= 1 && count <= 3 {
            return (arguments[0], count > 1 ? arguments[1] : nil, count > 2 ? arguments[2] : nil)
        }
        let bound = try sreBind(name, arguments, SREArgumentNames.subject, required: 1)
        return (bound[0]!, bound[1], bound[2])
    }

    /// A workspace searching `subject` between the `pos` and `endpos` arguments.
    func sreWorkspace(_ pattern: PyPattern, _ subject: SRESubject, pos: Value?, endpos: Value?) throws(EvalError) -> SREWorkspace {
        var start = 0
        var end = Int.max
        if let pos { start = try sreSize(pos) }
        if let endpos { end = try sreSize(endpos) }
        return sreWorkspace(pattern, length: subject.count, pos: start, endpos: end)
    }

    /// A Py_ssize_t argument.
    func sreSize(_ value: Value) throws(EvalError) -> Int {
        if case .int(let number) = value { return number }
        do throws(EvalError) {
            return try indexInt(value)
        } catch {
            if isInstance(error, of: "IndexError") {
                error.discard()
                throw .overflowError("Python int too large to convert to C ssize_t")
            }
            throw error
        }
    }

    /// A Match object for the last successful match of `state`.
    func sreNewMatch(_ patternValue: Value, _ string: Value, _ subject: SRESubject, _ state: RegexState) -> Value {
        let match = PyMatch(pattern: patternValue, string: string, subject: subject, spans: state.spans(),
                            pos: state.pos, endpos: state.endpos, type: interpreter.sreMatchType())
        return .object(ObjectRef.allocate(match))
    }

    /// Pattern.findall: strings, or tuples of group strings.
    func sreFindAll(_ patternValue: Value, _ arguments: Arguments) throws(EvalError) -> Value {
        let (string, pos, endpos) = try sreSubjectArguments("findall", arguments)
        let pattern = patternValue.as(PyPattern.self)!
        let subject = try sreSubject(string, for: pattern)
        let workspace = try sreWorkspace(pattern, subject, pos: pos, endpos: endpos)
        defer { pattern.spareWorkspace = workspace }
        let state = workspace.state
        let found = try sreRun(workspace, subject) { text throws(RegexError) in try state.findAllSpans(text) }
        let items = found.map { spans -> Value in
            if spans.count == 1 { return subject.slice(spans[0], interpreter) }
            return interpreter.newTuple(spans.map { subject.slice($0, interpreter) })
        }
        return interpreter.newList(items)
    }

    /// Pattern.split: the pieces between matches and the groups of each.
    func sreSplit(_ patternValue: Value, _ arguments: Arguments) throws(EvalError) -> Value {
        let bound = try sreBind("split", arguments, SREArgumentNames.split, required: 1)
        let pattern = patternValue.as(PyPattern.self)!
        let subject = try sreSubject(bound[0]!, for: pattern)
        let maxSplit = try bound[1].map { value throws(EvalError) in try sreSize(value) } ?? 0
        if maxSplit < 0 { return interpreter.newList([subject.slice(0..<subject.count, interpreter)]) }
        let workspace = sreWorkspace(pattern, length: subject.count)
        defer { pattern.spareWorkspace = workspace }
        let state = workspace.state
        let pieces = try sreRun(workspace, subject) { text throws(RegexError) in
            try state.splitPieces(text, maxSplit: maxSplit)
        }
        let items = pieces.map { piece -> Value in
            switch piece {
            case .text(let range): return subject.slice(range, interpreter)
            case .group(let range): return range.map { subject.slice($0, interpreter) } ?? .none
            }
        }
        return interpreter.newList(items)
    }

    /// Pattern.scanner (and the scanner behind finditer).
    func sreScanner(_ patternValue: Value, _ arguments: Arguments, _ name: String) throws(EvalError) -> Value {
        let (string, pos, endpos) = try sreSubjectArguments(name, arguments)
        let pattern = patternValue.as(PyPattern.self)!
        let subject = try sreSubject(string, for: pattern)
        // A scanner keeps its state between steps: never the pattern's spare.
        var start = 0
        var end = Int.max
        if let pos { start = try sreSize(pos) }
        if let endpos { end = try sreSize(endpos) }
        let workspace = SREWorkspace(RegexState(program: pattern.program, subjectLength: subject.count, pos: start,
                                                endpos: end), thread: self)
        let scanner = PyScanner(pattern: patternValue, string: string, subject: subject, workspace: workspace,
                                type: interpreter.sreScannerType())
        return .object(ObjectRef.allocate(scanner))
    }

    /// `Pattern.__eq__`: same flags, kind, code and source pattern.
    func srePatternsEqual(_ a: PyPattern, _ b: PyPattern) throws(EvalError) -> Bool {
        if a === b { return true }
        guard a.flags == b.flags, a.kind == b.kind, a.program.code == b.program.code else { return false }
        return try equal(a.pattern, b.pattern)
    }

    /// `Pattern.__repr__`: `re.compile(<pattern repr, at most 200
    /// characters>, <flag names>)`, leaving out re.UNICODE where a str
    /// pattern has it implicitly.
    func srePatternRepr(_ pattern: PyPattern) throws(EvalError) -> String {
        var flags = pattern.flags
        let localeUnicodeASCII = SREFlag.locale | SREFlag.unicode | SREFlag.ascii
        if pattern.kind != .bytes && flags & localeUnicodeASCII == SREFlag.unicode { flags &= ~SREFlag.unicode }
        var source = try reprText(pattern.pattern)
        if source.unicodeScalars.count > 200 {
            source = String(String.UnicodeScalarView(source.unicodeScalars.prefix(200)))
        }
        var names: [String] = []
        for (name, bit) in SREFlag.names where flags & bit != 0 {
            names.append(name)
            flags &= ~bit
        }
        if flags != 0 { names.append("0x" + String(flags, radix: 16)) }
        return names.isEmpty ? "re.compile(\(source))" : "re.compile(\(source), \(names.joined(separator: "|")))"
    }

    /// `Pattern.groupindex`: a read-only view of the name → number dict
    /// (a `mappingproxy` where the runtime has that type, else a copy).
    func sreGroupIndexView(_ pattern: PyPattern) throws(EvalError) -> Value {
        let proxyType = try typeOfTypeDict()
        if let proxyType { return try call(proxyType, [pattern.groupIndex]) }
        let copy = interpreter.newDict()
        let value = Value.object(ObjectRef(Unmanaged.passUnretained(copy)))
        for (key, item) in pattern.groupIndex.as(PyDict.self)!.pairs {
            try setItem(value, key, item)
        }
        return value
    }

    /// `type(type.__dict__)` when it is a proxy type (CPython's
    /// `types.MappingProxyType`), nil when it is a plain dict.
    private func typeOfTypeDict() throws(EvalError) -> Value? {
        let typeValue = interpreter.types.type.value
        let dict = try getAttribute(typeValue, "__dict__")
        defer { dict.release() }
        let proxy = typeOf(dict)
        guard proxy.name == "mappingproxy" else { return nil }
        return proxy.value
    }

    /// `__class_getitem__` of Pattern and Match: `types.GenericAlias(cls, item)`.
    func sreClassGetItem(_ arguments: Arguments) throws(EvalError) -> Value {
        guard arguments.positionalCount == 2 else {
            throw .typeError("__class_getitem__ expected 1 argument, got \(arguments.positionalCount - 1)")
        }
        // `list[int]` is a GenericAlias wherever the runtime has one: its
        // type is the one to call.
        let list = interpreter.types.list.value
        let sample = try getItem(list, .int(0))
        defer { sample.release() }
        let aliasType = typeOf(sample)
        return try call(aliasType.value, [arguments[0], arguments[1]])
    }
}

/// The flag bits of `re` (`re/_constants.py`), in the order CPython's
/// Pattern repr names them.
enum SREFlag {
    static let template = 1
    static let ignoreCase = 2
    static let locale = 4
    static let multiline = 8
    static let dotAll = 16
    static let unicode = 32
    static let verbose = 64
    static let debug = 128
    static let ascii = 256

    static let names: [(String, Int)] = [
        ("re.TEMPLATE", template), ("re.IGNORECASE", ignoreCase), ("re.LOCALE", locale),
        ("re.MULTILINE", multiline), ("re.DOTALL", dotAll), ("re.UNICODE", unicode),
        ("re.VERBOSE", verbose), ("re.DEBUG", debug), ("re.ASCII", ascii),
    ]
}
