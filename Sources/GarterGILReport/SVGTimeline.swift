/// The GIL timeline as one self-contained SVG picture: a lane per thread
/// (green while it holds the GIL, red while it waits for it, blue or purple
/// while it is blocked in a named call), ticks above each lane for drop
/// requests and forced releases, a time axis, a legend and the summary
/// table underneath.
public struct SVGTimeline {
    public var title: String
    public var width = 1200
    public var showsSummary = true

    public init(title: String) {
        self.title = title
    }

    let nameColumn = 170
    let rightMargin = 24
    let laneTop = 58
    let markerHeight = 7
    let barHeight = 22
    let laneGap = 9
    let summaryLineHeight = 15

    public func render(_ timeline: GILTimeline, summary: GILSummary) -> String {
        let plotWidth = max(width - nameColumn - rightMargin, 100)
        let laneHeight = markerHeight + barHeight + laneGap
        let lanesBottom = laneTop + timeline.lanes.count * laneHeight
        let axisY = lanesBottom + 2
        let legendY = axisY + 40
        let summaryLines = showsSummary ? GILSummaryText.lines(summary) : []
        let summaryY = legendY + 30
        let height = summaryY + summaryLines.count * summaryLineHeight + 12
        var svg = SVGWriter()
        svg.open(width: width, height: height)
        svg.rect(x: 0, y: 0, width: Double(width), height: Double(height), fill: "#ffffff")
        svg.text(title, x: 12, y: 24, size: 16, weight: "bold")
        svg.text("\(durationText(timeline.duration)) shown; each pixel column shows the state that took most of its time",
                 x: 12, y: 42, size: 11, fill: "#666666")

        var statesSeen: [GILTimeline.State] = []
        var instantsSeen = Set<GILTimeline.InstantKind>()
        for (index, lane) in timeline.lanes.enumerated() {
            let top = laneTop + index * laneHeight
            let barTop = top + markerHeight
            svg.text(clipped(lane.name, 24), x: 12, y: Double(barTop) + 15, size: 12)
            svg.rect(x: Double(nameColumn), y: Double(barTop), width: Double(plotWidth), height: Double(barHeight),
                     fill: "#f1f1f1")
            let raster = LaneRaster(lane, duration: timeline.duration, columns: plotWidth)
            for run in raster.runs {
                if !statesSeen.contains(run.state) { statesSeen.append(run.state) }
                svg.rect(x: Double(nameColumn + run.firstColumn), y: Double(barTop), width: Double(run.columns),
                         height: Double(barHeight), fill: TimelinePalette.colour(of: run.state))
            }
            for kind in [GILTimeline.InstantKind.dropRequest, .convoyFixRequest, .forcedRelease] {
                guard let columns = raster.instantColumns[kind] else { continue }
                instantsSeen.insert(kind)
                var path = ""
                for column in columns {
                    path += "M\(nameColumn + column).5 \(top)v\(markerHeight - 1)"
                }
                svg.path(path, stroke: TimelinePalette.colour(of: kind))
            }
        }

        // The time axis.
        svg.line(x1: Double(nameColumn), y1: Double(axisY), x2: Double(nameColumn + plotWidth), y2: Double(axisY),
                 stroke: "#444444")
        let axis = TimeAxis(duration: timeline.duration, target: max(plotWidth / 110, 2))
        for tick in axis.ticks {
            let x = Double(nameColumn) + (timeline.duration > 0 ? Double(tick) / Double(timeline.duration) * Double(plotWidth) : 0)
            svg.line(x1: x, y1: Double(axisY), x2: x, y2: Double(axisY + 5), stroke: "#444444")
            svg.line(x1: x, y1: Double(laneTop), x2: x, y2: Double(lanesBottom), stroke: "#00000014")
            svg.text(axis.label(tick), x: x, y: Double(axisY + 18), size: 11, anchor: "middle")
        }

        // The legend: the states and instants that appear.
        var legendX = 12.0
        let order: [GILTimeline.State] = [.holding, .waiting]
            + statesSeen.filter { if case .blocked = $0 { return true } else { return false } }
        for state in order {
            svg.rect(x: legendX, y: Double(legendY - 10), width: 14, height: 12, fill: TimelinePalette.colour(of: state))
            let label = TimelinePalette.label(of: state)
            svg.text(label, x: legendX + 19, y: Double(legendY), size: 12)
            legendX += 19 + Double(label.count) * 6.6 + 18
        }
        for kind in [GILTimeline.InstantKind.dropRequest, .convoyFixRequest, .forcedRelease] where instantsSeen.contains(kind) {
            svg.path("M\(Int(legendX) + 5).5 \(legendY - 11)v12", stroke: TimelinePalette.colour(of: kind), width: 2)
            svg.text(kind.rawValue, x: legendX + 13, y: Double(legendY), size: 12)
            legendX += 13 + Double(kind.rawValue.count) * 6.6 + 18
        }

        for (index, line) in summaryLines.enumerated() {
            svg.text(line, x: 12, y: Double(summaryY + index * summaryLineHeight), size: 12, monospace: true)
        }
        svg.close()
        return svg.text
    }

    private func clipped(_ name: String, _ limit: Int) -> String {
        name.count <= limit ? name : String(name.prefix(limit - 1)) + "…"
    }
}

/// The few SVG elements the picture needs, with text escaped.
struct SVGWriter {
    var text = ""

    mutating func open(width: Int, height: Int) {
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\""
            + " viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\">\n"
    }

    mutating func close() { text += "</svg>\n" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        text += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(fill)\"/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String) {
        text += "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    mutating func path(_ data: String, stroke: String, width: Int = 1) {
        text += "<path d=\"\(data)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\" fill=\"none\"/>\n"
    }

    mutating func text(_ content: String, x: Double, y: Double, size: Int, weight: String? = nil,
                       fill: String = "#222222", anchor: String? = nil, monospace: Bool = false) {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(size)\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if monospace { attributes += " font-family=\"Menlo, Consolas, monospace\" xml:space=\"preserve\"" }
        text += "<text \(attributes)>\(escaped(content))</text>\n"
    }

    func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : fixed(value, 1)
    }
}

/// Text for XML content and attributes.
func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        default: result.append(character)
        }
    }
    return result
}
