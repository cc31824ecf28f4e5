// `_imp`: the primitives CPython's pure-Python importlib (`_bootstrap`,
// `_bootstrap_external`) calls. Garter's own `import` statement does not go
// through importlib (Eval/Imports.swift); this module lets importlib load,
// set itself up (`_bootstrap._setup`) and find Garter's native modules as
// built-in ones. Garter has no frozen modules and no C extensions.

extension Interpreter {
    func makeImpModule(_ thread: ThreadState) throws(EvalError) -> Value {
        try makeNativeModule("_imp", doc: "(Extremely) low-level import machinery bits as used by importlib and imp.") { module, define throws(EvalError) in
            let importLock = ImportLock()
            // importlib imports _imp first: from then on its finders reach Garter's import.
            try thread.installGarterImporter()
            let importerType = garterImporterType
            export(importerType, in: module)
            setItem(module.dict, "check_hash_based_pycs", newString("default"))

            define("acquire_lock") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.acquire_lock", 0...0)
                importLock.acquire(thread)
                return .none
            }
            define("release_lock") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.release_lock", 0...0)
                guard importLock.release(thread) else { throw .runtimeError("not holding the import lock") }
                return .none
            }
            define("lock_held") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.lock_held", 0...0)
                return .bool(importLock.count > 0)
            }
            define("is_builtin") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.is_builtin", 1...1)
                let name = try thread.impModuleName(arguments[0], function: "is_builtin")
                // As CPython: -1 for the modules that cannot be initialised again.
                if name == "sys" || name == "builtins" { return .int(-1) }
                return .int(thread.interpreter.nativeModules[name] != nil ? 1 : 0)
            }
            define("create_builtin") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.create_builtin", 1...1)
                let nameValue = try thread.getAttribute(arguments[0], "name")
                defer { nameValue.release() }
                guard let name = nameValue.stringValue else {
                    throw .typeError("name must be string, not \(thread.typeOf(nameValue).name)")
                }
                let interpreter = thread.interpreter
                if let existing = interpreter.modules.lookup(name: name), !existing.isNone {
                    existing.retain()
                    return existing
                }
                guard let make = interpreter.nativeModules[name] else { return .none }
                return try make(thread)
            }
            define("exec_builtin") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.exec_builtin", 1...1)
                return .int(0)
            }
            define("is_frozen") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.is_frozen", 1...1)
                _ = try thread.impModuleName(arguments[0], function: "is_frozen")
                return .bool(false)
            }
            define("is_frozen_package") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.is_frozen_package", 1...1)
                let name = try thread.impModuleName(arguments[0], function: "is_frozen_package")
                throw .pythonException("ImportError", "No such frozen object named '\(name)'")
            }
            define("find_frozen") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("find_frozen", ["name", "withdata"], required: 1)
                _ = try thread.impModuleName(bound[0]!, function: "find_frozen")
                return .none
            }
            define("get_frozen_object") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("get_frozen_object", ["name", "data"], required: 1)
                let name = try thread.impModuleName(bound[0]!, function: "get_frozen_object")
                throw .pythonException("ImportError", "No such frozen object named '\(name)'")
            }
            define("init_frozen") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.init_frozen", 1...1)
                _ = try thread.impModuleName(arguments[0], function: "init_frozen")
                return .none
            }
            define("_frozen_module_names") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp._frozen_module_names", 0...0)
                return thread.interpreter.newList([])
            }
            define("_override_frozen_modules_for_tests") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp._override_frozen_modules_for_tests", 1...1)
                return .none
            }
            define("create_dynamic") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.create_dynamic", 1...2)
                let name = try thread.getAttribute(arguments[0], "name")
                defer { name.release() }
                throw .pythonException("ImportError", "Garter cannot load C extension modules ('\(name.stringValue ?? "?")')")
            }
            define("exec_dynamic") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.exec_dynamic", 1...1)
                throw .pythonException("ImportError", "Garter cannot load C extension modules")
            }
            define("extension_suffixes") { thread, arguments throws(EvalError) in
                try arguments.expect("_imp.extension_suffixes", 0...0)
                return thread.interpreter.newList([])
            }
            define("_fix_co_filename") { thread, arguments throws(EvalError) in
                // Garter's `marshal.loads` of a cached module already takes the
                // source path (MarshalModule); importlib's own loaders are not
                // used for imports, so the code keeps the name it was compiled with.
                try arguments.expect("_imp._fix_co_filename", 2...2)
                return .none
            }
            define("source_hash") { thread, arguments throws(EvalError) in
                let bound = try arguments.bind("source_hash", ["key", "source"], required: 2)
                let key = try thread.cLong(bound[0]!)
                let source = try thread.requireBytesLike(bound[1]!)
                return thread.interpreter.newBytes(SourceHash.digest(key: key, source))
            }
        }
    }
}

extension ThreadState {
    /// A module-name argument of `_imp`'s functions: a str.
    func impModuleName(_ value: Value, function: String) throws(EvalError) -> String {
        guard let name = value.stringValue else {
            throw .typeError("\(function)() argument must be str, not \(typeOf(value).name)")
        }
        return name
    }
}
