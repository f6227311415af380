import ArgumentParser
import CareModel
import Foundation
import Reporting
import ScenarioIO

struct OdeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ode",
        abstract: "Solve the scenario's mean-field (ODE) twin: its expected curves, in the simulation's CSV schema.",
        discussion: """
        The twin solves the expected flows of children between needs and services as ordinary differential equations \
        over monthly birth cohorts: one deterministic solution, so no replications and no intervals. Started settled, services \
        whose places bind at the start have waiting lists that admit at the steady state's rates (mean_wait_days_* are 0); \
        started all well it has no queues. It treats care durations as exponential with the scenario's means (specialised ambulant care's, which spread more, as two phases with their spread too), and leaves \
        out the transition's lost cases, the deficit policies' feedback, debt help, school-to-work support and the regional \
        pool; where capacity binds, the simulation's waiting lists make the difference. \
        Writes <output>/<scenario>/ode-<run-id>/ with timeseries.csv, summary.csv and equity.csv (one 'replication', number 0), \
        run.json and report.html (the twin's curves, also as charts/*.svg), and prints the expected \
        headline values and the time the solution took.
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
        manifest.extra["method"] = "mean-field ODE twin: monthly birth cohorts, GSL gsl_odeiv2 rkf45 (absolute and relative tolerance 1e-7); waiting lists at the steady state's admission rates when started settled, exponential care durations"
        let report = try RunReport.files(ReportData(scenario: loaded.parameters.name, results: [result]),
                                         description: loaded.parameters.description, twin: true)
        try folder.write([("timeseries.csv", TimeseriesTable.csv([result])), ("summary.csv", SummaryTable.csv([result])),
                          ("equity.csv", CSVFormat.header(EquityTable.header) + EquityTable.rows(result, groupNames: loaded.parameters.population.riskGroups.map(\.name))),
                          ("run.json", try manifest.json())] + report)
        if !out.quiet {
            print(ConsoleReport.text([ReplicationSummary(result).values], years: loaded.parameters.horizon.yearsAfterWarmup, twin: true), terminator: "")
            print("Solved in \(String(format: "%.2f", wall)) s. Wrote \(folder.finalURL.path)/")
            print("Report: \(folder.finalURL.path)/report.html")
        }
    }
}
