import GarterCompiler
import GarterSyntax
import GarterSystem

// The compiler's own commands:
//   garter --dis FILE            print the disassembly of FILE's code (CPython 3.11 dis layout)
//   garter --compile FILE        compile only: silent exit 0, or the SyntaxError and exit 1
//   garter --compile-bench LIST  compile every file named in LIST and print the time taken

/// Runs a compiler command if `arguments` names one; nil otherwise.
func runCompileCommand(_ arguments: [String]) -> Int32? {
    guard let first = arguments.first else { return nil }
    var optimize = 0
    var rest = Array(arguments.dropFirst())
    while let option = rest.first, option == "-O" || option == "-OO" {
        optimize = option == "-O" ? 1 : 2
        rest.removeFirst()
    }
    switch first {
    case "--dis":
        guard rest.count == 1 else { return nil }
        return compileFile(rest[0], optimize: optimize) { code in
            StandardStreams.writeOutput(Disassembler.disassemble(code))
        }
    case "--compile":
        guard rest.count == 1 else { return nil }
        return compileFile(rest[0], optimize: optimize) { _ in }
    case "--compile-bench":
        guard rest.count == 1 else { return nil }
        return compileBench(rest[0])
    default:
        return nil
    }
}

enum CompileOutcome: Sendable {
    case success(CodeObject)
    case failure(SyntaxError)
}

func compileSource(_ bytes: [UInt8], filename: String, optimize: Int) -> CompileOutcome {
    do {
        let source = try SourceBuffer(fileBytes: bytes, filename: filename)
        let module = try Parser.parseModule(source, from: .file)
        return .success(try CodeGenerator.compile(module, source: source, options: CompileOptions(optimize: optimize)))
    } catch let error as SyntaxError {
        return .failure(error)
    } catch CompileError.syntax(let error) {
        return .failure(error)
    } catch {
        return .failure(SyntaxError(.syntaxError, "\(error)", filename: filename, lineno: 1, offset: 1))
    }
}

private func compileFile(_ path: String, optimize: Int, _ use: (CodeObject) -> Void) -> Int32 {
    guard let bytes = readSource(path) else {
        StandardStreams.writeError("garter: can't open file '\(absolutePath(path))': [Errno 2] No such file or directory\n")
        return 2
    }
    let filename = path == "-" ? "<stdin>" : absolutePath(path)
    switch runWithLargeStack({ compileSource(bytes, filename: filename, optimize: optimize) }) {
    case .success(let code):
        use(code)
        return 0
    case .failure(let error):
        StandardStreams.writeError(error.formatted())
        return 1
    }
}

/// Compiles every file named in `listPath` (read before timing) and prints
/// the total time for parsing plus compiling, and for parsing alone.
private func compileBench(_ listPath: String) -> Int32 {
    guard let list = FileContents.text(atPath: listPath) else {
        StandardStreams.writeError("garter: can't read '\(listPath)'\n")
        return 2
    }
    let paths = list.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    let sources = paths.compactMap { path in readSource(path).map { (path, $0) } }
    let (errors, seconds, parseSeconds) = runWithLargeStack { () -> (Int, Double, Double) in
        var errors = 0
        var start = MonotonicClock.nanoseconds()
        for (path, bytes) in sources {
            if case .failure = parse(bytes, filename: path) { errors += 0 }
        }
        let parseElapsed = Double(MonotonicClock.nanoseconds() - start) / 1e9
        start = MonotonicClock.nanoseconds()
        for (path, bytes) in sources {
            if case .failure = compileSource(bytes, filename: path, optimize: 0) { errors += 1 }
        }
        let elapsed = Double(MonotonicClock.nanoseconds() - start) / 1e9
        return (errors, elapsed, parseElapsed)
    }
    print("files=\(sources.count) errors=\(errors) seconds=\(CFormat.format("%.4f", seconds)) "
          + "parse_seconds=\(CFormat.format("%.4f", parseSeconds))")
    return 0
}
