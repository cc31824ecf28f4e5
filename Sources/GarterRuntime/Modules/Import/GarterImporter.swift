import GarterSystem

// `_imp.GarterImporter`: the one finder on `sys.meta_path` (put there when
// importlib loads `_imp`), so importlib's `import_module`, `util.find_spec`
// and `__import__` reach Garter's own import (Eval/Imports.swift): it finds
// native modules and `.py` files/packages along the path, and its loader
// imports them the way the `import` statement does. CPython's equivalent
// are BuiltinImporter + PathFinder; Garter keeps a single import system.

extension Interpreter {
    var garterImporterType: PyType {
        nativeType("GarterImporter", module: "_imp") { type in
            type.define("find_spec", self) { thread, _, arguments throws(EvalError) in
                let bound = try arguments.bind("find_spec", ["fullname", "path", "target"], required: 1)
                return try thread.garterFindSpec(name: bound[0]!, path: bound[1] ?? .none, loader: thread.garterImporter())
            }
            type.define("create_module", self) { thread, _, arguments throws(EvalError) in
                try arguments.expect("create_module", 1...1)
                let name = try thread.getAttribute(arguments[0], "name")
                defer { name.release() }
                guard let text = name.stringValue else { throw .typeError("module name must be str") }
                return try thread.importAbsolute(text)
            }
            type.define("exec_module", self) { thread, _, arguments throws(EvalError) in
                // create_module already ran the module.
                try arguments.expect("exec_module", 1...1)
                return .none
            }
        }
    }
}

extension ThreadState {
    /// The importer instance on `sys.meta_path` (a new reference), made once.
    func garterImporter() -> Value {
        let type = interpreter.garterImporterType
        if let made = type.dict.lookup(name: "_instance") {
            made.retain()
            return made
        }
        let made = Value.object(ObjectRef.allocate(PyObject(type: type)))
        made.retain()
        interpreter.setItem(type.dict, "_instance", made)
        type.dictChanged()
        return made
    }

    /// Adds the importer to `sys.meta_path` unless it is there.
    func installGarterImporter() throws(EvalError) {
        guard let metaPath = interpreter.sys?.attribute("meta_path"), let list = metaPath.as(PyList.self) else { return }
        let importer = garterImporter()
        if list.items.contains(where: { $0.isIdentical(to: importer) }) {
            importer.release()
            return
        }
        list.items.append(importer)
    }

    /// A ModuleSpec for `name` if Garter's import can load it, else None.
    func garterFindSpec(name nameValue: Value, path: Value, loader: Value) throws(EvalError) -> Value {
        defer { loader.release() }
        guard let name = nameValue.stringValue else { return .none }
        var origin: String?
        var packageDirectory: String?
        if interpreter.nativeModules[name] != nil {
            origin = "built-in"
        } else {
            var directories: [String]
            if path.isNone {
                guard let sysPath = interpreter.sys?.attribute("path") else { return .none }
                directories = try collect(sysPath).compactMap { item in defer { item.release() }; return item.stringValue }
            } else {
                directories = try collect(path).compactMap { item in defer { item.release() }; return item.stringValue }
            }
            let leaf = String(name.split(separator: ".").last ?? "")
            for directory in directories {
                let base = directory.isEmpty ? "." : directory
                if FileStatus.exists(atPath: "\(base)/\(leaf)/__init__.py") {
                    origin = "\(base)/\(leaf)/__init__.py"
                    packageDirectory = "\(base)/\(leaf)"
                    break
                }
                if FileStatus.exists(atPath: "\(base)/\(leaf).py") {
                    origin = "\(base)/\(leaf).py"
                    break
                }
            }
        }
        guard let origin else { return .none }
        let bootstrap = try importAbsolute("importlib._bootstrap")
        defer { bootstrap.release() }
        let specType = try getAttribute(bootstrap, "ModuleSpec")
        defer { specType.release() }
        let spec = try call(specType, [nameValue, loader])
        do throws(EvalError) {
            let originValue = interpreter.newString(origin)
            defer { originValue.release() }
            try setAttribute(spec, interpreter.internedString("origin"), originValue)
            if origin != "built-in" {
                try setAttribute(spec, interpreter.internedString("has_location"), .bool(true))
            }
            if let packageDirectory {
                let locations = interpreter.newList([interpreter.newString(packageDirectory)])
                defer { locations.release() }
                try setAttribute(spec, interpreter.internedString("submodule_search_locations"), locations)
            }
        } catch {
            spec.release()
            throw error
        }
        return spec
    }
}
