import CareModel
import Charts
import Experiments
import Foundation
import Reporting
import ScenarioIO
import Stochastics

/// The "history" section of `runway validate-model --history FILE`: a scenario that runs
/// through the 2015 transfer (Scenarios/nl-history.yaml), year by year from its start with
/// 95 % intervals, its in-sample fit to dated targets (2015 and earlier only) and the
/// simulated changes after 2015, so that a reader can put any later published figure
/// beside them. Nothing after 2015 is fitted; the report only shows the path.
public struct HistoryReport {
    /// One yearly quantity: a label, its unit and each replication's value from the run's
    /// yearly aggregation.
    struct Quantity: Sendable {
        let name: String
        let unit: String
        let value: @Sendable (ReportData, Int, [Int]) -> Double
    }

    /// Per 1,000 children, so that the series reads the same at any population size.
    static func perThousand(_ metric: String) -> @Sendable (ReportData, Int, [Int]) -> Double {
        { data, r, periods in data.yearly(metric, replication: r, periods: periods) / data.yearly("children", replication: r, periods: periods) * 1000 }
    }

    static let quantities: [Quantity] = [
        Quantity(name: "users_without_stay_per_1000", unit: "per 1,000 children", value: perThousand("users_without_stay")),
        Quantity(name: "users_with_stay_per_1000", unit: "per 1,000 children", value: perThousand("users_with_stay")),
        Quantity(name: "users_youth_protection_per_1000", unit: "per 1,000 children", value: perThousand("users_youth_protection")),
        Quantity(name: "spending_per_child_eur", unit: "EUR per child", value: { data, r, periods in
            data.yearly("spending_total_eur", replication: r, periods: periods) / data.yearly("children", replication: r, periods: periods)
        }),
        Quantity(name: "deficit_share_of_income", unit: "fraction", value: { data, r, periods in
            data.yearly("deficit_eur", replication: r, periods: periods) / data.yearly("income_eur", replication: r, periods: periods)
        }),
        Quantity(name: "mean_stay_days_ended_ambulant", unit: "days", value: { $0.yearly("mean_stay_days_ended_ambulant", replication: $1, periods: $2) }),
        Quantity(name: "mean_stay_days_ended_residential", unit: "days", value: { $0.yearly("mean_stay_days_ended_residential", replication: $1, periods: $2) }),
        Quantity(name: "income_per_child_eur", unit: "EUR per child", value: { data, r, periods in
            data.yearly("income_eur", replication: r, periods: periods) / data.yearly("children", replication: r, periods: periods)
        }),
        Quantity(name: "spending_per_user_eur", unit: "EUR per child in care", value: { $0.yearly("spending_per_user_eur", replication: $1, periods: $2) }),
        Quantity(name: "mean_stay_days_started_ambulant", unit: "days", value: { $0.yearly("mean_stay_days_started_ambulant", replication: $1, periods: $2) }),
        Quantity(name: "mean_stay_days_started_residential", unit: "days", value: { $0.yearly("mean_stay_days_started_residential", replication: $1, periods: $2) }),
        Quantity(name: "mean_stay_days_planned_started_ambulant", unit: "days", value: { $0.yearly("mean_stay_days_planned_started_ambulant", replication: $1, periods: $2) }),
    ]

    /// The deficit share of income the report dates the first crossing of.
    public static let deficitThreshold = 0.10

    /// The budget years whose deficit counts: from the transfer on (before it no
    /// municipality held the budget; the history's "income" stands for what provinces and
    /// insurers spent).
    var municipalYears: [Int] { years.indices.filter { years[$0] >= Self.lastFittedYear } }

    /// Per replication, the first budget year from the transfer on whose deficit exceeds
    /// `deficitThreshold` of income (nil: never within the horizon).
    var firstYearsOverThreshold: [Int?] {
        let q = Self.quantities.firstIndex { $0.name == "deficit_share_of_income" }!
        return (0..<replications).map { r in municipalYears.first { values[q][$0][r] > Self.deficitThreshold }.map { years[$0] } }
    }

    /// What the report says of the deficit's timing: the year the mean share first exceeds
    /// the threshold, and the spread of that year over the replications.
    var deficitTiming: String {
        let q = Self.quantities.firstIndex { $0.name == "deficit_share_of_income" }!
        let meanYear = municipalYears.first { SummaryStatistics(values[q][$0].filter(\.isFinite)).mean > Self.deficitThreshold }.map { years[$0] }
        let crossed = firstYearsOverThreshold.compactMap { $0 }
        let percent = Int(Self.deficitThreshold * 100)
        guard let meanYear else {
            return "From \(Self.lastFittedYear) on the mean deficit never exceeds \(percent) % of income within the horizon (\(crossed.count) of \(replications) replications cross it in some year)."
        }
        let spread = crossed.isEmpty ? "" : ", in each replication between \(crossed.min()!) and \(crossed.max()!)"
        return "From \(Self.lastFittedYear) on (before it no municipality held the budget), the deficit first exceeds \(percent) % of income in \(meanYear) (the mean share over the replications)\(spread); \(crossed.count) of \(replications) replications cross it."
    }

