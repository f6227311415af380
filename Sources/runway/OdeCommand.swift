import ArgumentParser
import CareModel
import Foundation
import Reporting
import ScenarioIO

struct OdeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ode",
        abstract: "Solve the scenario's mean-field (ODE) twin: expected curves in the same CSV schema, in well under a second.",
        discussion: """
        Writes <output>/<scenario>/ode-<run-id>/ with timeseries.csv and summary.csv (one 'replication', number 0) and run.json. \
        The twin has no queues (waiting_* are 0) and treats care durations as exponential with the scenario's means; \
        where capacity binds, the simulation's waiting lists make the difference.
        """)

    @OptionGroup var options: ScenarioOptions

    @OptionGroup var out: OutputOptions

    func run() throws {
        let loaded = try ScenarioLoader.load(path: options.scenario, overrides: options.overrides)
        let model = try CompiledModel(loaded.parameters)
        let startedAt = Date()
        let folder = try OutputFolder(base: out.output, scenario: loaded.parameters.name, kind: .ode,
                                      runID: out.runID ?? RunManifest.timestamp(startedAt), force: out.force)
        let result = try MeanFieldTwin.solve(model)
        let wall = Date().timeIntervalSince(startedAt)
        var manifest = RunManifest(scenarioFiles: loaded.files, overrides: loaded.overrides, parameters: loaded.parameters,
                                   runwayVersion: Runway.version, gitCommit: RunManifest.gitCommit(), startedAt: startedAt,
                                   wallSeconds: wall, events: 0, jobs: 1)
        manifest.extra["kind"] = RunKind.ode.rawValue
        manifest.extra["method"] = "mean-field ODE twin: monthly birth cohorts, GSL gsl_odeiv2 rkf45 (absolute and relative tolerance 1e-7); no queues, exponential care durations"
        try folder.write([("timeseries.csv", TimeseriesTable.csv([result])), ("summary.csv", SummaryTable.csv([result])),
                          ("equity.csv", CSVFormat.header(EquityTable.header) + EquityTable.rows(result, groupNames: loaded.parameters.population.riskGroups.map(\.name))),
                          ("run.json", try manifest.json())])
        if !out.quiet {
            print(ConsoleReport.text([ReplicationSummary(result).values], years: loaded.parameters.horizon.yearsAfterWarmup), terminator: "")
            print("Solved in \(String(format: "%.2f", wall)) s. Wrote \(folder.finalURL.path)/")
        }
    }
}
