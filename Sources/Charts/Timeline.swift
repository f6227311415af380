/// Rows of coloured spans over time (e.g. one child's years: need level on one track,
/// waiting and care on another), with optional point marks (e.g. a crisis).
public struct TimelineChart: Sendable {
    /// What a span shows: its legend name, colour, track (0 = upper half of the row) and
    /// whether it is drawn hollow (an outline, e.g. waiting for a service).
    public struct Category: Sendable {
        public let name: String
        public let color: String
        public let track: Int
        public let hollow: Bool
        public init(name: String, color: String, track: Int = 0, hollow: Bool = false) {
            self.name = name
            self.color = color
            self.track = track
            self.hollow = hollow
        }
    }

    public struct Span: Sendable {
        public let start: Double
        public let end: Double
        /// Index into the chart's categories.
        public let category: Int
        public init(start: Double, end: Double, category: Int) {
            self.start = start
            self.end = end
            self.category = category
        }
    }

    public struct Row: Sendable {
        public let label: String
        public let spans: [Span]
        /// Points in time marked with a small black diamond, each with its tooltip.
        public let marks: [(x: Double, label: String)]
        public init(label: String, spans: [Span], marks: [(x: Double, label: String)] = []) {
            self.label = label
            self.spans = spans
            self.marks = marks
        }
    }

    public var frame: ChartFrame
    public var categories: [Category]
    public var rows: [Row]
    public var domain: ClosedRange<Double>
    /// The name of the marks in the legend (nil: no marks legend).
    public var markName: String?

    static let rowHeight = 30.0

    /// Refuses non-finite times, spans that end before they start and unknown categories.
    public init(frame: ChartFrame, categories: [Category], rows: [Row], domain: ClosedRange<Double>, markName: String? = nil) throws(ChartError) {
        guard domain.lowerBound.isFinite && domain.upperBound.isFinite else { throw .nonFinite("domain", 0) }
        for row in rows {
            for (i, s) in row.spans.enumerated() {
                guard s.start.isFinite && s.end.isFinite else { throw .nonFinite(row.label, i) }
                guard s.start <= s.end, categories.indices.contains(s.category) else { throw .badBand(row.label) }
            }
            for (i, m) in row.marks.enumerated() where !m.x.isFinite { throw .nonFinite(row.label, i) }
        }
        var frame = frame
        frame.plotHeight = max(1, Double(rows.count)) * Self.rowHeight
        self.frame = frame
        self.categories = categories
        self.rows = rows
        self.domain = domain
        self.markName = markName
    }

    public func svg() -> String {
        var legend: [(name: String, color: String, kind: Canvas.LegendKind)] = categories.map { ($0.name, $0.color, $0.hollow ? .hollow : .area) }
        if let markName, rows.contains(where: { !$0.marks.isEmpty }) { legend.append((markName, Palette.black, .line)) }
        var canvas = Canvas(frame: frame, legend: legend)
        guard !rows.isEmpty else { canvas.noData(); return canvas.svg() }
        let lo = domain.lowerBound, hi = domain.upperBound > lo ? domain.upperBound : lo + 1
        let time = TimeScale(domain: lo...hi, range: canvas.plotLeft + 4...canvas.plotRight - 4)
        canvas.xLabels(time.ticks().map { (time($0.value), $0.label) })
        for t in time.ticks() {
            canvas.add("<line x1=\"\(Canvas.c(time(t.value)))\" y1=\"\(Canvas.c(canvas.plotTop))\" x2=\"\(Canvas.c(time(t.value)))\" y2=\"\(Canvas.c(canvas.plotBottom))\" stroke=\"#eeeeee\" stroke-width=\"1\"/>")
        }
        let tracks = Double((categories.map(\.track).max() ?? 0) + 1)
        let c = Canvas.c
        func x(_ t: Double) -> Double { time(min(max(t, lo), hi)) }
        for (r, row) in rows.enumerated() {
            let top = canvas.plotTop + Double(r) * Self.rowHeight
            canvas.add("<text x=\"\(c(canvas.plotLeft - 8))\" y=\"\(c(top + Self.rowHeight / 2 + 5))\" text-anchor=\"end\" font-size=\"\(Int(Canvas.tickSize))\" fill=\"#222222\">\(Format.escape(row.label))</text>")
            if r > 0 {
                canvas.add("<line x1=\"\(c(canvas.plotLeft))\" y1=\"\(c(top))\" x2=\"\(c(canvas.plotRight))\" y2=\"\(c(top))\" stroke=\"#dddddd\" stroke-width=\"1\"/>")
            }
            let trackHeight = (Self.rowHeight - 6) / tracks
            for s in row.spans {
                let category = categories[s.category]
                let x0 = x(s.start), x1 = max(x(s.end), x(s.start) + 1)
                let y = top + 3 + Double(category.track) * trackHeight
                let fill = category.hollow ? "fill=\"#ffffff\" stroke=\"\(category.color)\" stroke-width=\"1.5\"" : "fill=\"\(category.color)\""
                let inset = category.hollow ? 1.0 : 0.5
                canvas.add("<rect x=\"\(c(x0))\" y=\"\(c(y + inset))\" width=\"\(c(x1 - x0))\" height=\"\(c(trackHeight - 2 * inset))\" \(fill)><title>\(Format.escape("\(row.label): \(category.name)"))</title></rect>")
            }
            for m in row.marks {
                let mx = x(m.x), my = top + Self.rowHeight / 2
                canvas.add("<path d=\"M\(c(mx)) \(c(my - 6)) L\(c(mx + 5)) \(c(my)) L\(c(mx)) \(c(my + 6)) L\(c(mx - 5)) \(c(my)) Z\" fill=\"\(Palette.black)\"><title>\(Format.escape("\(row.label): \(m.label)"))</title></path>")
            }
        }
        return canvas.svg()
    }
}
