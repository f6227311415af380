import CareModel
import Experiments
import Foundation
import Reporting
import Testing
@testable import Validation

/// validate-model's history section, on the small fixture run from 2000 through the
/// transfer to 2024 with the old regime before it.
@Suite struct HistoryReportTests {
    static let history = ["horizon.start=2000-01-01", "horizon.warmup_until=2000-01-01", "horizon.end=2025-01-01",
                          "horizon.initial_state=settled", "policies.old_regime.enabled=true", "experiment.replications=3"]
    static let path = TestScenario.fixtures.appendingPathComponent("small.yaml").path

    @Test func reportsEveryYearTheFitAndTheChangesAfterTheTransfer() throws {
        let targets = [CalibrationTarget(year: 2000, quantity: .helpedShare, value: 0.037, weight: 1, source: "use_share_u18_2000"),
                       CalibrationTarget(year: 2015, quantity: .stayShare, value: 0.0123, weight: 1, source: "users_stay_2015")]
        let report = try HistoryReport(scenario: Self.path, settings: Self.history, targets: ("t.csv", targets), jobs: 2)
        #expect(report.years == Array(2000...2024))
        #expect(report.fit?.rows.count == 2)
        let made = try report.section(number: 6)
        #expect(made.files.map(\.name) == ["history_yearly.csv", "history_changes.csv", "history_fit.csv"])
        let yearly = try #require(made.files.first?.contents).split(separator: "\n")
        #expect(yearly.first == "budget_year,quantity,unit,replications,mean,ci95_lower,ci95_upper")
        #expect(yearly.count == 1 + 25 * HistoryReport.quantities.count)
        // Each quantity's change to 2019 and 2023, with an interval around its mean.
        let changes = made.files[1].contents.split(separator: "\n").dropFirst()
        #expect(changes.count == 2 * HistoryReport.quantities.count)
        for q in HistoryReport.quantities.indices {
            let s = try #require(report.change(q, to: 2023))
            #expect(s.count == 3 && s.lower95 <= s.mean && s.mean <= s.upper95, "\(HistoryReport.quantities[q].name)")
        }
        #expect(made.section.figures.map(\.name) == ["history_users", "history_money", "history_deficit", "history_stays"])
        // The deficit's timing: each replication's first year over 10 % of income is over
        // it and every earlier year is not; the section says it.
        let deficit = try #require(HistoryReport.quantities.firstIndex { $0.name == "deficit_share_of_income" })
        for (r, first) in report.firstYearsOverThreshold.enumerated() {
            let crossing = first.map { report.years.firstIndex(of: $0)! } ?? report.years.count
            #expect(first.map { $0 >= HistoryReport.lastFittedYear } ?? true)
            #expect(report.municipalYears.filter { $0 < crossing }.allSatisfy { report.values[deficit][$0][r] <= HistoryReport.deficitThreshold })
            if crossing < report.years.count { #expect(report.values[deficit][crossing][r] > HistoryReport.deficitThreshold) }
        }
        #expect(made.section.paragraphs.contains(report.deficitTiming))
        // The three tables are described in validate-model's datapackage.json (the
        // descriptor refuses a file whose header is not its schema's columns).
        let package = try #require(try DataPackage.json(name: "validation", files: made.files))
        for name in ["history_yearly", "history_changes", "history_fit"] {
            #expect(package.contains("\"path\" : \"\(name).csv\""), "\(name)")
        }
    }

    /// A target dated after 2015 is refused: the years after it test the model.
    @Test func refusesAFigureDatedAfter2015() throws {
        let late = [CalibrationTarget(year: 2019, quantity: .helpedShare, value: 0.12, weight: 1, source: "a later figure")]
        #expect(throws: CalibrationError.self) {
            _ = try HistoryReport(scenario: Self.path, settings: Self.history, targets: ("late.csv", late), jobs: 2)
        }
    }
}
