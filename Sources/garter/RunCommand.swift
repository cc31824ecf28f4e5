import GarterRuntime
import GarterSystem
import Glibc

/// `runWithLargeStack` for the Python program. A process made by
/// os.fork() on the program's thread has no launching thread waiting for
/// the status: the program's thread exits that process itself.
func runProgramThread(_ body: @escaping @Sendable () -> Int32) -> Int32 {
    let launcher = getpid()
    return runWithLargeStack { () -> Int32 in
        let status = body()
        if getpid() != launcher { exit(status) }
        return status
    }
}

/// `garter [option] ... [-c cmd | -m mod | file | -] [arg] ...`: starts an
/// interpreter configured from the command line and runs the program as
/// `__main__`, then the interactive prompt if asked (`-i`) or if there was
/// no program and standard input is a terminal.
func runPython(_ commandLine: [String]) -> Int32 {
    let programName = commandLine.first ?? "garter"
    let environment = EnvironmentVariables.all()
    // CPython reads PYTHONHASHSEED while configuring itself, before it even
    // opens the script, and stops with a fatal error for a bad value.
    let hashSecret: HashSecret
    do throws(HashSeedError) {
        hashSecret = try HashSecret.fromEnvironment(environment["PYTHONHASHSEED"])
    } catch {
        StandardStreams.writeError(error.fatalErrorText)
        return 1
    }
    var options: CommandLineOptions
    do throws(CommandLineOptions.UsageError) {
        options = try CommandLineOptions.parse(commandLine, environment: environment)
    } catch {
        let text = error.message + "\n" + CommandLineOptions.usageLine(programName) + "Try `python -h' for more information.\n"
        StandardStreams.writeError(text)
        return 2
    }
    switch options.action {
    case .help:
        StandardStreams.writeOutput(CommandLineOptions.usageLine(programName) + helpText)
        return 0
    case .version(let level):
        let text = level > 1 ? "Python \(GarterVersion.sysVersion)" : "Python \(GarterVersion.pythonText) (Garter \(GarterVersion.text))"
        StandardStreams.writeOutput(text + "\n")
        return 0
    case .run:
        break
    }

    var configuration = options.configuration
    let ignoreEnvironment = configuration.flags.ignoreEnvironment != 0
    switch SysConfiguration.findStandardLibrary(environment: environment, ignoreEnvironment: ignoreEnvironment) {
    case .success(let folder): configuration.standardLibrary = folder
    case .failure(let error):
        StandardStreams.writeError("garter: \(error.message)\n")
        return 1
    }
    configuration.executable = executablePath(programName)
    configuration.garterLibrary = SysConfiguration.findGarterLibrary(executable: configuration.executable,
                                                                     environment: environment,
                                                                     ignoreEnvironment: ignoreEnvironment)
    let standardInputIsTerminal = isatty(0) == 1
    var source: (bytes: [UInt8], filename: String, isFile: Bool)?
    switch options.program {
    case .script(let path):
        // A folder runs its __main__.py, with the folder first on sys.path.
        let file = isDirectory(path) ? path + (path.hasSuffix("/") ? "" : "/") + "__main__.py" : path
        guard let bytes = FileContents.read(atPath: file), !isDirectory(file) else {
            if isDirectory(path) {
                let message = "\(programName): can't find '__main__' module in '\(absolutePath(path))'\n"
                StandardStreams.writeError(message)
                return 1
            }
            let message = "\(programName): can't open file '\(absolutePath(path))': [Errno 2] No such file or directory\n"
            StandardStreams.writeError(message)
            return 2
        }
        var text = Array(bytes)
        if options.skipFirstLine, let newline = text.firstIndex(of: 10) { text.removeSubrange(0..<newline) }
        source = (text, absolutePath(file), true)
        configuration.argv = [path] + options.arguments
        configuration.mainPathEntry = isDirectory(path) ? absolutePath(path) : scriptDirectory(path)
    case .command(let command):
        source = (Array((command + "\n").utf8), "<string>", false)
        configuration.argv = ["-c"] + options.arguments
        configuration.mainPathEntry = ""
    case .module:
        configuration.argv = ["-m"] + options.arguments
        configuration.mainPathEntry = PathNames.currentDirectory()
    case .standardInput(let explicit):
        configuration.argv = [explicit ? "-" : ""] + options.arguments
        configuration.mainPathEntry = ""
        // With -i, standard input is the prompt's even when it is not a terminal.
        if !standardInputIsTerminal && configuration.flags.inspect == 0 {
            source = (FileContents.read(fileDescriptor: 0) ?? [], "<stdin>", true)
        }
    }
    if configuration.flags.safePath { configuration.mainPathEntry = nil }
    let interactive = configuration.flags.inspect != 0
        || (options.program == .standardInput(explicit: false) || options.program == .standardInput(explicit: true)) && standardInputIsTerminal

    // CPython's rule: a banner when there is no program and the prompt runs.
    let showsBanner = configuration.flags.quiet == 0 && interactive
        && (options.program == .standardInput(explicit: false) || options.program == .standardInput(explicit: true))
    let settings = configuration
    let program = options.program
    let mainSource = source
    var mainPackage: String?
    if case .script(let path) = program, isDirectory(path) { mainPackage = "" }
    let package = mainPackage
    return runProgramThread { () -> Int32 in
        let interpreter = Interpreter(hashSecret: hashSecret)
        interpreter.installSys(settings)
        // -X giltrace / gilstats / convoyfix: the trace file and the
        // statistics are written after `main.finish` (the deferred call).
        let gilOptions = interpreter.startGILCommandLineOptions(settings.xOptions)
        defer { interpreter.finishGILCommandLineOptions(gilOptions) }
        let output = OutputBuffer.standardOutput()
        output.flushesEachWrite = settings.unbuffered
        output.flushesEachLine = isatty(1) == 1
        let main = MainProgram(interpreter: interpreter, output: output)
        var outcome = MainProgram.Outcome.completed
        if settings.flags.noSite == 0 {
            switch main.importSite() {
            case .completed: break
            case .exit(let status): return main.finish(status: status)
            case .uncaught: return main.finish(status: 1)
            }
        }
        if case .module(let name) = program {
            outcome = main.runModule(named: name, programName: programName)
        } else if let source = mainSource {
            // `__file__` is only set for scripts; stdin runs as `<stdin>` without one.
            outcome = main.run(source: source.bytes, filename: source.filename,
                               isFile: source.isFile && source.filename != "<stdin>", package: package)
        }
        if interactive {
            if case .exit(let status) = outcome, settings.flags.inspect == 0 { return main.finish(status: status) }
            let status = InteractivePrompt(program: main, showsBanner: showsBanner).run()
            return main.finish(status: status)
        }
        switch outcome {
        case .completed: return main.finish(status: 0)
        case .exit(let status): return main.finish(status: status)
        case .uncaught(let keyboardInterrupt):
            let status = main.finish(status: 1)
            if keyboardInterrupt { dieOfInterrupt() }
            return status
        }
    }
}

