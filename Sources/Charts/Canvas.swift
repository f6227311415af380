/// Builds one SVG document: title, legend, plot area with axes, caption. The layout is
/// computed from the frame alone (no font metrics), so it is the same everywhere.
struct Canvas {
    static let font = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
    static let tickSize = 14.0, legendSize = 14.0, titleSize = 20.0, captionSize = 13.0, labelSize = 14.0

    let frame: ChartFrame
    let legendRows: [[(name: String, color: String, kind: LegendKind)]]
    let captionLines: [String]
    let left = 86.0, right = 24.0
    var body: [String] = []

    enum LegendKind { case line, dashedLine, area, hollow, band }

    init(frame: ChartFrame, legend: [(name: String, color: String, kind: LegendKind)]) {
        self.frame = frame
        // Lay the legend out in rows that fit the width.
        var rows: [[(name: String, color: String, kind: LegendKind)]] = []
        var row: [(name: String, color: String, kind: LegendKind)] = []
        var used = 0.0
        let available = frame.width - left - right
        for item in legend {
            let w = 34 + Format.textWidth(item.name, size: Canvas.legendSize) + 18
            if !row.isEmpty && used + w > available { rows.append(row); row = []; used = 0 }
            row.append(item)
            used += w
        }
        if !row.isEmpty { rows.append(row) }
        legendRows = rows
        captionLines = Format.wrap(frame.caption, width: Int((frame.width - 2 * 12) / (Canvas.captionSize * 0.56)))
    }

    var top: Double { 44 + Double(legendRows.count) * 24 + 14 }
    var plotTop: Double { top }
    var plotBottom: Double { top + frame.plotHeight }
    var plotLeft: Double { left }
    var plotRight: Double { frame.width - right }
    var height: Double { plotBottom + 62 + Double(captionLines.count) * 18 + 8 }

    static func c(_ x: Double) -> String { Format.coordinate(x) }

    mutating func add(_ element: String) { body.append(element) }

