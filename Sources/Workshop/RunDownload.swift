import CareModel
import Foundation
import Reporting

/// "Download this run": the comparison folder `runway compare` writes (comparison.csv,
/// yearly_stats_a/b.csv, report.html, charts/, run.json), plus scenario-a.yaml and
/// scenario-b.yaml, so that an analyst can rerun what the room found. Written once into
/// `Output/workshop/explore/<run id>/` (never anywhere else) and sent as a .zip.
enum RunDownload {
    static func files(_ run: LiveComparison, settings: WorkshopSettings) throws -> [(name: String, contents: String)] {
        let plan = run.plan
        let (a, b) = run.pairs()
        guard a.count >= 2 else { throw WorkshopError(status: 409, "wait for at least two replications before downloading") }
        let names = [plan.a.name, "\(plan.a.name)-workshop-b"]
        let parameters = [plan.a, plan.b]
        let started = Date()
        let output = try ComparisonFiles.build(names: names, parameters: parameters, results: [a, b]) { notes in
            var manifest = RunManifest.forComparison(scenarioFiles: ["scenario-a.yaml", "scenario-b.yaml"], overrides: [], names: names,
                                                     parameters: parameters, notes: notes, runwayVersion: settings.runwayVersion,
                                                     startedAt: started, wallSeconds: run.elapsed,
                                                     events: (a + b).reduce(0) { $0 + $1.events }, jobs: settings.workers)
            manifest.extra["workshop"] = ["run_id": run.id, "starting_point": URL(fileURLWithPath: plan.scenarioFile).lastPathComponent,
                                          "levers": plan.changes, "replications_finished": a.count]
            return manifest
        }
        return output.files + [("scenario-a.yaml", yaml(plan, side: "a", count: a.count)), ("scenario-b.yaml", yaml(plan, side: "b", count: a.count))]
    }

    /// A scenario file that extends the starting point and sets what the page set.
    static func yaml(_ plan: ExplorePlan, side: String, count: Int) -> String {
        let base = URL(fileURLWithPath: plan.scenarioFile).lastPathComponent
        let overrides = (side == "a" ? plan.aOverrides : plan.bOverrides).filter { !$0.hasPrefix("experiment.replications=") }
            + ["experiment.replications=\(count)"]
        var out = """
        # Made by `runway serve` (the workshop page): \(side == "a" ? "A, the starting point" : "B, the starting point with the levers the room moved").
        # To rerun: copy scenario-a.yaml and scenario-b.yaml next to \(base) (Scenarios/) and run
        #   runway compare Scenarios/scenario-a.yaml Scenarios/scenario-b.yaml
        # (same seed and replications: the same numbers as on the page).
        extends: \(base)
        name: \(plan.a.name)-workshop-\(side)
        description: "\(side == "a" ? "Workshop starting point" : "Workshop B"): \(plan.a.name) at the workshop's horizon\(side == "b" && !plan.changes.isEmpty ? ", with " + plan.changes.joined(separator: ", ") : "")."
        set:

        """
        for assignment in overrides {
            let equals = assignment.firstIndex(of: "=")!
            out += "  \(assignment[..<equals]): \(assignment[assignment.index(after: equals)...])\n"
        }
        return out
    }

    /// Writes the folder (once) and returns it zipped.
    static func zip(_ run: LiveComparison, settings: WorkshopSettings) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: settings.outputFolder).appendingPathComponent("explore").appendingPathComponent(run.id)
        if !FileManager.default.fileExists(atPath: folder.path) {
            let out = try OutputFolder(base: settings.outputFolder, scenario: "explore", runID: run.id, force: false)
            try out.write(try files(run, settings: settings))
        }
        var entries: [(name: String, contents: [UInt8])] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            entries.append(("runway-\(run.id)/\(path)", Array(try Data(contentsOf: URL(fileURLWithPath: full)))))
        }
        return ZipArchive.archive(entries.sorted { $0.name < $1.name })
    }
}
