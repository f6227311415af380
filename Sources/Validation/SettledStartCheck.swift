import CareModel
import Experiments
import ScenarioIO
import Stochastics

/// Section 5 of the validation report: the settled start against the old start. The
/// scenario is run twice on the same reported years: starting settled with the scenario's
/// own warm-up (3 years for a scenario that starts all well), and starting with every child well 13 years before. Each metric's mean
/// over the replications is compared with a Welch interval, Bonferroni-corrected over
/// the metrics; each metric is a check of the report. The settled start is the steady
/// state of the twin with the start year's places and waiting lists (`SettledStart`).
enum SettledStartCheck {
    static let metrics = ["needs_light", "needs_moderate", "needs_severe", "needs_undetected"]
        + ServiceKind.allCases.map { "in_care_\($0.key)" }
        + ["waiting_ambulant", "waiting_residential", "users_youth_help", "spending_total_eur", "burden_index"]

    struct Row { let metric: String; let settled: Double; let old: Double; let halfWidth: Double; var agrees: Bool { abs(settled - old) <= halfWidth } }

    static func run(scenario: String, settings: [String], replications: Int, jobs: Int) throws -> (rows: [Row], description: String) {
        let base = try ScenarioLoader.load(path: scenario, overrides: settings).parameters
        let warmup = base.horizon.warmupUntil
        let settle = base.horizon.initialState == .settled ? max(0, warmup.year - base.horizon.start.year) : 3
        let end = "horizon.end=\(warmup.year + 3)-01-01"
        let settledSettings = settings + [end, "horizon.initial_state=settled", "horizon.start=\(warmup.year - settle)-01-01",
                                          "experiment.replications=\(replications)"]
        let oldSettings = settings + [end, "horizon.initial_state=all_well", "horizon.start=\(warmup.year - 13)-01-01",
                                      "experiment.replications=\(replications)"]
        func summaries(_ overrides: [String]) throws -> [[Double]] {
            let model = try CompiledModel(ScenarioLoader.load(path: scenario, overrides: overrides).parameters)
            return try ExperimentRunner.run(model, replications: 0..<replications, jobs: jobs).results.map { ReplicationSummary($0).values }
        }
        let settled = try summaries(settledSettings), old = try summaries(oldSettings)
        let rows = metrics.map { name -> Row in
            let m = MetricCatalog.index(name)
            let a = SummaryStatistics(settled.map { $0[m] }), b = SummaryStatistics(old.map { $0[m] })
            let va = a.standardDeviation * a.standardDeviation / Double(a.count), vb = b.standardDeviation * b.standardDeviation / Double(b.count)
            // Welch-Satterthwaite degrees of freedom; a metric without variance in both runs must agree exactly.
            let df = va + vb > 0 ? (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1)) : 1
            let t = SummaryStatistics.tQuantile(1 - 0.025 / Double(metrics.count), degreesOfFreedom: df)
            return Row(metric: name, settled: a.mean, old: b.mean, halfWidth: t * (va + vb).squareRoot())
        }
        let description = "`\(scenario)` with \(base.population.children) children, \(replications) replications each, over \(warmup.year)–\(warmup.year + 2): started settled on \(warmup.year - settle)-01-01 against started all well on \(warmup.year - 13)-01-01 (the old 13-year warm-up). Each difference of means is compared with its Welch 95 % interval, Bonferroni-corrected over \(metrics.count) metrics."
        return (rows, description)
    }
}
