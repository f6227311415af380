import CareModel
import Experiments
import Foundation

extension RunManifest {
    /// The manifest of `runway run`: run.json, or shard.json of one shard.
    ///
    /// Besides the common entries it records how the resolved parameters differ from
    /// those of the file the scenario builds on (`differences_from_base`, `base_file`),
    /// the sweep axes, the shard, the target half-width when replications were added
    /// until one was reached, and (`achievedFrom`, for a single unsharded scenario) the
    /// relative half-widths the run achieved.
    ///
    /// - Parameters:
    ///   - parameters: the resolved parameters, with the replications actually made.
    ///   - base: the parameters of `baseFile` as it stands (no overrides).
    ///   - achievedFrom: summary values per replication, or nil to leave out
    ///     `achieved_relative_half_widths` (a sweep, a shard).
    public static func forRun(scenarioFiles: [String], overrides: [String], parameters: ModelParameters,
                              base: ModelParameters, baseFile: String, axes: [SweepAxis], shard: Shard,
                              adaptive: AdaptiveReplications?, achievedFrom values: [[Double]]?,
                              runwayVersion: String, gitCommit: String? = RunManifest.gitCommit(),
                              startedAt: Date, wallSeconds: Double, events: UInt64, jobs: Int) -> RunManifest {
        var manifest = RunManifest(scenarioFiles: scenarioFiles, overrides: overrides, parameters: parameters,
                                   runwayVersion: runwayVersion, gitCommit: gitCommit, startedAt: startedAt,
                                   wallSeconds: wallSeconds, events: events, jobs: jobs)
        manifest.extra["differences_from_base"] = ParameterDifferences.between(base: base, scenario: parameters)
        manifest.extra["base_file"] = baseFile
        manifest.extra["sweep"] = axes.map { ["key": $0.key, "values": $0.values] }
        manifest.extra["shard"] = ["index": shard.index, "count": shard.count]
        if let adaptive {
            manifest.extra["target_relative_half_width"] = ["target": adaptive.target, "metrics": adaptive.metrics]
        }
        if let values {
            manifest.extra["achieved_relative_half_widths"] = IntervalTables.relativeHalfWidths(values)
        }
        return manifest
    }

    /// The manifest of `runway compare`: the first scenario's parameters, the names
    /// compared, each later scenario's differences from the first, and `notes`.
    public static func forComparison(scenarioFiles: [String], overrides: [String], names: [String], parameters: [ModelParameters],
                                     notes: [String], runwayVersion: String, gitCommit: String? = RunManifest.gitCommit(),
                                     startedAt: Date, wallSeconds: Double, events: UInt64, jobs: Int) -> RunManifest {
        var manifest = RunManifest(scenarioFiles: scenarioFiles, overrides: overrides, parameters: parameters[0],
                                   runwayVersion: runwayVersion, gitCommit: gitCommit, startedAt: startedAt,
                                   wallSeconds: wallSeconds, events: events, jobs: jobs)
        manifest.extra["compared"] = names
        manifest.extra["differences_from_first"] = Dictionary(uniqueKeysWithValues: (1..<parameters.count).map {
            (names[$0], ParameterDifferences.between(base: parameters[0], scenario: parameters[$0]))
        })
        manifest.extra["notes"] = notes
        return manifest
    }

    /// The manifest of `runway calibrate`: the scenario's parameters as they were before
    /// the fit, and what the fit did.
    public static func forCalibration(scenarioFiles: [String], overrides: [String], parameters: ModelParameters,
                                      targetsFile: String, problem: CalibrationProblem, outcome: CalibrationProblem.Outcome,
                                      startObjective: Double, runwayVersion: String, gitCommit: String? = RunManifest.gitCommit(),
                                      startedAt: Date, wallSeconds: Double, jobs: Int) -> RunManifest {
        var manifest = RunManifest(scenarioFiles: scenarioFiles, overrides: overrides, parameters: parameters,
                                   runwayVersion: runwayVersion, gitCommit: gitCommit, startedAt: startedAt,
                                   wallSeconds: wallSeconds, events: 0, jobs: jobs)
        manifest.extra["calibration"] = ["targets_file": targetsFile, "evaluations": outcome.evaluations, "iterations": outcome.iterations,
                                         "converged": outcome.converged, "objective_start": startObjective, "objective_end": outcome.objective,
                                         "fitted": Dictionary(uniqueKeysWithValues: zip(problem.parameters.map(\.key), outcome.best))] as [String: Any]
        return manifest
    }

    /// The commit of the working directory's git checkout, if there is one.
    public static func gitCommit() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// `date` as yyyyMMdd-HHmmss in UTC: the time part of default run ids.
    public static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }
}
