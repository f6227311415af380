import CareModel
import Stochastics

/// `yearly.csv` (one row per replication and budget year) and `yearly_stats.csv` (one
/// row per budget year and metric, across replications): every metric aggregated over
/// the periods of each budget year (January to December): flows summed, stocks at the
/// year's end (the last period's value), rates and shares averaged over the year's
/// periods, mean waits (in days) weighted by their starts. Summing a year's months keeps
/// short months from showing as dips.
public enum YearlyTables {
    public static let idColumns: [(name: String, unit: String, meaning: String)] = [
        ("replication", "number", "replication number, as in timeseries.csv"),
        ("budget_year", "year", "the budget year (1 January to 31 December)"),
        ("in_warmup", "true/false", "true when the year's first period is in the warm-up"),
        ("periods", "number", "periods of the year in timeseries.csv (12 for months, 4 for quarters, 1 for years)"),
    ]

    /// Every budget year of the run, warm-up included.
    static func years(_ data: ReportData) -> [(year: Int, inWarmup: Bool, periods: [Int])] {
        var out: [(year: Int, inWarmup: Bool, periods: [Int])] = []
        for (k, p) in data.periods.enumerated() {
            guard let year = Int(p.start.prefix(4)) else { continue }
            if out.last?.year == year { out[out.count - 1].periods.append(k) } else { out.append((year, p.inWarmup, [k])) }
        }
        return out
    }

    public static func csv(_ data: ReportData) -> String {
        var out = CSVFormat.line(idColumns.map(\.name) + MetricCatalog.definitions.map(\.name))
        for r in 0..<data.replications {
            for y in years(data) {
                let values = MetricCatalog.definitions.map { data.yearly($0.name, replication: r, periods: y.periods, stocksAtEnd: true) }
                out += CSVFormat.line([String(r), String(y.year), CSVFormat.boolean(y.inWarmup), String(y.periods.count)] + CSVFormat.metrics(values))
            }
        }
        return out
    }

    public static func stats(_ data: ReportData) -> String {
        var out = CSVFormat.line(["budget_year", "in_warmup", "metric", "unit", "replications"] + IntervalTables.statColumns)
        for y in years(data) {
            for m in MetricCatalog.definitions {
                let values = (0..<data.replications).map { data.yearly(m.name, replication: $0, periods: y.periods, stocksAtEnd: true) }.filter { !$0.isNaN }
                out += CSVFormat.line([String(y.year), CSVFormat.boolean(y.inWarmup), m.name, m.unit, String(values.count)]
                                      + IntervalTables.fields(SummaryStatistics(values)))
            }
        }
        return out
    }
}
