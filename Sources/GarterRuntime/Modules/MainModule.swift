import GarterCompiler
import GarterSyntax
import GarterSystem
import Glibc

/// The `__main__` module and the ways a program becomes it: a script file,
/// a `-c` string, standard input, a module found on `sys.path` (`-m`), and
/// the statements typed at the interactive prompt, all run in one
/// `__main__` namespace on one thread state, as CPython's `pymain_run_*`.
public final class MainProgram {
    public let interpreter: Interpreter
    public let thread: ThreadState
    public let output: OutputBuffer
    /// `__main__` (one counted reference, held for the program's life).
    public let module: PyModule

    /// How running something ended.
    public enum Outcome: Equatable, Sendable {
        case completed
        /// `SystemExit` (or an error before running) with this exit status.
        case exit(Int32)
        /// An uncaught exception, already reported through `sys.excepthook`.
        case uncaught(keyboardInterrupt: Bool)
    }

    /// What the interactive prompt should do after a line.
    public enum InteractiveOutcome: Equatable, Sendable {
        /// The statement is not finished: prompt with `sys.ps2` for more.
        case needsMore
        /// Ran (or reported its error); prompt with `sys.ps1` again.
        case done
        case exit(Int32)
    }

    public init(interpreter: Interpreter, output: OutputBuffer) {
        self.interpreter = interpreter
        self.output = output
        thread = ThreadState(interpreter: interpreter, output: output)
        // This OS thread now runs Python code: it holds the GIL, and objects
        // dying on it find this thread state to run `__del__` and weakref
        // callbacks with.
        interpreter.gil.attach(thread.gilThread)
        Finalization.setCurrent(thread)
        interpreter.threadRegistry.mainThread = thread
        interpreter.installStartupSignalHandlers(thread)
        if let existing = interpreter.modules.lookup(name: "__main__")?.as(PyModule.self) {
            existing.incref()
            module = existing
        } else {
            module = interpreter.newModule(named: "__main__")
        }
        // In `__main__`, `__builtins__` is the module (elsewhere its dict), as in CPython.
        if let builtinsModule = interpreter.modules.lookup(name: "builtins") {
            builtinsModule.retain()
            interpreter.setItem(module.dict, "__builtins__", builtinsModule)
        }
        interpreter.setItem(module.dict, "__package__", .none)
        interpreter.setItem(module.dict, "__loader__", .none)
        interpreter.setItem(module.dict, "__spec__", .none)
        interpreter.setItem(module.dict, "__annotations__", .object(ObjectRef(Unmanaged.passUnretained(interpreter.newDict()))))
    }

    /// `-i`: exceptions (SystemExit too) are reported and the prompt follows.
    var inspects: Bool { (interpreter.sys?.configuration.flags.inspect ?? 0) != 0 }

    // MARK: Running programs

    /// Runs source text as `__main__`: a script (`filename` its path), `-c`
    /// (`<string>`) or standard input (`<stdin>`).
    /// `package` is `__package__` (None unless given: `''` when a folder's
    /// `__main__.py` runs, as CPython's runpy sets it).
    public func run(source bytes: [UInt8], filename: String, isFile: Bool, package: String? = nil) -> Outcome {
        if let package { interpreter.setItem(module.dict, "__package__", interpreter.newString(package)) }
        if isFile {
            interpreter.setItem(module.dict, "__file__", interpreter.newString(filename))
            interpreter.setItem(module.dict, "__cached__", .none)
        }
        let code: LoadedCode
        switch compile(bytes, filename: filename, mode: .exec, inputKind: isFile ? .file : .string) {
        case .code(let loaded): code = loaded
        case .failure(let outcome): return outcome
        }
        defer { code.decref() }
        return execute(code, in: module.dict)
    }

    /// The start-up `import site` CPython does unless `-S`: site adds the
    /// site-packages folders and the `exit`, `quit`, `help`, `copyright`,
    /// `credits` and `license` builtins.
    /// As in CPython, site runs before the program's own entry (the script's
    /// folder, or '' for -c) joins sys.path, so site leaves that entry as it is.
    public func importSite() -> Outcome {
        var mainEntry: Value?
        if interpreter.sys?.configuration.mainPathEntry != nil, let path = interpreter.sys?.attribute("path")?.as(PyList.self),
           path.count > 0 {
            mainEntry = path.items.removeFirst()
        }
        defer {
            if let mainEntry {
                if let path = interpreter.sys?.attribute("path")?.as(PyList.self) {
                    path.items.insert(mainEntry, at: 0)
                } else {
                    mainEntry.release()
                }
            }
        }
        do throws(EvalError) {
            try thread.importAbsolute("site").release()
            return .completed
        } catch {
            return report(error)
        }
    }

