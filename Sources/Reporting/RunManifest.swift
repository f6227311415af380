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
    /// Further entries (sweep, shard, achieved interval widths, differences from the base).
    public var extra: [String: Any] = [:]

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
        let h = parameters.horizon
        var document: [String: Any] = [
            "model": "Runway: a discrete-event simulation of children and families in a Dutch municipality's youth care (JGZ, school care, neighbourhood team, GP, specialised ambulant and residential care, youth protection), with a yearly budget, a cut and its runway. Continuous time in days; one event list ordered by (time, priority, sequence).",
            "horizon": ["start": h.start.description, "end": h.end.description, "warmup_until": h.warmupUntil.description],
            "run_length_days": h.end.daysSinceEpoch - h.start.daysSinceEpoch,
            "warmup_days": h.warmupUntil.daysSinceEpoch - h.start.daysSinceEpoch,
            "output_interval": parameters.experiment.outputInterval.rawValue,
            "replication_seeds": "replication r draws stream s from gsl_rng_\(RandomStream.generatorName) seeded with SplitMix64-mix(seed, r, s); replications are numbered from 0",
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
            "random_number_generator": "GSL gsl_rng_\(RandomStream.generatorName), one stream per random process per replication; stream seed = SplitMix64 mix of (seed, replication, stream id)",
            "random_streams": Dictionary(uniqueKeysWithValues: StreamID.allCases.map { ("\($0.rawValue)", "\($0)" + ": " + $0.meaning) }),
            "tie_breaking": "same-time events run by (priority, then scheduling order); priorities: period close 0, budget year 10, care end 50, child transition 100, birth 150",
            "started_at": iso.string(from: startedAt),
            "wall_seconds": wallSeconds,
            "events": events,
            "machine": ["cores": ProcessInfo.processInfo.activeProcessorCount, "os": ProcessInfo.processInfo.operatingSystemVersionString],
            "parameters": parameterObject,
        ]
        document.merge(extra) { _, new in new }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Where a scenario's resolved parameters differ from those of the file it builds on.
public enum ParameterDifferences {
    /// Dotted key -> ["base": value, "scenario": value], for every leaf that differs.
    /// Values are compared as parsed values (numbers as numbers, lists element by
    /// element, dictionaries key by key), so the result does not depend on how a value
    /// happens to print, and identical runs record identical differences.
    public static func between(base: ModelParameters, scenario: ModelParameters) -> [String: Any] {
        guard let a = try? JSONValues.object(base), let b = try? JSONValues.object(scenario) else { return [:] }
        let flatA = JSONValues.flatten(a), flatB = JSONValues.flatten(b)
        var out: [String: Any] = [:]
        for key in Set(flatA.keys).union(flatB.keys) {
            let x = flatA[key] ?? NSNull(), y = flatB[key] ?? NSNull()
            if !JSONValues.equal(x, y) { out[key] = ["base": x, "scenario": y] }
        }
        return out
    }
}
