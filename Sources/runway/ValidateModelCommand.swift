import ArgumentParser
import Foundation
import Reporting
import Validation

struct ValidateModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-model",
        abstract: "Check the engine and the model (Erlang C, conservation, the ODE twin, the calibration fit) and write a Markdown report.",
        discussion: "Writes <output>/validation/<run-id>/validation.md. Exit code 1 when a check fails.")

    @Option(help: "The scenario whose conservation and ODE twin are checked.")
    var scenario: String = "Scenarios/baseline.yaml"

    @Flag(help: "Smaller sizes: seconds instead of about a minute.")
    var quick = false

    @Option(name: .customLong("fit-report"), help: "A fit_report.csv of runway calibrate to include.")
    var fitReport: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Threads.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let folder = try OutputFolder(base: out.output, scenario: "validation", runID: out.runID ?? RunCommand.timestamp(Date()), force: out.force)
        let outcome = try ModelValidation.run(scenario: scenario, quick: quick, jobs: jobs, fitReport: fitReport)
        try folder.write([("validation.md", outcome.markdown)])
        if !out.quiet || outcome.failed > 0 { print("\(outcome.passed) check(s) passed, \(outcome.failed) failed. Wrote \(folder.finalURL.path)/validation.md") }
        if outcome.failed > 0 { throw ExitCode(1) }
    }
}
