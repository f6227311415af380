import ArgumentParser
import CareModel
import Experiments
import Foundation

/// `runway`: the command-line entry. Subcommands are thin: they parse arguments and
/// call the layers below.
struct Runway: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "runway",
        abstract: "Simulate how children and families flow through a Dutch municipality's youth care, and what budget cuts landed over different runways do to costs and outcomes.",
        discussion: """
        Exit codes: 0 success; 2 bad input (scenario, options); 1 internal failure.
        Scenario files are YAML; see Scenarios/baseline.yaml for every parameter with its unit and source.
        """,
        version: version,
        subcommands: [RunCommand.self, CompareCommand.self, ReportCommand.self, MergeCommand.self, OdeCommand.self, CalibrateCommand.self, ValidateModelCommand.self, ValidateCommand.self, DictionaryCommand.self, SchemaCommand.self, BenchCommand.self, ServeCommand.self],
        defaultSubcommand: nil
    )
}

/// The scenario file and `--set` overrides, shared by the commands that read a scenario.
/// Shell completion (`runway --generate-completion-script bash|zsh|fish`): scenario files,
/// folders, targets files and metric names.
extension CompletionKind {
    static let scenarioFile = CompletionKind.file(extensions: ["yaml", "yml"])
    static let targetsFile = CompletionKind.file(extensions: ["csv"])
    static let metricName = CompletionKind.list(MetricCatalog.definitions.map(\.name))
}

struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).", completion: .scenarioFile)
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one value, e.g. --set budget.cut.fraction=0.2 (repeatable).", valueName: "key=value"))
    var overrides: [String] = []
}

/// Where a command writes: `<output>/<…>/<run-id>/`, shared by the commands that write.
struct OutputOptions: ParsableArguments {
    @Option(help: "Folder under which the run folder is written.", completion: .directory)
    var output: String = "Output"

    @Option(name: .customLong("run-id"), help: "Name of the run folder, after the kind for all but plain runs (sweep-<id>, what-if-<id>, ode-<id>, calibration-<id>); default: made from the seed and the UTC time.")
    var runID: String?

    @Flag(help: "Replace an existing run folder (or an interrupted one) of the same name.")
    var force = false

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output must name a folder (it is empty); leave it out to write under Output")
        }
        if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") {
            throw ValidationError("--run-id must be a plain folder name")
        }
    }
}

/// How much memory a run may use (`runway run`, `runway compare`, `runway calibrate`).
struct ResourceOptions: ParsableArguments {
    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Memory a run may use, in GB (default: 80 % of the machine's physical memory). A run estimated to need more is refused before it starts.", valueName: "GB"))
    var maxMemory: Double?

    func validate() throws {
        if let maxMemory, !(maxMemory > 0 && maxMemory.isFinite) { throw ValidationError("--max-memory must be a positive number of GB, e.g. 16") }
    }

    /// Refuses a run that will not fit (exit 2), and warns up front (on standard error,
    /// unless quiet) about one that will take long.
    func check(_ estimate: ResourceEstimate, quiet: Bool, resumable: Bool) throws {
        let limit: Double, source: String
        if let maxMemory {
            (limit, source) = (maxMemory * 1e9, "--max-memory \(String(format: "%g", maxMemory))")
        } else {
            let physical = ResourceEstimate.physicalMemory()
            limit = physical * ResourceEstimate.defaultShareOfMemory
            source = "80 % of this machine's \(String(format: "%.1f", physical / 1e9)) GB"
        }
        if let refusal = estimate.refusal(limit: limit, limitSource: source) { throw InputError(refusal) }
        if !quiet, let warning = estimate.warning(resumable: resumable) {
            FileHandle.standardError.write(Data("runway: warning: \(warning)\n".utf8))
        }
    }
}

/// Bad input: printed as is, exit code 2.
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
