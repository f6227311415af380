/// Bars stacked per category (e.g. spending per service by budget year), with lines
/// across the categories on top (e.g. income).
public struct StackedBarChart: Sendable {
    public var frame: ChartFrame
    public var categories: [String]
    public var layers: [CategorySeries]
    public var lines: [CategorySeries]

    public init(frame: ChartFrame, categories: [String], layers: [CategorySeries], lines: [CategorySeries] = []) throws(ChartError) {
        for s in layers + lines where s.values.count != categories.count { throw .lengthMismatch(s.name) }
        for s in layers { for (i, v) in s.values.enumerated() where v < 0 { throw .negativeInStack(s.name, i) } }
        self.frame = frame
        self.categories = categories
        self.layers = layers
        self.lines = lines
    }

    public func svg() -> String {
        var legend: [(name: String, color: String, kind: Canvas.LegendKind)] = []
        for (k, s) in layers.enumerated() { legend.append((s.name, s.color ?? Palette.area(k), .area)) }
        for (k, s) in lines.enumerated() { legend.append((s.name, s.color ?? Palette.black, k == 0 ? .line : .dashedLine)) }
        var canvas = Canvas(frame: frame, legend: legend)
        guard !categories.isEmpty else { canvas.noData(); return canvas.svg() }
        let totals = categories.indices.map { i in layers.reduce(0) { $0 + $1.values[i] } }
        let top = (totals + lines.flatMap { $0.values + ($0.intervals ?? []).map(\.upper) }).max() ?? 1
        let bottom = min(0, lines.flatMap { $0.values + ($0.intervals ?? []).map(\.lower) }.min() ?? 0)
        let y = LinearScale.nice(bottom, top, count: 6, includeZero: true)
        let yScale = LinearScale(domain: y.domain, range: canvas.plotTop...canvas.plotBottom, flipped: true)
        canvas.yAxis(yScale, ticks: LinearScale.ticks(y.domain, step: y.step), decimals: Format.decimals(forStep: y.step))
        let slot = (canvas.plotRight - canvas.plotLeft) / Double(categories.count)
        let barWidth = slot * 0.7
        func center(_ i: Int) -> Double { canvas.plotLeft + slot * (Double(i) + 0.5) }
        canvas.xLabels(categories.enumerated().map { (center($0.offset), $0.element) })
        let c = Canvas.c
        for i in categories.indices {
            var base = 0.0
            for (k, layer) in layers.enumerated() {
                let v = layer.values[i]
                guard v > 0 else { continue }
                let y0 = yScale(base), y1 = yScale(base + v)
                canvas.add("<rect x=\"\(c(center(i) - barWidth / 2))\" y=\"\(c(y1))\" width=\"\(c(barWidth))\" height=\"\(c(y0 - y1))\" fill=\"\(layer.color ?? Palette.area(k))\"><title>\(Format.escape("\(categories[i]) \(layer.name): \(Format.number(v, decimals: 2))"))</title></rect>")
                base += v
            }
        }
        for (k, line) in lines.enumerated() {
            let color = line.color ?? Palette.black
            let path = line.values.enumerated().map { "\(c(center($0.offset))),\(c(yScale($0.element)))" }.joined(separator: " ")
            if line.values.count > 1 {
                canvas.add("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"3\"\(k == 0 ? "" : " stroke-dasharray=\"7 4\"")/>")
            }
            for (i, v) in line.values.enumerated() {
                canvas.add("<circle cx=\"\(c(center(i)))\" cy=\"\(c(yScale(v)))\" r=\"4\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\"/>")
            }
        }
        return canvas.svg()
    }
}

/// Grouped bars per category, each with an optional interval (whiskers); a bar marked
/// not solid is drawn hollow (e.g. a difference whose interval holds zero).
public struct BarChart: Sendable {
    public var frame: ChartFrame
    public var categories: [String]
    public var series: [CategorySeries]

    public init(frame: ChartFrame, categories: [String], series: [CategorySeries]) throws(ChartError) {
        for s in series where s.values.count != categories.count { throw .lengthMismatch(s.name) }
        self.frame = frame
        self.categories = categories
        self.series = series
    }

    public func svg() -> String {
        var legend: [(name: String, color: String, kind: Canvas.LegendKind)] = []
        for (k, s) in series.enumerated() { legend.append((s.name, s.color ?? Palette.line(k), .area)) }
        if series.contains(where: { $0.solid?.contains(false) ?? false }) {
            legend.append(("hollow: interval includes 0", "#555555", .hollow))
        }
        var canvas = Canvas(frame: frame, legend: legend)
        guard !categories.isEmpty, !series.isEmpty else { canvas.noData(); return canvas.svg() }
        let values = series.flatMap { $0.values + ($0.intervals ?? []).flatMap { [$0.lower, $0.upper] } }
        let y = LinearScale.nice(values.min() ?? 0, values.max() ?? 1, count: 6, includeZero: true)
        let yScale = LinearScale(domain: y.domain, range: canvas.plotTop...canvas.plotBottom, flipped: true)
        canvas.yAxis(yScale, ticks: LinearScale.ticks(y.domain, step: y.step), decimals: Format.decimals(forStep: y.step))
        let slot = (canvas.plotRight - canvas.plotLeft) / Double(categories.count)
        let barWidth = slot * 0.75 / Double(series.count)
        func center(_ i: Int) -> Double { canvas.plotLeft + slot * (Double(i) + 0.5) }
        canvas.xLabels(categories.enumerated().map { (center($0.offset), $0.element) })
        let c = Canvas.c
        let zero = yScale(0)
        for (k, s) in series.enumerated() {
            let color = s.color ?? Palette.line(k)
            for (i, v) in s.values.enumerated() {
                let x = center(i) - slot * 0.375 + Double(k) * barWidth
                let yv = yScale(v)
                let solid = s.solid?[i] ?? true
                let fill = solid ? "fill=\"\(color)\"" : "fill=\"#ffffff\" stroke=\"\(color)\" stroke-width=\"2\""
                var tip = "\(categories[i]) \(s.name): \(Format.number(v, decimals: 2))"
                if let b = s.intervals?[i] { tip += " (\(Format.number(b.lower, decimals: 2)) to \(Format.number(b.upper, decimals: 2)))" }
                canvas.add("<rect x=\"\(c(x + 1))\" y=\"\(c(min(yv, zero)))\" width=\"\(c(max(barWidth - 2, 1)))\" height=\"\(c(abs(zero - yv)))\" \(fill)><title>\(Format.escape(tip))</title></rect>")
                if let b = s.intervals?[i] {
                    let mid = x + barWidth / 2
                    canvas.add("<path d=\"M\(c(mid)) \(c(yScale(b.lower)))V\(c(yScale(b.upper)))M\(c(mid - 5)) \(c(yScale(b.lower)))H\(c(mid + 5))M\(c(mid - 5)) \(c(yScale(b.upper)))H\(c(mid + 5))\" stroke=\"#222222\" stroke-width=\"1.5\" fill=\"none\"/>")
                }
            }
        }
        return canvas.svg()
    }
}
