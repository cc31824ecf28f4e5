import GarterRuntime
import GarterSystem

/// The command line as CPython 3.11 reads it: single-letter options that
/// can be combined (`-Bu`), `-c`/`-m` ending the option list, `-X name[=value]`,
/// `-W arg`, a script path or `-` for standard input, then the script's
/// arguments; and the PYTHON* environment variables unless `-E`/`-I`.
struct CommandLineOptions {
    enum Program: Equatable {
        case script(String)
        case command(String)
        case module(String)
        /// Standard input; `explicit` when given as `-` (then `sys.argv[0]` is `-`).
        case standardInput(explicit: Bool)
    }

    enum Action: Equatable {
        case run
        case help
        /// `-V` (1) or `-VV` (2).
        case version(Int)
    }

    var program = Program.standardInput(explicit: false)
    var action = Action.run
    /// The arguments after the program (`sys.argv[1:]`).
    var arguments: [String] = []
    var configuration = SysConfiguration()
    /// `-x`: skip the script's first line.
    var skipFirstLine = false

    /// A usage error: the message CPython prints before its usage line.
    struct UsageError: Error {
        let message: String
    }

    static func parse(_ commandLine: [String], environment: [String: String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var flags = SysConfiguration.Flags()
        var index = 1
        var versionCount = 0
        var parsing = true
        programSearch: while parsing && index < commandLine.count {
            let argument = commandLine[index]
            if argument == "-" {
                options.program = .standardInput(explicit: true)
                index += 1
                break
            }
            if argument == "--" {
                index += 1
                if index < commandLine.count {
                    options.program = .script(commandLine[index])
                    index += 1
                }
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                options.program = .script(argument)
                index += 1
                break
            }
            if argument.hasPrefix("--") {
                switch argument {
                case "--help": options.action = .help
                case "--version": versionCount += 1
                case "--check-hash-based-pycs":
                    index += 1
                    guard index < commandLine.count else {
                        throw UsageError(message: "Argument expected for the --check-hash-based-pycs option")
                    }
                default: throw UsageError(message: "unknown option \(argument)")
                }
                index += 1
                continue
            }
            // One or more single-letter options; one taking an argument takes
            // the rest of this word, or the next word.
            let letters = Array(argument.dropFirst())
            var position = 0
            while position < letters.count {
                let letter = letters[position]
                position += 1
                func value() throws(UsageError) -> String {
                    if position < letters.count {
                        let rest = String(letters[position...])
                        position = letters.count
                        return rest
                    }
                    index += 1
                    guard index < commandLine.count else {
                        throw UsageError(message: "Argument expected for the -\(letter) option")
                    }
                    return commandLine[index]
                }
                switch letter {
                case "c":
                    options.program = .command(try value())
                    index += 1
                    break programSearch
                case "m":
                    options.program = .module(try value())
                    index += 1
                    break programSearch
                case "X":
                    let text = try value()
                    if let equals = text.firstIndex(of: "=") {
                        options.configuration.xOptions.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
                    } else {
                        options.configuration.xOptions.append((text, nil))
                    }
                case "W": options.configuration.warnOptions.append(try value())
                case "b": flags.bytesWarning += 1
                case "B": flags.dontWriteBytecode = 1
                case "d": flags.debug += 1
                case "E": flags.ignoreEnvironment = 1
                case "h", "?": options.action = .help
                case "i": flags.inspect = 1; flags.interactive = 1
                case "I": flags.isolated = 1; flags.ignoreEnvironment = 1; flags.noUserSite = 1; flags.safePath = true
                case "O": flags.optimize += 1
                case "P": flags.safePath = true
                case "q": flags.quiet = 1
                case "R": break  // hash randomization is always on
                case "s": flags.noUserSite = 1
                case "S": flags.noSite = 1
                case "u": options.configuration.unbuffered = true
                case "v": flags.verbose += 1
                case "V": versionCount += 1
                case "x": options.skipFirstLine = true
                default: throw UsageError(message: "Unknown option: -\(letter)")
                }
            }
            index += 1
        }
        if versionCount > 0 && options.action == .run { options.action = .version(min(versionCount, 2)) }
        options.arguments = Array(commandLine[min(index, commandLine.count)...])
        options.applyEnvironment(environment, flags: &flags)
        options.configuration.flags = flags
        options.configuration.originalArgv = commandLine
        return options
    }

    /// PYTHON* variables CPython 3.11 reads at start-up (skipped with -E/-I).
    private mutating func applyEnvironment(_ environment: [String: String], flags: inout SysConfiguration.Flags) {
        guard flags.ignoreEnvironment == 0 else { return }
        func isSet(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        func level(_ name: String) -> Int {
            guard let text = environment[name], !text.isEmpty else { return 0 }
            return max(Int(text) ?? 1, 1)
        }
        if isSet("PYTHONUNBUFFERED") { configuration.unbuffered = true }
        if isSet("PYTHONDONTWRITEBYTECODE") { flags.dontWriteBytecode = 1 }
        if isSet("PYTHONINSPECT") { flags.inspect = 1 }
        if isSet("PYTHONNOUSERSITE") { flags.noUserSite = 1 }
        if isSet("PYTHONSAFEPATH") { flags.safePath = true }
        flags.optimize = max(flags.optimize, level("PYTHONOPTIMIZE"))
        flags.verbose = max(flags.verbose, level("PYTHONVERBOSE"))
        flags.debug = max(flags.debug, level("PYTHONDEBUG"))
        if let digits = environment["PYTHONINTMAXSTRDIGITS"].flatMap({ Int($0) }) { flags.intMaxStrDigits = digits }
        if let warnings = environment["PYTHONWARNINGS"], !warnings.isEmpty {
            configuration.warnOptions.insert(contentsOf: warnings.split(separator: ",").map(String.init), at: 0)
        }
        if let path = environment["PYTHONPATH"], !path.isEmpty {
            // CPython makes the entries absolute (an empty one is the current directory).
            configuration.extraPath = path.split(separator: ":", omittingEmptySubsequences: false).map { entry in
                let text = String(entry)
                if text.hasPrefix("/") { return text }
                let directory = PathNames.currentDirectory()
                return text.isEmpty ? directory : directory + "/" + text
            }
        }
    }

    /// CPython's usage line (with the program name as invoked).
    static func usageLine(_ program: String) -> String {
        "usage: \(program) [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    }
}
