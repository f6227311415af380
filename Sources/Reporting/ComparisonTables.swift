import CareModel
import Experiments

/// `comparison.csv` and `comparison_timeseries.csv`: paired differences B - A.
public enum ComparisonTables {
    static let scenarioColumns: [(name: String, unit: String, meaning: String)] = [
        ("scenario_a", "name", "the reference scenario (the first given)"),
        ("scenario_b", "name", "the compared scenario"),
    ]
    static let metricColumns: [(name: String, unit: String, meaning: String)] = [
        ("metric", "name", "a metric: a column of timeseries.csv"),
        ("unit", "text", "the metric's unit"),
    ]
    static let intervalColumns: [(name: String, unit: String, meaning: String)] = [
        ("difference", "metric's unit", "mean of the paired differences B - A"),
        ("ci95_lower", "metric's unit", "lower end of the 95 % confidence interval of the difference (Student's t on the paired differences)"),
        ("ci95_upper", "metric's unit", "upper end of that interval"),
    ]
    static let distinguishable: (name: String, unit: String, meaning: String) =
        ("distinguishable", "true/false", "true when the interval excludes 0")

    /// The columns of comparison.csv: name, unit, meaning.
    public static let summaryColumns: [(name: String, unit: String, meaning: String)] = scenarioColumns + metricColumns + [
        ("replications", "number", "replications of each scenario (paired: replication r of both used the same random streams)"),
        ("mean_a", "metric's unit", "mean of A over replications"),
        ("mean_b", "metric's unit", "mean of B over replications"),
    ] + intervalColumns + [
        ("half_width_paired", "metric's unit", "half-width of that interval"),
        ("half_width_unpaired", "metric's unit", "the half-width had the scenarios used independent random numbers (t with 2n - 2 degrees of freedom)"),
        ("crn_narrowing", "ratio", "half_width_unpaired / half_width_paired: how much common random numbers narrowed the interval (empty when the paired half-width is 0)"),
        distinguishable,
    ]
    /// The columns of comparison_timeseries.csv.
    public static let timeseriesColumns: [(name: String, unit: String, meaning: String)] =
        scenarioColumns + [TimeseriesTable.idColumns[1], TimeseriesTable.idColumns[2], metricColumns[0]] + intervalColumns + [distinguishable]

    public static var summaryHeader: [String] { summaryColumns.map(\.name) }
    public static var timeseriesHeader: [String] { timeseriesColumns.map(\.name) }

    /// `a`, `b`: each replication's summary metric values.
    public static func summary(_ nameA: String, _ nameB: String, a: [[Double]], b: [[Double]]) -> String {
        var out = ""
        for (m, definition) in MetricCatalog.definitions.enumerated() {
            let c = PairedComparison(a: a.map { $0[m] }, b: b.map { $0[m] })
            let d = c.difference
            out += CSVFormat.line([nameA, nameB, definition.name, definition.unit, String(d.count)]
                                  + [c.meanA, c.meanB, d.mean, d.lower95, d.upper95, d.halfWidth95, c.unpairedHalfWidth95].map { CSVFormat.metric($0, definition) }
                                  + [CSVFormat.number(c.narrowing)]
                                  + [CSVFormat.boolean(c.distinguishable)])
        }
        return out
    }

    public static func timeseries(_ nameA: String, _ nameB: String, a: [ReplicationResult], b: [ReplicationResult]) -> String {
        var out = ""
        guard let rows = a.first?.rows else { return out }
        for (period, row) in rows.enumerated() {
            for (m, definition) in MetricCatalog.definitions.enumerated() {
                let c = PairedComparison(a: a.map { $0.rows[period].values[m] }, b: b.map { $0.rows[period].values[m] })
                out += CSVFormat.line([nameA, nameB, row.periodStart.description, CSVFormat.boolean(row.inWarmup), definition.name]
                                      + [c.difference.mean, c.difference.lower95, c.difference.upper95].map { CSVFormat.metric($0, definition) }
                                      + [CSVFormat.boolean(c.distinguishable)])
            }
        }
        return out
    }
}