    /// Per quantity, per budget year, each replication's value.
    let years: [Int]
    let values: [[[Double]]]   // [quantity][year][replication]
    let fit: CalibrationFit?
    let scenario: String
    let children: Int
    let replications: Int

    /// Runs `scenario` (with `settings`) and measures it; `targets` are checked against its
    /// horizon and must all be dated 2015 or earlier.
    public init(scenario: String, settings: [String], targets: (file: String, rows: [CalibrationTarget])?, jobs: Int) throws {
        let parameters = try ScenarioLoader.load(path: scenario, overrides: settings).parameters
        let replications = parameters.experiment.replications
        let results = try ExperimentRunner.run(CompiledModel(parameters), replications: 0..<replications, jobs: jobs).results
        if let targets {
            if let late = targets.rows.first(where: { ($0.year ?? .max) > Self.lastFittedYear }) {
                throw CalibrationError("\(targets.file): \(late.quantity.rawValue) \(late.year.map(String.init) ?? "(undated)"): the history's fit takes only figures dated \(Self.lastFittedYear) or earlier")
            }
            try CalibrationTarget.check(targets.rows, horizon: parameters.horizon, file: targets.file)
            fit = CalibrationFit(targets: targets.rows, results: results, years: parameters.horizon.yearsAfterWarmup)
        } else {
            fit = nil
        }
        let data = ReportData(scenario: parameters.name, results: results)
        let budgetYears = data.budgetYears
        years = budgetYears.map(\.year)
        values = Self.quantities.map { q in budgetYears.map { y in (0..<replications).map { q.value(data, $0, y.periods) } } }
        self.scenario = scenario
        self.children = parameters.population.children
        self.replications = replications
    }

    /// The last year whose figures may be fitted: later years test the model.
    public static let lastFittedYear = 2015

    /// The years whose change from the transfer year is reported.
    public static let changeYears = [2019, 2023]

    /// `history_yearly.csv`: budget year, quantity, unit, mean and its 95 % interval.
    var yearlyCSV: String {
        var out = CSVFormat.line(HistoryTables.yearlyColumns.map(\.name))
        for (q, quantity) in Self.quantities.enumerated() {
            for (k, year) in years.enumerated() {
                let s = SummaryStatistics(values[q][k].filter(\.isFinite))
                let ids: [String] = [String(year), quantity.name, quantity.unit, String(s.count)]
                let numbers: [String] = [s.mean, s.lower95, s.upper95].map { CSVFormat.number($0) }
                out += CSVFormat.line(ids + numbers)
            }
        }
        return out
    }

    /// A quantity's change from the transfer year to `year`, within each replication (so
    /// the replication's own noise cancels), with the 95 % interval over replications: a
    /// relative change, or a difference for the deficit share (already a fraction).
    func change(_ q: Int, to year: Int) -> SummaryStatistics? {
        guard let from = years.firstIndex(of: Self.lastFittedYear), let to = years.firstIndex(of: year) else { return nil }
        let relative = Self.quantities[q].unit != "fraction"
        return SummaryStatistics(zip(values[q][from], values[q][to]).map { a, b in relative ? b / a - 1 : b - a }.filter(\.isFinite))
    }

    /// `history_changes.csv`: from the transfer year to each of `changeYears`.
    var changesCSV: String {
        var out = CSVFormat.line(HistoryTables.changesColumns.map(\.name))
        for (q, quantity) in Self.quantities.enumerated() {
            for year in Self.changeYears {
                guard let s = change(q, to: year) else { continue }
                let kind = quantity.unit == "fraction" ? "difference" : "relative"
                let ids: [String] = [quantity.name, String(Self.lastFittedYear), String(year), kind, String(s.count)]
                let numbers: [String] = [s.mean, s.lower95, s.upper95].map { CSVFormat.number($0) }
                out += CSVFormat.line(ids + numbers)
            }
        }
        return out
    }

