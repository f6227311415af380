import ArgumentParser
import CareModel
import Experiments
import Foundation
import Reporting
import ScenarioIO

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write timeseries.csv, summary.csv and run.json.",
        discussion: "Output goes to <output>/<scenario name>/<run id>/. An existing run folder is never replaced unless --force is given.")

    @OptionGroup var options: ScenarioOptions

    @Option(help: "Number of replications (overrides experiment.replications).")
    var replications: Int?

    @Option(help: "Seed of all random streams (overrides experiment.seed).")
    var seed: UInt64?

    @Option(help: "Folder under which <scenario>/<run-id>/ is written.")
    var output: String = "Output"

    @Option(name: .customLong("run-id"), help: "Name of the run folder (default: seed<seed>-<UTC time>).")
    var runID: String?

    @Flag(help: "Replace an existing run folder of the same name.")
    var force = false

    @Option(help: "Threads to run replications on (results do not depend on it).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") {
            throw ValidationError("--run-id must be a plain folder name")
        }
    }

    func run() throws {
        var extra = options.overrides
        if let replications { extra.append("experiment.replications=\(replications)") }
        if let seed { extra.append("experiment.seed=\(seed)") }
        let loaded = try ScenarioLoader.load(path: options.scenario, overrides: extra)
        let parameters = loaded.parameters
        let model = try CompiledModel(parameters)
        let startedAt = Date()
        let id = runID ?? "seed\(parameters.experiment.seed)-\(Self.timestamp(startedAt))"
        let folder = try OutputFolder(base: output, scenario: parameters.name, runID: id, force: force)

        if !quiet {
            print("Running '\(parameters.name)': \(parameters.experiment.replications) replication(s) of \(parameters.population.children) children, \(parameters.horizon.start) to \(parameters.horizon.end), on \(min(jobs, parameters.experiment.replications)) thread(s)…")
        }
        let outcome = try ExperimentRunner.run(model, replications: 0..<parameters.experiment.replications, jobs: jobs)
        let manifest = RunManifest(scenarioFiles: loaded.files, overrides: loaded.overrides, parameters: parameters,
                                   runwayVersion: Runway.version, gitCommit: Self.gitCommit(), startedAt: startedAt,
                                   wallSeconds: outcome.wallSeconds, events: outcome.events, jobs: jobs)
        try folder.write([
            ("timeseries.csv", TimeseriesTable.csv(outcome.results)),
            ("summary.csv", SummaryTable.csv(outcome.results)),
            ("run.json", try manifest.json()),
        ])
        if !quiet {
            let rate = Double(outcome.events) / max(outcome.wallSeconds, 1e-9)
            print(ConsoleReport.text(outcome.results), terminator: "")
            print("\(outcome.events) events in \(String(format: "%.2f", outcome.wallSeconds)) s (\(String(format: "%.2f", rate / 1e6)) M events/s)")
            print("Wrote \(folder.finalURL.path)/")
        }
    }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }

    /// The commit of the working directory's git checkout, if there is one.
    static func gitCommit() -> String? {
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
}
