import CareModel
import Foundation
import Stochastics

/// `run.json`: what is needed to repeat and to trust a run.
public struct RunManifest {
    public var scenarioFiles: [String]
    public var overrides: [String]
    public var parameters: ModelParameters
    public var runwayVersion: String
    public var gitCommit: String?
    public var startedAt: Date
    public var wallSeconds: Double
    public var events: UInt64
    public var jobs: Int

    public init(scenarioFiles: [String], overrides: [String], parameters: ModelParameters, runwayVersion: String,
                gitCommit: String?, startedAt: Date, wallSeconds: Double, events: UInt64, jobs: Int) {
        self.scenarioFiles = scenarioFiles
        self.overrides = overrides
        self.parameters = parameters
        self.runwayVersion = runwayVersion
        self.gitCommit = gitCommit
        self.startedAt = startedAt
        self.wallSeconds = wallSeconds
        self.events = events
        self.jobs = jobs
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let parameterObject = try JSONSerialization.jsonObject(with: try encoder.encode(parameters))
        let iso = ISO8601DateFormatter()
        let document: [String: Any] = [
            "runway_version": runwayVersion,
            "git_commit": gitCommit ?? NSNull(),
            "gsl_version": GSLRuntime.version,
            "scenario": parameters.name,
            "scenario_files": scenarioFiles,
            "overrides": overrides,
            "seed": parameters.experiment.seed,
            "replications": parameters.experiment.replications,
            "jobs": jobs,
            "time_unit": "day",
            "random_number_generator": "GSL gsl_rng_mt19937, one stream per random process per replication; stream seed = SplitMix64 mix of (seed, replication, stream id)",
            "random_streams": Dictionary(uniqueKeysWithValues: StreamID.allCases.map { ("\($0.rawValue)", "\($0)" + ": " + $0.meaning) }),
            "tie_breaking": "same-time events run by (priority, then scheduling order); priorities: period close 0, budget year 10, care end 50, child transition 100, birth 150",
            "started_at": iso.string(from: startedAt),
            "wall_seconds": wallSeconds,
            "events": events,
            "machine": ["cores": ProcessInfo.processInfo.activeProcessorCount, "os": ProcessInfo.processInfo.operatingSystemVersionString],
            "parameters": parameterObject,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
