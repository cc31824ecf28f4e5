import GarterSystem

// The `sys` module: made once per interpreter, before any Python code runs
// (as CPython's is), registered in `sys.modules` with the `builtins` module,
// and returned by `import sys` from then on. Its data attributes are set
// here; its functions are in SysFunctions.swift, its hooks in SysHooks.swift.

/// Garter's own version, reported by `sys.implementation` and `-V`.
public enum GarterVersion {
    public static let major = 0, minor = 1, micro = 0
    public static let releaseLevel = "alpha"
    public static let text = "\(major).\(minor)"
    /// The Python language version Garter implements.
    public static let python = (major: 3, minor: 11, micro: 7)
    public static let pythonText = "\(python.major).\(python.minor).\(python.micro)"
    static var compiler: String {
        #if swift(>=6.3)
        return "Swift 6.3"
        #elseif swift(>=6.0)
        return "Swift 6"
        #else
        return "Swift"
        #endif
    }
    /// `sys.version`. Its shape is CPython's (`X.Y.Z (build) [compiler]`),
    /// which `platform` parses; the build part names Garter.
    public static var sysVersion: String { "\(pythonText) (Garter \(text)) [\(compiler)]" }
}

extension Interpreter {
    /// Creates `sys` and `builtins` from `configuration` (once; later calls
    /// return the existing state) and sets the import search path.
    @discardableResult
    public func installSys(_ configuration: SysConfiguration) -> SysState {
        if let sys { return sys }
        argv = configuration.argv
        searchPath = configuration.path
        let module = newModule(named: "sys")
        let state = SysState(interpreter: self, module: module, configuration: configuration,
                             standardInput: makeStandardStream(0, "<stdin>"),
                             standardOutput: makeStandardStream(1, "<stdout>"),
                             standardError: makeStandardStream(2, "<stderr>"))
        sys = state
        installBuiltinsModule()
        let dict = module.dict
        func set(_ name: String, _ value: Value) { setItem(dict, name, value) }
        func strings(_ items: [String]) -> Value { newList(items.map { newString($0) }) }

        set("argv", strings(configuration.argv))
        set("orig_argv", strings(configuration.originalArgv))
        set("path", strings(configuration.path))
        modules.incref()
        set("modules", .object(ObjectRef(Unmanaged.passUnretained(modules))))
        set("meta_path", newList([]))
        set("path_hooks", newList([]))
        set("path_importer_cache", .object(ObjectRef(Unmanaged.passUnretained(newDict()))))
        set("executable", newString(configuration.executable))
        set("_base_executable", newString(configuration.executable))
        let prefix = Self.prefix(ofStandardLibrary: configuration.standardLibrary)
        for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] { set(name, newString(prefix)) }
        set("platlibdir", newString("lib"))
        set("pycache_prefix", .none)

        let python = GarterVersion.python
        set("version", newString(GarterVersion.sysVersion))
        let versionType = structSequenceType(Self.versionInfoDescription)
        set("version_info", newStructSequence(versionType, Self.versionInfoDescription, [.int(python.major), .int(python.minor), .int(python.micro),
                                                             newString("final"), .int(0)]))
        set("hexversion", .int(Self.hexVersion(python.major, python.minor, python.micro, level: 0xF, serial: 0)))
        set("api_version", .int(1013))
        set("implementation", makeImplementation(versionType))
        set("copyright", newString("""
            Copyright (c) 2026 the Garter authors.
            Garter runs the standard library of CPython, Copyright (c) 2001-2023 Python Software Foundation.
            """))

