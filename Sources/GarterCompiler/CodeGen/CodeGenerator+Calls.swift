import GarterSyntax

extension CodeGenerator {
    func compileCall(_ expression: Expr, function: Expr, args: [Expr], keywords: [Keyword]) throws(CompileError) {
        if try compileMethodCall(expression, function: function, args: args, keywords: keywords) { return }
        let saved = unit.location
        setLocation(function.range)
        emit(.pushNull)
        unit.location = saved
        try visit(function)
        try callHelper(pushed: 0, args: args, keywords: keywords)
    }

    /// `obj.name(args)` as `LOAD_METHOD` + `CALL` when the arguments are
    /// simple enough (CPython's maybe_optimize_method_call). Returns false
    /// when the call must take the general path.
    private func compileMethodCall(_ expression: Expr, function: Expr, args: [Expr],
                                   keywords: [Keyword]) throws(CompileError) -> Bool {
        guard case .attribute(let object, let attr, .load) = function.kind else { return false }
        // A method of an imported module is called as an attribute (CPython's is_import_originated).
        if case .name(let id, _) = object.kind, table.top.symbol(named: id)?.isImported == true { return false }
        if args.count + keywords.count + (keywords.isEmpty ? 0 : 1) >= Self.stackUseGuideline { return false }
        for argument in args { if case .starred = argument.kind { return false } }
        for keyword in keywords where keyword.arg == nil { return false }
        try visit(object)
        let saved = unit.location
        let location = callLocation(expression, function: function, attr: attr)
        unit.location = location
        emit(.loadMethod, attributeNameIndex(attr))
        for argument in args { try visit(argument) }
        if !keywords.isEmpty {
            try validateKeywords(keywords)
            for keyword in keywords { try visit(keyword.value) }
            emitKeywordNames(keywords)
        }
        unit.location = location
        emit(.call, args.count + keywords.count)
        unit.location = saved
        return true
    }

    /// The position of the CALL of a method call: the call's, starting at
    /// the attribute name when that is on a later line than the call's start.
    private func callLocation(_ expression: Expr, function: Expr, attr: String) -> SourceRange {
        var location = expression.range
        if location.lineno != function.range.endLineno {
            location.lineno = function.range.endLineno
            let length = Int32(attr.utf8.count)
            location.colOffset = length <= function.range.endColOffset ? function.range.endColOffset - length : -1
            location.endLineno = max(location.lineno, location.endLineno)
            if location.lineno == location.endLineno {
                location.endColOffset = max(location.colOffset, location.endColOffset)
            }
        }
        return location
    }

    private func emitKeywordNames(_ keywords: [Keyword]) {
        let names = keywords.map { CodeConstant.literal(.str(PyString($0.arg!))) }
        emit(.kwNames, unit.constantIndex(.tuple(names)))
    }

    func validateKeywords(_ keywords: [Keyword]) throws(CompileError) {
        for (index, keyword) in keywords.enumerated() {
            guard let name = keyword.arg else { continue }
            if name == "__debug__" { throw syntaxError("cannot assign to __debug__") }
            for other in keywords[(index + 1)...] where other.arg == name {
                throw syntaxError("keyword argument repeated: \(name)", at: other.range)
            }
        }
    }

    /// The arguments and the call, after the callable (and `pushed` extra
    /// positional arguments) are on the stack (CPython's compiler_call_helper).
    func callHelper(pushed: Int, args: [Expr], keywords: [Keyword]) throws(CompileError) {
        try validateKeywords(keywords)
        var simple = args.count + keywords.count * 2 <= Self.stackUseGuideline
        if simple {
            for argument in args { if case .starred = argument.kind { simple = false } }
            for keyword in keywords where keyword.arg == nil { simple = false }
        }
        if simple {
            for argument in args { try visit(argument) }
            if !keywords.isEmpty {
                for keyword in keywords { try visit(keyword.value) }
                emitKeywordNames(keywords)
            }
            emit(.call, pushed + args.count + keywords.count)
            return
        }
        if pushed == 0 && args.count == 1, case .starred(let value, _) = args[0].kind {
            try visit(value)
        } else {
            try starUnpack(args, pushed: pushed, build: .buildList, add: .listAppend, extend: .listExtend, tuple: true)
        }
        if !keywords.isEmpty {
            var haveDict = false
            var seen = 0
            for (index, keyword) in keywords.enumerated() {
                if keyword.arg == nil {
                    if seen > 0 {
                        try subkeywords(keywords, begin: index - seen, end: index)
                        if haveDict { emit(.dictMerge, 1) }
                        haveDict = true
                        seen = 0
                    }
                    if !haveDict {
                        emit(.buildMap, 0)
                        haveDict = true
                    }
                    try visit(keyword.value)
                    emit(.dictMerge, 1)
                } else {
                    seen += 1
                }
            }
            if seen > 0 {
                try subkeywords(keywords, begin: keywords.count - seen, end: keywords.count)
                if haveDict { emit(.dictMerge, 1) }
            }
        }
        emit(.callFunctionEx, keywords.isEmpty ? 0 : 1)
    }

    private func subkeywords(_ keywords: [Keyword], begin: Int, end: Int) throws(CompileError) {
        let count = end - begin
        let big = count * 2 > Self.stackUseGuideline
        if count > 1 && !big {
            for keyword in keywords[begin..<end] { try visit(keyword.value) }
            loadConstant(.tuple(keywords[begin..<end].map { .literal(.str(PyString($0.arg!))) }))
            emit(.buildConstKeyMap, count)
            return
        }
        if big { emitNoLocation(.buildMap, 0) }
        for keyword in keywords[begin..<end] {
            loadConstant(.str(PyString(keyword.arg!)))
            try visit(keyword.value)
            if big { emitNoLocation(.mapAdd, 1) }
        }
        if !big { emit(.buildMap, count) }
    }
}
