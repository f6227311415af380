import CareModel
import Experiments
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

    /// `perReplication`: each replication's summary metric values; `years`: the
    /// length of the horizon after warm-up (to show totals per year).
    /// `twin`: the mean-field twin's one solution (`runway ode`): its expected values,
    /// without intervals and without the waiting lists it does not have.
    public static func text(_ perReplication: [[Double]], years: Double, twin: Bool = false) -> String {
        guard !perReplication.isEmpty, years > 0 else { return "no periods after warm-up\n" }
        var out = twin ? "The twin's expected values after warm-up (flows per year, stocks averaged over the periods; one deterministic solution, so no intervals; its queues hold the settled start's steady state, and it reports no waits):\n"
            : "Means over \(perReplication.count) replication(s) after warm-up, with 95 % intervals:\n"
        for item in headline where !(twin && (item.column.hasPrefix("waiting_") || item.column.hasPrefix("mean_wait_"))) {
            let values: [Double] = perReplication.map { v in
                if item.column == "in_care_specialised_total" {
                    return v[MetricCatalog.index("in_care_ambulant")] + v[MetricCatalog.index("in_care_residential")]
                }
                let m = MetricCatalog.index(item.column)
                return MetricCatalog.definitions[m].aggregation == .total ? v[m] / years : v[m]
            }
            let stats = SummaryStatistics(values)
            let half = stats.halfWidth95.isNaN ? "" : " ± \(format(stats.halfWidth95 / item.scale))"
            out += "  \(item.label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(format(stats.mean / item.scale))\(half) \(item.unit)\n"
        }
        return out
    }

    private static func format(_ x: Double) -> String {
        let magnitude = abs(x)
        let digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let rounded = (x * factor).rounded() / factor
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }

    /// A few headline differences for the terminal (`runway compare`): for each scenario
    /// after the first, its paired difference from the first with a 95 % interval.
    /// `values[s]`: scenario s's summary metric values per replication.
    public static func differences(_ names: [String], _ values: [[[Double]]]) -> String {
        let metrics = ["spending_total_eur", "extra_municipal_eur", "needs_severe", "mean_wait_days_ambulant", "burden_index"]
        var out = "Differences (B - A) after warm-up, 95 % intervals on common random numbers:\n"
        for k in 1..<names.count {
            out += "  \(names[k]) - \(names[0]):\n"
            for name in metrics {
                let m = MetricCatalog.index(name)
                let c = PairedComparison(a: values[0].map { $0[m] }, b: values[k].map { $0[m] })
                let d = c.difference
                out += "    \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(CSVFormat.number(d.mean)) [\(CSVFormat.number(d.lower95)), \(CSVFormat.number(d.upper95))]\(c.distinguishable ? "" : "  (not distinguishable from 0)")\n"
            }
        }
        return out
    }
}