    /// Horizontal grid lines and labels of the y axis.
    mutating func yAxis(_ scale: LinearScale, ticks: [Double], decimals: Int) {
        for t in ticks {
            let y = scale(t)
            add("<line x1=\"\(Self.c(plotLeft))\" y1=\"\(Self.c(y))\" x2=\"\(Self.c(plotRight))\" y2=\"\(Self.c(y))\" stroke=\"\(t == 0 ? "#555555" : "#dddddd")\" stroke-width=\"1\"/>")
            add("<text x=\"\(Self.c(plotLeft - 8))\" y=\"\(Self.c(y + 5))\" text-anchor=\"end\" font-size=\"\(Int(Self.tickSize))\" fill=\"#222222\">\(Format.number(t, decimals: decimals))</text>")
        }
    }

    /// Labels under the x axis at `positions`, leaving out labels that would overlap.
    mutating func xLabels(_ labels: [(x: Double, label: String)]) {
        guard !labels.isEmpty else { return }
        let widest = labels.map { Format.textWidth($0.label, size: Self.tickSize) }.max() ?? 0
        let spacing = labels.count > 1 ? abs(labels[1].x - labels[0].x) : .infinity
        let every = spacing > 0 ? max(1, Int(((widest + 10) / spacing).rounded(.up))) : 1
        for (i, l) in labels.enumerated() where i % every == 0 {
            add("<line x1=\"\(Self.c(l.x))\" y1=\"\(Self.c(plotBottom))\" x2=\"\(Self.c(l.x))\" y2=\"\(Self.c(plotBottom + 5))\" stroke=\"#555555\"/>")
            add("<text x=\"\(Self.c(l.x))\" y=\"\(Self.c(plotBottom + 22))\" text-anchor=\"middle\" font-size=\"\(Int(Self.tickSize))\" fill=\"#222222\">\(Format.escape(l.label))</text>")
        }
    }

    mutating func noData() {
        add("<text x=\"\(Self.c((plotLeft + plotRight) / 2))\" y=\"\(Self.c((plotTop + plotBottom) / 2))\" text-anchor=\"middle\" font-size=\"18\" fill=\"#555555\">no data</text>")
    }

    /// The whole document.
    func svg() -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(frame.width))\" height=\"\(Int(height.rounded(.up)))\" viewBox=\"0 0 \(Int(frame.width)) \(Int(height.rounded(.up)))\" role=\"img\" font-family=\"\(Self.font)\">\n"
        out += "<title>\(Format.escape(frame.title))</title>\n<desc>\(Format.escape(frame.caption))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Int(frame.width))\" height=\"\(Int(height.rounded(.up)))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"12\" y=\"28\" font-size=\"\(Int(Self.titleSize))\" font-weight=\"bold\" fill=\"#111111\">\(Format.escape(frame.title))</text>\n"
        for (r, row) in legendRows.enumerated() {
            var x = plotLeft
            let y = 44 + Double(r) * 24 + 8
            for item in row {
                switch item.kind {
                case .line, .dashedLine:
                    out += "<line x1=\"\(Self.c(x))\" y1=\"\(Self.c(y))\" x2=\"\(Self.c(x + 26))\" y2=\"\(Self.c(y))\" stroke=\"\(item.color)\" stroke-width=\"3\"\(item.kind == .dashedLine ? " stroke-dasharray=\"7 4\"" : "")/>\n"
                case .area:
                    out += "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y - 7))\" width=\"26\" height=\"14\" fill=\"\(item.color)\"/>\n"
                case .hollow:
                    out += "<rect x=\"\(Self.c(x + 1))\" y=\"\(Self.c(y - 6))\" width=\"24\" height=\"12\" fill=\"#ffffff\" stroke=\"\(item.color)\" stroke-width=\"2\"/>\n"
                case .band:
                    out += "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y - 7))\" width=\"26\" height=\"14\" fill=\"\(item.color)\" fill-opacity=\"0.25\"/>\n"
                }
                out += "<text x=\"\(Self.c(x + 32))\" y=\"\(Self.c(y + 5))\" font-size=\"\(Int(Self.legendSize))\" fill=\"#222222\">\(Format.escape(item.name))</text>\n"
                x += 34 + Format.textWidth(item.name, size: Self.legendSize) + 18
            }
        }
        for element in body { out += element + "\n" }
        // Axes and their labels.
        out += "<line x1=\"\(Self.c(plotLeft))\" y1=\"\(Self.c(plotTop))\" x2=\"\(Self.c(plotLeft))\" y2=\"\(Self.c(plotBottom))\" stroke=\"#555555\"/>\n"
        out += "<line x1=\"\(Self.c(plotLeft))\" y1=\"\(Self.c(plotBottom))\" x2=\"\(Self.c(plotRight))\" y2=\"\(Self.c(plotBottom))\" stroke=\"#555555\"/>\n"
        let midY = (plotTop + plotBottom) / 2
        out += "<text x=\"18\" y=\"\(Self.c(midY))\" transform=\"rotate(-90 18 \(Self.c(midY)))\" text-anchor=\"middle\" font-size=\"\(Int(Self.labelSize))\" fill=\"#222222\">\(Format.escape(frame.yLabel))</text>\n"
        out += "<text x=\"\(Self.c((plotLeft + plotRight) / 2))\" y=\"\(Self.c(plotBottom + 46))\" text-anchor=\"middle\" font-size=\"\(Int(Self.labelSize))\" fill=\"#222222\">\(Format.escape(frame.xLabel))</text>\n"
        for (k, line) in captionLines.enumerated() {
            out += "<text x=\"12\" y=\"\(Self.c(plotBottom + 74 + Double(k) * 18))\" font-size=\"\(Int(Self.captionSize))\" fill=\"#333333\">\(Format.escape(line))</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