    /// `-m NAME`: finds the module on `sys.path` (importing its parent
    /// packages) and runs it as `__main__`; a package runs its `__main__`.
    public func runModule(named name: String, programName: String) -> Outcome {
        var target = name
        var file: String
        do throws(EvalError) {
            var found = try locateModule(target)
            if found.isPackage {
                target += ".__main__"
                guard let inner = try? locateModule(target), inner.file != nil, !inner.isPackage else {
                    writeError("\(programName): No module named \(target); '\(name)' is a package and cannot be directly executed\n")
                    return .exit(1)
                }
                found = inner
            }
            guard let path = found.file else {
                writeError("\(programName): No module named \(name)\n")
                return .exit(1)
            }
            file = path
        } catch {
            if thread.isInstance(error, of: "ImportError") {
                let exception = thread.normalize(error, newlyRaised: false)
                defer { Value.object(exception).release() }
                let message = (try? thread.strText(.object(exception))) ?? ""
                let kind = thread.typeOf(.object(exception)).name
                writeError("\(programName): Error while finding module specification for '\(name)' (\(kind): \(message))\n")
                return .exit(1)
            }
            return report(error)
        }
        if let sys = interpreter.sys, let argv = sys.attribute("argv")?.as(PyList.self), !argv.items.isEmpty {
            let old = argv.items[0]
            argv.items[0] = interpreter.newString(file)
            old.release()
        }
        let package = target.split(separator: ".").dropLast().joined(separator: ".")
        interpreter.setItem(module.dict, "__package__", interpreter.newString(package))
        guard let bytes = FileContents.read(atPath: file) else {
            writeError("\(programName): can't open file '\(file)'\n")
            return .exit(2)
        }
        return run(source: bytes, filename: file, isFile: true)
    }

