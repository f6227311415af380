import CareModel
import Experiments

/// `comparison.csv` and `comparison_timeseries.csv`: paired differences B - A.
public enum ComparisonTables {
    public static let summaryHeader = ["scenario_a", "scenario_b", "metric", "unit", "replications", "mean_a", "mean_b",
                                       "difference", "ci95_lower", "ci95_upper", "half_width_paired", "half_width_unpaired",
                                       "crn_narrowing", "distinguishable"]
    public static let timeseriesHeader = ["scenario_a", "scenario_b", "period_start", "in_warmup", "metric", "difference",
                                          "ci95_lower", "ci95_upper", "distinguishable"]

    /// `a`, `b`: each replication's summary metric values.
    public static func summary(_ nameA: String, _ nameB: String, a: [[Double]], b: [[Double]]) -> String {
        var out = ""
        for (m, definition) in MetricCatalog.definitions.enumerated() {
            let c = PairedComparison(a: a.map { $0[m] }, b: b.map { $0[m] })
            let d = c.difference
            out += CSVFormat.line([nameA, nameB, definition.name, definition.unit, String(d.count)]
                                  + [c.meanA, c.meanB, d.mean, d.lower95, d.upper95, d.halfWidth95, c.unpairedHalfWidth95, c.narrowing].map(CSVFormat.number)
                                  + [c.distinguishable ? "yes" : "no"])
        }
        return out
    }

    public static func timeseries(_ nameA: String, _ nameB: String, a: [ReplicationResult], b: [ReplicationResult]) -> String {
        var out = ""
        guard let rows = a.first?.rows else { return out }
        for (period, row) in rows.enumerated() {
            for (m, definition) in MetricCatalog.definitions.enumerated() {
                let c = PairedComparison(a: a.map { $0.rows[period].values[m] }, b: b.map { $0.rows[period].values[m] })
                out += CSVFormat.line([nameA, nameB, row.periodStart.description, row.inWarmup ? "1" : "0", definition.name]
                                      + [c.difference.mean, c.difference.lower95, c.difference.upper95].map(CSVFormat.number)
                                      + [c.distinguishable ? "yes" : "no"])
            }
        }
        return out
    }
}
