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

    static func column(_ result: ReplicationResult, _ name: String) -> [Double] {
        let i = MetricCatalog.index(name)
        return result.rows.map { $0.values[i] }
    }
}
