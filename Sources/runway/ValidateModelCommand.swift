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

    @OptionGroup var out: OutputOptions

    @Option(help: "Threads.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let folder = try OutputFolder(base: out.output, scenario: "validation", runID: out.runID ?? RunManifest.timestamp(Date()), force: out.force)
        var goals: [CalibrationTarget]?
        if let targets {
            guard let text = try? String(contentsOfFile: targets, encoding: .utf8) else { throw InputError("\(targets): cannot read the targets file") }
            do { goals = try CalibrationTarget.parse(text, file: targets) } catch { throw InputError(error.description) }
        }
        let outcome = try ModelValidation.run(scenario: scenario, quick: quick, jobs: jobs, targets: goals.map { (targets!, $0) })
        try folder.write([("validation.md", outcome.markdown)] + outcome.reportFiles)
        if !out.quiet || outcome.failed > 0 {
            print("\(outcome.passed) check(s) passed, \(outcome.failed) failed. Wrote \(folder.finalURL.path)/validation.md")
            print("Report: \(folder.finalURL.path)/report.html")
        }
        if outcome.failed > 0 { throw ExitCode(1) }
    }
}
