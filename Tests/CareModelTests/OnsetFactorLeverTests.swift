import CareModel
import Experiments
import Foundation
import ScenarioIO
import Testing
import Validation

/// The secular rise of counted need (population.needs.onset_factor): a higher factor
/// brings more needs, more of them severe, more children into care and more crises, on
/// common random numbers; the twin follows it because the factor is compiled into the
/// onset rates both read.
extension LeverTests {
    @Test func moreCountedNeedBringsMoreNeedsCareAndCrises() throws {
        let off = ["population.needs.onset_factor=0.6"], on = ["population.needs.onset_factor=1.4"]
        let onsets = try Self.difference("onsets", off: off, on: on)
        #expect(onsets.difference.lower95 > 0, "onsets, onset factor 1.4 - 0.6: \(onsets.difference.mean)")
        let users = try Self.difference("users_youth_help", off: off, on: on)
        #expect(users.difference.lower95 > 0, "youth-help users, onset factor 1.4 - 0.6: \(users.difference.mean)")
        let crises = try Self.difference("crises", off: off, on: on)
        #expect(crises.difference.lower95 > 0, "crises, onset factor 1.4 - 0.6: \(crises.difference.mean)")
    }

    /// The default (1) leaves every rate as calibrated: the same numbers as without the key.
    @Test func onsetFactorOneChangesNothing() throws {
        let plain = try CompiledModel(TestScenario.parameters())
        let one = try CompiledModel(TestScenario.parameters(["population.needs.onset_factor=1"]))
        #expect(plain.parameters == one.parameters)
        #expect(plain.parameters.population.needs.onsetFactor == 1)
    }

    /// In the twin's exact configuration the simulation with a dated onset factor (a linear
    /// rise, as Scenarios/nl-history.yaml) stays within its bands of the twin, and a twin
    /// without the rise does not.
    @Test func theTwinFollowsADatedOnsetFactor() throws {
        let rise = ["population.needs.onset_factor={values: {2000-01-01: 0.5, 2006-01-01: 1.5}, between: linear}"]
        let path = TestScenario.fixtures.appendingPathComponent("twin.yaml").path
        let model = try CompiledModel(ScenarioLoader.load(path: path, overrides: rise).parameters)
        let simulation = try ExperimentRunner.run(model, replications: 0..<model.parameters.experiment.replications, jobs: 2).results
        let misses = TwinComparison.misses(simulation: simulation, twin: try MeanFieldTwin.solve(model))
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")
        let flat = try MeanFieldTwin.solve(CompiledModel(ScenarioLoader.load(path: path).parameters))
        #expect(TwinComparison.misses(simulation: simulation, twin: flat).count > 10)
    }
}
