import CareModel
import Experiments
import Foundation
import ScenarioIO
import Testing
import Validation

/// The simulation against its mean-field (ODE) twin, in a configuration where the twin
/// is the simulation's exact expectation (Tests/Fixtures/twin.yaml). The replication
/// mean of each main stock must stay within its confidence band of the ODE curve in
/// every period (bands Bonferroni-corrected over all periods and stocks, so a correct
/// model fails with probability below 5 %), and a twin with one rate changed must not.
@Suite struct MeanFieldTwinTests {
    static func parameters(_ overrides: [String] = []) throws -> ModelParameters {
        try ScenarioLoader.load(path: TestScenario.fixtures.appendingPathComponent("twin.yaml").path, overrides: overrides).parameters
    }

    @Test func simulationAgreesWithItsTwinAndATwinWithAnotherRateDoesNot() throws {
        let model = try CompiledModel(Self.parameters())
        let simulation = try ExperimentRunner.run(model, replications: 0..<model.parameters.experiment.replications, jobs: 2).results
        let twin = try MeanFieldTwin.solve(model)
        let misses = TwinComparison.misses(simulation: simulation, twin: twin)
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")

        let changed = try MeanFieldTwin.solve(CompiledModel(Self.parameters(["population.needs.escalation_per_year.light=0.72"])))
        #expect(TwinComparison.misses(simulation: simulation, twin: changed).count > 10)
    }

    /// The settled start samples each child from the twin's steady state: in the exact
    /// configuration the simulation then follows the twin (started from the same state)
    /// from the first period, and the twin itself stays flat.
    @Test func aSettledStartIsTheTwinsSteadyState() throws {
        let model = try CompiledModel(Self.parameters(["horizon.initial_state=settled", "experiment.replications=12"]))
        let simulation = try ExperimentRunner.run(model, replications: 0..<12, jobs: 2).results
        let twin = try MeanFieldTwin.solve(model)
        let misses = TwinComparison.misses(simulation: simulation, twin: twin)
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")
        let severe = MetricCatalog.index("needs_severe"), care = MetricCatalog.index("in_care_ambulant")
        for m in [severe, care] {
            let first = twin.rows.first!.values[m], last = twin.rows.last!.values[m]
            #expect(abs(last - first) < 0.01 * first, "the twin from a settled start drifts: \(first) -> \(last)")
        }
        // Started all well, the first quarter is far from that state.
        let fromWell = try MeanFieldTwin.solve(CompiledModel(Self.parameters()))
        #expect(fromWell.rows.first!.values[severe] < 0.5 * twin.rows.first!.values[severe])
    }

    @Test func twinConservesChildrenAndSpendsByTheSameRules() throws {
        let twin = try MeanFieldTwin.solve(CompiledModel(Self.parameters()))
        let i = MetricCatalog.index
        for row in twin.rows {
            let v = row.values
            let sum = ServiceKind.allCases.reduce(0.0) { $0 + v[i("spending_\($1.key)_eur")] }
            #expect(abs(sum - v[i("spending_total_eur")]) < 1e-6 * sum)
            #expect(abs(v[i("children")] - 20_000) < 1, "births replace leavers in the twin too")
        }
    }
}
