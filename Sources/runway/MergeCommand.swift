import ArgumentParser
import Experiments
import Foundation
import Reporting

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard folders of one run (runway run --shard k/n) into the run the unsharded command gives.",
        discussion: "The CSVs are byte-identical to an unsharded run's; run.json sums the shards' wall times.")

    @Argument(help: "The shard folders (all n of them).", completion: .directory)
    var shards: [String]

    @OptionGroup var out: OutputOptions

    func run() throws {
        let set: ShardManifests
        do { set = try ShardManifests(folders: shards) } catch { throw InputError(error.description) }
        let folder = try OutputFolder(base: out.output, scenario: set.scenario, kind: set.kind, runID: out.runID ?? set.runID, force: out.force)
        try folder.prepare()
        let axes = set.axes, replications = set.replications
        let points = max(1, SweepAxis.grid(axes).count)
        for (k, path) in shards.enumerated() {
            let source = PartStore(folder: URL(fileURLWithPath: path).appendingPathComponent(PartStore.folderName))
            try folder.parts.copy(Job.selected(points: points, replications: 0..<replications, shard: set.shard(k)), from: source)
        }
        var files = try RunAssembler.files(parts: folder.parts, axes: axes, replications: 0..<replications)
        var reportNote: String? = nil
        if axes.isEmpty {
            // The same report as the unsharded run's.
            let rows = try (0..<replications).map { try folder.parts.timeseries(Job(point: 0, replication: $0)) }
            do {
                let equity = files.first { $0.name == "equity.csv" }.flatMap { EquityReport.table(csv: $0.contents) }
                files += try RunReport.files(ReportData(scenario: set.scenario, timeseriesRows: rows), description: set.scenarioDescription,
                                             equity: equity, years: set.yearsAfterWarmup)
            } catch {
                reportNote = "note: report.html not written: \(error)"
            }
        } else {
            // A sweep: the same heat maps as the unsharded sweep's.
            let points = try RunAssembler.pointValues(parts: folder.parts, points: points, replications: 0..<replications)
            do {
                files += try SweepReport.files(scenario: set.scenario, description: set.scenarioDescription, axes: axes, points: points,
                                               years: set.yearsAfterWarmup)
            } catch {
                reportNote = "note: report.html not written: \(error)"
            }
        }
        files.append(("run.json", try set.mergedJSON()))
        try folder.finish(files, axes: axes)
        if !out.quiet {
            if let reportNote { print(reportNote) }
            print("Merged \(set.count) shard(s) into \(folder.finalURL.path)/")
            if reportNote == nil { print("Report: \(folder.finalURL.appendingPathComponent("report.html").path)") }
        }
    }
}
