import GarterSystem

/// `garter --gil-report TRACE.json [-o OUT.svg|OUT.html] [--from MS] [--to MS]
/// [--width PIXELS] [--title TEXT]`: reads a GIL trace (`-X giltrace=FILE`,
/// `gil.stop_trace(path)`), prints the summary table and, with `-o`, writes
/// the timeline picture (SVG, or an HTML page when OUT ends in .html).
public enum GILReportCommand {
    public static let usage = """
        usage: garter --gil-report TRACE.json [-o OUT.svg|OUT.html] [--from MS] [--to MS] [--width PIXELS] [--title TEXT]
          TRACE.json  a GIL trace: garter -X giltrace=TRACE.json prog.py, or gil.stop_trace(path)
          -o OUT      write the timeline picture: SVG, or an HTML page if OUT ends in .html
          --from MS, --to MS  show only this window of the trace (milliseconds from its start)
          --width PIXELS      the picture's width (default 1200)
          --title TEXT        the picture's title (default: the trace file's name)

        """

    struct Options {
        var trace = ""
        var output: String?
        var from: Double?
        var to: Double?
        var width = 1200
        var title: String?
    }

    /// Runs the command on the arguments after `--gil-report`; returns the
    /// exit status (0, 1 when the trace cannot be read or written, 2 for usage errors).
    public static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            StandardStreams.writeError(usage)
            return 2
        }
        guard let data = FileContents.read(atPath: options.trace) else {
            fail("garter: can't open GIL trace '\(options.trace)'")
            return 1
        }
        var timeline: GILTimeline
        do throws(ChromeTraceReader.ReadError) {
            timeline = try ChromeTraceReader.read(data)
        } catch {
            fail("garter: '\(options.trace)' is not a GIL trace: \(error.description)")
            return 1
        }
        if options.from != nil || options.to != nil {
            let from = Int64((options.from ?? 0) * 1e6)
            let to = options.to.map { Int64($0 * 1e6) } ?? timeline.duration
            timeline = timeline.window(from: from, to: to)
        }
        let summary = GILSummary(timeline)
        StandardStreams.writeOutput(GILSummaryText.text(summary))
        guard let output = options.output else { return 0 }
        let title = options.title ?? "GIL timeline: " + PathNames.lastComponent(options.trace)
        var picture = SVGTimeline(title: title)
        picture.width = options.width
        let svg = picture.render(timeline, summary: summary)
        let contents = output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm")
            ? HTMLReport.render(title: title, svg: svg, summary: summary) : svg
        guard FileContents.write(contents, toPath: output) else {
            fail("garter: can't write '\(output)'")
            return 1
        }
        return 0
    }

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var index = 0
        var trace: String?
        func value() -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-o", "--output":
                guard let path = value() else { return nil }
                options.output = path
            case "--from":
                guard let text = value(), let number = Double(text), number >= 0 else { return nil }
                options.from = number
            case "--to":
                guard let text = value(), let number = Double(text), number >= 0 else { return nil }
                options.to = number
            case "--width":
                guard let text = value(), let number = Int(text), number >= 300, number <= 20000 else { return nil }
                options.width = number
            case "--title":
                guard let text = value() else { return nil }
                options.title = text
            default:
                guard trace == nil, !argument.hasPrefix("-") || argument == "-" else { return nil }
                trace = argument
            }
            index += 1
        }
        guard let trace else { return nil }
        options.trace = trace
        if let from = options.from, let to = options.to, to <= from { return nil }
        return options
    }

    static func fail(_ message: String) {
        StandardStreams.writeError(message + "\n")
    }
}
