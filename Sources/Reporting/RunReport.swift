import CareModel
import Charts

/// `report.html` and `charts/<name>.svg` for one scenario: the curves a policy team
/// and a trainer look at, each with its band over the replications. Built from the
/// rows the run already wrote, and the same rows always give the same bytes.
public enum RunReport {
    /// One chart of a report: its file name (without .svg), heading and SVG.
    public struct Figure: Sendable {
        public let name: String
        public let title: String
        public let svg: String

        public init(name: String, title: String, svg: String) {
            self.name = name
            self.title = title
            self.svg = svg
        }
    }

    /// English labels, with the Dutch term where users know it.
    static let serviceLabels: [(key: String, label: String)] = [
        ("jgz", "youth health care (JGZ)"),
        ("school", "care at school"),
        ("team", "neighbourhood team (wijkteam)"),
        ("ambulant", "specialised ambulant care"),
        ("residential", "residential care (jeugdhulp met verblijf)"),
        ("protection", "youth protection (jeugdbescherming)"),
    ]

    static func bandNote(_ n: Int) -> String {
        n == 0 ? twinNote : "Line: mean over \(n) replication\(n == 1 ? "" : "s"); shaded band: the 2.5th to 97.5th percentile of the replications (a percentile band, so a count's band never goes below zero\(n < 40 ? "; with \(n) replications it is close to their full range" : ""))."
    }

    /// The caption's note for the mean-field twin (`runway ode`): one deterministic curve.
    static let twinNote = "Line: the mean-field (ODE) twin's expected value; the twin is deterministic, so there is no band (run the simulation for the spread over replications)."

    /// A line per metric, per period after warm-up (stocks); with a band unless `twin`.
    static func periodSeries(_ data: ReportData, _ items: [(metric: String, label: String)], scale: Double = 1, twin: Bool = false) throws -> [Series] {
        try items.map { item in
            let rows = data.periodValues(item.metric, scale: scale).map { ($0.year, Band($0.values)) }
            return try Series(name: item.label, points: rows.map { ($0.0, $0.1.mean) }, band: twin ? nil : rows.map { ($0.1.lower, $0.1.upper) })
        }
    }

    /// A line over budget years (each value plotted at its year's tick), with its band unless `twin`.
    static func yearSeries(_ name: String, _ rows: [(year: Int, values: [Double])], color: String? = nil, dashed: Bool = false,
                           twin: Bool = false) throws -> Series {
        let bands = rows.map { ($0.year, Band($0.values)) }
        return try Series(name: name, points: bands.map { (Double($0.0), $0.1.mean) }, band: twin ? nil : bands.map { ($0.1.lower, $0.1.upper) },
                          color: color, dashed: dashed)
    }

