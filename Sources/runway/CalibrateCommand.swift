import ArgumentParser
import CareModel
import Experiments
import Foundation
import Reporting
import ScenarioIO
import Stochastics

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the parameters a scenario's calibration: block names to target figures (GSL Nelder-Mead, common random numbers).",
        discussion: """
        The scenario lists the parameters to fit with their bounds:
          calibration:
            - {key: services.general_practitioner.detection_per_year.moderate, lower: 0.2, upper: 2}
        The targets file is a CSV with the header quantity,value,weight,source (see Scenarios/targets-2015.csv). \
        The objective is the weighted sum of squared relative errors of the replication means, every evaluation on \
        the same seed. Writes <output>/<scenario>/calibration-<run-id>/ with calibrated.yaml (extends the scenario; each fitted \
        value carries the targets it was fitted to), fit_report.csv and run.json.
        """)

    @OptionGroup var options: ScenarioOptions

    @OptionGroup var out: OutputOptions

    @OptionGroup var resources: ResourceOptions

    @Option(help: "The targets CSV.", completion: .targetsFile)
    var targets: String

    @Option(help: "Replications per evaluation.")
    var replications: Int = 4

    @Option(name: .customLong("max-iterations"), help: "Nelder-Mead iterations at most.")
    var maxIterations: Int = 60

    @Option(help: "Threads (results do not depend on it).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if replications < 2 { throw ValidationError("--replications must be at least 2") }
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1") }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: options.scenario, overrides: options.overrides)
        let free = loaded.calibration
        guard !free.isEmpty else { throw InputError("\(options.scenario): no calibration: block naming the parameters to fit") }
        guard let text = try? String(contentsOfFile: targets, encoding: .utf8) else { throw InputError("\(targets): cannot read the targets file") }
        let goals: [CalibrationTarget]
        do { goals = try CalibrationTarget.parse(text, file: targets) } catch { throw InputError(error.description) }
        let p = loaded.parameters
        do { try CalibrationTarget.check(goals, horizon: p.horizon, file: targets) } catch { throw InputError(error.description) }
        // One evaluation at a time must fit in memory; the whole search may take long
        // (Nelder-Mead: the first simplex, then one or two evaluations an iteration).
        try resources.check(ResourceEstimate(points: [p], replications: replications, jobs: jobs), quiet: true, resumable: false)
        let evaluations = free.count + 1 + 2 * maxIterations
        if !out.quiet, let warning = ResourceEstimate(points: [p], replications: replications * evaluations, jobs: jobs, kept: .summaries)
            .warning(resumable: false) {
            FileHandle.standardError.write(Data("runway: warning: up to \(evaluations) evaluations; \(warning)\n".utf8))
        }
        let startedAt = Date()
        let folder = try OutputFolder(base: out.output, scenario: p.name, kind: .calibration,
                                      runID: out.runID ?? RunManifest.timestamp(startedAt), force: out.force)

        let scenario = options.scenario, fixed = options.overrides + ["experiment.replications=\(replications)"]
        let problem = CalibrationProblem(
            parameters: free.map { CalibrationProblem.Parameter(key: $0.key, lower: $0.lower, upper: $0.upper) },
            targets: goals, replications: replications, jobs: jobs, years: p.horizon.yearsAfterWarmup,
            build: { settings in try CompiledModel(ScenarioLoader.load(path: scenario, overrides: fixed + settings).parameters) })
        let start = problem.start(loaded.calibrationStart)
        let startObjective = try problem.objective(at: start)
        if !out.quiet { print("Calibrating \(free.count) parameter(s) of '\(p.name)' to \(goals.count) target(s), \(replications) replications per evaluation; objective at the start \(String(format: "%.5f", startObjective))") }
        let outcome = try problem.minimize(from: start, maxIterations: maxIterations)
        let best = outcome.best, fit = outcome.fit

        let report = CalibrationReport.csv(fit)
        var summaryLines: [String] = []
        for row in fit.rows {
            let goal = row.target, stats = row.simulated
            summaryLines.append("  \((goal.quantity.rawValue + (goal.year.map { " \($0)" } ?? "")).padding(toLength: 26, withPad: " ", startingAt: 0)) target \(CSVFormat.number(goal.value)), simulated \(String(format: "%.4g", stats.mean)) (\(String(format: "%+.1f", row.relativeError * 100)) %)\(goal.weight == 0 ? ", not fitted" : "")")
        }
        let targetNames = goals.filter { $0.weight > 0 }.map(\.quantity.rawValue).joined(separator: ", ")
        var yaml = """
        # Calibrated by runway calibrate on \(ISO8601DateFormatter().string(from: startedAt)): the parameters of
        # \(options.scenario)'s calibration: block fitted with GSL's Nelder-Mead simplex to \(targets)
        # (\(targetNames)); \(replications) replications per evaluation, seed \(p.experiment.seed),
        # \(outcome.evaluations) evaluations, objective \(String(format: "%.5f", startObjective)) -> \(String(format: "%.5f", outcome.objective)). See fit_report.csv.
        extends: \(Self.relativePath(from: folder.finalURL, to: options.scenario))
        name: \(p.name)-calibrated
        description: \(p.name) with \(free.count) parameter(s) calibrated to \(targets).
        set:

        """
        for (k, parameter) in free.enumerated() {
            yaml += "  \(parameter.key): \(CSVFormat.number((best[k] * 1e6).rounded() / 1e6))   # calibrated to \(targetNames) (bounds \(CSVFormat.number(parameter.lower))-\(CSVFormat.number(parameter.upper)); was \(loaded.calibrationStart[k].map(CSVFormat.number) ?? "?"))\n"
        }
        var manifest = RunManifest.forCalibration(scenarioFiles: loaded.files, overrides: loaded.overrides, parameters: p, targetsFile: targets,
                                                  problem: problem, outcome: outcome, startObjective: startObjective, runwayVersion: Runway.version,
                                                  startedAt: startedAt, wallSeconds: Date().timeIntervalSince(startedAt), jobs: jobs)
        manifest.extra["kind"] = RunKind.calibration.rawValue
        try folder.write([("calibrated.yaml", yaml), ("fit_report.csv", report), ("run.json", try manifest.json())])
        if !out.quiet {
            print("Objective \(String(format: "%.5f", startObjective)) -> \(String(format: "%.5f", outcome.objective)) after \(outcome.evaluations) evaluations\(outcome.converged ? "" : " (iteration limit reached)"):")
            for (k, parameter) in free.enumerated() { print("  \(parameter.key) = \(String(format: "%.4g", best[k]))") }
            print(summaryLines.joined(separator: "\n"))
            print("Wrote \(folder.finalURL.path)/")
        }
    }

    /// `target` as a path relative to `folder` (so the calibrated file finds its base).
    static func relativePath(from folder: URL, to target: String) -> String {
        let from = folder.standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
