import Foundation
import Testing

/// runway ode, calibrate and validate-model, through the built binary.
@Suite(.serialized) struct ModelCLITests {
    typealias CLI = CLITests

    @Test func odeWritesTheSimulationSchema() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["ode", "Tests/Fixtures/small.yaml", "--output", base, "--run-id", "o", "-q"])
        #expect(r.code == 0, "\(r.err)")
        let ode = try String(contentsOfFile: "\(base)/small/ode-o/timeseries.csv", encoding: .utf8)
        #expect(ode.hasPrefix("replication,period_start,in_warmup,children,"))
        #expect(ode.split(separator: "\n").count == 1 + 12 * 18)
    }

    @Test func odeWritesAReportOfTheTwinsCurvesWithoutBands() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["ode", "Tests/Fixtures/small.yaml", "--output", base, "--run-id", "o"])
        try #require(r.code == 0, "\(r.err)")
        let folder = "\(base)/small/ode-o"
        #expect(r.out.contains("Report: \(folder)/report.html"))
        // What it prints is what it computed: expected values, no intervals, no waiting lists.
        #expect(r.out.contains("The twin's expected values") && !r.out.contains("95 %") && !r.out.contains("±"), "\(r.out)")
        #expect(!r.out.contains("waiting"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/charts").sorted()
        #expect(charts == ["balance.svg", "burden.svg", "money.svg", "needs.svg", "time_to_help.svg", "users.svg"])
        let page = ReportCLITests.Figures(try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8))
        try #require(page.parsed)
        #expect(Set(page.elements.keys) == Set(charts.map { String($0.dropLast(4)) }))
        let needs = try #require(page.elements["needs"])
        #expect(needs["polyline"] == 4, "one curve per need level and undetected")
        #expect(needs["polygon"] == nil, "the twin is deterministic: no band")
        #expect(page.texts["needs"]?.contains("severe need") == true)
        #expect(page.texts["needs"]?.contains { $0.contains("mean-field (ODE) twin's expected value") } == true)
        // The headline table: a label and two years per row, one value each (no range).
        let table = try #require(page.tables.first)
        #expect(table.count > 1 && table.dropFirst().allSatisfy { $0.count == 4 && !$0[1].contains("(") })
        #expect(!table.contains { $0[0].hasPrefix("waiting") })
    }

    @Test func calibrateIsRefusedWhenAnEvaluationWillNotFit() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["calibrate", "Tests/Fixtures/calibrate.yaml", "--targets", "Tests/Fixtures/targets-test.csv",
                                "--max-memory", "0.01", "--output", base, "--run-id", "c", "-q"])
        #expect(r.code == 2)
        #expect(r.err.contains("more than the limit of 10 MB (--max-memory 0.01)"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: base))
    }

    @Test func calibrateMovesTheParameterTowardsTheTarget() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["calibrate", "Tests/Fixtures/calibrate.yaml", "--targets", "Tests/Fixtures/targets-test.csv",
                                "--replications", "2", "--max-iterations", "12", "--output", base, "--run-id", "c", "-q"])
        #expect(r.code == 0, "\(r.err)")
        let report = try String(contentsOfFile: "\(base)/small-calibration/calibration-c/fit_report.csv", encoding: .utf8)
        let lines = report.split(separator: "\n")
        let column = lines[0].split(separator: ",").firstIndex(of: "relative_error")!
        let relativeError = Double(lines[1].split(separator: ",", omittingEmptySubsequences: false)[column])!
        #expect(abs(relativeError) < 0.1, "fit: \(report)")
        let calibrated = "\(base)/small-calibration/calibration-c/calibrated.yaml"
        let yaml = try String(contentsOfFile: calibrated, encoding: .utf8)
        #expect(yaml.contains("population.needs.crisis_per_year_severe:"))
        #expect(yaml.contains("# calibrated to protection_inflow_per_1000"))
        #expect(try CLI.runway(["validate", calibrated]).code == 0, "the calibrated file is a valid scenario")
        let bad = try CLI.runway(["calibrate", "Tests/Fixtures/no-calibration.yaml", "--targets", "Tests/Fixtures/targets-test.csv", "--output", base])
        #expect(bad.code == 2)
        #expect(bad.err.contains("no calibration: block"))
    }

    /// History targets need a history scenario; the message says so (exit 2, bad input).
    @Test func historyTargetsNeedAHistoryScenario() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["validate-model", "--quick", "--history-targets", "Scenarios/targets-history.csv", "--output", base, "--run-id", "h"])
        #expect(r.code == 2 && r.err.contains("--history-targets needs --history"), "\(r.code) \(r.err)")
    }

    @Test func validateModelQuickPasses() throws {
        let base = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLI.runway(["validate-model", "--quick", "--scenario", "Tests/Fixtures/small.yaml", "--targets", "Scenarios/targets-2015.csv",
                                "--output", base, "--run-id", "v"])
        #expect(r.code == 0, "\(r.out)\(r.err)")
        let report = try String(contentsOfFile: "\(base)/validation/v/validation.md", encoding: .utf8)
        #expect(report.contains(", 0 failed."))
        #expect(report.contains("## 3. The simulation against its mean-field (ODE) twin"))
        #expect(report.contains("| helped_share | 1.000 | 0.1 |"))

        // report.html: the same sections as charts and tables.
        let folder = "\(base)/validation/v"
        #expect(r.out.contains("Report: \(folder)/report.html"))
        let page = ReportCLITests.Figures(try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8))
        try #require(page.parsed)
        #expect(page.headings.count == 5 && page.headings[2] == "3. The simulation against its mean-field (ODE) twin", "\(page.headings)")
        #expect(Set(page.elements.keys) == ["erlang_c", "twin_needs", "twin_in_care", "calibration_fit"])
        let charts = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/charts").sorted()
        #expect(charts == ["calibration_fit.svg", "erlang_c.svg", "twin_in_care.svg", "twin_needs.svg"])
        // Sim against twin: per stock a solid line with its band and a dashed twin line.
        let needs = try #require(page.elements["twin_needs"])
        #expect(needs["polyline"] == 8 && needs["polygon"] == 4, "\(needs)")
        #expect(page.texts["twin_needs"]?.contains("needs_severe, twin") == true)
        #expect(page.texts["twin_in_care"]?.contains("in_care_protection, simulation") == true)
        // Erlang C: four queues, each with the exact value and the simulated one.
        #expect(page.texts["erlang_c"]?.contains("M/M/10, ρ = 0.9") == true)
        // The tables: Erlang C (4 queues), conservation (4 replications), twin, fit, settled start.
        #expect(page.tables.count == 5)
        #expect(page.tables[0].count == 5 && page.tables[0].dropFirst().allSatisfy { $0.last == "pass" })
        #expect(page.tables[3].contains { $0.first == "all" && $0[1] == "helped_share" && $0[3] == "0.1" })
        #expect(page.tables.flatMap { $0 }.allSatisfy { !$0.contains("FAIL") })

        // checks.csv: one typed row per check, described by datapackage.json.
        let checks = try String(contentsOfFile: "\(folder)/checks.csv", encoding: .utf8).split(separator: "\n")
        #expect(checks[0] == "section,check,observed,expected,tolerance,passed")
        #expect(checks.count == 1 + 34 && checks.dropFirst().allSatisfy { $0.hasSuffix(",true") })
        #expect(report.contains("34 check(s) passed, 0 failed."))
        if DataPackageCLITests.frictionless != nil {
            let valid = try DataPackageCLITests.validate(folder)
            #expect(valid.code == 0, "\(valid.output.prefix(2000))")
        }
    }
}
