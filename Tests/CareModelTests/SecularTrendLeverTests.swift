import CareModel
import Experiments
import Foundation
import ScenarioIO
import Testing
import Validation

/// The two secular trends before 2015 (Scenarios/nl-history.yaml): recognised need
/// (population.needs.recognition_factor: families ask and GPs refer more) and counted need
/// (population.needs.onset_factor: more needs begin). Each is compared on common random
/// numbers, and the twin follows each because both are compiled into the rates it reads.
extension LeverTests {
    @Test func moreRecognitionBringsMoreNeedsIntoCare() throws {
        let off = ["population.needs.recognition_factor=0.5"], on = ["population.needs.recognition_factor=1.5"]
        let users = try Self.difference("users_youth_help", off: off, on: on)
        #expect(users.difference.lower95 > 0, "youth-help users, recognition 1.5 - 0.5: \(users.difference.mean)")
        let gp = try Self.difference("referrals_gp", off: off, on: on)
        #expect(gp.difference.lower95 > 0, "GP referrals, recognition 1.5 - 0.5: \(gp.difference.mean)")
        let unseen = try Self.difference("needs_undetected", off: off, on: on)
        #expect(unseen.difference.upper95 < 0, "undetected needs, recognition 1.5 - 0.5: \(unseen.difference.mean)")
    }

    @Test func moreCountedNeedBringsMoreNeedsCareAndCrises() throws {
        let off = ["population.needs.onset_factor=0.6"], on = ["population.needs.onset_factor=1.4"]
        for metric in ["onsets", "users_youth_help", "crises"] {
            let d = try Self.difference(metric, off: off, on: on)
            #expect(d.difference.lower95 > 0, "\(metric), onset factor 1.4 - 0.6: \(d.difference.mean)")
        }
    }

    /// The default (1) leaves every rate as calibrated: the same numbers as without the key.
    @Test(arguments: ["recognition_factor", "onset_factor"])
    func aTrendFactorOfOneChangesNothing(key: String) throws {
        let plain = try CompiledModel(TestScenario.parameters())
        let one = try CompiledModel(TestScenario.parameters(["population.needs.\(key)=1"]))
        #expect(plain.parameters == one.parameters)
        #expect(plain.parameters.population.needs.recognitionFactor == 1 && plain.parameters.population.needs.onsetFactor == 1)
    }

    /// In the twin's exact configuration the simulation with a dated trend (a linear rise,
    /// as Scenarios/nl-history.yaml) stays within its bands of the twin, and a twin without
    /// the rise does not.
    @Test(arguments: ["recognition_factor={values: {2000-01-01: 0.4, 2006-01-01: 1.6}, between: linear}",
                      "onset_factor={values: {2000-01-01: 0.5, 2006-01-01: 1.5}, between: linear}"])
    func theTwinFollowsADatedTrend(rise: String) throws {
        let path = TestScenario.fixtures.appendingPathComponent("twin.yaml").path
        let model = try CompiledModel(ScenarioLoader.load(path: path, overrides: ["population.needs.\(rise)"]).parameters)
        let simulation = try ExperimentRunner.run(model, replications: 0..<model.parameters.experiment.replications, jobs: 2).results
        let misses = TwinComparison.misses(simulation: simulation, twin: try MeanFieldTwin.solve(model))
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")
        let flat = try MeanFieldTwin.solve(CompiledModel(ScenarioLoader.load(path: path).parameters))
        #expect(TwinComparison.misses(simulation: simulation, twin: flat).count > 10)
    }
}
