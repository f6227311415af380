import ArgumentParser
import CareModel
import ScenarioIO

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file (and its base files) without running it.")

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        let loaded = try ScenarioLoader.load(path: options.scenario, overrides: options.overrides)
        _ = try CompiledModel(loaded.parameters)
        let p = loaded.parameters
        let dated = p.dated.map { ", \($0.series.count) dated key(s) changing on \($0.changes.count) date(s)" } ?? ""
        print("\(options.scenario): ok — scenario '\(p.name)', \(p.population.children) children, \(p.horizon.start) to \(p.horizon.end), \(p.experiment.replications) replication(s)\(dated)")
    }
}
