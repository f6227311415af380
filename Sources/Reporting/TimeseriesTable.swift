import CareModel

/// `timeseries.csv`: one row per replication and period.
public enum TimeseriesTable {
    public static let idColumns: [(name: String, unit: String, meaning: String)] = [
        ("replication", "number", "replication number, from 0; its random streams depend only on the seed and this number"),
        ("period_start", "date", "first day of the period (ISO 8601, YYYY-MM-DD)"),
        ("in_warmup", "true/false", "true when the period starts before horizon.warmup_until: simulated but left out of summaries"),
    ]

    public static var header: [String] { idColumns.map(\.name) + MetricCatalog.definitions.map(\.name) }

    public static func csv(_ results: [ReplicationResult]) -> String {
        CSVFormat.line(header) + results.map(rows).joined()
    }

    /// The rows of one replication, without the header (a part file of a run).
    public static func rows(_ result: ReplicationResult) -> String {
        var out = ""
        for row in result.rows {
            out += CSVFormat.line([String(result.replication), row.periodStart.description, CSVFormat.boolean(row.inWarmup)]
                                  + CSVFormat.metrics(row.values))
        }
        return out
    }
}