/// CPython ends a program stopped by an uncaught KeyboardInterrupt by
/// killing itself with SIGINT, so the parent sees the signal (status 130 in a shell).
func dieOfInterrupt() -> Never {
    signal(SIGINT, SIG_DFL)
    kill(getpid(), SIGINT)
    exit(130)
}

/// `sys.path[0]` for a script: its directory, with the script's own
/// symbolic link resolved, as CPython does.
func scriptDirectory(_ path: String) -> String {
    let absolute = absolutePath(path)
    return PathNames.deletingLastComponent(PathNames.resolvingSymbolicLinks(absolute) ?? absolute)
}

func isDirectory(_ path: String) -> Bool {
    FileStatus.isDirectory(atPath: path)
}

/// `sys.executable`: the running program's absolute path.
func executablePath(_ programName: String) -> String {
    if let link = PathNames.symbolicLinkDestination("/proc/self/exe") { return link }
    if programName.contains("/") { return absolutePath(programName) }
    return programName
}

let helpText = """
Options (Garter accepts CPython 3.11's options; the ones marked * are accepted and not used yet):
-b     : * warn about str(bytes) and bytes/str comparisons (-bb: errors)
-B     : don't write .pyc files (also PYTHONDONTWRITEBYTECODE)
-c cmd : run the program given as a string (ends the option list)
-d     : * parser debugging output
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help and exit (also -? or --help)
-i     : run the interactive prompt after the script, even if stdin is not a terminal
-I     : isolate from the user's environment (implies -E, -P and -s)
-m mod : run a module found on sys.path as a script (ends the option list)
-O     : remove assert and __debug__-dependent statements; -OO: also docstrings
-P     : don't put the script's directory (or the current one) first on sys.path
-q     : don't print the version banner when the prompt starts
-s     : * don't add the user site directory to sys.path
-S     : * don't import site at start-up
-u     : write standard output and standard error unbuffered (also PYTHONUNBUFFERED)
-v     : * trace imports
-V     : print the Python version Garter implements and Garter's version (-VV: more)
-W arg : * warning control (sys.warnoptions)
-x     : skip the first line of the script
-X opt : implementation option, in sys._xoptions: giltrace[=FILE] (GIL trace, Chrome JSON),
         gilstats (GIL statistics at exit), convoyfix=0 (turn the convoy fix off)
file   : program read from a script file
-      : program read from stdin (the default; interactive when stdin is a terminal)
arg ...: arguments passed to the program in sys.argv[1:]

Garter's own developer commands (each alone on the command line):
--dump-ast FILE        print ast.dump(ast.parse(FILE), include_attributes=True)
--symtable FILE        print FILE's symbol tables (as scripts/symtable_dump.py does)
--parse-bench LIST     parse the files listed in LIST and print the time taken
--dis [-O|-OO] FILE    print the disassembly of FILE's code objects
--compile [-O|-OO] FILE  compile FILE only (exit 1 with the SyntaxError on failure)
--compile-bench LIST   compile the files listed in LIST and print the time taken
--gil-report TRACE [-o OUT.svg|OUT.html] [--from MS] [--to MS]
                       summarise a GIL trace (-X giltrace) and draw its timeline

Environment: PYTHONPATH, PYTHONUNBUFFERED, PYTHONDONTWRITEBYTECODE, PYTHONINSPECT,
PYTHONOPTIMIZE, PYTHONWARNINGS, PYTHONSAFEPATH, PYTHONINTMAXSTRDIGITS as in CPython;
GARTER_STDLIB: CPython 3.11's Lib folder (default /usr/lib/python3.11);
GARTER_HOME: the folder holding Garter's own Lib/.

"""