    /// `twin`: the data is the mean-field twin's one deterministic solution (`runway ode`):
    /// no bands, and no waiting-list charts (the twin's lists only hold the start's steady state).
    public static func figures(_ data: ReportData, twin: Bool = false) throws -> [Figure] {
        let n = twin ? 0 : data.replications
        func yearSeries(_ name: String, _ rows: [(year: Int, values: [Double])], color: String? = nil, dashed: Bool = false) throws -> Series {
            try RunReport.yearSeries(name, rows, color: color, dashed: dashed, twin: twin)
        }
        func periodSeries(_ data: ReportData, _ items: [(metric: String, label: String)]) throws -> [Series] {
            try RunReport.periodSeries(data, items, twin: twin)
        }
        let averaged = twin ? "the twin's expected values" : "mean over \(n) replication\(n == 1 ? "" : "s")"
        var out: [Figure] = []
        let years = data.budgetYears.map { String($0.year) }

        // Money by budget year: spending per service stacked, income on top.
        var layers: [CategorySeries] = []
        var spendingItems = serviceLabels.map { ("spending_\($0.key)_eur", $0.label) }
        spendingItems.append(("spending_administration_eur", "administration (indications)"))
        spendingItems += MetricCatalog.leverSpendingItems.map { ($0.metric, $0.label) }
        for (k, item) in spendingItems.enumerated() {
            let means = data.yearlyValues(item.0, scale: 1e6).map { Band($0.values).mean }
            if k >= 6 && means.allSatisfy({ $0 == 0 }) { continue }
            layers.append(try CategorySeries(name: item.1, values: means.map { max($0, 0) }, color: Palette.area(layers.count)))
        }
        let income = try CategorySeries(name: "income", values: data.yearlyValues("income_eur", scale: 1e6).map { Band($0.values).mean },
                                        color: Palette.black)
        var moneyFrame = ChartFrame(title: "Money by budget year: spending per service and income", xLabel: "budget year",
                                    yLabel: "M EUR per budget year",
                                    caption: "Bars: spending per service summed over each budget year (January to December), \(averaged); black line: the municipality's income for youth (baseline budget minus the cut). Summing each year's months keeps short months (February) from showing as dips.")
        moneyFrame.plotHeight = 340
        out.append(Figure(name: "money", title: moneyFrame.title,
                          svg: try StackedBarChart(frame: moneyFrame, categories: years, layers: layers, lines: [income]).svg()))

        // Balance: spending, income, extra municipal money, reserve, with bands.
        let balance = [
            try yearSeries("spending, total", data.yearlyValues("spending_total_eur", scale: 1e6)),
            try yearSeries("income", data.yearlyValues("income_eur", scale: 1e6), color: Palette.black, dashed: true),
            try yearSeries("extra municipal money", data.yearlyValues("extra_municipal_eur", scale: 1e6)),
            try yearSeries("reserve at year end", data.yearlyValues { r, p in data.values[r][p.last!][MetricCatalog.index("reserve_eur")] / 1e6 }),
        ]
        out.append(Figure(name: "balance", title: "Spending, income, reserve and extra municipal money",
                          svg: LineChart(frame: ChartFrame(title: "Spending, income, reserve and extra municipal money", xLabel: "budget year",
                                                           yLabel: "M EUR", caption: "Per budget year: spending, income and the extra money the municipality adds from its general funds are summed over the year; the reserve is its value at the year's end. " + bandNote(n)),
                                         series: balance).svg()))

        // Waiting lists per service (stocks at each period's end); the twin has none.
        if !twin {
        out.append(Figure(name: "waiting", title: "Waiting lists per service",
                          svg: LineChart(frame: ChartFrame(title: "Waiting lists per service (wachtlijsten)", xLabel: "date",
                                                           yLabel: "children waiting", caption: "Children on each service's waiting list at the end of each period. " + bandNote(n)),
                                         series: try periodSeries(data, serviceLabels.map { ("waiting_\($0.key)", $0.label) })).svg()))

        // Mean waits per service, by budget year (weighted by the starts).
        let waits = try serviceLabels.map { try yearSeries($0.label, data.yearlyValues("mean_wait_days_\($0.key)")) }
        out.append(Figure(name: "mean_waits", title: "Mean wait per service",
                          svg: LineChart(frame: ChartFrame(title: "Mean wait per service, by budget year", xLabel: "budget year", yLabel: "days",
                                                           caption: "Mean days waited by the episodes that started care in each budget year (weighted by the starts of each period). " + bandNote(n)),
                                         series: waits).svg()))
        }

        // Children by need.
        let needs = [("needs_light", "light need"), ("needs_moderate", "moderate need"), ("needs_severe", "severe need"),
                     ("needs_undetected", "need not yet noticed (undetected)")]
        out.append(Figure(name: "needs", title: "Children by need",
                          svg: LineChart(frame: ChartFrame(title: "Children by need", xLabel: "date", yLabel: "children",
                                                           caption: "Children with a light, moderate or severe need at the end of each period, and those whose need no service has noticed yet (they are also counted in their level). " + bandNote(n)),
                                         series: try periodSeries(data, needs)).svg()))

        // Burden index.
        out.append(Figure(name: "burden", title: "Burden index",
                          svg: LineChart(frame: ChartFrame(title: "Burden index", xLabel: "date", yLabel: "weighted need-days per child-year",
                                                           caption: "Need-days weighted by severity, per child per year, in each period. " + bandNote(n)),
                                         series: try periodSeries(data, [("burden_index", "burden index")])).svg()))

        // Distinct users per budget year.
        let users = [("users_youth_help", "youth help (jeugdhulp)"), ("users_with_stay", "youth help with stay (met verblijf)"),
                     ("users_youth_protection", "youth protection (jeugdbescherming)")]
        out.append(Figure(name: "users", title: "Distinct users per year",
                          svg: LineChart(frame: ChartFrame(title: "Distinct users per budget year", xLabel: "budget year", yLabel: "children per year",
                                                           caption: "Children who used each kind of care at least once in the budget year, each counted once (as CBS counts them). " + bandNote(n)),
                                         series: try users.map { try yearSeries($0.1, data.yearlyValues($0.0)) }).svg()))

        // Time to help.
        let help = [("mean_days_to_help", "all children"), ("mean_days_to_help_school_age", "children of school age")]
        out.append(Figure(name: "time_to_help", title: "Time to help",
                          svg: LineChart(frame: ChartFrame(title: "Time to help, by budget year", xLabel: "budget year", yLabel: "days",
                                                           caption: "Mean days from a need being noticed to its first care, for the needs first helped in each budget year. " + bandNote(n)),
                                         series: try help.map { try yearSeries($0.1, data.yearlyValues($0.0)) }).svg()))
        return out
    }

