import CareModel
import Foundation
import Testing
import ScenarioIO

/// Dated values (`{values: {date: value}, between: step|linear}`) work wherever a value
/// works: in a file, through `extends`, `set:`, `--set`, a sweep's key and a calibration's key.
@Suite struct DatedValueTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
    static let small = "\(fixtures)/small.yaml"
    static let gp = "services.general_practitioner.detection_per_year.moderate"

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func aStepIsTheFirstValueAtTheStartAndTheNextSetFromItsDate() throws {
        let p = try ScenarioLoader.load(path: "\(Self.fixtures)/dated.yaml").parameters
        #expect(p.services.generalPractitioner.detectionPerYear.moderate == 0.5008)
        let dated = try #require(p.dated)
        #expect(dated.series == [DatedSeries(key: Self.gp, between: .step,
                                             values: [.init(date: Self.date("2000-01-01"), value: 0.5008), .init(date: Self.date("2014-01-01"), value: 1.5)])])
        #expect(dated.changes.map(\.date) == [Self.date("2014-01-01")])
        var expected = p
        expected.dated = nil
        expected.services.generalPractitioner.detectionPerYear.moderate = 1.5
        #expect(dated.changes[0].parameters == expected, "only the dated key differs in the later set")
    }

    @Test func plainScenariosHaveNoDatedValues() throws {
        #expect(try ScenarioLoader.load(path: Self.small).parameters.dated == nil)
    }

    /// `linear` is sampled on the first of each month between two dates.
    @Test func aLinearSeriesChangesOnTheFirstOfEachMonth() throws {
        let p = try ScenarioLoader.load(path: Self.small, overrides: ["\(Self.gp)={values: {2010-01-01: 0.5, 2011-01-01: 1.7}, between: linear}"]).parameters
        let changes = try #require(p.dated).changes
        #expect(changes.count == 12)
        #expect(changes.first?.date == Self.date("2010-02-01") && changes.last?.date == Self.date("2011-01-01"))
        let july = try #require(changes.first { $0.date == Self.date("2010-07-01") })
        let expected = 0.5 + 1.2 * 181.0 / 365.0
        #expect(abs(july.parameters.services.generalPractitioner.detectionPerYear.moderate - expected) < 1e-12)
        #expect(p.services.generalPractitioner.detectionPerYear.moderate == 0.5, "before the first date the first value holds")
    }

    /// `--set key.values.DATE=v` changes (or adds, in date order) one date: a sweep or a
    /// calibration names a date the same way.
    @Test func oneDateCanBeSetSweptOrCalibrated() throws {
        let dated = "\(Self.fixtures)/dated.yaml"
        let changed = try ScenarioLoader.load(path: dated, overrides: ["\(Self.gp).values.2014-01-01=2.5"]).parameters
        #expect(changed.dated?.changes.first?.parameters.services.generalPractitioner.detectionPerYear.moderate == 2.5)
        let added = try ScenarioLoader.load(path: dated, overrides: ["\(Self.gp).values.2010-01-01=1"]).parameters
        #expect(added.dated?.changes.map(\.date) == [Self.date("2010-01-01"), Self.date("2014-01-01")])
        // A calibration parameter may name one date; its start is the value written there.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dated-calibration-\(UUID().uuidString).yaml")
        try """
        extends: \(dated)
        calibration:
          - {key: \(Self.gp).values.2014-01-01, lower: 0.1, upper: 3}
        sweep:
          \(Self.gp).values.2014-01-01: [1, 2]
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded = try ScenarioLoader.load(path: file.path)
        #expect(loaded.calibrationStart == [1.5])
        #expect(loaded.sweep.first?.key == "\(Self.gp).values.2014-01-01")
    }

    /// A tool builds a series and passes it as a `--set` assignment; it reads back exactly.
    @Test func aSeriesBuiltInCodeReadsBackThroughItsAssignment() throws {
        let series = DatedSeries(key: "services.neighbourhood_team.budget_share", between: .step,
                                 values: [.init(date: Self.date("2000-01-01"), value: 0.09), .init(date: Self.date("2015-01-01"), value: 0.1 / 3)])
        #expect(series.assignment == "services.neighbourhood_team.budget_share={values: {2000-01-01: 0.09, 2015-01-01: 0.03333333333333333}, between: step}")
        let p = try ScenarioLoader.load(path: Self.small, overrides: [series.assignment]).parameters
        #expect(p.dated?.series == [series])
        #expect(p.dated?.changes.first?.parameters.services.neighbourhoodTeam.budgetShare == 0.1 / 3)
    }

    /// Dated values are one value: a file that extends another replaces its series
    /// instead of merging the dates, and a plain value replaces a series.
    @Test func extendsReplacesASeriesWhole() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dated-extends-\(UUID().uuidString).yaml")
        try """
        extends: \(Self.fixtures)/dated.yaml
        services:
          general_practitioner:
            detection_per_year:
              moderate: {values: {2010-01-01: 0.7}}
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = try ScenarioLoader.load(path: file.path).parameters
        #expect(p.dated?.series.first?.values.map(\.date) == [Self.date("2010-01-01")])
        #expect(p.services.generalPractitioner.detectionPerYear.moderate == 0.7)
        #expect(try ScenarioLoader.load(path: file.path, overrides: ["\(Self.gp)=0.6"]).parameters.dated == nil)
    }

    /// A cross-check (the budget shares add up to at most 1) runs at every date too.
    @Test func crossChecksRunAtEveryDate() {
        do {
            _ = try ScenarioLoader.load(path: Self.small, overrides: ["services.neighbourhood_team.budget_share={values: {2000-01-01: 0.09, 2016-01-01: 0.95}}"])
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("more than the whole budget") && error.message.contains("on 2016-01-01"), "\(error)")
        }
    }

    @Test func aDatedBlockNeedsDatesAndNumbers() {
        for (value, message) in [("{values: {}}", "expected a block of dates and values"),
                                 ("{values: {2010-13-01: 1}}", "expected a date YYYY-MM-DD"),
                                 ("{values: {2010-01-01: abc}}", "got 'abc'"),
                                 ("{values: {2010-01-01: '1'}}", "got '1'"),
                                 ("{values: {2010-01-01: [1]}}", "expected a number or a choice for this date"),
                                 ("{values: {2010-01-01: 1}, between: cubic}", "expected one of: step, linear"),
                                 ("{values: {2010-01-01: 1}, betwen: step}", "did you mean 'between'")] {
            do {
                _ = try ScenarioLoader.load(path: Self.small, overrides: ["\(Self.gp)=\(value)"])
                Issue.record("accepted \(value)")
            } catch {
                #expect(error.message.contains(message), "\(value): \(error)")
            }
        }
    }

    /// Keys that set the population or the children's schedule when they are created cannot change.
    @Test func structuralKeysRefuseDates() {
        for key in ["population.leaving_age_years", "population.risk_groups[0].share", "population.needs.onset_per_year[1].from_age_years",
                    "population.household_size_shares[0]", "services.youth_health_care.contact_ages_years[0]",
                    "population.needs.burden_weights.severe", "experiment.seed"] {
            do {
                _ = try ScenarioLoader.load(path: Self.small, overrides: ["\(key)={values: {2000-01-01: 1, 2010-01-01: 2}}"])
                Issue.record("\(key) accepted dates")
            } catch {
                #expect(error.message.contains("cannot change during a run"), "\(key): \(error)")
            }
        }
    }
}
