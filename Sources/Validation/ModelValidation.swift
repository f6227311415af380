import CareModel
import Charts
import Experiments
import Foundation
import Reporting
import ScenarioIO
import Stochastics
import Workloads

/// The engine and model checks of `runway validate-model`, written as a Markdown report
/// (`validation.md`) and as a page of charts and tables (`report.html`, `charts/*.svg`).
/// Both are made from the same sections, so they cannot disagree.
public enum ModelValidation {
    public struct Outcome {
        public let markdown: String
        /// checks.csv, report.html and charts/<name>.svg.
        public let reportFiles: [(name: String, contents: String)]
        public let passed: Int
        public let failed: Int
    }

    /// `scenario`: the scenario whose conservation and twin are checked. `quick` uses
    /// smaller sizes (seconds instead of a minute). `targets`: a targets file's name and
    /// rows, to report the scenario's fit to them. `history`: a scenario through the 2015
    /// transfer and its dated targets (section 6, `HistoryReport`).
    public static func run(scenario: String, quick: Bool, jobs: Int, targets: (file: String, rows: [CalibrationTarget])?,
                           history: (scenario: String, targets: (file: String, rows: [CalibrationTarget])?)? = nil) throws -> Outcome {
        var sections: [ReportPage.Section] = []
        var checks: [ValidationChecks.Check] = []
        /// Records a check (for checks.csv and the counts) and says how it went.
        func verdict(_ section: String, _ check: String, observed: Double, expected: Double, tolerance: Double = .nan, _ ok: Bool) -> String {
            checks.append(ValidationChecks.Check(section: section, check: check, observed: observed, expected: expected, tolerance: tolerance, passed: ok))
            return ok ? "pass" : "FAIL"
        }

        // 1. Queues against Erlang C.
        let customers = quick ? 10_000 : 50_000
        var queueRows: [[String]] = []
        var queues: [(label: String, theory: Double, simulated: Double, tolerance: Double)] = []
        for (servers, rho) in [(1, 0.5), (1, 0.8), (3, 0.8), (10, 0.9)] {
            let lambda = rho * Double(servers)
            let theory = QueueingTheory.erlangCWait(lambda: lambda, mu: 1, servers: servers)
            let means = (0..<20).map { MMcQueue.meanWait(lambda: lambda, mu: 1, servers: servers, customers: customers, warmup: customers / 10, seed: 99, replication: $0) }
            let s = SummaryStatistics(means)
            let tolerance = 4 * s.standardDeviation / Double(means.count).squareRoot() + 0.02 * theory
            queueRows.append(["\(servers)", "\(rho)", fmt(theory), fmt(s.mean), fmt(tolerance),
                              verdict("1", "M/M/\(servers) at load \(rho): mean wait in queue against Erlang C", observed: s.mean, expected: theory,
                                      tolerance: tolerance, abs(s.mean - theory) < tolerance)])
            queues.append(("M/M/\(servers), ρ = \(rho)", theory, s.mean, tolerance))
        }
        let arrivals = quick ? 50_000 : 500_000
        let network = (1...5).map { ReferenceNetwork.run(arrivals: arrivals, seed: UInt64($0)).meanTimeInSystem }
        let networkMean = network.reduce(0, +) / Double(network.count)
        let networkTolerance = 8 * 3.0 / Double(arrivals * network.count).squareRoot()
        let networkVerdict = verdict("1", "reference network: mean time in system (days) against the analytic value", observed: networkMean,
                                     expected: ReferenceNetwork.analyticMeanTimeInSystem, tolerance: networkTolerance,
                                     abs(networkMean - ReferenceNetwork.analyticMeanTimeInSystem) < networkTolerance)
        sections.append(ReportPage.Section(
            heading: "1. The kernel against queueing theory (M/M/c, Erlang C)",
            paragraphs: [
                "Mean wait in queue over 20 replications; a check passes when the simulated mean is within 4 standard errors (+2 % for the bias of a run that starts empty) of Erlang C.",
                "The benchmark's reference network (a Jackson network, 5 × \(arrivals) arrivals): mean time in system \(fmt(networkMean)) days, analytic \(fmt(ReferenceNetwork.analyticMeanTimeInSystem)) (tolerance ± \(fmt(networkTolerance))): \(networkVerdict).",
            ],
            tables: [ReportPage.Table(caption: "Mean wait in queue (time units of a service time of 1).",
                                      header: ["servers", "load ρ", "Erlang C", "simulated", "± 4 se", "result"], rows: queueRows)],
            figures: [try queueFigure(queues)]))

        // 2. Conservation.
        let children = quick ? 5_000 : 45_000
        let small = ["population.children=\(children)", "experiment.replications=4"]
        let original = try ScenarioLoader.load(path: scenario).parameters
        /// The scenario's budget scaled to `n` children, so that funding per child is unchanged.
        func budget(for n: Int) -> String {
            "budget.baseline_eur_per_year=\(original.budget.baselineEurPerYear * Double(n) / Double(original.population.children))"
        }
        let conservationModel = try CompiledModel(ScenarioLoader.load(path: scenario, overrides: small + [budget(for: children)]).parameters)
        let results = try ExperimentRunner.run(conservationModel, replications: 0..<4, jobs: jobs).results
        var conservationRows: [[String]] = []
        for r in results {
            let childResidual = r.initialChildren + r.childrenBorn - r.childrenLeft - r.childrenAtEnd
            var spendingResidual = 0.0
            var income = 0.0, spending = 0.0, extra = 0.0
            for row in r.rows {
                let v = row.values
                let sum = ServiceKind.allCases.reduce(0.0) { $0 + v[MetricCatalog.index("spending_\($1.key)_eur")] } + v[MetricCatalog.index("spending_administration_eur")]
                spendingResidual = max(spendingResidual, abs(sum - v[MetricCatalog.index("spending_total_eur")]))
                if !row.inWarmup {
                    income += v[MetricCatalog.index("income_eur")]
                    spending += v[MetricCatalog.index("spending_total_eur")]
                    extra += v[MetricCatalog.index("extra_municipal_eur")]
                }
            }
            let reserve = r.rows.last!.values[MetricCatalog.index("reserve_eur")]
            let reserveResidual = reserve - (r.initialReserve + income - spending + extra)
            let moneyTolerance = 1e-6 * max(spending, 1)
            let results = [
                verdict("2", "replication \(r.replication): children conserved (initial + born - left - present)", observed: Double(childResidual), expected: 0,
                        tolerance: 0, childResidual == 0),
                verdict("2", "replication \(r.replication): spending is the sum of its parts (largest gap, EUR)", observed: spendingResidual, expected: 0,
                        tolerance: moneyTolerance, spendingResidual < moneyTolerance),
                verdict("2", "replication \(r.replication): reserve balance (residual, EUR)", observed: reserveResidual, expected: 0,
                        tolerance: moneyTolerance, abs(reserveResidual) < moneyTolerance),
            ]
            conservationRows.append(["\(r.replication)", "\(childResidual)", fmt(spendingResidual), fmt(reserveResidual),
                                     results.allSatisfy { $0 == "pass" } ? "pass" : "FAIL"])
        }
        sections.append(ReportPage.Section(
            heading: "2. Conservation of children and money",
            paragraphs: ["\(children) children, 4 replications of `\(scenario)` (budget scaled to the population)."],
            tables: [ReportPage.Table(caption: "Residuals: each must be 0 (money: within 10⁻⁶ of the spending, for rounding). Spending gap: the largest, over periods, of Σ services + administration − total spending; reserve residual: reserve at the end − (start + income − spending + extra municipal money).",
                                      header: ["replication", "children: initial + born − left − present", "spending: largest gap (EUR)",
                                               "reserve residual (EUR)", "result"], rows: conservationRows)]))

        // 3. The ODE twin.
        let twinChildren = quick ? 10_000 : 40_000
        let replications = quick ? 12 : 20
        let twinSettings = small + TwinComparison.exactConfiguration + [
            "population.children=\(twinChildren)", "experiment.replications=\(replications)", "experiment.output_interval=quarter",
            budget(for: twinChildren),
            "horizon.start=2000-01-01", "horizon.warmup_until=2001-01-01", "horizon.end=2010-01-01",
        ]
        let twinModel = try CompiledModel(ScenarioLoader.load(path: scenario, overrides: twinSettings).parameters)
        let simulation = try ExperimentRunner.run(twinModel, replications: 0..<replications, jobs: jobs).results
        let twin = try MeanFieldTwin.solve(twinModel)
        let misses = TwinComparison.misses(simulation: simulation, twin: twin)
        let escalation = try ScenarioLoader.load(path: scenario, overrides: twinSettings).parameters.population.needs.escalationPerYear.light
        let control = try MeanFieldTwin.solve(CompiledModel(ScenarioLoader.load(path: scenario, overrides: twinSettings + ["population.needs.escalation_per_year.light=\(escalation * 1.2)"]).parameters))
        let controlMisses = TwinComparison.misses(simulation: simulation, twin: control)
        let comparisons = twin.rows.count * TwinComparison.stocks.count
        let twinRows = TwinComparison.stocks.map { name -> [String] in
            let m = MetricCatalog.index(name)
            let simulated = simulation.map { $0.rows.last!.values[m] }.reduce(0, +) / Double(simulation.count)
            return [name, fmt(simulated), fmt(twin.rows.last!.values[m])]
        }
        let bandNote = "Lines: the simulation's mean over \(replications) replications (solid) with the band the twin must lie within (the 95 % interval of the mean, Bonferroni-corrected over all \(comparisons) comparisons, plus half a child for whole counts; cut at zero); dashed: the ODE twin."
        sections.append(ReportPage.Section(
            heading: "3. The simulation against its mean-field (ODE) twin",
            paragraphs: [
                "The scenario with one onset band, school from birth, no JGZ contacts, exponential care durations and capacity that never binds (where the twin is the simulation's exact expectation); \(twinChildren) children, \(replications) replications, quarterly, 2000–2010. Each of \(comparisons) (period, stock) pairs is compared within a 95 % band Bonferroni-corrected over all of them.",
                "ODE outside the band: \(misses.count) of \(comparisons): \(verdict("3", "ODE twin: (period, stock) pairs outside the simulation's band", observed: Double(misses.count), expected: 0, tolerance: 0, misses.isEmpty))" + misses.prefix(3).map { "; \($0)" }.joined(),
                "Negative control, the twin with a 20 % higher light-to-moderate escalation rate: outside the band \(controlMisses.count) of \(comparisons) (must be many): \(verdict("3", "negative control (light escalation +20 %): pairs outside the band, more than 10", observed: Double(controlMisses.count), expected: 11, controlMisses.count > 10))",
            ],
            tables: [ReportPage.Table(caption: "Each stock at the end of the last period (from \(twin.rows.last!.periodStart)).", header: ["stock", "simulated mean at the end", "ODE at the end"], rows: twinRows)],
            figures: [
                try twinFigure("twin_needs", "Children by need: simulation and twin", TwinComparison.stocks.filter { $0.hasPrefix("needs_") },
                               simulation: simulation, twin: twin, note: bandNote),
                try twinFigure("twin_in_care", "Children in care: simulation and twin", TwinComparison.stocks.filter { $0.hasPrefix("in_care_") },
                               simulation: simulation, twin: twin, note: bandNote),
            ]))

        // 4. Calibration.
        if let targets {
            let count = quick ? 2 : 4
            let parameters = try ScenarioLoader.load(path: scenario, overrides: ["experiment.replications=\(count)"]).parameters
            let runs = try ExperimentRunner.run(CompiledModel(parameters), replications: 0..<count, jobs: jobs).results
            try CalibrationTarget.check(targets.rows, horizon: parameters.horizon, file: targets.file)
            let fit = CalibrationFit(targets: targets.rows, results: runs, years: parameters.horizon.yearsAfterWarmup)
            let rows = fit.rows.map { row -> [String] in
                let s = row.simulated
                return [row.target.year.map(String.init) ?? "all", row.target.quantity.rawValue, fmt(row.target.weight), fmt(row.target.value),
                        fmt(s.mean), "\(fmt(s.lower95)) – \(fmt(s.upper95))", "\(fmt(row.relativeError * 100)) %"]
            }
            sections.append(ReportPage.Section(
                heading: "4. Calibration fit",
                paragraphs: ["`\(scenario)` as it stands against `\(targets.file)`, \(count) replications at its own size (weight 0: reported, not fitted); objective \(fmt(fit.objective))."],
                tables: [ReportPage.Table(caption: "Each target against the simulated mean with its 95 % interval (Student's t over the replications).",
                                          header: ["year", "quantity", "weight", "target", "simulated mean", "95 % interval", "relative error"], rows: rows)],
                figures: [try fitFigure(fit, replications: count)]))
        } else {
            sections.append(ReportPage.Section(heading: "4. Calibration fit",
                                               paragraphs: ["No targets given: pass `--targets Scenarios/targets-2015.csv` to report the scenario's fit."]))
        }

        // 5. The settled start.
        let settledChildren = quick ? 10_000 : 45_000
        let check = try SettledStartCheck.run(scenario: scenario, settings: ["population.children=\(settledChildren)", budget(for: settledChildren)],
                                              replications: quick ? 6 : 10, jobs: jobs)
        let settledRows = check.rows.map { row -> [String] in
            [row.metric, fmt(row.settled), fmt(row.old), fmt(row.settled - row.old), fmt(row.halfWidth),
             verdict("5", "settled start against the old start: mean \(row.metric)", observed: row.settled, expected: row.old,
                     tolerance: row.halfWidth, row.agrees)]
        }
        sections.append(ReportPage.Section(
            heading: "5. The settled start against the old start",
            paragraphs: ["\(check.description) The settled start is the steady state of the mean-field twin with the start year's places: where places bind, the twin's waiting lists admit exactly as many children as the places hold, and children on them are exposed to the hazards of waiting (needs get heavier, resolve, end in a crisis; families give up). A check passes when the difference of means is within its interval."],
            tables: [ReportPage.Table(caption: "Means over the replications; the interval is the Welch 95 % interval of the difference, Bonferroni-corrected.",
                                      header: ["metric", "settled start", "old start", "difference", "± interval", "check"],
                                      rows: settledRows)]))

        // 6. History (reported, not a check).
        var historyFiles: [(name: String, contents: String)] = []
        if let history {
            let historyChildren = 45_000
            let original = try ScenarioLoader.load(path: history.scenario).parameters
            let scaled = "budget.baseline_eur_per_year=\(original.budget.baselineEurPerYear * Double(historyChildren) / Double(original.population.children))"
            let report = try HistoryReport(scenario: history.scenario, settings: quick ? ["population.children=\(historyChildren)", scaled, "experiment.replications=3"] : [],
                                           targets: history.targets, jobs: jobs)
            let made = try report.section(number: 6)
            sections.append(made.section)
            historyFiles = made.files
        }

        let passed = checks.filter(\.passed).count, failed = checks.count - passed
        let summary = "\(passed) check(s) passed, \(failed) failed."
        let generated = "Generated by `runway validate-model\(quick ? " --quick" : "")` for `\(scenario)`."
        let markdown = "# Runway validation report\n\n" + generated.dropLast() + " on \(ISO8601DateFormatter().string(from: Date())).\n"
            + sections.map(markdownSection).joined() + "\n---\n\(summary)\n"
        let page = ReportPage.html(title: "Runway validation report", subtitle: plain(generated), intro: summary + " Each chart is also in charts/ as an SVG file; validation.md has the same tables.",
                                   sections: sections.map { s in
                                       ReportPage.Section(heading: s.heading, paragraphs: s.paragraphs.map(plain), tables: s.tables, figures: s.figures)
                                   })
        let files = [("checks.csv", ValidationChecks.csv(checks)), ("report.html", page)] + historyFiles
            + sections.flatMap(\.figures).map { ("charts/\($0.name).svg", $0.svg) }
        return Outcome(markdown: markdown, reportFiles: files, passed: passed, failed: failed)
    }