    /// The report's section, its charts and its CSV files.
    func section(number: Int) throws -> (section: ReportPage.Section, files: [(name: String, contents: String)]) {
        let fmt = ModelValidation.fmt
        var tables: [ReportPage.Table] = []
        var paragraphs = [
            "`\(scenario)`: \(children) children, \(replications) replications, every budget year from \(years.first.map(String.init) ?? "–"). Counts are per 1,000 children and money per child, so the series read the same at any size. Intervals: 95 % of the mean over the replications (Student's t). Fitted only to figures dated \(Self.lastFittedYear) or earlier; the years after \(Self.lastFittedYear) are the model's test: put a later published figure beside the path, it was never an input.",
        ]
        if let fit {
            paragraphs.append("In-sample fit (targets dated \(Self.lastFittedYear) or earlier; weight 0: reported, not fitted): objective \(fmt(fit.objective)).")
            tables.append(ReportPage.Table(caption: "The in-sample fit, year by year: each dated target against the simulated mean with its 95 % interval.",
                                           header: ["year", "quantity", "weight", "target", "simulated mean", "95 % interval", "relative error"],
                                           rows: fit.rows.map { row in
                                               let s = row.simulated
                                               return [row.target.year.map(String.init) ?? "all", row.target.quantity.rawValue, fmt(row.target.weight), fmt(row.target.value),
                                                       fmt(s.mean), "\(fmt(s.lower95)) – \(fmt(s.upper95))", "\(fmt(row.relativeError * 100)) %"]
                                           }))
        }
        paragraphs.append(deficitTiming)
        var changeRows: [[String]] = []
        for (q, quantity) in Self.quantities.enumerated() {
            var row = [quantity.name]
            if let from = years.firstIndex(of: Self.lastFittedYear) {
                row.append(fmt(SummaryStatistics(values[q][from]).mean))
            } else { row.append("–") }
            for year in Self.changeYears {
                guard let s = change(q, to: year) else { row.append("–"); continue }
                row.append(quantity.unit == "fraction"
                           ? "\(fmt(s.mean * 100)) pp (\(fmt(s.lower95 * 100)) – \(fmt(s.upper95 * 100)))"
                           : "\(fmt(s.mean * 100)) % (\(fmt(s.lower95 * 100)) – \(fmt(s.upper95 * 100)))")
            }
            changeRows.append(row)
        }
        tables.append(ReportPage.Table(caption: "Simulated changes after the transfer, within each replication, with the 95 % interval over replications (pp: percentage points of income).",
                                       header: ["quantity", "\(Self.lastFittedYear) (mean)"] + Self.changeYears.map { "\(Self.lastFittedYear) → \($0)" }, rows: changeRows))
        // Two tables of mean ± half-width with headers that may wrap, so that each fits
        // the page; history_yearly.csv has the interval's ends.
        let tablesByYear = [
            ("Children in youth care per 1,000, year by year", [0, 1, 2]),
            ("Spending against income, year by year (money per child; spending per user is per distinct child in youth care)", [7, 3, 4, 8]),
            ("The length of stays, year by year: stays ended in the year beside stays begun in it (planned: the first episode's drawn length; started: realised when they end, right-censored: stays still running at the horizon's end are left out, so the last years read short)", [5, 9, 11, 6, 10]),
        ]
        for (caption, columns) in tablesByYear {
            tables.append(ReportPage.Table(caption: "\(caption): mean ± half-width of its 95 % interval (the ends are in history_yearly.csv).",
                                           header: ["year"] + columns.map { Self.quantities[$0].name.replacingOccurrences(of: "_", with: " ") },
                                           rows: years.enumerated().map { k, year in
                                               [String(year)] + columns.map { q in
                                                   let s = SummaryStatistics(values[q][k].filter(\.isFinite))
                                                   return "\(ReportPage.number(s.mean)) ± \(ReportPage.number(s.halfWidth95))"
                                               }
                                           }))
        }
        let figures = [
            try figure("history_users", "Children in youth care per 1,000 (\(years.first ?? 0)–\(years.last ?? 0))", quantities: [0, 1, 2], yLabel: "per 1,000 children"),
            try figure("history_money", "Spending and income per child (\(years.first ?? 0)–\(years.last ?? 0))", quantities: [3, 7], yLabel: "EUR per child"),
            try figure("history_deficit", "Deficit as a share of income", quantities: [4], yLabel: "fraction of income"),
            try figure("history_stays", "Mean length of stays: ended in the year, and begun in it (realised)", quantities: [5, 6, 9, 10], yLabel: "days"),
        ]
        var files = [("history_yearly.csv", yearlyCSV), ("history_changes.csv", changesCSV)]
        if let fit { files.append(("history_fit.csv", CalibrationReport.csv(fit))) }
        return (ReportPage.Section(heading: "\(number). History: the scenario from \(years.first.map(String.init) ?? "its start"), its in-sample fit and its path after \(Self.lastFittedYear)",
                                   paragraphs: paragraphs, tables: tables, figures: figures), files)
    }

    /// Lines of the yearly means with their 95 % bands, a year's value drawn at its middle.
    func figure(_ name: String, _ title: String, quantities: [Int], yLabel: String) throws -> RunReport.Figure {
        var series: [Series] = []
        for (k, q) in quantities.enumerated() {
            let stats = values[q].map { SummaryStatistics($0.filter(\.isFinite)) }
            let xs = years.map { Double($0) + 0.5 }
            let means = stats.map { $0.mean.isFinite ? $0.mean : 0 }
            series.append(try Series(name: Self.quantities[q].name, points: Array(zip(xs, means)),
                                     band: zip(stats, means).map { s, m in s.lower95.isFinite && s.upper95.isFinite ? (s.lower95, s.upper95) : (m, m) },
                                     color: Palette.line(k)))
        }
        let frame = ChartFrame(title: title, xLabel: "budget year", yLabel: yLabel,
                               caption: "Yearly means over \(replications) replications with their 95 % intervals (bands). Fitted only to figures dated \(Self.lastFittedYear) or earlier; the years after \(Self.lastFittedYear) are simulated, not fitted.")
        return RunReport.Figure(name: name, title: title, svg: LineChart(frame: frame, series: series).svg())
    }
}
