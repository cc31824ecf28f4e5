// The `_sre` module of CPython 3.11: the entry point through which
// `re/_compiler.py` hands its code lists to Garter's engine (`Regex/`), and
// the character functions the compiler calls while it builds them.

extension Interpreter {
    func makeSREModule() throws(EvalError) -> Value {
        try makeNativeModule("_sre") { module, define throws(EvalError) in
            setItem(module.dict, "MAGIC", .int(RegexConstants.magic))
            setItem(module.dict, "CODESIZE", .int(RegexConstants.codeSize))
            setItem(module.dict, "MAXREPEAT", .int(Int(RegexConstants.maxRepeat)))
            setItem(module.dict, "MAXGROUPS", .int(RegexConstants.maxGroups))
            setItem(module.dict, "copyright", newString(SREModule.copyright))
            define("getcodesize") { _, arguments throws(EvalError) in
                try arguments.expect("getcodesize", 0...0)
                return .int(RegexConstants.codeSize)
            }
            define("ascii_iscased") { thread, arguments throws(EvalError) in
                .bool(RegexCharacterRules.asciiIsCased(try thread.sreCharacter(arguments, "ascii_iscased")))
            }
            define("unicode_iscased") { thread, arguments throws(EvalError) in
                .bool(RegexCharacterRules.unicodeIsCased(try thread.sreCharacter(arguments, "unicode_iscased")))
            }
            define("ascii_tolower") { thread, arguments throws(EvalError) in
                .int(Int(RegexCharacterRules.asciiToLower(try thread.sreCharacter(arguments, "ascii_tolower"))))
            }
            define("unicode_tolower") { thread, arguments throws(EvalError) in
                .int(Int(RegexCharacterRules.unicodeToLower(try thread.sreCharacter(arguments, "unicode_tolower"))))
            }
            define("compile") { thread, arguments throws(EvalError) in
                try thread.sreCompile(arguments)
            }
        }
    }
}

enum SREModule {
    static let copyright = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "
}

extension ThreadState {
    /// The `character` argument of the case functions: an int, taken as a
    /// C int whose code point the engine compares (out-of-range values
    /// never match a character, as in CPython, which truncates them).
    fileprivate func sreCharacter(_ arguments: Arguments, _ function: String) throws(EvalError) -> UInt32 {
        try arguments.expect(function, 1...1)
        let value = arguments[0]
        guard let integer = Arithmetic.pyInteger(value) else { throw .typeError("an integer is required") }
        guard case .small(let number) = integer else {
            throw .overflowError("Python int too large to convert to C long")
        }
        return UInt32(truncatingIfNeeded: number)
    }

    /// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
    fileprivate func sreCompile(_ arguments: Arguments) throws(EvalError) -> Value {
        let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"]
        let bound = try sreBind("compile", arguments, names, required: 6)
        let source = bound[0]!
        let flags = try indexInt(bound[1]!)
        guard let codeList = bound[2]!.as(PyList.self) else {
            throw .typeError("compile() argument 'code' must be list, not \(typeOf(bound[2]!).name)")
        }
        let groups = try indexInt(bound[3]!)
        guard bound[4]!.as(PyDict.self) != nil else {
            throw .typeError("compile() argument 'groupindex' must be dict, not \(typeOf(bound[4]!).name)")
        }
        guard bound[5]!.as(PyTuple.self) != nil else {
            throw .typeError("compile() argument 'indexgroup' must be tuple, not \(typeOf(bound[5]!).name)")
        }
        var code: [UInt32] = []
        code.reserveCapacity(codeList.items.count)
        for item in codeList.items {
            guard let integer = Arithmetic.pyInteger(item) else {
                throw .typeError("an integer is required")
            }
            guard case .small(let word) = integer, word >= 0, word <= Int(UInt32.max) else {
                throw .overflowError("regular expression code size limit exceeded")
            }
            code.append(UInt32(word))
        }
        let kind: PyPattern.Kind
        if source.isNone {
            kind = .any
        } else {
            kind = try sreSubject(source).isBytes ? .bytes : .text
        }
        let program: RegexProgram
        do throws(RegexError) {
            program = try RegexProgram(code: code, groupCount: groups)
        } catch {
            throw error.evalError
        }
        source.retain()
        bound[4]!.retain()
        bound[5]!.retain()
        let pattern = PyPattern(program: program, kind: kind, flags: flags, pattern: source, groupIndex: bound[4]!,
                                indexGroup: bound[5]!, type: interpreter.srePatternType())
        return .object(ObjectRef.allocate(pattern))
    }

    /// Binds arguments as CPython's Argument Clinic does for `_sre`'s
    /// functions and methods, with its message for an unknown keyword.
    func sreBind(_ function: String, _ arguments: Arguments, _ names: [String], required: Int) throws(EvalError) -> [Value?] {
        for keyword in 0..<arguments.keywordCount where !names.contains(arguments.keywordName(keyword)) {
            throw .typeError("'\(arguments.keywordName(keyword))' is an invalid keyword argument for \(function)()")
        }
        return try arguments.bind(function, names, required: required)
    }
}
