import CareModel
import Experiments
import Foundation
import ScenarioIO
import Testing
import Validation

/// Dated values in the simulation and its twin: a rate that steps up moves the flows
/// after its date, and the twin (which follows the same sets) stays the simulation's
/// exact expectation through a step and a linear change.
@Suite struct DatedParameterTests {
    static let gp = "services.general_practitioner.detection_per_year.moderate"

    static func run(_ file: String, _ overrides: [String] = [], replications: Int = 6) throws -> [ReplicationResult] {
        let parameters = try ScenarioLoader.load(path: TestScenario.fixtures.appendingPathComponent(file).path, overrides: overrides).parameters
        return try ExperimentRunner.run(CompiledModel(parameters), replications: 0..<replications, jobs: 2).results
    }

    /// Sum of a column over the periods starting in `years`, per replication.
    static func total(_ results: [ReplicationResult], _ column: String, _ years: ClosedRange<Int>) -> [Double] {
        let m = MetricCatalog.index(column)
        return results.map { $0.rows.filter { years.contains($0.periodStart.year) }.reduce(0) { $0 + $1.values[m] } }
    }

    /// Tests/Fixtures/dated.yaml triples the GPs' detection of moderate needs from 2014
    /// (0.5008 -> 1.5 per year). On common random numbers, the GP's new episodes of 2014-17
    /// rise against the plain fixture (paired 95 % interval above zero); those of 2012-13 do not move
    /// beyond their noise (thinning draws other numbers, so they are not identical).
    @Test func aRateSteppingUpRaisesTheCountsAfterItsDate() throws {
        let plain = try Self.run("small.yaml"), dated = try Self.run("dated.yaml")
        let after = PairedComparison(a: Self.total(plain, "new_episodes_gp", 2014...2017), b: Self.total(dated, "new_episodes_gp", 2014...2017))
        #expect(after.difference.lower95 > 0.3 * after.meanA, "GP episodes 2014-17, dated - plain: \(after.difference.mean) [\(after.difference.lower95), \(after.difference.upper95)] of \(after.meanA)")
        let before = PairedComparison(a: Self.total(plain, "new_episodes_gp", 2012...2013), b: Self.total(dated, "new_episodes_gp", 2012...2013))
        #expect(before.difference.lower95 < 0 && before.difference.upper95 > 0,
                "GP episodes 2012-13 should not move: \(before.difference.mean) [\(before.difference.lower95), \(before.difference.upper95)]")
    }

    /// A budget-year value dated from 2015 does not touch any hazard's ceiling, so the run
    /// draws exactly as the plain one until then: every row before 2015 is identical and
    /// 2015's team places differ. (A dated hazard raises its ceiling from the start, so the
    /// rows before its date are the same in distribution only.) A round-by-round replay with
    /// the decisions so far as dated values keeps its past when the decisions are budget-year values.
    @Test func aDatedBudgetShareLeavesThePastExactlyAsItWas() throws {
        let share = "services.neighbourhood_team.budget_share"
        let plain = try Self.run("small.yaml", replications: 2)
        let dated = try Self.run("small.yaml", ["\(share)={values: {2000-01-01: 0.07, 2015-01-01: 0.06}}"], replications: 2)
        let plainShare = try ScenarioLoader.load(path: TestScenario.fixtures.appendingPathComponent("small.yaml").path).parameters.services.neighbourhoodTeam.budgetShare
        try #require(plainShare == 0.07, "the fixture's share changed: update this test")
        let capacity = MetricCatalog.index("capacity_team")
        for (a, b) in zip(plain, dated) {
            let before = a.rows.indices.filter { a.rows[$0].periodStart.year < 2015 }
            #expect(before.allSatisfy { MetricCatalog.sameWhenClosed(a.rows[$0].values, b.rows[$0].values) })
            let first2015 = try #require(a.rows.firstIndex { $0.periodStart.year == 2015 })
            #expect(b.rows[first2015].values[capacity] < a.rows[first2015].values[capacity])
        }
    }

    /// Bit for bit, so that a metric with no value (NaN, e.g. unlimited places) equals itself.
    static func identical(_ a: [Double], _ b: [Double]) -> Bool { a.map(\.bitPattern) == b.map(\.bitPattern) }

    /// The same scenario and seed give the same rows with dated values too, whatever the thread count.
    @Test func datedRunsAreReproducible() throws {
        let parameters = try ScenarioLoader.load(path: TestScenario.fixtures.appendingPathComponent("dated.yaml").path).parameters
        let model = try CompiledModel(parameters)
        let one = try ExperimentRunner.run(model, replications: 0..<2, jobs: 1).results
        let two = try ExperimentRunner.run(model, replications: 0..<2, jobs: 2).results
        #expect(zip(one, two).allSatisfy { zip($0.rows, $1.rows).allSatisfy { Self.identical($0.values, $1.values) } })
    }

    /// In the twin's exact configuration (Tests/Fixtures/twin.yaml), with the GP's rate
    /// stepping up on 1 July 2004, escalation rising linearly over 2005 and onset stepping
    /// down in 2007 (so every kind of thinning acts), the simulation stays within its
    /// Bonferroni bands of the twin (variance-derived, as in MeanFieldTwinTests), and a
    /// twin that ignores the dates does not.
    @Test func theTwinFollowsTheSameDatedValues() throws {
        let dates = ["\(Self.gp)={values: {2000-01-01: 0.5, 2004-07-01: 1.5}}",
                     "population.needs.escalation_per_year.light={values: {2005-01-01: 0.6, 2006-01-01: 0.9}, between: linear}",
                     "population.needs.onset_per_year[0].rate={values: {2000-01-01: 0.1, 2007-01-01: 0.08}}"]
        let path = TestScenario.fixtures.appendingPathComponent("twin.yaml").path
        let model = try CompiledModel(ScenarioLoader.load(path: path, overrides: dates).parameters)
        let simulation = try ExperimentRunner.run(model, replications: 0..<model.parameters.experiment.replications, jobs: 2).results
        let twin = try MeanFieldTwin.solve(model)
        let misses = TwinComparison.misses(simulation: simulation, twin: twin)
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")
        let undated = try MeanFieldTwin.solve(CompiledModel(ScenarioLoader.load(path: path).parameters))
        #expect(TwinComparison.misses(simulation: simulation, twin: undated).count > 10)
    }
}
