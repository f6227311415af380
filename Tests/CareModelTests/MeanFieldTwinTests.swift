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