        #if os(macOS)
        set("platform", newString("darwin"))
        #else
        set("platform", newString("linux"))
        #endif
        set("byteorder", newString(UInt16(1).littleEndian == 1 ? "little" : "big"))
        set("maxsize", .int(Int.max))
        set("maxunicode", .int(0x10FFFF))
        set("float_repr_style", newString("short"))
        set("abiflags", newString(""))
        set("dont_write_bytecode", .bool(configuration.flags.dontWriteBytecode != 0))
        set("warnoptions", strings(configuration.warnOptions))
        let xOptions = newDict()
        for (name, value) in configuration.xOptions {
            let key = newString(name)
            try! xOptions.set(key, hash: key.strObject!.hashValue, value.map { newString($0) } ?? .bool(true), Interpreter.stringsOnly)
        }
        set("_xoptions", .object(ObjectRef(Unmanaged.passUnretained(xOptions))))
        set("flags", makeFlags(configuration))
        set("float_info", makeFloatInfo())
        set("int_info", makeIntInfo())
        set("hash_info", makeHashInfo())
        let builtinNames = builtinModuleNames()
        set("builtin_module_names", newTuple(builtinNames.map { newString($0) }))
        if let names = try? newFrozenSet(Self.standardLibraryModuleNames(configuration.standardLibrary, builtin: builtinNames)
            .map { newString($0) }) {
            set("stdlib_module_names", names)
        }

        for (name, stream) in [("stdin", state.standardInput), ("stdout", state.standardOutput), ("stderr", state.standardError)] {
            set(name, .object(ObjectRef(Unmanaged.passUnretained(stream))))
            set("__\(name)__", .object(ObjectRef(Unmanaged.passUnretained(stream))))
        }
        installSysFunctions(module)
        installBreakpointHook(module)
        state.originalDisplayHook = dict.lookup(name: "displayhook")!
        state.originalExceptHook = dict.lookup(name: "excepthook")!
        state.originalDisplayHook.retain()
        state.originalExceptHook.retain()
        set("__displayhook__", { state.originalDisplayHook.retain(); return state.originalDisplayHook }())
        set("__excepthook__", { state.originalExceptHook.retain(); return state.originalExceptHook }())
        let unraisableHook = dict.lookup(name: "unraisablehook")!
        unraisableHook.retain()
        set("__unraisablehook__", unraisableHook)

