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
        let ode = try String(contentsOfFile: "\(base)/small/o/timeseries.csv", encoding: .utf8)
        #expect(ode.hasPrefix("replication,period_start,in_warmup,children,"))
        #expect(ode.split(separator: "\n").count == 1 + 12 * 18)
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
        let report = try String(contentsOfFile: "\(base)/small-calibration/c/fit_report.csv", encoding: .utf8)
        let lines = report.split(separator: "\n")
        let column = lines[0].split(separator: ",").firstIndex(of: "relative_error")!
        let relativeError = Double(lines[1].split(separator: ",", omittingEmptySubsequences: false)[column])!
        #expect(abs(relativeError) < 0.1, "fit: \(report)")
        let calibrated = "\(base)/small-calibration/c/calibrated.yaml"
        let yaml = try String(contentsOfFile: calibrated, encoding: .utf8)
        #expect(yaml.contains("population.needs.crisis_per_year_severe:"))
        #expect(yaml.contains("# calibrated to protection_inflow_per_1000"))
        #expect(try CLI.runway(["validate", calibrated]).code == 0, "the calibrated file is a valid scenario")
        let bad = try CLI.runway(["calibrate", "Tests/Fixtures/no-calibration.yaml", "--targets", "Tests/Fixtures/targets-test.csv", "--output", base])
        #expect(bad.code == 2)
        #expect(bad.err.contains("no calibration: block"))
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
    }
}
