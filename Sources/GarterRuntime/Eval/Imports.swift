import GarterCompiler
import GarterSyntax
import GarterSystem

// `import`: modules built into the interpreter, and `.py` modules and
// packages found along `sys.path`, compiled and run on first import and
// kept in `sys.modules`. (importlib and `__pycache__` come later; this is
// the path the interpreter itself takes, like CPython's frozen bootstrap.)

extension ThreadState {
    /// IMPORT_NAME: `import a.b` (the top package, unless `fromList` is
    /// non-empty or the import is relative: then the module itself).
    func importName(_ name: Value, fromList: Value, level: Value, frame: UnsafeMutablePointer<Frame>) throws(EvalError) -> Value {
        let levelNumber: Int
        if case .int(let number) = level { levelNumber = number } else { levelNumber = 0 }
        let globals = frame.pointee.globals.takeUnretainedValue()
        if let hook = frame.pointee.builtins.takeUnretainedValue().lookup(name: "__import__"),
           hook.as(PyBuiltinFunction.self)?.name != "__import__" {
            let globalsValue = Value.object(ObjectRef(Unmanaged.passUnretained(globals)))
            return try call(hook, [name, globalsValue, .none, fromList, level])
        }
        return try importModule(name.stringValue ?? "", globals: globals, fromList: fromList, level: levelNumber)
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    func importModule(_ name: String, globals: PyDict?, fromList: Value, level: Int) throws(EvalError) -> Value {
        var absolute = name
        if level > 0 {
            guard let globals else { throw .pythonException("ImportError", "attempted relative import with no known parent package") }
            var package = globals.lookup(name: "__package__")?.stringValue
            if package == nil || package!.isEmpty {
                let moduleName = globals.lookup(name: "__name__")?.stringValue ?? ""
                package = globals.lookup(name: "__path__") != nil ? moduleName
                    : moduleName.split(separator: ".").dropLast().joined(separator: ".")
            }
            guard let base = package, !base.isEmpty else {
                throw .pythonException("ImportError", "attempted relative import with no known parent package")
            }
            var parts = base.split(separator: ".").map(String.init)
            guard parts.count >= level - 1 else {
                throw .pythonException("ImportError", "attempted relative import beyond top-level package")
            }
            parts.removeLast(level - 1)
            absolute = (parts + (name.isEmpty ? [] : [name])).joined(separator: ".")
        } else if name.isEmpty {
            throw .valueError("Empty module name")
        }
        let module = try importAbsolute(absolute)
        let hasFromList = !fromList.isNone && ((try? truth(fromList)) ?? false)
        if hasFromList {
            // `from package import submodule`: import submodules named in the list.
            if module.as(PyModule.self)?.dict.lookup(name: "__path__") != nil {
                for item in try collect(fromList) {
                    defer { item.release() }
                    guard let text = item.stringValue, text != "*" else { continue }
                    if module.as(PyModule.self)!.dict.lookup(name: text) == nil {
                        let submodule = "\(absolute).\(text)"
                        do throws(EvalError) {
                            try importAbsolute(submodule).release()
                        } catch {
                            // Only "no such submodule" is ignored (`from pkg import name`
                            // then finds no name); errors inside one propagate.
                            guard isInstance(error, of: "ModuleNotFoundError"), try missingModuleName(error) == submodule else {
                                throw error
                            }
                            error.discard()
                        }
                    }
                }
            }
            return module
        }
        if level == 0, let dot = name.firstIndex(of: ".") {
            module.release()
            return try importAbsolute(String(name[..<dot]))
        }
        return module
    }

    /// The module named `name` (dotted, absolute), importing it and its
    /// parents as needed. A new reference.
    func importAbsolute(_ name: String) throws(EvalError) -> Value {
        if let existing = interpreter.modules.lookup(name: name) {
            if existing.isNone {
                throw .withArguments("ModuleNotFoundError", [interpreter.newString("import of \(name) halted; None in sys.modules")])
            }
            existing.retain()
            return existing
        }
        var searchPath: [String] = currentSearchPath()
        var parent: Value?
        if let dot = name.lastIndex(of: ".") {
            let parentName = String(name[..<dot])
            let parentModule = try importAbsolute(parentName)
            parent = parentModule
            if let existing = interpreter.modules.lookup(name: name) {
                parentModule.release()
                existing.retain()
                return existing
            }
            guard let path = parentModule.as(PyModule.self)?.dict.lookup(name: "__path__") else {
                parentModule.release()
                throw moduleNotFound("No module named '\(name)'; '\(parentName)' is not a package", name)
            }
            searchPath = try collect(path).compactMap { item in
                defer { item.release() }
                return item.stringValue
            }
        }
        defer { parent?.release() }
        if let native = interpreter.nativeModules[name] {
            let module = try native(self)
            return module
        }
        let leaf = String(name.split(separator: ".").last!)
        for directory in searchPath {
            let base = directory.isEmpty ? "." : directory
            let packageInit = "\(base)/\(leaf)/__init__.py"
            if FileStatus.exists(atPath: packageInit) {
                return try loadSourceModule(name, file: packageInit, packagePath: "\(base)/\(leaf)", parent: parent)
            }
            let file = "\(base)/\(leaf).py"
            if FileStatus.exists(atPath: file) {
                return try loadSourceModule(name, file: file, packagePath: nil, parent: parent)
            }
        }
        throw moduleNotFound("No module named '\(name)'", name)
    }

    func moduleNotFound(_ message: String, _ name: String) -> EvalError {
        let exception = makeException(named: "ModuleNotFoundError", [interpreter.newString(message)])
        if let dict = instanceDict(of: .object(exception)) {
            interpreter.setItem(dict, "_name", interpreter.newString(name))
        }
        return .exception(exception)
    }

    /// `sys.path` as it is now (programs edit it), or the start-up path
    /// when `sys` has none.
    func currentSearchPath() -> [String] {
        guard let sys = interpreter.modules.lookup(name: "sys")?.as(PyModule.self),
              let path = sys.dict.lookup(name: "path")?.as(PyList.self) else {
            return interpreter.searchPath
        }
        return path.items.compactMap(\.stringValue)
    }

    /// The `name` of a ModuleNotFoundError: the module that was not found.
    func missingModuleName(_ error: EvalError) throws(EvalError) -> String? {
        let exception = Value.object(normalize(error.retained(), newlyRaised: false))
        defer { exception.release() }
        guard let name = try lookupAttribute(exception, interpreter.internedString("name")) else { return nil }
        defer { name.release() }
        return name.stringValue
    }

    /// Compiles and runs a `.py` file as module `name`.
    func loadSourceModule(_ name: String, file: String, packagePath: String?, parent: Value?) throws(EvalError) -> Value {
        let code = try compileFileUsingCache(file)
        defer { code.decref() }
        let module = interpreter.newModule(named: name)
        let dict = module.dict
        interpreter.setItem(dict, "__file__", interpreter.newString(file))
        if let packagePath {
            interpreter.setItem(dict, "__path__", interpreter.newList([interpreter.newString(packagePath)]))
            interpreter.setItem(dict, "__package__", interpreter.newString(name))
        } else {
            let package = name.split(separator: ".").dropLast().joined(separator: ".")
            interpreter.setItem(dict, "__package__", interpreter.newString(package))
        }
        interpreter.setItem(dict, "__loader__", .none)
        interpreter.setItem(dict, "__spec__", .none)
        do throws(EvalError) {
            let result = try runModuleCode(code, globals: dict)
            result.release()
        } catch {
            let key = interpreter.intern(name)
            _ = try? interpreter.modules.remove(key, hash: key.strObject!.hashValue, Interpreter.stringsOnly)?.release()
            key.release()
            Value.object(ObjectRef(Unmanaged.passUnretained(module))).release()
            throw error
        }
        // The module may have replaced itself in sys.modules.
        let final = interpreter.modules.lookup(name: name) ?? .object(ObjectRef(Unmanaged.passUnretained(module)))
        final.retain()
        Value.object(ObjectRef(Unmanaged.passUnretained(module))).release()
        if let parent, let parentModule = parent.as(PyModule.self) {
            final.retain()
            interpreter.setItem(parentModule.dict, String(name.split(separator: ".").last!), final)
        }
        return final
    }

    /// Parses and compiles a file; SyntaxError as a Python exception.
    func compileFile(_ path: String) throws(EvalError) -> LoadedCode {
        guard let bytes = FileContents.read(atPath: path) else {
            throw .pythonException("OSError", "could not read \(path)")
        }
        return try compileSource(bytes, filename: path, mode: .file)
    }

    /// Parses and compiles source text of a module.
    func compileSource(_ bytes: [UInt8], filename: String, mode: Parser.InputKind) throws(EvalError) -> LoadedCode {
        let code: CodeObject
        do {
            let source = try SourceBuffer(fileBytes: bytes, filename: filename)
            let module = try Parser.parseModule(source, from: mode)
            code = try CodeGenerator.compileModule(module, source: source)
        } catch let error as SyntaxError {
            throw .exception(makeSyntaxError(error))
        } catch CompileError.syntax(let error) {
            throw .exception(makeSyntaxError(error))
        } catch CompileError.unsupported(let what, let range) {
            throw .unsupported("\(what) (\(filename), line \(range.lineno))")
        } catch {
            throw .unsupported("\(error)")
        }
        let loaded = try LoadedCode(code, interpreter: interpreter)
        _ = ObjectRef.allocate(loaded)
        return loaded
    }

    /// A SyntaxError exception object from the front end's error.
    func makeSyntaxError(_ error: SyntaxError) -> ObjectRef {
        let type = interpreter.types.exceptions[error.kind.rawValue] ?? interpreter.types.exceptions["SyntaxError"]!
        func text(_ value: String?) -> Value { value.map { interpreter.newString($0) } ?? .none }
        let fields: [(String, Value)] = [("filename", text(error.filename)), ("lineno", .int(error.lineno)),
                                         ("offset", .int(error.offset)), ("text", text(error.text)),
                                         ("end_lineno", .int(error.endLineno)), ("end_offset", .int(error.endOffset))]
        for (_, value) in fields { value.retain() }
        let location = interpreter.newTuple(fields.map(\.1))
        let exception = PyBaseException(args: interpreter.newTuple([interpreter.newString(error.message), location]).as(PyTuple.self)!,
                                        type: type)
        let reference = ObjectRef.allocate(exception)
        if let dict = instanceDict(of: .object(reference)) {
            interpreter.setItem(dict, "_msg", interpreter.newString(error.message))
            for (name, value) in fields { interpreter.setItem(dict, "_" + name, value) }
        }
        return reference
    }

    /// IMPORT_FROM: `from module import name`.
    func importFrom(_ module: Value, _ name: PyStr) throws(EvalError) -> Value {
        if let value = try lookupAttribute(module, name) { return value }
        if let moduleObject = module.as(PyModule.self) {
            let full = "\(moduleObject.name).\(name.string)"
            if let submodule = interpreter.modules.lookup(name: full) {
                submodule.retain()
                return submodule
            }
            var location = "unknown location"
            if let file = moduleObject.dict.lookup(name: "__file__")?.stringValue { location = file }
            throw .pythonException("ImportError", "cannot import name '\(name.string)' from '\(moduleObject.name)' (\(location))")
        }
        throw .pythonException("ImportError", "cannot import name '\(name.string)'")
    }

    /// IMPORT_STAR: every public name (or `__all__`) into the locals.
    func importStar(_ module: Value, _ frame: UnsafeMutablePointer<Frame>) throws(EvalError) {
        guard let moduleObject = module.as(PyModule.self) else { throw .typeError("import * needs a module") }
        var names: [Value] = []
        if let all = moduleObject.dict.lookup(name: "__all__") {
            names = try collect(all)
        } else {
            for (key, _) in moduleObject.dict.pairs where !(key.stringValue ?? "_").hasPrefix("_") {
                key.retain()
                names.append(key)
            }
        }
        for name in names {
            defer { name.release() }
            guard let text = name.strObject else { continue }
            let value = try getAttribute(module, text)
            name.retain()
            try storeName(name, value, frame)
        }
    }
}
