import CareModel
import Experiments
import Foundation
import ScenarioIO
import Stochastics
import Testing

/// The simulation against its mean-field (ODE) twin, in a configuration where the twin
/// is the simulation's exact expectation (Tests/Fixtures/twin.yaml). The replication
/// mean of each main stock must stay within its confidence band of the ODE curve in
/// every period; the band is Bonferroni-corrected over all periods and stocks, so a
/// correct model fails with probability below 5 %.
@Suite struct MeanFieldTwinTests {
    static let stocks = ["children", "needs_light", "needs_moderate", "needs_severe", "needs_undetected",
                         "in_care_school", "in_care_team", "in_care_ambulant", "in_care_residential", "in_care_protection"]

    static func parameters(_ overrides: [String] = []) throws -> ModelParameters {
        try ScenarioLoader.load(path: TestScenario.fixtures.appendingPathComponent("twin.yaml").path, overrides: overrides).parameters
    }

    /// Periods and stocks where the ODE lies outside the simulation's band.
    static func misses(simulation: [ReplicationResult], twin: ReplicationResult) -> [String] {
        let periods = twin.rows.count
        let n = simulation.count
        let familyAlpha = 0.05
        let perTest = familyAlpha / Double(periods * stocks.count)
        let t = SummaryStatistics.tQuantile(1 - perTest / 2, degreesOfFreedom: Double(n - 1))
        var out: [String] = []
        for name in stocks {
            let m = MetricCatalog.index(name)
            for q in 0..<periods {
                let stats = SummaryStatistics(simulation.map { $0.rows[q].values[m] })
                let band = t * stats.standardDeviation / Double(n).squareRoot()
                // Births in month-wide cohorts: allow half a cohort's share of the stock.
                // Counts are whole numbers: allow half a child where every replication agrees.
                let discretisation = max(0.5, 0.5 / 216 * abs(stats.mean))
                let ode = twin.rows[q].values[m]
                if abs(stats.mean - ode) > band + discretisation {
                    out.append("\(name) \(twin.rows[q].periodStart): simulation \(stats.mean) ± \(band), ODE \(ode)")
                }
            }
        }
        return out
    }

    @Test func simulationAgreesWithItsTwinAndATwinWithAnotherRateDoesNot() throws {
        let model = try CompiledModel(Self.parameters())
        let simulation = try ExperimentRunner.run(model, replications: 0..<model.parameters.experiment.replications, jobs: 2).results
        let twin = try MeanFieldTwin.solve(model)
        let misses = Self.misses(simulation: simulation, twin: twin)
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")

        // The same check must catch a twin whose escalation rate is 20 % off.
        let changed = try MeanFieldTwin.solve(CompiledModel(Self.parameters(["population.needs.escalation_per_year.light=0.72"])))
        #expect(Self.misses(simulation: simulation, twin: changed).count > 10)
    }
}
