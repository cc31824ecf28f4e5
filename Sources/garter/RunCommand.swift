import Foundation
import GarterCompiler
import GarterRuntime
import GarterSyntax

/// `garter FILE`: parse, compile and run a script as `__main__`.
///
/// Errors are printed as the last line of the traceback CPython would print
/// (tracebacks themselves come with exception objects), and the exit status
/// is 1, as for an uncaught exception.
func runFile(_ path: String) -> Int32 {
    // CPython reads PYTHONHASHSEED while configuring itself, before it even
    // opens the script, and stops with a fatal error for a bad value.
    let hashSecret: HashSecret
    do throws(HashSeedError) {
        hashSecret = try HashSecret.fromEnvironment(ProcessInfo.processInfo.environment["PYTHONHASHSEED"])
    } catch {
        FileHandle.standardError.write(Data(error.fatalErrorText.utf8))
        return 1
    }
    guard let bytes = readSource(path) else {
        let message = "garter: can't open file '\(absolutePath(path))': [Errno 2] No such file or directory\n"
        FileHandle.standardError.write(Data(message.utf8))
        return 2
    }
    let filename = path == "-" ? "<stdin>" : absolutePath(path)
    return runWithLargeStack { () -> Int32 in
        let code: CodeObject
        do {
            let source = try SourceBuffer(fileBytes: bytes, filename: filename)
            let module = try Parser.parseModule(source, from: .file)
            code = try CodeGenerator.compileModule(module, source: source)
        } catch let error as SyntaxError {
            FileHandle.standardError.write(Data(error.formatted().utf8))
            return 1
        } catch CompileError.syntax(let error) {
            FileHandle.standardError.write(Data(error.formatted().utf8))
            return 1
        } catch CompileError.unsupported(let what, let range) {
            let message = "garter: \(filename), line \(range.lineno): \(what) is not supported yet\n"
            FileHandle.standardError.write(Data(message.utf8))
            return 1
        } catch {
            FileHandle.standardError.write(Data("garter: \(error)\n".utf8))
            return 1
        }
        let interpreter = Interpreter(hashSecret: hashSecret)
        interpreter.searchPath = [URL(fileURLWithPath: filename).deletingLastPathComponent().path]
        let output = OutputBuffer.standardOutput()
        do throws(EvalError) {
            try interpreter.runMain(code, output: output)
            return 0
        } catch {
            return interpreter.reportUncaught(error, output: output)
        }
    }
}