    /// Where module `name` would be loaded from: `file` nil if not found.
    private func locateModule(_ name: String) throws(EvalError) -> (file: String?, isPackage: Bool) {
        var directories = interpreter.searchPath
        if let sysPath = interpreter.sys?.attribute("path") {
            directories = try thread.collect(sysPath).compactMap { item in
                defer { item.release() }
                return item.stringValue
            }
        }
        let parts = name.split(separator: ".").map(String.init)
        if parts.count > 1 {
            let parentName = parts.dropLast().joined(separator: ".")
            let parent = try thread.importAbsolute(parentName)
            defer { parent.release() }
            guard let path = parent.as(PyModule.self)?.dict.lookup(name: "__path__") else {
                throw thread.moduleNotFound("__path__ attribute not found on '\(parentName)' while trying to find '\(name)'", name)
            }
            directories = try thread.collect(path).compactMap { item in
                defer { item.release() }
                return item.stringValue
            }
        }
        let leaf = parts.last ?? name
        for directory in directories {
            let base = directory.isEmpty ? "." : directory
            if FileStatus.exists(atPath: "\(base)/\(leaf)/__init__.py") { return ("\(base)/\(leaf)/__init__.py", true) }
            if FileStatus.exists(atPath: "\(base)/\(leaf).py") {
                return (Self.absolute("\(base)/\(leaf).py"), false)
            }
        }
        return (nil, false)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = PathNames.currentDirectory()
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    // MARK: The interactive prompt

    /// Compiles and runs what was typed so far (`source`, lines joined with
    /// "\n") in 'single' mode, or asks for more when the statement is not
    /// finished: an open bracket or triple-quoted string, a block that
    /// expects its body, or a compound statement not yet ended by a blank line.
    public func runInteractive(_ source: String) -> InteractiveOutcome {
        let text = source.hasSuffix("\n") ? source : source + "\n"
        let bytes = Array(text.utf8)
        let parsed: Module
        let buffer: SourceBuffer
        do {
            buffer = try SourceBuffer(fileBytes: bytes, filename: "<stdin>")
            parsed = try Parser.parseInteractive(buffer)
        } catch {
            if Self.meansUnfinished(error, source: source) { return .needsMore }
            writeError(error.formatted())
            return .done
        }
        if case .interactive(let body) = parsed, let first = body.first, Self.isCompound(first),
           let last = source.split(separator: "\n", omittingEmptySubsequences: false).last,
           !HorizontalWhitespace.isBlank(last) {
            return .needsMore
        }
        let code: LoadedCode
        do {
            let compiled = try CodeGenerator.compile(parsed, source: buffer, options: CompileOptions(mode: .single))
            code = try LoadedCode(compiled, interpreter: interpreter)
            _ = ObjectRef.allocate(code)
        } catch CompileError.syntax(let error) {
            writeError(error.formatted())
            return .done
        } catch CompileError.unsupported(let what, _) {
            writeError("garter: \(what) is not supported yet\n")
            return .done
        } catch {
            writeError("garter: \(error)\n")
            return .done
        }
        defer { code.decref() }
        switch execute(code, in: module.dict, interactive: true) {
        case .exit(let status): return .exit(status)
        case .completed, .uncaught: return .done
        }
    }

    /// Whether a syntax error only says the input stopped early.
    static func meansUnfinished(_ error: SyntaxError, source: String) -> Bool {
        let message = error.message
        if message.hasPrefix("unterminated triple-quoted string") { return true }
        if message.hasPrefix("expected an indented block") { return true }
        if message.hasSuffix("was never closed") { return true }
        if message.hasPrefix("unexpected EOF") { return true }
        // A backslash continuation at the very end.
        if source.hasSuffix("\\") { return true }
        return false
    }

    static func isCompound(_ statement: Stmt) -> Bool {
        switch statement.kind {
        case .functionDef, .asyncFunctionDef, .classDef, .for, .asyncFor, .while, .if, .with, .asyncWith,
             .match, .try, .tryStar:
            return true
        default:
            return false
        }
    }

    // MARK: Running code and reporting

    enum Compiled {
        case code(LoadedCode)
        case failure(Outcome)
    }

    func compile(_ bytes: [UInt8], filename: String, mode: CompileOptions.Mode, inputKind: Parser.InputKind) -> Compiled {
        do {
            let source = try SourceBuffer(fileBytes: bytes, filename: filename)
            let parsed = try Parser.parseModule(source, from: inputKind)
            let optimize = interpreter.sys?.configuration.flags.optimize ?? 0
            let code = try CodeGenerator.compile(parsed, source: source, options: CompileOptions(mode: mode, optimize: optimize))
            let loaded = try LoadedCode(code, interpreter: interpreter)
            _ = ObjectRef.allocate(loaded)
            return .code(loaded)
        } catch let error as SyntaxError {
            writeError(error.formatted())
            return .failure(inspects ? .uncaught(keyboardInterrupt: false) : .exit(1))
        } catch CompileError.syntax(let error) {
            writeError(error.formatted())
            return .failure(inspects ? .uncaught(keyboardInterrupt: false) : .exit(1))
        } catch CompileError.unsupported(let what, let range) {
            writeError("garter: \(filename), line \(range.lineno): \(what) is not supported yet\n")
            return .failure(.exit(1))
        } catch let error as EvalError {
            return .failure(report(error))
        } catch {
            writeError("garter: \(error)\n")
            return .failure(.exit(1))
        }
    }

    func execute(_ code: LoadedCode, in globals: PyDict, interactive: Bool = false) -> Outcome {
        do throws(EvalError) {
            let result = try thread.runModuleCode(code, globals: globals)
            result.release()
            if interactive { output.flush() }
            return .completed
        } catch {
            return report(error, interactive: interactive)
        }
    }

    /// SystemExit becomes an exit status (except under `-i`, where the
    /// script's SystemExit is reported and the prompt follows, as in
    /// CPython); anything else is printed through `sys.excepthook`.
    func report(_ error: EvalError, interactive: Bool = false) -> Outcome {
        let exception = thread.normalize(error, newlyRaised: false)
        let value = Value.object(exception)
        defer { value.release() }
        // Standard output stays buffered while the traceback is written (as in
        // CPython, where it is flushed at exit), except at the prompt.
        if interactive { output.flush() }
        let types = interpreter.types
        let type = thread.typeOf(value)
        if let systemExit = types.exceptions["SystemExit"], type.isSubtype(of: systemExit), interactive || !inspects {
            return .exit(exitStatus(of: value))
        }
        thread.printException(value)
        let isInterrupt = types.exceptions["KeyboardInterrupt"].map { type.isSubtype(of: $0) } ?? false
        return .uncaught(keyboardInterrupt: isInterrupt)
    }

    /// CPython's exit status for a SystemExit: its code if an int (cut to
    /// the C `int` the status is), 0 for None, else the code printed on
    /// stderr and 1.
    func exitStatus(of exception: Value) -> Int32 {
        let code: Value
        if let found = try? thread.getAttribute(exception, "code") {
            code = found
        } else {
            code = .none
        }
        defer { code.release() }
        switch code {
        case .none: return 0
        case .int(let number): return Int32(truncatingIfNeeded: number)
        case .bool(let flag): return flag ? 1 : 0
        default:
            if code.as(PyLong.self) != nil { return -1 }
            let text = (try? thread.strText(code)) ?? ""
            thread.writeStandardError(text + "\n")
            return 1
        }
    }

    func writeError(_ text: String) {
        thread.writeStandardError(text)
    }

    // MARK: Ending

    /// Flushes standard output at exit. A failure is reported as CPython
    /// does and turns the status into 120.
    public func finish(status: Int32) -> Int32 {
        // Non-daemon threads finish first (`threading._shutdown`).
        interpreter.runShutdownHooks(thread)
        // As CPython at shutdown: clear `__main__`'s names so the objects
        // they hold are finalized (`__del__`, weakref callbacks) before exit.
        interpreter.clearModuleDictionary(module.dict, thread: thread)
        // Then, as CPython's finalize_modules, one collection (even with the
        // collector disabled) for what only cycles still hold.
        _ = interpreter.collector.collect(generation: 2, thread: thread, reason: .manual)
        output.flush()
        guard let error = output.writeError else { return status }
        let name = error == EPIPE ? "BrokenPipeError" : "OSError"
        let message = String(cString: strerror(error))
        let stream = "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
        StandardStreamIO.writeAll(2, Array("Exception ignored in: \(stream)\n\(name): [Errno \(error)] \(message)\n".utf8))
        return 120
    }
}
