import CareModel
import Charts
import Experiments

/// `report.html` and `charts/*.svg` for `runway compare`: each scenario's curves
/// overlaid with their bands, the paired difference B − A per budget year with its
/// interval, and a headline table in plain units.
public enum CompareReport {
    /// A quantity a comparison shows, per replication over some periods.
    public struct Quantity: Sendable {
        public let name: String
        public let label: String
        public let unit: String
        /// Totals are shown per year (divided by the number of years they cover).
        public let perYear: Bool
        /// One replication's value over some periods (a budget year's).
        public let value: @Sendable (ReportData, Int, [Int]) -> Double
    }

    static func metric(_ metric: String, _ label: String, _ unit: String, scale: Double = 1) -> Quantity {
        let perYear = MetricCatalog.definitions[MetricCatalog.index(metric)].aggregation == .total
        return Quantity(name: metric, label: label, unit: unit, perYear: perYear) { data, r, periods in
            data.yearly(metric, replication: r, periods: periods) / scale
        }
    }

    public static let quantities: [Quantity] = [
        metric("spending_total_eur", "spending", "M EUR per year", scale: 1e6),
        metric("extra_municipal_eur", "extra municipal money", "M EUR per year", scale: 1e6),
        metric("deficit_eur", "deficit", "M EUR per year", scale: 1e6),
        metric("needs_severe", "children with a severe need", "children"),
        Quantity(name: "waiting_total", label: "children on a waiting list (all services)", unit: "children", perYear: false) { data, r, periods in
            ServiceKind.allCases.reduce(0) { $0 + data.yearly("waiting_\($1.key)", replication: r, periods: periods) }
        },
        metric("mean_wait_days_ambulant", "mean wait for specialised ambulant care", "days"),
        metric("mean_days_to_help", "time to help", "days"),
        metric("users_youth_help", "distinct users of youth help (jeugdhulp)", "children per year"),
        metric("burden_index", "burden index", "weighted need-days per child-year"),
    ]

    /// Each replication's value over all budget years after warm-up (per year for totals).
    public static func overall(_ q: Quantity, _ data: ReportData) -> [Double] {
        let years = data.budgetYears
        let periods = years.flatMap(\.periods)
        return (0..<data.replications).map { r in
            let v = q.value(data, r, periods)
            return q.perYear && !years.isEmpty ? v / Double(years.count) : v
        }
    }

    /// The headline rows: A, B, B − A with its paired 95 % interval, distinguishable.
    public static func headline(_ a: ReportData, _ b: ReportData) -> [[String]] {
        quantities.map { q in
            let c = PairedComparison(a: overall(q, a), b: overall(q, b))
            let d = c.difference
            let interval = d.lower95.isNaN ? "–" : "\(ReportPage.number(d.lower95)) to \(ReportPage.number(d.upper95))"
            return [q.label, q.unit, ReportPage.number(c.meanA), ReportPage.number(c.meanB), ReportPage.number(d.mean), interval,
                    c.distinguishable ? "yes" : "no"]
        }
    }

    public static let headlineHeader = ["", "unit", "A", "B", "B − A", "95 % interval of B − A", "distinguishable from 0"]

