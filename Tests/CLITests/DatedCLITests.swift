import Foundation
import Testing

/// Dated values through the binary: every error exits with code 2 naming file, line,
/// column and key; a run records its series in run.json; `--set` and `--sweep` take dates.
@Suite(.serialized) struct DatedCLITests {
    static let errors: [(file: String, place: String)] = [
        ("dated-out-of-order.yaml", "dated-out-of-order.yaml:5:34: services.neighbourhood_team.budget_share.values.2010-01-01: date out of order"),
        ("dated-outside-horizon.yaml", "dated-outside-horizon.yaml:5:34: services.neighbourhood_team.budget_share.values.2030-01-01: date outside the horizon"),
        ("dated-out-of-range.yaml", "dated-out-of-range.yaml:7:21: services.neighbourhood_team.budget_share: expected a fraction between 0 and 1, got 1.5 (on 2015-01-01"),
        ("dated-non-numeric.yaml", "dated-non-numeric.yaml:6:30: services.residential.duration.distribution: dates given to a non-numeric key"),
        ("dated-fixed-key.yaml", "dated-fixed-key.yaml:4:26: population.children: dates given to a key that cannot change during a run"),
        ("dated-bad-between.yaml", "dated-bad-between.yaml:6:16: services.neighbourhood_team.budget_share.between: expected one of: step, linear; got 'smooth'"),
    ]

    @Test func eachDatedValueErrorExitsWithTwo() throws {
        for (file, place) in Self.errors {
            for command in ["validate", "run"] {
                let output = command == "run" ? ["--output", CLITests.temporaryFolder()] : []
                let r = try CLITests.runway([command, "Tests/Fixtures/\(file)"] + output)
                #expect(r.code == 2, "\(command) \(file): \(r.err)")
                #expect(r.err.contains(place), "\(command) \(file): \(r.err)")
            }
        }
        let badSet = try CLITests.runway(["validate", "Tests/Fixtures/small.yaml", "--set", "population.children={values: {2000-01-01: 10, 2010-01-01: 20}}"])
        #expect(badSet.code == 2)
        #expect(badSet.err.contains("--set population.children={values: {2000-01-01: 10, 2010-01-01: 20}}: population.children: dates given to a key that cannot change"), "\(badSet.err)")
    }

    @Test func aDatedRunRecordsItsSeriesAndSweepsADate() throws {
        let output = CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let r = try CLITests.runway(["run", "Tests/Fixtures/dated.yaml", "--replications", "1", "--quiet", "--output", output, "--run-id", "d",
                                     "--set", "services.neighbourhood_team.budget_share={values: {2000-01-01: 0.09, 2015-01-01: 0.08}, between: linear}"])
        #expect(r.code == 0, "\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(output)/dated/what-if-d/run.json"))) as? [String: Any]
        let series = ((json?["parameters"] as? [String: Any])?["dated"] as? [String: Any])?["series"] as? [[String: Any]]
        #expect(series?.compactMap { $0["key"] as? String }.sorted() == ["services.general_practitioner.detection_per_year.moderate", "services.neighbourhood_team.budget_share"])
        #expect(series?.first { $0["key"] as? String == "services.neighbourhood_team.budget_share" }?["between"] as? String == "linear")

        let sweep = try CLITests.runway(["run", "Tests/Fixtures/dated.yaml", "--replications", "1", "--quiet", "--output", output, "--run-id", "s",
                                         "--sweep", "services.general_practitioner.detection_per_year.moderate.values.2014-01-01=0.5008,1.5"])
        #expect(sweep.code == 0, "\(sweep.err)")
        let grid = try String(contentsOfFile: "\(output)/dated/sweep-s/sweep.csv", encoding: .utf8)
        #expect(grid.split(separator: "\n").count == 3, "a header and two grid points: \(grid.prefix(300))")
    }

    /// A calibration entry may name one date of a series: calibrated.yaml sets that date.
    @Test func oneDateOfASeriesIsCalibrated() throws {
        let base = CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let r = try CLITests.runway(["calibrate", "Tests/Fixtures/dated-calibrate.yaml", "--targets", "Tests/Fixtures/targets-test.csv",
                                     "--replications", "2", "--max-iterations", "4", "--output", base, "--run-id", "c", "-q"])
        #expect(r.code == 0, "\(r.err)")
        let calibrated = "\(base)/dated-calibration/calibration-c/calibrated.yaml"
        let yaml = try String(contentsOfFile: calibrated, encoding: .utf8)
        #expect(yaml.contains("population.needs.crisis_per_year_severe.values.2010-01-01:"), "\(yaml)")
        let check = try CLITests.runway(["validate", calibrated])
        #expect(check.code == 0 && check.out.contains("1 dated key(s)"), "\(check.out)\(check.err)")
    }
}
