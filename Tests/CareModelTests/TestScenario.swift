import CareModel
import Experiments
import Foundation
import ScenarioIO

/// The small fixture scenario (3,000 children, six years), with optional overrides.
enum TestScenario {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func parameters(_ overrides: [String] = []) throws -> ModelParameters {
        try ScenarioLoader.load(path: fixtures.appendingPathComponent("small.yaml").path, overrides: overrides).parameters
    }

    static func run(_ overrides: [String] = [], replications: Int = 2, jobs: Int = 2) throws -> [ReplicationResult] {
        let model = try CompiledModel(parameters(overrides))
        return try ExperimentRunner.run(model, replications: 0..<replications, jobs: jobs).results
    }

    /// Scenarios/baseline.yaml's path and the settings that scale it to `children` (its
    /// budget with it).
    static func baseline(children: Int) throws -> (path: String, settings: [String]) {
        let path = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/baseline.yaml").path
        let base = try ScenarioLoader.load(path: path).parameters
        return (path, ["population.children=\(children)",
                       "budget.baseline_eur_per_year=\(base.budget.baselineEurPerYear * Double(children) / Double(base.population.children))"])
    }

    static func column(_ result: ReplicationResult, _ name: String) -> [Double] {
        let i = MetricCatalog.index(name)
        return result.rows.map { $0.values[i] }
    }
}