    /// The headline table as plain text for the terminal.
    public static func text(_ scenarios: [ReportData]) -> String {
        guard let a = scenarios.first else { return "" }
        var out = ""
        for b in scenarios.dropFirst() {
            out += "\(b.scenario) (B) against \(a.scenario) (A), after warm-up, \(a.replications) paired replications:\n"
            let rows = [headlineHeader] + headline(a, b)
            let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
            for row in rows {
                var line = "  "
                for (i, cell) in row.enumerated() {
                    line += i < 2 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[i] - cell.count) + cell
                    line += "  "
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
        }
        return out
    }

    static func sameYears(_ a: ReportData, _ b: ReportData) -> Bool {
        a.budgetYears.map(\.year) == b.budgetYears.map(\.year) && a.replications == b.replications
    }

    public static func figures(_ scenarios: [ReportData]) throws -> [RunReport.Figure] {
        guard let a = scenarios.first else { return [] }
        let n = a.replications
        var out: [RunReport.Figure] = []
        let shown = quantities.filter { ["spending_total_eur", "extra_municipal_eur", "needs_severe", "waiting_total", "mean_days_to_help", "burden_index"].contains($0.name) }
        for q in shown {
            // Overlaid: each scenario's yearly curve with its band.
            let series = try scenarios.enumerated().map { k, data in
                let rows = data.yearlyValues { r, periods in q.value(data, r, periods) }
                return try RunReport.yearSeries("\(k == 0 ? "A" : "B") \(data.scenario)", rows, color: Palette.line(k), dashed: k > 0)
            }
            let frame = ChartFrame(title: "\(q.label.prefix(1).uppercased() + q.label.dropFirst()), by budget year", xLabel: "budget year",
                                   yLabel: q.unit, caption: "Each scenario's \(q.label) per budget year\(q.perYear ? " (summed over the year)" : ""). " + RunReport.bandNote(n))
            out.append(RunReport.Figure(name: "\(q.name)", title: frame.title, svg: LineChart(frame: frame, series: series).svg()))
            // The paired difference B − A per year.
            var bars: [CategorySeries] = []
            for (k, b) in scenarios.enumerated().dropFirst() where sameYears(a, b) {
                let diffs = zip(a.budgetYears, b.budgetYears).map { ya, yb in
                    PairedComparison(a: (0..<n).map { q.value(a, $0, ya.periods) }, b: (0..<n).map { q.value(b, $0, yb.periods) })
                }
                bars.append(try CategorySeries(name: "\(b.scenario) − \(a.scenario)", values: diffs.map { $0.difference.mean },
                                               intervals: diffs.map { d in
                                                   d.difference.lower95.isNaN ? (d.difference.mean, d.difference.mean) : (d.difference.lower95, d.difference.upper95)
                                               },
                                               solid: diffs.map(\.distinguishable), color: Palette.line(k)))
            }
            guard !bars.isEmpty else { continue }
            let diffFrame = ChartFrame(title: "Difference B − A: \(q.label)", xLabel: "budget year", yLabel: q.unit,
                                       caption: "Paired difference B − A per budget year, mean over \(n) replications run on common random numbers, with its 95 % confidence interval (Student's t on the paired differences). Solid bars: the interval excludes 0, so the scenarios are distinguishable in that year; hollow bars: it includes 0.")
            out.append(RunReport.Figure(name: "\(q.name)_difference", title: diffFrame.title,
                                        svg: try BarChart(frame: diffFrame, categories: a.budgetYears.map { String($0.year) }, series: bars).svg()))
        }
        return out
    }

    /// report.html and charts/<name>.svg.
    public static func files(_ scenarios: [ReportData], descriptions: [String] = []) throws -> [(name: String, contents: String)] {
        guard let a = scenarios.first else { return [] }
        let figures = try figures(scenarios)
        var tables: [ReportPage.Table] = []
        for b in scenarios.dropFirst() {
            tables.append(ReportPage.Table(caption: "A = \(a.scenario), B = \(b.scenario): means over the budget years after warm-up, \(a.replications) paired replications on common random numbers; money per year, waits in days, children as an average count.",
                                           header: headlineHeader, rows: headline(a, b)))
        }
        var subtitle = scenarios.enumerated().map { "\($0.offset == 0 ? "A" : "B") = \($0.element.scenario)" }.joined(separator: ", ")
        if !descriptions.isEmpty { subtitle += ". " + descriptions.joined(separator: " / ") }
        let intro = "Each chart pair shows the scenarios overlaid and the paired difference B − A per budget year. Every chart is also in charts/ as an SVG file; the numbers are in comparison.csv and comparison_timeseries.csv."
        let html = ReportPage.html(title: "Runway comparison: " + scenarios.map(\.scenario).joined(separator: " vs "), subtitle: subtitle,
                                   intro: intro, tables: tables, figures: figures)
        return [("report.html", html)] + figures.map { ("charts/\($0.name).svg", $0.svg) }
    }
}
