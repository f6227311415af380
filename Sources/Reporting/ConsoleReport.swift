import CareModel
import Stochastics

/// The few figures printed after a run: means over replications with 95 % intervals.
public enum ConsoleReport {
    static let headline: [(column: String, label: String, scale: Double, unit: String)] = [
        ("spending_total_eur", "spending per year", 1e6, "M EUR"),
        ("deficit_eur", "deficit per year", 1e6, "M EUR"),
        ("extra_municipal_eur", "extra municipal money per year", 1e6, "M EUR"),
        ("needs_severe", "children with a severe need", 1, "children"),
        ("in_care_specialised_total", "children in specialised care", 1, "children"),
        ("waiting_team", "waiting for the neighbourhood team", 1, "children"),
        ("mean_wait_days_ambulant", "mean wait for ambulant care", 1, "days"),
        ("burden_index", "burden index", 1, "weighted need-days per child-year"),
    ]

    public static func text(_ results: [ReplicationResult]) -> String {
        let summaries = results.map(ReplicationSummary.init)
        guard let periods = summaries.first?.periods, periods > 0 else { return "no periods after warm-up\n" }
        let months = Double(periods) * (results.first.map { Double(monthsPerPeriod($0)) } ?? 1)
        let years = months / 12
        var out = "Means over \(results.count) replication(s) after warm-up, with 95 % intervals:\n"
        for item in headline {
            let values: [Double] = summaries.map { s in
                if item.column == "in_care_specialised_total" {
                    return s.values[MetricCatalog.index("in_care_ambulant")] + s.values[MetricCatalog.index("in_care_residential")]
                }
                let v = s.values[MetricCatalog.index(item.column)]
                return MetricCatalog.definitions[MetricCatalog.index(item.column)].aggregation == .total ? v / years : v
            }
            let stats = SummaryStatistics(values)
            let mean = stats.mean / item.scale
            let half = stats.halfWidth95.isNaN ? "" : " ± \(format(stats.halfWidth95 / item.scale))"
            out += "  \(item.label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(format(mean))\(half) \(item.unit)\n"
        }
        return out
    }

    private static func monthsPerPeriod(_ result: ReplicationResult) -> Int {
        let rows = result.rows
        guard rows.count > 1 else { return 12 }
        let a = rows[0].periodStart, b = rows[1].periodStart
        return (b.year - a.year) * 12 + (b.month - a.month)
    }

    private static func format(_ x: Double) -> String {
        let magnitude = abs(x)
        let digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let rounded = (x * factor).rounded() / factor
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }
}
