import ArgumentParser
import CareModel
import Experiments
import Foundation
import Reporting
import ScenarioIO

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run scenarios on common random numbers and write paired differences against the first.",
        discussion: """
        Writes <output>/compare/<A>-vs-<B>/<run-id>/ with comparison.csv (per metric over the horizon after \
        warm-up: means, the difference B - A with its 95 % interval, the unpaired half-width for reference, and \
        whether the difference is distinguishable from zero), comparison_timeseries.csv (per period, when the \
        scenarios share their horizon and output interval, experiment.output_interval), each scenario's \
        yearly_stats_a.csv, yearly_stats_b.csv, …, report.html (with charts/), datapackage.json and run.json.
        """)

    @Argument(help: "Two or more scenario files; each is compared with the first.", completion: .scenarioFile)
    var scenarios: [String]

    @OptionGroup var out: OutputOptions

    @OptionGroup var resources: ResourceOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value in every scenario (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Replications (default: the first scenario's experiment.replications).")
    var replications: Int?

    @Option(help: "Seed shared by all scenarios (default: the first scenario's experiment.seed).")
    var seed: UInt64?

    @Option(help: "Threads (results do not depend on it).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("give at least two scenario files") }
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 for an interval") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let first = try ScenarioLoader.load(path: scenarios[0], overrides: overrides).parameters
        let shared = overrides + ["experiment.seed=\(seed ?? first.experiment.seed)",
                                  "experiment.replications=\(replications ?? first.experiment.replications)"]
        let loaded = try scenarios.map { try ScenarioLoader.load(path: $0, overrides: shared) }
        let models = try loaded.map { try CompiledModel($0.parameters) }
        let names = loaded.map(\.parameters.name)
        let n = loaded[0].parameters.experiment.replications
        guard n >= 2 else { throw InputError("comparisons need at least 2 replications (experiment.replications or --replications)") }
        try resources.check(ResourceEstimate(points: loaded.map(\.parameters), replications: n, jobs: jobs),
                            quiet: out.quiet, resumable: false)
        let startedAt = Date()
        let folder = try OutputFolder(base: "\(out.output)/compare", scenario: names.joined(separator: "-vs-"),
                                      runID: out.runID ?? "seed\(loaded[0].parameters.experiment.seed)-\(RunManifest.timestamp(startedAt))", force: out.force)
        if !out.quiet { print("Comparing \(names.joined(separator: ", ")) on common random numbers: \(n) replications each…") }
        let outcomes = try models.map { try ExperimentRunner.run($0, replications: 0..<n, jobs: jobs) }
        let output = try ComparisonFiles.build(names: names, parameters: loaded.map(\.parameters), results: outcomes.map(\.results)) { notes in
            RunManifest.forComparison(scenarioFiles: scenarios, overrides: shared, names: names, parameters: loaded.map(\.parameters),
                                      notes: notes, runwayVersion: Runway.version, startedAt: startedAt,
                                      wallSeconds: outcomes.reduce(0) { $0 + $1.wallSeconds }, events: outcomes.reduce(0) { $0 + $1.events }, jobs: jobs)
        }
        try folder.write(output.files)
        if !out.quiet {
            for note in output.notes { print("note: \(note)") }
            print(CompareReport.text(output.reportData), terminator: "")
            print("Wrote \(folder.finalURL.path)/")
            if output.files.contains(where: { $0.name == "report.html" }) {
                print("Report: \(folder.finalURL.appendingPathComponent("report.html").path) (built in \(String(format: "%.2f", output.reportSeconds)) s)")
            }
        }
    }
}
