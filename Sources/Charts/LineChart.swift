/// Lines over time (or any x), each with an optional shaded band.
public struct LineChart: Sendable {
    public enum XAxis: Sendable { case time, linear }

    public var frame: ChartFrame
    public var series: [Series]
    public var xAxis: XAxis
    /// Keep 0 on the y axis (counts, money).
    public var includeZero: Bool

    public init(frame: ChartFrame, series: [Series], xAxis: XAxis = .time, includeZero: Bool = true) {
        self.frame = frame
        self.series = series
        self.xAxis = xAxis
        self.includeZero = includeZero
    }

    public func svg() -> String {
        var legend: [(name: String, color: String, kind: Canvas.LegendKind)] = []
        for (k, s) in series.enumerated() { legend.append((s.name, s.color ?? Palette.line(k), s.dashed ? .dashedLine : .line)) }
        var canvas = Canvas(frame: frame, legend: legend)
        let xs = series.flatMap { $0.points.map(\.x) }
        let ys = series.flatMap { s in s.points.map(\.y) + (s.band ?? []).flatMap { [$0.lower, $0.upper] } }
        guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else {
            canvas.noData()
            return canvas.svg()
        }
        let y = LinearScale.nice(yMin, yMax, count: 6, includeZero: includeZero)
        let yScale = LinearScale(domain: y.domain, range: canvas.plotTop...canvas.plotBottom, flipped: true)
        canvas.yAxis(yScale, ticks: LinearScale.ticks(y.domain, step: y.step), decimals: Format.decimals(forStep: y.step))
        let xPlot = canvas.plotLeft + 10...canvas.plotRight - 10
        let xScale: LinearScale
        switch xAxis {
        case .time:
            let lo = xMin == xMax ? xMin - 0.5 : xMin, hi = xMin == xMax ? xMax + 0.5 : xMax
            let time = TimeScale(domain: lo...hi, range: xPlot)
            xScale = time.scale
            canvas.xLabels(time.ticks().map { (time($0.value), $0.label) })
        case .linear:
            let x = LinearScale.nice(xMin, xMax, count: 8)
            xScale = LinearScale(domain: x.domain, range: xPlot)
            let d = Format.decimals(forStep: x.step)
            canvas.xLabels(LinearScale.ticks(x.domain, step: x.step).map { (xScale($0), Format.number($0, decimals: d)) })
        }
        let c = Canvas.c
        for (k, s) in series.enumerated() {
            guard let band = s.band, s.points.count > 1 else { continue }
            let color = s.color ?? Palette.line(k)
            let upper = zip(s.points, band).map { "\(c(xScale($0.x))),\(c(yScale($1.upper)))" }
            let lower = zip(s.points, band).reversed().map { "\(c(xScale($0.x))),\(c(yScale($1.lower)))" }
            canvas.add("<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.2\" stroke=\"none\"/>")
        }
        for (k, s) in series.enumerated() {
            let color = s.color ?? Palette.line(k)
            if s.points.count > 1 {
                let path = s.points.map { "\(c(xScale($0.x))),\(c(yScale($0.y)))" }.joined(separator: " ")
                canvas.add("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"\(s.dashed ? " stroke-dasharray=\"7 4\"" : "")/>")
            }
            if s.points.count <= 40 {
                for (i, p) in s.points.enumerated() {
                    if s.points.count == 1, let b = s.band?[i] {
                        canvas.add("<line x1=\"\(c(xScale(p.x)))\" y1=\"\(c(yScale(b.lower)))\" x2=\"\(c(xScale(p.x)))\" y2=\"\(c(yScale(b.upper)))\" stroke=\"\(color)\" stroke-width=\"2\"/>")
                    }
                    canvas.add("<circle cx=\"\(c(xScale(p.x)))\" cy=\"\(c(yScale(p.y)))\" r=\"3.5\" fill=\"\(color)\"/>")
                }
            }
        }
        return canvas.svg()
    }
}
