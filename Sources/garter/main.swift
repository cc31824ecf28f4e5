import GarterCompiler
import GarterGILReport
import GarterSyntax
import GarterSystem
import Glibc

// The `garter` command line: CPython 3.11's (CommandLineOptions.swift,
// RunCommand.swift, InteractivePrompt.swift), plus developer commands that
// expose the front end and the compiler: `--dump-ast FILE`, `--symtable FILE`,
// `--parse-bench LISTFILE`, `--dis`, `--compile`, `--compile-bench`.

/// Parsing is recursive: run it on a thread with a large stack so that deeply
/// nested programs end in a SyntaxError, never in a stack overflow.
func runWithLargeStack<T>(_ body: @escaping @Sendable () -> T) -> T {
    LargeStackThread.run(stackSize: 512 << 20, body)
}

func readSource(_ path: String) -> [UInt8]? {
    if path == "-" {
        return FileContents.read(fileDescriptor: 0) ?? []
    }
    return FileContents.read(atPath: path)
}

func parse(_ bytes: [UInt8], filename: String) -> Result<Module, SyntaxError> {
    do throws(SyntaxError) {
        let source = try SourceBuffer(fileBytes: bytes, filename: filename)
        return .success(try Parser.parseModule(source, from: .file))
    } catch {
        return .failure(error)
    }
}

func dumpAST(_ path: String) -> Int32 {
    guard let bytes = readSource(path) else {
        StandardStreams.writeError("garter: can't open file '\(path)': [Errno 2] No such file or directory\n")
        return 2
    }
    let filename = path == "-" ? "<stdin>" : absolutePath(path)
    let result = runWithLargeStack { parse(bytes, filename: filename) }
    switch result {
    case .success(let module):
        StandardStreams.writeOutput(ASTDump.dump(module) + "\n")
        return 0
    case .failure(let error):
        StandardStreams.writeError(error.formatted())
        return 1
    }
}

/// Prints the symbol table of the file (`SymbolTableDump`, the format of
/// scripts/symtable_dump.py), or its SyntaxError as `--dump-ast` does.
func dumpSymbolTable(_ path: String) -> Int32 {
    guard let bytes = readSource(path) else {
        StandardStreams.writeError("garter: can't open file '\(path)': [Errno 2] No such file or directory\n")
        return 2
    }
    let filename = path == "-" ? "<stdin>" : absolutePath(path)
    let result = runWithLargeStack { () -> Result<SymbolTable, SyntaxError> in
        do throws(SyntaxError) {
            let source = try SourceBuffer(fileBytes: bytes, filename: filename)
            let module = try Parser.parseModule(source, from: .file)
            return .success(try SymbolTable.build(module, source: source))
        } catch {
            return .failure(error)
        }
    }
    switch result {
    case .success(let table):
        StandardStreams.writeOutput(SymbolTableDump.dump(table))
        return 0
    case .failure(let error):
        StandardStreams.writeError(error.formatted())
        return 1
    }
}

/// Parses every file named in `listPath` and prints how long decoding,
/// tokenizing and parsing took in total (files are read before timing).
func parseBench(_ listPath: String) -> Int32 {
    guard let list = FileContents.text(atPath: listPath) else {
        StandardStreams.writeError("garter: can't read '\(listPath)'\n")
        return 2
    }
    let paths = list.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    let sources = paths.compactMap { path in readSource(path).map { (path, $0) } }
    let (errors, seconds) = runWithLargeStack { () -> (Int, Double) in
        var errors = 0
        let start = MonotonicClock.nanoseconds()
        for (path, bytes) in sources {
            if case .failure = parse(bytes, filename: path) { errors += 1 }
        }
        let elapsed = Double(MonotonicClock.nanoseconds() - start) / 1e9
        return (errors, elapsed)
    }
    print("files=\(sources.count) errors=\(errors) seconds=\(CFormat.format("%.4f", seconds))")
    return 0
}

/// CPython names a script by its absolute path, made by prefixing the current
/// directory without normalising (`./x.py` becomes `/cwd/./x.py`).
func absolutePath(_ path: String) -> String {
    PathNames.absolute(path)
}

/// The developer commands come first; anything else is CPython's command line.
let arguments = Array(CommandLine.arguments.dropFirst())
if let status = runCompileCommand(arguments) { exit(status) }
switch arguments.first {
case "--dump-ast" where arguments.count == 2:
    exit(dumpAST(arguments[1]))
case "--symtable" where arguments.count == 2:
    exit(dumpSymbolTable(arguments[1]))
case "--parse-bench" where arguments.count == 2:
    exit(parseBench(arguments[1]))
case "--gil-report":
    exit(GILReportCommand.run(Array(arguments.dropFirst())))
default:
    // Like CPython: a write to a closed pipe is an error (BrokenPipeError), not a silent death.
    signal(SIGPIPE, SIG_IGN)
    exit(runPython(CommandLine.arguments))
}
