import CareModel
import Charts

/// `report.html` and `charts/*.svg` for `runway report` over several run folders: each
/// scenario's yearly curves overlaid, one colour each, with their bands as in the
/// compare report. The runs were not necessarily made on common random numbers, so
/// there is no paired difference; `runway compare` gives one.
public enum OverlayReport {
    /// Series names: the scenario names, with the folder's name added where two runs share one.
    public static func labels(_ runs: [SavedRun]) -> [String] {
        runs.map { run in
            runs.filter { $0.scenario == run.scenario }.count > 1
                ? "\(run.scenario) (\(run.folder.split(separator: "/").last.map(String.init) ?? run.folder))" : run.scenario
        }
    }

    static let shown = ["spending_total_eur", "extra_municipal_eur", "deficit_eur", "needs_severe", "waiting_total", "mean_days_to_help",
                        "users_youth_help", "burden_index"]

    public static func figures(_ scenarios: [ReportData], labels: [String]) throws -> [RunReport.Figure] {
        var out: [RunReport.Figure] = []
        let counts = Set(scenarios.map(\.replications)).sorted()
        let n = counts.count == 1 ? counts[0] : counts.last ?? 0
        let note = counts.count == 1 ? RunReport.bandNote(n)
            : "Line: mean over each run's replications (" + zip(labels, scenarios).map { "\($0): \($1.replications)" }.joined(separator: ", ")
                + "); shaded band: the 2.5th to 97.5th percentile of the replications (a percentile band, so a count's band never goes below zero)."
        for q in CompareReport.quantities where shown.contains(q.name) {
            let series = try scenarios.enumerated().map { k, data in
                let rows = data.yearlyValues { r, periods in q.value(data, r, periods) }
                return try RunReport.yearSeries(labels[k], rows, color: Palette.line(k), dashed: k % 2 == 1)
            }
            let frame = ChartFrame(title: "\(q.label.prefix(1).uppercased() + q.label.dropFirst()), by budget year", xLabel: "budget year",
                                   yLabel: q.unit, caption: "Each run's \(q.label) per budget year\(q.perYear ? " (summed over the year)" : ""), one colour per scenario. " + note)
            out.append(RunReport.Figure(name: q.name, title: frame.title, svg: LineChart(frame: frame, series: series).svg()))
        }
        return out
    }

    /// A table of each run's means over its budget years after warm-up, with the percentile range.
    static func table(_ scenarios: [ReportData], labels: [String]) -> ReportPage.Table {
        let rows = CompareReport.quantities.map { q in
            [q.label, q.unit] + scenarios.map { data in
                let b = Band(CompareReport.overall(q, data))
                return ReportPage.number(b.mean) + " (" + ReportPage.number(b.lower) + "–" + ReportPage.number(b.upper) + ")"
            }
        }
        return ReportPage.Table(caption: "Each run's mean over its budget years after warm-up (money per year, children as an average count), with the 2.5th–97.5th percentile of its replications in brackets.",
                                header: ["", "unit"] + labels, rows: rows)
    }

    /// report.html and charts/<name>.svg.
    public static func files(_ runs: [SavedRun]) throws -> [(name: String, contents: String)] {
        let labels = labels(runs)
        let scenarios = runs.map(\.data)
        let figures = try figures(scenarios, labels: labels)
        let subtitle = zip(labels, runs).map { "\($0): \($1.description.isEmpty ? "no description" : $1.description)" }.joined(separator: " / ")
        let intro = "\(runs.count) runs overlaid, one colour each; the numbers are in each run's own folder (timeseries.csv, yearly_stats.csv). The runs may not share their random numbers, so differences are not tested here: runway compare runs scenarios on common random numbers and gives the paired difference with its interval. Every chart is also in charts/ as an SVG file."
        let html = ReportPage.html(title: "Runway: " + labels.joined(separator: " vs "), subtitle: subtitle, intro: intro,
                                   tables: [table(scenarios, labels: labels)], figures: figures)
        return [("report.html", html)] + figures.map { ("charts/\($0.name).svg", $0.svg) }
    }
}