    /// A section as Markdown: its paragraphs, then its tables (failures in bold).
    static func markdownSection(_ s: ReportPage.Section) -> String {
        var out = "\n## \(s.heading)\n\n" + s.paragraphs.map { $0.replacingOccurrences(of: ": FAIL", with: ": **FAIL**") + "\n\n" }.joined()
        for t in s.tables {
            out += "| " + t.header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: t.header.count) + "\n"
            for row in t.rows {
                out += "| " + row.map { $0 == "FAIL" || $0 == "differs" ? "**\($0)**" : $0 }.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    /// Markdown's code marks left out, for the HTML page.
    static func plain(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "") }

    static func queueFigure(_ queues: [(label: String, theory: Double, simulated: Double, tolerance: Double)]) throws -> RunReport.Figure {
        let frame = ChartFrame(title: "Mean wait in queue: simulation and Erlang C", xLabel: "queue and load", yLabel: "mean wait (service times)",
                               caption: "Bars: the exact mean wait (Erlang C) and the simulated mean over 20 replications; whiskers: the simulated mean ± the check's tolerance (4 standard errors + 2 %). A check passes when the Erlang C value is within the whiskers.")
        let theory = try CategorySeries(name: "Erlang C (exact)", values: queues.map(\.theory), color: Palette.black)
        let simulated = try CategorySeries(name: "simulated", values: queues.map(\.simulated),
                                           intervals: queues.map { (max(0, $0.simulated - $0.tolerance), $0.simulated + $0.tolerance) }, color: Palette.blue)
        return RunReport.Figure(name: "erlang_c", title: frame.title, svg: try BarChart(frame: frame, categories: queues.map(\.label), series: [theory, simulated]).svg())
    }

    /// The simulation's stocks (solid, with the check's band) and the twin's (dashed), per period.
    static func twinFigure(_ name: String, _ title: String, _ stocks: [String], simulation: [ReplicationResult], twin: ReplicationResult, note: String) throws -> RunReport.Figure {
        let xs = twin.rows.map { ReportData.fractionalYear($0.periodStart.description) ?? Double($0.periodStart.year) }
        var series: [Series] = []
        for (k, stock) in stocks.enumerated() {
            let bands = TwinComparison.bands(simulation: simulation, stock: stock)
            let m = MetricCatalog.index(stock)
            series.append(try Series(name: "\(stock), simulation", points: zip(xs, bands).map { ($0, $1.mean) },
                                     band: bands.map { (max(0, $0.mean - $0.halfWidth), $0.mean + $0.halfWidth) }, color: Palette.line(k)))
            series.append(try Series(name: "\(stock), twin", points: zip(xs, twin.rows).map { ($0, $1.values[m]) }, color: Palette.line(k), dashed: true))
        }
        let frame = ChartFrame(title: title, xLabel: "date", yLabel: "children", caption: "Children at the end of each quarter. " + note)
        return RunReport.Figure(name: name, title: title, svg: LineChart(frame: frame, series: series).svg())
    }

    /// Each target's relative error with the interval of the simulated mean.
    static func fitFigure(_ fit: CalibrationFit, replications: Int) throws -> RunReport.Figure {
        let rows = fit.rows
        let errors = try CategorySeries(
            name: "simulated − target, % of the target", values: rows.map { $0.relativeError * 100 },
            intervals: rows.map { row in
                let lower = (row.simulated.lower95 - row.target.value) / row.target.value * 100
                let upper = (row.simulated.upper95 - row.target.value) / row.target.value * 100
                return lower.isFinite && upper.isFinite ? (lower, upper) : (row.relativeError * 100, row.relativeError * 100)
            },
            solid: rows.map { $0.target.weight > 0 }, color: Palette.blue)
        let frame = ChartFrame(title: "Calibration fit: relative error per target", xLabel: "target", yLabel: "% of the target",
                               caption: "Bars: (simulated mean − target) / target over \(replications) replications; whiskers: the same for the ends of the simulated mean's 95 % interval (Student's t). Hollow bars: targets with weight 0 (reported, not fitted).")
        return RunReport.Figure(name: "calibration_fit", title: frame.title,
                                svg: try BarChart(frame: frame, categories: rows.map(\.target.quantity.rawValue), series: [errors]).svg())
    }

    static func fmt(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return abs(x) >= 100 ? String(format: "%.0f", x) : abs(x) >= 1 ? String(format: "%.3f", x) : String(format: "%.4g", x)
    }
}
