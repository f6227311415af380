import CareModel
import Foundation
import ScenarioIO
import Testing

/// Step-dated choices: the policies read when they apply (the deficit policy, the
/// financing model, a coordinator per family) take dated values in steps, wherever a
/// dated number works; the choices that set the model's shape refuse dates with a reason.
@Suite struct DatedChoiceTests {
    static let small = DatedValueTests.small
    static let policy = "budget.deficit_policy"

    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func message(_ overrides: [String], path: String = small) -> String? {
        do { _ = try ScenarioLoader.load(path: path, overrides: overrides); return nil } catch { return "\(error.location): \(error.keyPath): \(error.message)" }
    }

    @Test func aDatedDeficitPolicyHoldsItsFirstChoiceThenTheNext() throws {
        let p = try ScenarioLoader.load(path: Self.small, overrides: ["\(Self.policy)={values: {2000-01-01: absorb, 2015-01-01: ration_specialised}}"]).parameters
        #expect(p.budget.deficitPolicy == .absorb)
        let dated = try #require(p.dated)
        #expect(dated.series == [DatedSeries(key: Self.policy, between: .step,
                                             values: [.init(date: Self.date("2000-01-01"), choice: "absorb"), .init(date: Self.date("2015-01-01"), choice: "ration_specialised")])])
        #expect(dated.changes.map(\.date) == [Self.date("2015-01-01")])
        var expected = p
        expected.dated = nil
        expected.budget.deficitPolicy = .rationSpecialised
        #expect(dated.changes[0].parameters == expected, "only the dated choice differs in the later set")
    }

    /// run.json records the series with the options as written, and reads back.
    @Test func runJSONRecordsAChoiceSeries() throws {
        let p = try ScenarioLoader.load(path: Self.small, overrides: ["policies.coordination.enabled={values: {2000-01-01: false, 2016-01-01: true}}"]).parameters
        let json = try JSONEncoder().encode(p.dated)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"value\":\"true\"") && text.contains("\"value\":\"false\""), "\(text)")
        let back = try JSONDecoder().decode(DatedParameters.self, from: json)
        #expect(back.series == p.dated?.series)
        #expect(p.dated?.changes.first?.parameters.policies.coordination.enabled == true && !p.policies.coordination.enabled)
    }

    /// `extends`, `set:`, `--set KEY.values.DATE=…` and a series built in code all work for a choice.
    @Test func aChoiceIsDatedWhereverANumberIs() throws {
        let model = "services.specialised_financing.model"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dated-choice-\(UUID().uuidString).yaml")
        try """
        extends: \(Self.small)
        services:
          specialised_financing:
            model: {values: {2000-01-01: per_day, 2016-01-01: per_trajectory}, between: step}
        set:
          \(Self.policy): {values: {2000-01-01: absorb, 2014-01-01: cut_prevention}}
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = try ScenarioLoader.load(path: file.path, overrides: ["\(model).values.2015-01-01=population_budget"]).parameters
        let changes = try #require(p.dated).changes
        #expect(changes.map(\.date) == [Self.date("2014-01-01"), Self.date("2015-01-01"), Self.date("2016-01-01")])
        #expect(changes.map(\.parameters.services.specialisedFinancing.model) == [.perDay, .populationBudget, .perTrajectory])
        #expect(changes.map(\.parameters.budget.deficitPolicy) == [.cutPrevention, .cutPrevention, .cutPrevention])
        let series = DatedSeries(key: model, between: .step, values: [.init(date: Self.date("2000-01-01"), choice: "per_day"),
                                                                       .init(date: Self.date("2015-01-01"), choice: "per_trajectory")])
        #expect(series.assignment == "\(model)={values: {2000-01-01: per_day, 2015-01-01: per_trajectory}, between: step}")
        #expect(try ScenarioLoader.load(path: Self.small, overrides: [series.assignment]).parameters.dated?.series == [series])
    }

    /// A choice cannot move in a straight line: the error names file, line, column and key.
    @Test func aLinearChoiceIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dated-linear-choice-\(UUID().uuidString).yaml")
        try """
        extends: \(Self.small)
        budget:
          deficit_policy:
            values: {2000-01-01: absorb, 2015-01-01: cut_prevention}
            between: linear
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let m = try #require(Self.message([], path: file.path))
        #expect(m.hasPrefix("\(file.path):5:5: budget.deficit_policy.between: ") && m.contains("choices change only in steps"), "\(m)")
    }

    @Test func aChoiceSeriesIsCheckedLikeANumberSeries() throws {
        let cases: [(String, String)] = [
            ("{values: {2015-01-01: absorb, 2010-01-01: cut_prevention}}", "date out of order"),
            ("{values: {2000-01-01: absorb, 2019-01-01: cut_prevention}}", "date outside the horizon"),
            ("{values: {1999-01-01: absorb}}", "date outside the horizon"),
            ("{values: {2000-01-01: absorb, 2015-01-01: spend_more}}", "expected one of: absorb, cut_prevention, ration_specialised; got 'spend_more' (on 2015-01-01"),
        ]
        for (value, expected) in cases {
            let m = Self.message(["\(Self.policy)=\(value)"])
            #expect(m?.contains(expected) == true && m?.contains("budget.deficit_policy") == true, "\(value): \(m ?? "accepted")")
        }
        let bool = Self.message(["policies.coordination.enabled={values: {2000-01-01: false, 2015-01-01: maybe}}"])
        #expect(bool?.contains("expected true or false, got 'maybe'") == true, "\(bool ?? "accepted")")
    }

    /// Choices that set the model's shape keep refusing dates, each saying why.
    @Test func structuralChoicesRefuseDatesWithAReason() {
        let cases = [("policies.queue_discipline={values: {2000-01-01: fifo, 2015-01-01: severity}}", "waiting lists are built"),
                     ("services.neighbourhood_team.organisation={values: {2000-01-01: integrated, 2015-01-01: separate}}", "teams' organisation"),
                     ("services.debt_help.enabled={values: {2000-01-01: false, 2015-01-01: true}}", "money problems are a state"),
                     ("horizon.initial_state={values: {2000-01-01: settled}}", "how the run starts"),
                     ("services.youth_health_care.early_help.enabled={values: {2000-01-01: true, 2015-01-01: false}}", "date youth_health_care.budget_share instead")]
        for (assignment, reason) in cases {
            let m = Self.message([assignment])
            #expect(m?.contains("cannot change during a run") == true && m?.contains(reason) == true, "\(assignment): \(m ?? "accepted")")
        }
        let text = Self.message(["services.residential.duration.distribution={values: {2000-01-01: gamma}}"])
        #expect(text?.contains("dates given to a non-numeric key (one of: exponential, gamma") == true, "\(text ?? "accepted")")
    }
}
