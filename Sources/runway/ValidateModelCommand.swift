import ArgumentParser
import Experiments
import Foundation
import Reporting
import Validation

struct ValidateModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-model",
        abstract: "Check the engine and the model (Erlang C, conservation, the ODE twin, the calibration fit) and write a Markdown report.",
        discussion: "Writes <output>/validation/<run-id>/validation.md and report.html (the same sections as charts and tables, each chart also in charts/). Exit code 1 when a check fails.")

    @Option(help: "The scenario whose conservation and ODE twin are checked.", completion: .scenarioFile)
    var scenario: String = "Scenarios/baseline.yaml"

    @Flag(help: "Smaller sizes: seconds instead of about a minute.")
    var quick = false

    @Option(help: "A targets CSV (as for runway calibrate): the report shows how well the scenario, as it stands, fits it.", completion: .targetsFile)
    var targets: String?

    @Option(help: "A scenario through the 2015 transfer (e.g. Scenarios/nl-history.yaml): the report adds its yearly series from its start, the in-sample fit and the path after 2015 with intervals (history_*.csv).", completion: .scenarioFile)
    var history: String?

    @Option(name: .customLong("history-targets"), help: "Dated targets (2015 or earlier) for --history's in-sample fit, e.g. Scenarios/targets-history.csv.", completion: .targetsFile)
    var historyTargets: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Threads.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        if historyTargets != nil && history == nil { throw InputError("--history-targets needs --history (the scenario to fit them to)") }
        let folder = try OutputFolder(base: out.output, scenario: "validation", runID: out.runID ?? RunManifest.timestamp(Date()), force: out.force)
        /// A targets file's name and rows.
        func read(_ file: String?) throws -> (file: String, rows: [CalibrationTarget])? {
            guard let file else { return nil }
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw InputError("\(file): cannot read the targets file") }
            do { return (file, try CalibrationTarget.parse(text, file: file)) } catch { throw InputError(error.description) }
        }
        let outcome: ModelValidation.Outcome
        do {
            outcome = try ModelValidation.run(scenario: scenario, quick: quick, jobs: jobs, targets: try read(targets),
                                              history: try history.map { ($0, try read(historyTargets)) })
        } catch let error as CalibrationError { throw InputError(error.description) }
        try folder.write([("validation.md", outcome.markdown)] + outcome.reportFiles)
        if !out.quiet || outcome.failed > 0 {
            print("\(outcome.passed) check(s) passed, \(outcome.failed) failed. Wrote \(folder.finalURL.path)/validation.md")
            print("Report: \(folder.finalURL.path)/report.html")
        }
        if outcome.failed > 0 { throw ExitCode(1) }
    }
}
