import ArgumentParser
import CareModel
import Experiments
import Foundation
import Reporting
import ScenarioIO
import Synchronization

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario (or a sweep of it) and write its CSVs and run.json.",
        discussion: """
        Output goes to <output>/<scenario name>/<run id>/; a sweep to .../sweep-<run id>/ and a run with --set to \
        .../what-if-<run id>/, so that the path says what kind of run it was. An existing run folder is never replaced unless --force \
        is given, and only one run at a time may write a run folder. Ctrl-C keeps the finished replications; run \
        the same command with --resume to continue (a resume with other parameters, seed, sweep or shard is refused). \
        A run estimated to need more memory than --max-memory (default 80 % of physical memory) is refused; one \
        estimated to take more than five minutes is announced with its estimate.
        """)

    @OptionGroup var options: ScenarioOptions

    @OptionGroup var out: OutputOptions

    @OptionGroup var resources: ResourceOptions

    @Option(help: "Number of replications (overrides experiment.replications).")
    var replications: Int?

    @Option(help: "Seed of all random streams (overrides experiment.seed).")
    var seed: UInt64?

    @Flag(help: "Continue an interrupted run with the same --run-id, keeping its finished replications.")
    var resume = false

    @Option(help: "Threads to run replications on (results do not depend on it).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Sweep a value: key=v1,v2,... (repeatable; the grid of all combinations is run).", valueName: "key=values"))
    var sweep: [String] = []

    @Option(help: ArgumentHelp("Run only part k of n (replications, or grid points of a sweep); combine the parts with `runway merge`.", valueName: "k/n"))
    var shard: String?

    @Option(name: .customLong("target-half-width"), help: "Add replications until the 95 % interval's half-width is at most this fraction of the mean, for the --target-metric metrics.")
    var targetHalfWidth: Double?

    @Option(name: .customLong("target-metric"), help: "A summary metric the target half-width applies to (repeatable; default spending_total_eur and burden_index).",
            completion: .metricName)
    var targetMetrics: [String] = []

    @Option(name: .customLong("max-replications"), help: "Upper limit on replications when a target half-width is set.")
    var maxReplications: Int = 200

    @Option(help: "Tell the stories of N households drawn at random (replication 0) in stories.md.")
    var stories: Int = 0

    @Option(name: .customLong("interrupt-after"), help: .hidden)
    var interruptAfter: Int?

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard.parse(shard) == nil { throw ValidationError("--shard must be k/n with 1 <= k <= n, e.g. 2/8") }
        if shard != nil && out.runID == nil { throw ValidationError("--shard needs a --run-id shared by all shards") }
        if resume && out.runID == nil { throw ValidationError("--resume needs the --run-id of the interrupted run") }
        if stories < 0 || stories > 100 { throw ValidationError("--stories must be between 0 and 100") }
        if stories > 0 && (shard != nil || !sweep.isEmpty) { throw ValidationError("--stories works on a single, unsharded run") }
        if let targetHalfWidth, !(targetHalfWidth > 0 && targetHalfWidth < 1) {
            throw ValidationError("--target-half-width must be a fraction between 0 and 1, e.g. 0.02")
        }
        if !targetMetrics.isEmpty && targetHalfWidth == nil { throw ValidationError("--target-metric needs --target-half-width") }
        for name in targetMetrics where !MetricCatalog.definitions.contains(where: { $0.name == name }) {
            throw ValidationError("--target-metric: no metric named '\(name)' (see runway dictionary)")
        }
        for axis in sweep where SweepAxis.parse(axis) == nil {
            throw ValidationError("--sweep \(axis): expected key=v1,v2,... (a scenario key and its values, each non-empty), e.g. budget.cut.fraction=0,0.1,0.2")
        }
    }

    func run() throws {
        var extra = options.overrides
        if let replications { extra.append("experiment.replications=\(replications)") }
        if let seed { extra.append("experiment.seed=\(seed)") }
        let loaded = try ScenarioLoader.load(path: options.scenario, overrides: extra)
        let parameters = loaded.parameters
        let axes = loaded.sweep.map { SweepAxis(key: $0.key, values: $0.values) } + sweep.compactMap(SweepAxis.parse)
        if targetHalfWidth != nil && !axes.isEmpty { throw InputError("--target-half-width works on a single scenario, not a sweep") }
        let shard = shard.flatMap(Shard.parse) ?? .whole

        // Check every grid point before running anything; a bad value is named as the
        // sweep gave it (--sweep or the file's sweep: block), not as a --set.
        var models: [CompiledModel] = []
        let fileAxes = Set(loaded.sweep.map(\.key))
        for point in SweepAxis.grid(axes) {
            do {
                models.append(try CompiledModel(ScenarioLoader.load(path: options.scenario, overrides: extra + point).parameters))
            } catch let error as ScenarioError {
                guard let setting = point.first(where: { error.location == .commandLine($0) }),
                      let axis = axes.first(where: { setting.hasPrefix($0.key + "=") }) else { throw error }
                let value = String(setting.dropFirst(axis.key.count + 1))
                let origin = fileAxes.contains(axis.key) && !sweep.contains(where: { $0.hasPrefix(axis.key + "=") })
                    ? "\(options.scenario): sweep: \(axis.key) (value \(value))" : "--sweep \(axis.key)=\(axis.values.joined(separator: ",")) (value \(value))"
                throw ScenarioError(SourceLocation(file: origin, line: 0, column: 0), error.keyPath, error.message)
            }
        }

        // Refuse a run that will not fit in memory before anything is written (the
        // warning about its time comes with each round of replications, below).
        try resources.check(estimate(replications: parameters.experiment.replications, toRun: nil, models, shard: shard, sweep: !axes.isEmpty),
                            quiet: true, resumable: true)

        let startedAt = Date()
        let baseID = out.runID ?? "seed\(parameters.experiment.seed)-\(RunManifest.timestamp(startedAt))"
        let id = shard.count > 1 ? "\(baseID)-shard-\(shard.index)-of-\(shard.count)" : baseID
        let adaptive = targetHalfWidth.map { AdaptiveReplications(target: $0, metrics: targetMetrics, maxReplications: maxReplications) }
        Interrupt.install()
        let kind = RunKind.ofRun(sweep: !axes.isEmpty, commandLineSets: options.overrides)
        let folder = try OutputFolder(base: out.output, scenario: parameters.name, kind: kind, runID: id, force: out.force, resume: resume)
        try folder.prepare(fingerprint: ExperimentFingerprint(parameters: parameters, axes: axes, shard: shard, adaptive: adaptive,
                                                              runwayVersion: Runway.version))
        let parts = folder.parts
        let groupNames = parameters.population.riskGroups.map(\.name)

        var count = parameters.experiment.replications
        if !out.quiet {
            let what = axes.isEmpty ? "" : " at each of \(models.count) grid points"
            let part = shard.count > 1 ? " (shard \(shard))" : ""
            print("Running '\(parameters.name)'\(part): \(count) replication(s)\(what) of \(parameters.population.children) children, \(parameters.horizon.start) to \(parameters.horizon.end), on \(jobs) thread(s)…")
        }
        var wall = 0.0
        while true {
            let pending = Job.selected(points: models.count, replications: 0..<count, shard: shard).filter { !parts.isDone($0) }
            try resources.check(estimate(replications: count, toRun: pending.count, models, shard: shard, sweep: !axes.isEmpty),
                                quiet: out.quiet, resumable: true)
            let progress = ProgressLine(total: pending.count, quiet: out.quiet)
            let finishedCount = Atomic<Int>(0)
            let limit = interruptAfter
            let started = Date()
            do {
                _ = try ExperimentRunner.run(pending, models: models, threads: jobs,
                                             shouldStop: { Interrupt.isRequested || (limit.map { finishedCount.load(ordering: .relaxed) >= $0 } ?? false) }) { job, result in
                    try parts.save(job, result, groupNames: groupNames)
                    finishedCount.add(1, ordering: .relaxed)
                    progress.finished(events: result.events)
                }
            } catch let problem as FileProblem {
                progress.clear()
                throw InputError("\(problem); the finished replications are kept in \(folder.workingURL.path): run the same command with --resume to continue")
            }
            wall += Date().timeIntervalSince(started)
            progress.clear()
            if Interrupt.isRequested || (limit.map { finishedCount.load(ordering: .relaxed) >= $0 && pending.count > $0 } ?? false) {
                let kept = Job.selected(points: models.count, replications: 0..<count, shard: shard).filter(parts.isDone).count
                throw Interrupted(message: "interrupted: \(kept) finished replication(s) kept in \(folder.workingURL.path); run the same command with --resume to continue")
            }
            guard let adaptive, shard.count == 1 else { break }
            let widths = IntervalTables.targetWidths(try RunAssembler.summaryValues(parts: parts, replications: 0..<count))
            let worst = adaptive.widest(widths)
            guard let next = adaptive.next(after: count, widest: worst) else {
                if worst > adaptive.target && !out.quiet {
                    let why = worst.isFinite ? "widest relative half-width \(String(format: "%.4f", worst))"
                        : "no relative half-width for \(adaptive.metrics.filter { widths[$0] == nil }.joined(separator: ", ")) (its mean is 0 while it varies)"
                    print("  stopped at --max-replications \(adaptive.maxReplications): \(why), target \(adaptive.target)")
                }
                break
            }
            count = next
            if !out.quiet { print("  widest relative half-width \(String(format: "%.4f", worst)) > \(adaptive.target): going to \(count) replications") }
        }

        let resolved = parameters.withReplications(count)
        let baseFile = loaded.files.last!
        let base = try ScenarioLoader.load(path: baseFile).parameters
        func makeManifest(events: UInt64, achievedFrom values: [[Double]]?) -> RunManifest {
            var manifest = RunManifest.forRun(scenarioFiles: loaded.files, overrides: loaded.overrides, parameters: resolved, base: base,
                                              baseFile: baseFile, axes: axes, shard: shard, adaptive: adaptive, achievedFrom: values,
                                              runwayVersion: Runway.version, startedAt: startedAt, wallSeconds: wall, events: events, jobs: jobs)
            manifest.extra["kind"] = kind.rawValue
            return manifest
        }

        do {
            try finish(folder: folder, parts: parts, models: models, count: count, shard: shard, axes: axes, wall: wall,
                       manifest: makeManifest, resolved: resolved, parameters: parameters)
        } catch OutputFolder.Problem.file(let problem) {
            throw InputError("\(problem); the finished replications are kept in \(folder.workingURL.path): run the same command with --resume to finish")
        } catch let problem as FileProblem {
            throw InputError("\(problem); the finished replications are kept in \(folder.workingURL.path): run the same command with --resume to finish")
        }
    }

    /// The estimate of a run of `replications` replications of the grid points `models`
    /// (this shard's part of them), `toRun` of which are still to run (nil: all).
    func estimate(replications: Int, toRun: Int?, _ models: [CompiledModel], shard: Shard, sweep: Bool) -> ResourceEstimate {
        // Grid points may differ in size; the largest stands for all (an upper bound).
        let largest = models.map(\.parameters).max { $0.population.children < $1.population.children }!
        let jobCount = Self.jobCount(points: models.count, replications: replications, shard: shard)
        // A sweep or a shard keeps only summary lines; a single scenario assembles every row.
        return ResourceEstimate(points: [largest], replications: jobCount, toRun: toRun, jobs: jobs,
                                kept: sweep || shard.count > 1 ? .summaries : .rows)
    }

    /// The number of jobs of a shard (as `Job.selected(...).count`, without listing them).
    static func jobCount(points: Int, replications: Int, shard: Shard) -> Int {
        if points > 1 { return (0..<points).filter(shard.owns).count * replications }
        let first = shard.index - 1
        return replications > first ? (replications - first + shard.count - 1) / shard.count : 0
    }

    /// Writes the final files (or a shard's manifest) and makes the run folder visible.
    func finish(folder: OutputFolder, parts: PartStore, models: [CompiledModel], count: Int, shard: Shard, axes: [SweepAxis],
                wall: Double, manifest makeManifest: (UInt64, [[Double]]?) -> RunManifest, resolved: ModelParameters,
                parameters: ModelParameters) throws {
        if shard.count > 1 {
            let jobsDone = Job.selected(points: models.count, replications: 0..<count, shard: shard)
            let shardManifest = makeManifest(try RunAssembler.events(parts: parts, jobs: jobsDone), nil)
            try folder.finish([("shard.json", try shardManifest.json())], keepParts: true)
            if !out.quiet { print("Wrote shard \(shard) to \(folder.finalURL.path)/; combine all shards with: runway merge <shard folders…>") }
            return
        }
        var files = try RunAssembler.files(parts: parts, axes: axes, replications: 0..<count)
        let allJobs = Job.selected(points: models.count, replications: 0..<count, shard: .whole)
        let values = axes.isEmpty ? try RunAssembler.summaryValues(parts: parts, replications: 0..<count) : []
        let manifest = makeManifest(try RunAssembler.events(parts: parts, jobs: allJobs), axes.isEmpty ? values : nil)
        var storyBook: StoryBook? = nil
        if stories > 0 && axes.isEmpty {
            // Replication 0 again, following the sampled households: the same numbers, so the same run.
            let told = try Replication(model: models[0], replication: 0, stories: stories).run()
            if let book = told.stories {
                files.append(("stories.md", StoriesDocument.markdown(book, parameters: resolved)))
                storyBook = book
            }
        }
        var reportSeconds: Double? = nil
        var sweepText = ""
        if !axes.isEmpty {
            let reportStarted = Date()
            let points = try RunAssembler.pointValues(parts: parts, points: models.count, replications: 0..<count)
            let years = parameters.horizon.yearsAfterWarmup
            do {
                files += try SweepReport.files(scenario: resolved.name, description: resolved.description, axes: axes, points: points, years: years)
                reportSeconds = Date().timeIntervalSince(reportStarted)
            } catch {
                if !out.quiet { print("note: report.html not written: \(error)") }
            }
            sweepText = SweepReport.text(axes: axes, points: points, years: years)
        } else {
            // The report reads the rows the run wrote; a chart that cannot be drawn
            // costs the report, never the run's tables.
            let reportStarted = Date()
            do {
                let rows = try (0..<count).map { try parts.timeseries(Job(point: 0, replication: $0)) }
                let equity = files.first { $0.name == "equity.csv" }.flatMap { EquityReport.table(csv: $0.contents) }
                files += try RunReport.files(ReportData(scenario: resolved.name, timeseriesRows: rows), description: resolved.description,
                                             equity: equity, years: parameters.horizon.yearsAfterWarmup,
                                             stories: try storyBook.map { try StoriesTimeline.figure($0, parameters: resolved) })
                reportSeconds = Date().timeIntervalSince(reportStarted)
            } catch let problem as FileProblem {
                throw problem
            } catch {
                if !out.quiet { print("note: report.html not written: \(error)") }
            }
        }
        files.append(("run.json", try manifest.json()))
        try folder.finish(files, axes: axes)
        if !out.quiet {
            if axes.isEmpty {
                print(ConsoleReport.text(values, years: parameters.horizon.yearsAfterWarmup), terminator: "")
            } else {
                print(sweepText, terminator: "")
            }
            print("\(manifest.events) events in \(String(format: "%.2f", wall)) s (\(String(format: "%.2f", Double(manifest.events) / max(wall, 1e-9) / 1e6)) M events/s)")
            print("Wrote \(folder.finalURL.path)/")
            if let reportSeconds {
                print("Report: \(folder.finalURL.appendingPathComponent("report.html").path) (built in \(String(format: "%.2f", reportSeconds)) s)")
            }
        }
    }
}

/// A run stopped by Ctrl-C: exit code 130, finished replications kept.
struct Interrupted: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
