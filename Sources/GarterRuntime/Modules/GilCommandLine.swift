import GarterSystem

/// The GIL's `-X` options: `-X giltrace[=FILE]` records a trace of the
/// whole run and writes it as Chrome Trace Event JSON at exit (FILE
/// defaults to `gil-trace.json`); `-X gilstats` prints the GIL statistics
/// to standard error at exit; `-X convoyfix=0` turns the convoy fix off
/// (`=1` on), for comparisons. Other `-X` options are not the GIL's.
public struct GILCommandLineOptions: Sendable, Equatable {
    /// Absolute, so that a program that changes directory still writes
    /// the trace where the command line meant.
    public var traceFile: String?
    public var printsStatistics = false
    public var convoyFix: Bool?

    public static let defaultTraceFile = "gil-trace.json"

    public init(xOptions: [(name: String, value: String?)], currentDirectory: String) {
        for (name, value) in xOptions {
            switch name {
            case "giltrace":
                let file = value.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultTraceFile
                traceFile = file.hasPrefix("/") ? file
                    : currentDirectory + (currentDirectory.hasSuffix("/") ? "" : "/") + file
            case "gilstats":
                printsStatistics = value.map { $0 != "0" } ?? true
            case "convoyfix":
                convoyFix = value.map { $0 != "0" && $0.lowercased() != "off" } ?? true
            default:
                continue
            }
        }
    }
}

extension Interpreter {
    /// Applies the GIL's `-X` options. Call once, before the main thread
    /// attaches (before `MainProgram`), so the trace sees it start.
    @discardableResult
    public func startGILCommandLineOptions(_ xOptions: [(name: String, value: String?)]) -> GILCommandLineOptions {
        let options = GILCommandLineOptions(xOptions: xOptions,
                                            currentDirectory: PathNames.currentDirectory())
        if let convoyFix = options.convoyFix { gil.convoyFixEnabled = convoyFix }
        if options.traceFile != nil { gil.startTracing() }
        return options
    }

    /// At exit, after `MainProgram.finish`: writes the trace file and prints
    /// the statistics, as the options asked. Problems are reported on
    /// standard error; they do not change the exit status.
    public func finishGILCommandLineOptions(_ options: GILCommandLineOptions) {
        if let file = options.traceFile {
            if gil.isTracing {
                let json = ChromeTraceWriter.json(gil.stopTracing())
                if !FileContents.write(json, toPath: file) {
                    StandardStreamIO.writeAll(2, Array("garter: -X giltrace: cannot write '\(file)'\n".utf8))
                }
            } else {
                let text = "garter: -X giltrace: the program stopped the trace (gil.stop_trace); '\(file)' not written\n"
                StandardStreamIO.writeAll(2, Array(text.utf8))
            }
        }
        if options.printsStatistics {
            StandardStreamIO.writeAll(2, Array(gilStatisticsText().utf8))
        }
    }
}
