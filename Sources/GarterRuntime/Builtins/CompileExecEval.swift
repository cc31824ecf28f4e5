import GarterCompiler
import GarterSyntax

// `compile`, `exec` and `eval`: source text through the front end and the
// compiler, then run with the globals and locals given (or the caller's).

extension ThreadState {
    /// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
    func compileBuiltin(_ arguments: Arguments) throws(EvalError) -> Value {
        let bound = try arguments.bind("compile", ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
                                       required: 3)
        guard let mode = bound[2]!.stringValue else {
            throw .typeError("compile() argument 'mode' must be str, not \(typeOf(bound[2]!).name)")
        }
        let filename = try strText(bound[1]!)
        if let flags = bound[3], case .int(let number) = flags, number & 0x400 != 0 {
            return try compileToASTObject(bound[0]!, filename: filename, mode: mode)
        }
        let optimize = try bound[5].map { (value) throws(EvalError) in try indexInt(value) } ?? -1
        if let code = try compileASTObjectSource(bound[0]!, filename: filename, mode: mode, optimize: max(optimize, 0)) {
            return code
        }
        let code = try compileText(bound[0]!, filename: filename, mode: mode, optimize: max(optimize, 0), function: "compile")
        return .object(ObjectRef(Unmanaged.passUnretained(code)))
    }

    /// Source (str or bytes) compiled in `mode` ("exec", "eval" or "single"): a new reference.
    func compileText(_ source: Value, filename: String, mode: String, optimize: Int, function: String) throws(EvalError) -> LoadedCode {
        let bytes: [UInt8]
        let isText = true
        if let text = source.as(PyStr.self) {
            guard let utf8 = text.utf8 else { throw .pythonException("UnicodeEncodeError", "surrogates not allowed") }
            bytes = utf8
        } else {
            throw .typeError("\(function)() arg 1 must be a string, bytes or AST object")
        }
        if bytes.contains(0) { throw .pythonException("SyntaxError", "source code string cannot contain null bytes") }
        let options: CompileOptions
        switch mode {
        case "exec": options = CompileOptions(mode: .exec, optimize: optimize)
        case "eval": options = CompileOptions(mode: .eval, optimize: optimize)
        case "single": options = CompileOptions(mode: .single, optimize: optimize)
        default: throw .valueError("compile() mode must be 'exec', 'eval' or 'single'")
        }
        let codeObject: CodeObject
        do {
            let buffer = isText ? SourceBuffer(utf8: bytes, filename: filename) : try SourceBuffer(fileBytes: bytes, filename: filename)
            let module: Module
            switch options.mode {
            case .exec: module = try Parser.parseModule(buffer, from: .string)
            case .eval: module = try Parser.parseExpression(buffer)
            case .single: module = try Parser.parseInteractive(buffer)
            }
            codeObject = try CodeGenerator.compile(module, source: buffer, options: options)
        } catch let error as SyntaxError {
            throw .exception(makeSyntaxError(error))
        } catch CompileError.syntax(let error) {
            throw .exception(makeSyntaxError(error))
        } catch CompileError.unsupported(let what, _) {
            throw .unsupported(what)
        } catch {
            throw .unsupported("\(error)")
        }
        let loaded = try LoadedCode(codeObject, interpreter: interpreter)
        _ = ObjectRef.allocate(loaded)
        return loaded
    }

    /// `exec(source, globals=None, locals=None)` and `eval(...)`.
    func execOrEval(_ arguments: Arguments, mode: String) throws(EvalError) -> Value {
        let name = mode == "exec" ? "exec" : "eval"
        if mode == "eval" && arguments.hasKeywords { throw .typeError("eval() takes no keyword arguments") }
        let bound = try arguments.bind(name, ["source", "globals", "locals", "closure"], required: 1,
                                       positionalOnly: 3, keywordOnlyFrom: 3)
        var globals: PyDict
        var locals: Value?
        /// A snapshot of a function's locals made here, released at the end.
        var snapshot: Value?
        defer { snapshot?.release() }
        if let given = bound[1], !given.isNone {
            guard let dict = given.as(PyDict.self) else {
                throw .typeError(mode == "exec" ? "exec() globals must be a dict, not \(typeOf(given).name)"
                                                : "globals must be a dict")
            }
            globals = dict
            locals = bound[2].flatMap { $0.isNone ? nil : $0 } ?? given
        } else {
            guard let frame = currentFrame else { throw .runtimeError("\(name)(): no current frame") }
            globals = frame.pointee.globals.takeUnretainedValue()
            if let given = bound[2], !given.isNone {
                locals = given
            } else {
                snapshot = try currentLocals()
                locals = snapshot
            }
        }
        if let locals, !locals.isNone, locals.as(PyDict.self) == nil, typeOf(locals).slots.getItem == nil {
            throw .typeError("locals must be a mapping")
        }
        if globals.lookup(string: interpreter.names.__builtins__) == nil {
            interpreter.builtins.incref()
            interpreter.setItem(globals, "__builtins__", .object(ObjectRef(Unmanaged.passUnretained(interpreter.builtins))))
        }
        let source = bound[0]!
        let code: LoadedCode
        if let given = source.as(LoadedCode.self) {
            given.incref()
            code = given
        } else {
            var text = source
            if let string = source.as(PyStr.self) {
                // eval() ignores leading spaces and tabs, as CPython's does.
                var points = string.codePoints[...]
                if mode == "eval" { while let first = points.first, first == 32 || first == 9 { points = points.dropFirst() } }
                text = interpreter.newString(codePoints: Array(points))
            } else {
                text.retain()
            }
            defer { text.release() }
            code = try compileText(text, filename: "<string>", mode: mode, optimize: 0, function: name)
        }
        defer { code.decref() }
        let closure = try closureForExec(code, given: bound[3].flatMap { $0.isNone ? nil : $0 },
                                         sourceIsCode: source.as(LoadedCode.self) != nil, mode: mode)
        locals?.retain()
        let result = try runModuleCode(code, globals: globals, locals: locals, closure: closure)
        locals?.release()
        if mode == "exec" {
            result.release()
            return .none
        }
        return result
    }

    /// The cells `exec(code, closure=...)` gives a code object's free
    /// variables, checked as CPython checks them; eval() and exec() without
    /// a closure refuse code that has free variables.
    private func closureForExec(_ code: LoadedCode, given: Value?, sourceIsCode: Bool,
                                mode: String) throws(EvalError) -> PyTuple? {
        let freeCount = code.code.freeVariables.count
        guard let given else {
            if freeCount == 0 { return nil }
            if mode == "eval" { throw .typeError("code object passed to eval() may not contain free variables") }
            throw .typeError("code object requires a closure of exactly length \(freeCount)")
        }
        if !sourceIsCode { throw .typeError("closure can only be used when source is a code object") }
        if freeCount == 0 { throw .typeError("cannot use a closure with this code object") }
        guard let tuple = given.as(PyTuple.self), tuple.items.count == freeCount,
              tuple.items.allSatisfy({ $0.as(PyCell.self) != nil }) else {
            throw .typeError("code object requires a closure of exactly length \(freeCount)")
        }
        return tuple
    }
}