    /// report.html and charts/<name>.svg.
    /// `equity`: equity.csv's rows, drawn per risk group (over `years` after warm-up).
    /// `stories`: the stories' timeline, when the run told stories.
    /// `twin`: the mean-field twin's solution (`runway ode`), drawn without bands.
    public static func files(_ data: ReportData, description: String = "", equity: EquityReport.Table? = nil,
                             years: Double = 0, stories: Figure? = nil, twin: Bool = false) throws -> [(name: String, contents: String)] {
        let figures = try figures(data, twin: twin)
        let equityFigures = try equity.map { try EquityReport.figures($0, years: years) } ?? []
        let storyFigures = stories.map { [$0] } ?? []
        let n = data.replications
        let years = data.budgetYears
        let span = years.isEmpty ? "no budget years after warm-up" : "budget years \(years.first!.year)–\(years.last!.year) (after warm-up)"
        let intro = twin
            ? "The mean-field (ODE) twin's expected curves, \(span): one deterministic solution, so no bands. Its waiting lists hold the settled start's steady state and do not follow later changes of places (started all well it has none), and it reports no waits; it takes care durations as exponential (specialised ambulant care's, which spread more, as two phases with their spread), and leaves out the transition's lost cases, the deficit policies' feedback, debt help, school-to-work support and the regional pool. Every chart is also in charts/ as an SVG file for slides; the numbers are in timeseries.csv."
            : "\(n) replication\(n == 1 ? "" : "s"), \(span). Every chart is also in charts/ as an SVG file for slides; the numbers are in timeseries.csv and timeseries_stats.csv."
        let html = ReportPage.html(title: twin ? "Runway mean-field twin: \(data.scenario)" : "Runway: \(data.scenario)", subtitle: description, intro: intro,
                                   tables: [headlineTable(data, twin: twin)], figures: figures,
                                   sections: (equityFigures.isEmpty ? [] : [("Equity: outcomes per risk group", equityFigures)])
                                       + (storyFigures.isEmpty ? [] : [("Stories", storyFigures)]))
        return [("report.html", html)] + (figures + equityFigures + storyFigures).map { ("charts/\($0.name).svg", $0.svg) }
    }

    /// A small table of yearly means for the first and last budget year.
    static func headlineTable(_ data: ReportData, twin: Bool = false) -> ReportPage.Table {
        let items: [(String, String, Double, String)] = [
            ("spending_total_eur", "spending", 1e6, "M EUR per year"),
            ("extra_municipal_eur", "extra municipal money", 1e6, "M EUR per year"),
            ("needs_severe", "children with a severe need", 1, "children"),
            ("waiting_team", "waiting for the neighbourhood team (wijkteam)", 1, "children"),
            ("mean_wait_days_ambulant", "mean wait for specialised ambulant care", 1, "days"),
            ("mean_days_to_help", "time to help", 1, "days"),
            ("burden_index", "burden index", 1, "weighted need-days per child-year"),
        ]
        let years = data.budgetYears
        guard let first = years.first, let last = years.last else { return ReportPage.Table(caption: "", header: [], rows: []) }
        var rows: [[String]] = []
        func cell(_ b: Band) -> String {
            twin ? ReportPage.number(b.mean) : ReportPage.number(b.mean) + " (" + ReportPage.number(b.lower) + "–" + ReportPage.number(b.upper) + ")"
        }
        for (metric, label, scale, unit) in items where !(twin && metric.hasPrefix("waiting_") || twin && metric.hasPrefix("mean_wait_")) {
            let a = Band(data.yearlyValues(metric, scale: scale).first!.values)
            let b = Band(data.yearlyValues(metric, scale: scale).last!.values)
            rows.append([label, cell(a), cell(b), unit])
        }
        let caption = twin ? "First and last budget year: the twin's expected values (stocks averaged over the year's periods)."
            : "First and last budget year: mean over \(data.replications) replication(s), with the 2.5th–97.5th percentile range in brackets."
        return ReportPage.Table(caption: caption, header: ["", String(first.year), String(last.year), "unit"], rows: rows)
    }
}
