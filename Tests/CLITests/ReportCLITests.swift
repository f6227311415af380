import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The HTML report as the command line writes it, and as a real browser shows it.
@Suite(.serialized) struct ReportCLITests {
    typealias CLI = CLITests

    static func run(_ output: String, runID: String) throws -> CLI.Output {
        try CLI.runway(["run", "Tests/Fixtures/backtest/small.yaml", "--output", output, "--run-id", runID,
                        "--replications", "3", "--jobs", "2"])
    }

    @Test func aRunWritesItsReportAndChartsAndPrintsThePath() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let first = try Self.run(base, runID: "a"), second = try Self.run(base, runID: "b")
        try #require(first.code == 0 && second.code == 0, "\(first.err)\(second.err)")
        let folder = "\(base)/backtest-small"
        #expect(first.out.contains("Report: \(folder)/a/report.html"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/a/charts").sorted()
        #expect(charts == ["balance.svg", "burden.svg", "equity.svg", "equity_burden.svg", "mean_waits.svg", "money.svg", "needs.svg",
                          "time_to_help.svg", "users.svg", "waiting.svg"])
        // Two runs of the same experiment: the same report, byte for byte.
        for file in ["report.html"] + charts.map({ "charts/\($0)" }) {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/a/\(file)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/b/\(file)"))
            let same = a == b
            #expect(same, "\(file) differs between two runs of the same experiment")
        }
    }

    @Test func aComparisonWritesItsReportAndAHeadlineInPlainUnits() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["compare", "Tests/Fixtures/small.yaml", "Tests/Fixtures/small-cut.yaml", "--replications", "3",
                                "--output", base, "--run-id", "c", "--jobs", "2"])
        try #require(r.code == 0, "\(r.err)")
        let folder = "\(base)/compare/small-vs-small-cut/c"
        #expect(FileManager.default.fileExists(atPath: "\(folder)/report.html"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/charts/spending_total_eur_difference.svg"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/yearly_stats_a.csv"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/yearly_stats_b.csv"))
        #expect(r.out.contains("Report: \(folder)/report.html"))
        #expect(r.out.contains("M EUR per year"))
    }

    @Test func aSweepWritesHeatMapsAndPrintsItsGrid() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--output", base, "--run-id", "s", "--replications", "2",
                                "--sweep", "budget.cut.fraction=0,0.3", "--sweep", "budget.cut.runway_years=0,5"])
        try #require(r.code == 0, "\(r.err)")
        let folder = "\(base)/small/sweep-s"
        let charts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/charts").sorted()
        #expect(charts.contains("sweep_burden_index.svg") && charts.contains("sweep_extra_municipal_eur.svg"))
        let html = try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<figure ").count - 1 == charts.count)
        #expect(r.out.contains("Means over the horizon after warm-up at each grid point"))
        #expect(r.out.contains("Report: \(folder)/report.html"))
    }

    @Test func storiesAreDrawnAsATimelineWithARowPerChild() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["run", "Tests/Fixtures/small.yaml", "--replications", "2", "--stories", "3", "--quiet", "--output", base, "--run-id", "s"])
        try #require(r.code == 0, "\(r.err)")
        let folder = "\(base)/small/s"
        let stories = try String(contentsOfFile: "\(folder)/stories.md", encoding: .utf8)
        let children = stories.components(separatedBy: "\n**Child ").count - 1
        let page = Figures(try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8))
        try #require(page.parsed)
        let texts = try #require(page.texts["stories"])
        // Row labels "1 A", "1 B", … one per child told in stories.md.
        let rows = texts.filter { $0.range(of: #"^[0-9]+ [A-Z]$"#, options: .regularExpression) != nil }
        #expect(children > 0 && rows.count == children, "\(rows) against \(children) children")
        #expect(texts.contains("light need") && texts.contains("waiting for care"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/charts/stories.svg"))
    }

    // MARK: - runway report over existing run folders

    /// The figures of a page: per figure id, its SVG's element counts and texts; and
    /// its tables outside the figures, each as rows of cells.
    final class Figures: NSObject, XMLParserDelegate {
        var elements: [String: [String: Int]] = [:]
        var texts: [String: [String]] = [:]
        var tables: [[[String]]] = []
        /// The page's h2 headings, in order.
        var headings: [String] = []
        var current: String?
        var text = ""
        var parsed = false

        init(_ html: String) {
            super.init()
            let parser = XMLParser(data: Data(html.utf8))
            parser.delegate = self
            parsed = parser.parse()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            if name == "figure" { current = attributes["id"] } else if let current { elements[current, default: [:]][name, default: 0] += 1 }
            if current == nil && name == "table" { tables.append([]) }
            if current == nil && name == "tr" { tables[tables.count - 1].append([]) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "figure" { current = nil } else if name == "text", let current { texts[current, default: []].append(text) }
            if current == nil && (name == "td" || name == "th") {
                let t = tables.count - 1
                tables[t][tables[t].count - 1].append(text)
            }
            if name == "h2" { headings.append(text) }
            text = ""
        }
    }

    @Test func aReportOverSeveralRunFoldersOverlaysTheirScenarios() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        for (file, id) in [("small", "a"), ("small-cut", "b")] {
            let r = try CLI.runway(["run", "Tests/Fixtures/\(file).yaml", "--replications", "2", "--quiet", "--output", base, "--run-id", id])
            try #require(r.code == 0, "\(r.err)")
        }
        let a = "\(base)/small/a", b = "\(base)/small-cut/b"
        var pages: [Data] = []
        for id in ["r1", "r2"] {
            let r = try CLI.runway(["report", a, b, "--output", base, "--run-id", id])
            try #require(r.code == 0, "\(r.err)")
            #expect(r.out.contains("Report: \(base)/report/\(id)/report.html"))
            pages.append(try Data(contentsOf: URL(fileURLWithPath: "\(base)/report/\(id)/report.html")))
        }
        #expect(pages[0] == pages[1], "the same run folders give another report")
        let page = Figures(String(decoding: pages[0], as: UTF8.self))
        try #require(page.parsed)
        let spending = try #require(page.elements["spending_total_eur"])
        #expect(spending["polyline"] == 2, "one line per scenario")
        #expect(spending["polygon"] == 2, "one band per scenario")
        let legend = page.texts["spending_total_eur"] ?? []
        #expect(legend.contains("small") && legend.contains("small-cut"))
        #expect(FileManager.default.fileExists(atPath: "\(base)/report/r1/charts/burden_index.svg"))

        // One folder: that run's own report again, byte for byte.
        let one = try CLI.runway(["report", a, "--output", base, "--run-id", "one", "--quiet"])
        try #require(one.code == 0, "\(one.err)")
        let rebuilt = try Data(contentsOf: URL(fileURLWithPath: "\(base)/report/one/report.html"))
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(a)/report.html"))
        #expect(rebuilt == original)

        // A folder without the run's files: bad input, naming the folder and what is missing.
        try FileManager.default.createDirectory(atPath: "\(base)/empty", withIntermediateDirectories: true)
        let bad = try CLI.runway(["report", a, "\(base)/empty", "--output", base, "--run-id", "bad"])
        #expect(bad.code == 2)
        #expect(bad.err.contains("\(base)/empty") && bad.err.contains("missing timeseries.csv, summary_stats.csv, run.json"), "\(bad.err)")
        #expect(!FileManager.default.fileExists(atPath: "\(base)/report/bad"))
    }

    // MARK: - A real browser

    /// Chromium as Debian ships it (`make test` installs it when missing).
    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Runs a program with a time limit; its standard output and error together.
    static func execute(_ program: String, _ arguments: [String], seconds: Double) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Opens a run's report in headless Chromium: the page loads without console
    /// messages (it has no script at all) and the screenshot is not blank.
    /// RUNWAY_SKIP_BROWSER=1 skips it on a machine that cannot have a browser.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RUNWAY_SKIP_BROWSER"] == nil))
    func theReportShowsInARealBrowser() throws {
        guard let chromium = Self.chromium else {
            Issue.record("chromium is missing: `make test` installs it (apt-get install -y chromium); set RUNWAY_SKIP_BROWSER=1 to skip this test")
            return
        }
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try Self.run(base, runID: "browser")
        try #require(r.code == 0, "\(r.err)")
        let report = "\(base)/backtest-small/browser/report.html"
        let shot = "\(base)/screenshot.png"
        let browser = try Self.execute(chromium, [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(base)/profile",
            "--enable-logging=stderr", "--v=0", "--screenshot=\(shot)", "--window-size=1400,3000", "file://\(report)",
        ], seconds: 120)
        try #require(FileManager.default.fileExists(atPath: shot), "no screenshot (exit \(browser.code)):\n\(browser.output.suffix(2000))")
        let console = browser.output.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "console messages: \(console)")
        // The share of pixels that are not near-white, in the whole page and in the
        // band where the first charts are (below the title and the table).
        let check = try Self.execute("/usr/bin/env", ["python3", CLI.root.appendingPathComponent("Tests/Browser/png_check.py").path,
                                                      shot, "600", "2900"], seconds: 120)
        let fields = check.output.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        try #require(check.code == 0 && fields.count == 4, "png_check.py: \(check.output)")
        let (width, height, whole, charts) = (Int(fields[0]), Int(fields[1]), Double(fields[2])!, Double(fields[3])!)
        #expect(width == 1400 && height == 3000)
        #expect(charts > 0.04, "the chart area of the screenshot is nearly blank (\(charts) of its pixels are not white)")
        #expect(whole < 0.8, "the screenshot is nearly all dark (\(whole))")
    }
}
