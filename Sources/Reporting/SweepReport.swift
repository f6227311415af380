import CareModel
import Charts
import Experiments

/// `report.html` and `charts/*.svg` for a sweep: for two swept keys, a heat map over
/// the grid per headline outcome; for one, bars with their intervals; for more, the
/// first two keys with the others at their first value.
public enum SweepReport {
    struct Outcome {
        let metric: String
        let label: String
        let unit: String
        let scale: Double
    }

    static let outcomes: [Outcome] = [
        Outcome(metric: "burden_index", label: "burden index", unit: "weighted need-days per child-year", scale: 1),
        Outcome(metric: "extra_municipal_eur", label: "extra municipal money", unit: "M EUR per year", scale: 1e6),
        Outcome(metric: "spending_total_eur", label: "spending", unit: "M EUR per year", scale: 1e6),
        Outcome(metric: "needs_severe", label: "children with a severe need", unit: "children", scale: 1),
        Outcome(metric: "mean_days_to_help", label: "time to help", unit: "days", scale: 1),
    ]

    /// Each replication's value of an outcome at one grid point (per year for totals).
    static func values(_ o: Outcome, _ perReplication: [[Double]], years: Double) -> [Double] {
        let m = MetricCatalog.index(o.metric)
        let perYear = MetricCatalog.definitions[m].aggregation == .total && years > 0
        return perReplication.map { ($0[m] / (perYear ? years : 1)) / o.scale }.filter { !$0.isNaN }
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }

    /// `points[p]`: each replication's summary metric values at grid point p (the first
    /// key varying slowest); `years`: the horizon after warm-up.
    public static func figures(axes: [SweepAxis], points: [[[Double]]], years: Double) throws -> [RunReport.Figure] {
        guard let first = axes.first else { return [] }
        let n = points.first?.count ?? 0
        // Grid points with every key after the first two at its first value.
        let stride = axes.dropFirst(2).reduce(1) { $0 * $1.values.count }
        let second = axes.count > 1 ? axes[1] : nil
        var out: [RunReport.Figure] = []
        let fixed = axes.count > 2 ? " (" + axes.dropFirst(2).map { "\($0.key) = \($0.values[0])" }.joined(separator: ", ") + ")" : ""
        for o in outcomes {
            let caption = "Mean \(o.label) over the horizon after warm-up\(MetricCatalog.definitions[MetricCatalog.index(o.metric)].aggregation == .total ? " per year" : ""), over \(n) replication\(n == 1 ? "" : "s") at each grid point; all points share the seed (common random numbers)\(fixed)."
            if let second {
                let grid = try first.values.indices.map { i in
                    try second.values.indices.map { j -> Double in
                        let p = (i * second.values.count + j) * stride
                        guard p < points.count else { throw ChartError.lengthMismatch(first.key) }
                        return mean(values(o, points[p], years: years))
                    }
                }
                let frame = ChartFrame(title: "\(o.label.prefix(1).uppercased() + o.label.dropFirst()) (\(o.unit))", xLabel: second.key, yLabel: first.key,
                                       caption: caption + " Darker cells: higher values (the shades span this chart's lowest to highest mean).")
                let scale = grid.flatMap { $0 }.map(abs).max() ?? 0
                let map = try HeatMap(frame: frame, columns: second.values, rows: first.values, values: grid, decimals: scale >= 100 ? 0 : scale >= 10 ? 1 : 2)
                out.append(RunReport.Figure(name: "sweep_\(o.metric)", title: frame.title, svg: map.svg()))
            } else {
                let bands = first.values.indices.map { Band(values(o, points[$0 * stride], years: years)) }
                let bars = try CategorySeries(name: o.label, values: bands.map(\.mean), intervals: bands.map { ($0.lower, $0.upper) })
                let frame = ChartFrame(title: "\(o.label.prefix(1).uppercased() + o.label.dropFirst()) by \(first.key)", xLabel: first.key, yLabel: o.unit,
                                       caption: caption + " Whiskers: the 2.5th to 97.5th percentile of the replications.")
                out.append(RunReport.Figure(name: "sweep_\(o.metric)", title: frame.title,
                                            svg: try BarChart(frame: frame, categories: first.values, series: [bars]).svg()))
            }
        }
        return out
    }

    public static func files(scenario: String, description: String, axes: [SweepAxis], points: [[[Double]]], years: Double) throws -> [(name: String, contents: String)] {
        let figures = try figures(axes: axes, points: points, years: years)
        let n = points.first?.count ?? 0
        let intro = "A sweep over " + axes.map { "\($0.key) = \($0.values.joined(separator: ", "))" }.joined(separator: "; ")
            + ": \(points.count) grid points, \(n) replication\(n == 1 ? "" : "s") each. The numbers are in sweep.csv and sweep_summary.csv; each chart is also in charts/."
        let html = ReportPage.html(title: "Runway sweep: \(scenario)", subtitle: description, intro: intro, tables: [], figures: figures)
        return [("report.html", html)] + figures.map { ("charts/\($0.name).svg", $0.svg) }
    }

    /// The grid's headline numbers for the terminal.
    public static func text(axes: [SweepAxis], points: [[[Double]]], years: Double) -> String {
        let grid = SweepAxis.grid(axes)
        var out = "Means over the horizon after warm-up at each grid point:\n"
        let heads = outcomes.prefix(2)
        out += "  " + (axes.map(\.key) + heads.map { "\($0.label) (\($0.unit))" }).joined(separator: " | ") + "\n"
        for (p, overrides) in grid.enumerated() where p < points.count {
            let settings = overrides.map { String($0[$0.index(after: $0.firstIndex(of: "=")!)...]) }
            out += "  " + (settings + heads.map { ReportPage.number(mean(values($0, points[p], years: years))) }).joined(separator: " | ") + "\n"
        }
        return out
    }
}
