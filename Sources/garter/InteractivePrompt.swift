import GarterRuntime
import GarterSystem
import Glibc

/// The read-eval-print loop: prompts with `sys.ps1` (`>>> `) and, while a
/// statement is unfinished, `sys.ps2` (`... `); each complete statement is
/// compiled in 'single' mode, so expression values go through
/// `sys.displayhook`; errors are reported and the loop goes on; end of file
/// (Ctrl-D) ends it with status 0, SystemExit with its status.
///
/// On a terminal, lines come from `LineEditor` (prompts on standard output);
/// otherwise they are read from standard input with the prompts on standard
/// error, as CPython does without readline.
struct InteractivePrompt {
    let program: MainProgram
    let showsBanner: Bool

    func run() -> Int32 {
        let interpreter = program.interpreter
        let thread = program.thread
        if let sys = interpreter.sys {
            if sys.attribute("ps1") == nil { interpreter.setItem(sys.module.dict, "ps1", interpreter.newString(">>> ")) }
            if sys.attribute("ps2") == nil { interpreter.setItem(sys.module.dict, "ps2", interpreter.newString("... ")) }
        }
        let onTerminal = isatty(0) == 1
        let editor = onTerminal ? LineEditor(historyFile: Self.historyFile()) : nil
        defer { editor?.saveHistory() }
        if showsBanner {
            thread.writeStandardError("Python \(GarterVersion.sysVersion) on \(Self.platform)\n"
                + "Garter \(GarterVersion.text): a Python 3.11 interpreter in Swift. Ctrl-D exits.\n")
        }
        var lines: [String] = []
        while true {
            let prompt = promptText(lines.isEmpty ? "ps1" : "ps2")
            program.output.flush()
            let line: String
            if let editor {
                switch editor.readLine(prompt: prompt) {
                case .line(let text):
                    line = text
                    editor.add(toHistory: text)
                case .endOfFile:
                    return 0
                case .interrupt:
                    thread.writeStandardError("KeyboardInterrupt\n")
                    lines = []
                    continue
                }
            } else {
                thread.writeStandardError(prompt)
                guard let text = Self.readPlainLine() else {
                    thread.writeStandardError("\n")
                    return 0
                }
                line = text
            }
            lines.append(line)
            switch program.runInteractive(lines.joined(separator: "\n")) {
            case .needsMore:
                continue
            case .done:
                lines = []
            case .exit(let status):
                return status
            }
        }
    }

    /// `str(sys.ps1)` or `str(sys.ps2)` (re-read each time: user code may change them).
    private func promptText(_ name: String) -> String {
        guard let value = program.interpreter.sys?.attribute(name) else { return name == "ps1" ? ">>> " : "... " }
        return (try? program.thread.strText(value)) ?? ""
    }

    /// One line of standard input without its newline; nil at end of file.
    static func readPlainLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 10 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    static func historyFile() -> String? {
        guard let home = EnvironmentVariables.value("HOME"), !home.isEmpty else { return nil }
        return home + "/.python_history"
    }

    static var platform: String {
        #if os(macOS)
        return "darwin"
        #else
        return "linux"
        #endif
    }
}
