import ArgumentParser
import Foundation
import Reporting

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build one report.html over existing run folders: one folder rebuilds its run's report; several overlay their scenarios.",
        discussion: """
        Reads each folder's timeseries.csv, summary_stats.csv, run.json and, when present, equity.csv; nothing is \
        simulated again. Writes <output>/report/<run-id>/ with report.html and charts/*.svg. The same folders \
        give the same bytes.
        """)

    @Argument(help: "Run folders written by `runway run` (one or more).", completion: .directory)
    var folders: [String]

    @OptionGroup var out: OutputOptions

    func validate() throws {
        if folders.isEmpty { throw ValidationError("give at least one run folder") }
    }

    func run() throws {
        let runs: [SavedRun]
        do { runs = try folders.map { try SavedRun.read(folder: $0) } } catch let problem as SavedRun.Problem { throw InputError(problem.description) }
        let files: [(name: String, contents: String)]
        do {
            if runs.count == 1 {
                let run = runs[0]
                files = try RunReport.files(run.data, description: run.description, equity: run.equity, years: run.yearsAfterWarmup)
            } else {
                files = try OverlayReport.files(runs)
            }
        } catch {
            throw InputError("cannot draw the report: \(error)")
        }
        let folder = try OutputFolder(base: out.output, scenario: "report", runID: out.runID ?? "report-\(RunManifest.timestamp(Date()))", force: out.force)
        try folder.write(files)
        if !out.quiet {
            print("Wrote \(folder.finalURL.path)/")
            print("Report: \(folder.finalURL.appendingPathComponent("report.html").path)")
        }
    }
}
