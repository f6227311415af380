import Foundation
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
        #expect(charts == ["balance.svg", "burden.svg", "mean_waits.svg", "money.svg", "needs.svg", "time_to_help.svg", "users.svg", "waiting.svg"])
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
        let folder = "\(base)/small/s"
        let charts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/charts").sorted()
        #expect(charts.contains("sweep_burden_index.svg") && charts.contains("sweep_extra_municipal_eur.svg"))
        let html = try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<figure ").count - 1 == charts.count)
        #expect(r.out.contains("Means over the horizon after warm-up at each grid point"))
        #expect(r.out.contains("Report: \(folder)/report.html"))
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