        registerExisting("sys", Value.object(ObjectRef(Unmanaged.passUnretained(module))))
        return state
    }

    /// Makes `import name` return `module` (made at start-up), putting it
    /// back into `sys.modules` if user code took it out, as CPython does for
    /// `sys` and `builtins`.
    func registerExisting(_ name: String, _ module: Value) {
        let reRegister: (ThreadState) throws(EvalError) -> Value = { thread in
            let interpreter = thread.interpreter
            module.retain()
            interpreter.setItem(interpreter.modules, name, module)
            module.retain()
            return module
        }
        nativeModules[name] = reRegister
    }

    /// The `builtins` module: a module whose dict is the interpreter's builtins.
    private func installBuiltinsModule() {
        builtins.incref()
        let module = PyModule(dict: builtins, type: types.module)
        module.makeImmortal()
        let value = Value.object(ObjectRef(Unmanaged.passUnretained(module)))
        setItem(modules, "builtins", value)
        registerExisting("builtins", value)
    }

    /// The names `sys.builtin_module_names` lists: modules made in Swift.
    func builtinModuleNames() -> [String] {
        Array(Set(nativeModules.keys).union(["builtins", "sys"])).sorted()
    }

    /// CPython's `PY_VERSION_HEX` layout.
    static func hexVersion(_ major: Int, _ minor: Int, _ micro: Int, level: Int, serial: Int) -> Int {
        (major << 24) | (minor << 16) | (micro << 8) | (level << 4) | serial
    }

    /// `/usr` for `/usr/lib/python3.11`.
    static func prefix(ofStandardLibrary folder: String) -> String {
        var path = PathNames.deletingLastComponent(folder)
        if PathNames.lastComponent(path) == "lib" { path = PathNames.deletingLastComponent(path) }
        return path
    }

    /// `sys.stdlib_module_names`: the top-level modules and packages of the
    /// standard library folder (and its lib-dynload extensions), plus the
    /// built-in ones. Tests, demos and private test helpers are included, as
    /// CPython's list leaves out only `test` packages it does not install.
    static func standardLibraryModuleNames(_ folder: String, builtin: [String]) -> [String] {
        var names = Set(builtin)
        for entry in DirectoryEntries.names(atPath: folder) ?? [] {
            if entry.hasSuffix(".py") {
                names.insert(String(entry.dropLast(3)))
            } else if !entry.contains("."), entry != "__pycache__", entry != "site-packages", entry != "dist-packages",
                      FileStatus.exists(atPath: "\(folder)/\(entry)/__init__.py") {
                names.insert(entry)
            }
        }
        for entry in DirectoryEntries.names(atPath: folder + "/lib-dynload") ?? [] where entry.hasSuffix(".so") {
            if let name = entry.split(separator: ".").first { names.insert(String(name)) }
        }
        return names.sorted()
    }

    // MARK: Struct sequences and namespaces

    /// `sys.version_info`, also the type of `sys.implementation.version`.
    static let versionInfoDescription = StructSequenceDescription(
        fullName: "sys.version_info", fields: ["major", "minor", "micro", "releaselevel", "serial"], instantiable: false)

    private func makeImplementation(_ versionType: PyType) -> Value {
        #if arch(x86_64)
        let multiarch = "x86_64-linux-gnu"
        #elseif arch(arm64)
        let multiarch = "aarch64-linux-gnu"
        #else
        let multiarch = "unknown-linux-gnu"
        #endif
        return newSimpleNamespace([
            ("name", newString("garter")),
            ("cache_tag", newString("garter-311")),
            ("version", newStructSequence(versionType, Self.versionInfoDescription, [
                .int(GarterVersion.major), .int(GarterVersion.minor), .int(GarterVersion.micro),
                newString(GarterVersion.releaseLevel), .int(0)])),
            ("hexversion", .int(Self.hexVersion(GarterVersion.major, GarterVersion.minor, GarterVersion.micro,
                                                level: 0xA, serial: 0))),
            ("_multiarch", newString(multiarch)),
        ])
    }

    private func makeFlags(_ configuration: SysConfiguration) -> Value {
        let fields = ["debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
                      "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
                      "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"]
        let description = StructSequenceDescription(fullName: "sys.flags",
            fields: fields, instantiable: false)
        let type = structSequenceType(description)
        let flags = configuration.flags
        let values: [Value] = [.int(flags.debug), .int(flags.inspect), .int(flags.interactive), .int(flags.optimize),
                               .int(flags.dontWriteBytecode), .int(flags.noUserSite), .int(flags.noSite),
                               .int(flags.ignoreEnvironment), .int(flags.verbose), .int(flags.bytesWarning),
                               .int(flags.quiet), .int(flags.hashRandomization), .int(flags.isolated),
                               .bool(flags.devMode), .int(flags.utf8Mode), .int(flags.warnDefaultEncoding),
                               .bool(flags.safePath), .int(flags.intMaxStrDigits)]
        return newStructSequence(type, description, values)
    }

    private func makeFloatInfo() -> Value {
        let description = StructSequenceDescription(fullName: "sys.float_info",
            fields: ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
            "mant_dig", "epsilon", "radix", "rounds"])
        let type = structSequenceType(description)
        return newStructSequence(type, description, [.float(Double.greatestFiniteMagnitude), .int(Double.greatestFiniteMagnitude.exponent + 1),
                                         .int(308), .float(Double.leastNormalMagnitude),
                                         .int(Double.leastNormalMagnitude.exponent + 1), .int(-307), .int(15),
                                         .int(Double.significandBitCount + 1), .float(Double.ulpOfOne), .int(2), .int(1)])
    }

    private func makeIntInfo() -> Value {
        let description = StructSequenceDescription(fullName: "sys.int_info",
            fields: ["bits_per_digit", "sizeof_digit", "default_max_str_digits",
            "str_digits_check_threshold"])
        let type = structSequenceType(description)
        // Garter's big ints are arrays of 64-bit words (Numbers/PyInteger.swift).
        return newStructSequence(type, description, [.int(64), .int(8), .int(4300), .int(640)])
    }

    private func makeHashInfo() -> Value {
        let description = StructSequenceDescription(fullName: "sys.hash_info",
            fields: HashInfo.fields.map(\.0))
        let type = structSequenceType(description)
        return newStructSequence(type, description, [.int(HashInfo.width), .int(HashInfo.modulus), .int(HashInfo.infinity),
                                         .int(HashInfo.nan), .int(HashInfo.imaginary), newString(HashInfo.algorithm),
                                         .int(HashInfo.hashBits), .int(HashInfo.seedBits), .int(HashInfo.cutoff)])
    }
}
