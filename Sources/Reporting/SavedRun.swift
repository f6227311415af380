import CareModel
import Foundation

/// A finished run folder read back for `runway report`: its timeseries rows, equity
/// table and what run.json says about it. Nothing is recomputed from the model.
public struct SavedRun: Sendable {
    public let folder: String
    public let scenario: String
    public let description: String
    /// Years after warm-up (as `HorizonParameters.yearsAfterWarmup`), 0 when run.json does not say.
    public let yearsAfterWarmup: Double
    public let data: ReportData
    public let equity: EquityReport.Table?

    /// The files a run folder must hold for a report.
    public static let requiredFiles = ["timeseries.csv", "summary_stats.csv", "run.json"]

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The years after warm-up that a run manifest's horizon spans.
    public static func yearsAfterWarmup(manifest: [String: Any]) -> Double {
        guard let horizon = manifest["horizon"] as? [String: Any],
              let end = (horizon["end"] as? String).flatMap(CalendarDate.init(iso:)),
              let warmup = (horizon["warmup_until"] as? String).flatMap(CalendarDate.init(iso:)) else { return 0 }
        return Double(end.daysSinceEpoch - warmup.daysSinceEpoch) / 365.25
    }

    public static func read(folder: String) throws(Problem) -> SavedRun {
        let url = URL(fileURLWithPath: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Problem(description: "\(folder): no such run folder")
        }
        let missing = requiredFiles.filter { !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        guard missing.isEmpty else {
            let kind = FileManager.default.fileExists(atPath: url.appendingPathComponent("comparison.csv").path) ? " (it is a comparison folder)"
                : FileManager.default.fileExists(atPath: url.appendingPathComponent("sweep.csv").path) ? " (it is a sweep folder)" : ""
            throw Problem(description: "\(folder) is not a finished run folder\(kind): missing \(missing.joined(separator: ", ")); `runway report` reads the folders `runway run` writes")
        }
        func text(_ name: String) throws(Problem) -> String {
            do { return try FileIO.read(url.appendingPathComponent(name)) } catch { throw Problem(description: "\(folder): \(error)") }
        }
        guard let manifest = (try? JSONSerialization.jsonObject(with: Data(try text("run.json").utf8))) as? [String: Any] else {
            throw Problem(description: "\(folder)/run.json is not a JSON object")
        }
        let scenario = manifest["scenario"] as? String ?? url.lastPathComponent
        let description = (manifest["parameters"] as? [String: Any])?["description"] as? String ?? ""
        // timeseries.csv: a header, then each replication's rows together.
        let timeseries = try text("timeseries.csv")
        var lines = timeseries.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first, header.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == TimeseriesTable.header else {
            throw Problem(description: "\(folder)/timeseries.csv does not have the columns this Runway writes (another version made it, or it was edited); run the scenario again")
        }
        lines.removeFirst()
        var rows: [String] = []
        var current: Substring? = nil
        for line in lines {
            let replication = line.prefix { $0 != "," }
            if replication != current {
                rows.append("")
                current = replication
            }
            rows[rows.count - 1] += line + "\n"
        }
        guard !rows.isEmpty else { throw Problem(description: "\(folder)/timeseries.csv has no rows") }
        let data = ReportData(scenario: scenario, timeseriesRows: rows)
        guard data.replications > 0, data.values.allSatisfy({ $0.count == data.periods.count }) else {
            throw Problem(description: "\(folder)/timeseries.csv: the replications do not have the same periods")
        }
        let equityURL = url.appendingPathComponent("equity.csv")
        let equity = FileManager.default.fileExists(atPath: equityURL.path) ? EquityReport.table(csv: try text("equity.csv")) : nil
        return SavedRun(folder: folder, scenario: scenario, description: description, yearsAfterWarmup: yearsAfterWarmup(manifest: manifest),
                        data: data, equity: equity)
    }
}
