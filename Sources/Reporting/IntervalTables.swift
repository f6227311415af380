import CareModel
import Stochastics

/// Across-replication statistics: `summary_stats.csv` (one row per metric over the
/// horizon after warm-up) and `timeseries_stats.csv` (one row per period and metric).
public enum IntervalTables {
    public static let statColumns = ["mean", "sd", "ci95_lower", "ci95_upper", "half_width_95", "relative_half_width_95", "p5", "p50", "p95"]

    public static let columnMeanings: [(name: String, unit: String, meaning: String)] = [
        ("metric", "name", "a column of timeseries.csv / summary.csv"),
        ("unit", "text", "the metric's unit"),
        ("replications", "number", "replications the statistics are over"),
        ("mean", "metric's unit", "mean over replications"),
        ("sd", "metric's unit", "standard deviation over replications"),
        ("ci95_lower", "metric's unit", "lower end of the 95 % confidence interval of the mean (Student's t)"),
        ("ci95_upper", "metric's unit", "upper end of the 95 % confidence interval of the mean"),
        ("half_width_95", "metric's unit", "half-width of that interval"),
        ("relative_half_width_95", "fraction", "half_width_95 / |mean| (empty when the mean is 0)"),
        ("p5", "metric's unit", "5th percentile over replications"),
        ("p50", "metric's unit", "median over replications"),
        ("p95", "metric's unit", "95th percentile over replications"),
    ]

    static func fields(_ s: SummaryStatistics) -> [String] {
        let relative = s.mean != 0 ? s.halfWidth95 / abs(s.mean) : .nan
        return [s.mean, s.standardDeviation, s.lower95, s.upper95, s.halfWidth95, relative, s.p5, s.p50, s.p95].map(CSVFormat.number)
    }

    /// `summary_stats.csv` from the metric values of each replication's summary.
    public static func summaryStats(_ perReplication: [[Double]]) -> String {
        var out = CSVFormat.line(["metric", "unit", "replications"] + statColumns)
        for (m, definition) in MetricCatalog.definitions.enumerated() {
            let stats = SummaryStatistics(perReplication.map { $0[m] }.filter { !$0.isNaN })
            out += CSVFormat.line([definition.name, definition.unit, String(stats.count)] + fields(stats))
        }
        return out
    }

    /// Relative half-widths of the summary metrics, by name (for run.json and targets).
    public static func relativeHalfWidths(_ perReplication: [[Double]]) -> [String: Double] {
        var out: [String: Double] = [:]
        for (m, definition) in MetricCatalog.definitions.enumerated() {
            let stats = SummaryStatistics(perReplication.map { $0[m] }.filter { !$0.isNaN })
            if stats.mean != 0 && !stats.halfWidth95.isNaN { out[definition.name] = stats.halfWidth95 / abs(stats.mean) }
        }
        return out
    }

    /// Relative half-widths for `--target-half-width`: as `relativeHalfWidths`, and 0
    /// for a metric that does not vary at all (its interval has no width, whatever its
    /// mean, e.g. a count that is always 0), so such a metric never asks for more
    /// replications. A metric that varies around a mean of 0 has no relative width.
    public static func targetWidths(_ perReplication: [[Double]]) -> [String: Double] {
        var out = relativeHalfWidths(perReplication)
        for (m, definition) in MetricCatalog.definitions.enumerated() {
            let values = perReplication.map { $0[m] }.filter { !$0.isNaN }
            if values.count >= 2, values.allSatisfy({ $0 == values[0] }) { out[definition.name] = 0 }
        }
        return out
    }

    /// `timeseries_stats.csv` from the timeseries rows of each replication (text as in
    /// timeseries.csv, without header; every replication has the same periods).
    public static func timeseriesStats(_ replicationRows: [String]) -> String {
        let parsed: [[[Substring]]] = replicationRows.map { text in
            text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        var out = CSVFormat.line(["period_start", "in_warmup", "metric", "unit", "replications"] + statColumns)
        guard let first = parsed.first else { return out }
        let offset = TimeseriesTable.idColumns.count
        for (period, row) in first.enumerated() {
            for (m, definition) in MetricCatalog.definitions.enumerated() {
                let values = parsed.compactMap { rows in Double(rows[period][offset + m]) }
                let stats = SummaryStatistics(values)
                out += CSVFormat.line([String(row[1]), String(row[2]), definition.name, definition.unit, String(stats.count)] + fields(stats))
            }
        }
        return out
    }
}
