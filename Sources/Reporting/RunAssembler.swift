import CareModel
import Experiments
import Stochastics

/// Builds a run's final files from its parts on disk. `runway run` and `runway merge`
/// both go through here, so a merged run is byte for byte the unsharded one.
public enum RunAssembler {
    /// For one scenario: timeseries.csv, yearly.csv, yearly_stats.csv, summary.csv,
    /// summary_stats.csv, timeseries_stats.csv, equity.csv. For a sweep (several grid points): sweep.csv and
    /// sweep_summary.csv.
    public static func files(parts: PartStore, axes: [SweepAxis], replications: Range<Int>) throws -> [(name: String, contents: String)] {
        let points = SweepAxis.grid(axes)
        if axes.isEmpty {
            let jobs = replications.map { Job(point: 0, replication: $0) }
            let rows = try jobs.map(parts.timeseries)
            let lines = try jobs.map(parts.summary)
            let values = SummaryTable.metricValues(lines.map { String($0.dropLast()) })
            let data = ReportData(scenario: "", timeseriesRows: rows)
            return [
                ("timeseries.csv", CSVFormat.line(TimeseriesTable.header) + rows.joined()),
                ("yearly.csv", YearlyTables.csv(data)),
                ("yearly_stats.csv", YearlyTables.stats(data)),
                ("summary.csv", CSVFormat.line(SummaryTable.header) + lines.joined()),
                ("summary_stats.csv", IntervalTables.summaryStats(values)),
                ("timeseries_stats.csv", IntervalTables.timeseriesStats(rows)),
                ("equity.csv", CSVFormat.line(EquityTable.header) + (try jobs.map(parts.equity)).joined()),
            ]
        }
        let keys = axes.map(\.column)
        var sweep = CSVFormat.line(["point"] + keys + ["replications"]
                                   + MetricCatalog.definitions.flatMap { [$0.name, "\($0.name)_hw95"] })
        var perReplication = CSVFormat.line(["point"] + keys + SummaryTable.header)
        for (p, overrides) in points.enumerated() {
            let settings = overrides.map { String($0[$0.index(after: $0.firstIndex(of: "=")!)...]) }
            let lines = try replications.map { try parts.summary(Job(point: p, replication: $0)) }
            for line in lines {
                perReplication += CSVFormat.line([String(p)] + settings) .dropLast() + "," + line
            }
            let values = SummaryTable.metricValues(lines.map { String($0.dropLast()) })
            var fields = [String(p)] + settings + [String(lines.count)]
            for m in MetricCatalog.definitions.indices {
                let stats = SummaryStatistics(values.map { $0[m] }.filter { !$0.isNaN })
                fields += [CSVFormat.number(stats.mean), CSVFormat.number(stats.halfWidth95)]
            }
            sweep += CSVFormat.line(fields)
        }
        return [("sweep.csv", sweep), ("sweep_summary.csv", perReplication)]
    }

    /// Summary metric values (MetricCatalog order) of the replications `replications` of
    /// a single scenario (grid point 0), from the parts.
    public static func summaryValues(parts: PartStore, replications: Range<Int>) throws -> [[Double]] {
        let lines = try replications.map { try parts.summary(Job(point: 0, replication: $0)) }
        return SummaryTable.metricValues(lines.map { String($0.dropLast()) })
    }

    /// Each grid point's summary metric values per replication (a sweep's report), from the parts.
    public static func pointValues(parts: PartStore, points: Int, replications: Range<Int>) throws -> [[[Double]]] {
        try (0..<points).map { p in
            SummaryTable.metricValues(try replications.map { String(try parts.summary(Job(point: p, replication: $0)).dropLast()) })
        }
    }

    /// The events of `jobs` together, from their summaries in the parts.
    public static func events(parts: PartStore, jobs: [Job]) throws -> UInt64 {
        try jobs.reduce(0) { $0 + SummaryTable.events(try parts.summary($1)) }
    }
}
