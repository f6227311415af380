import CareModel
import Experiments
import Foundation

/// Finished replications on disk, three text files each: its rows of
/// `timeseries.csv` and `equity.csv` and its line of `summary.csv`, exactly as they will appear in the
/// final files. Each file is written under a temporary name and renamed, and the
/// summary last, so a replication whose summary exists is complete. The final files
/// are the header plus these parts in order: shards merge, and interrupted runs
/// resume, to byte-identical results.
public struct PartStore: Sendable {
    public static let folderName = "parts"
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    func url(_ job: Job, _ kind: String) -> URL {
        let p = String(job.point), r = String(job.replication)
        let name = "p" + String(repeating: "0", count: max(0, 4 - p.count)) + p
            + "-r" + String(repeating: "0", count: max(0, 6 - r.count)) + r
        return folder.appendingPathComponent("\(name).\(kind).csv")
    }

    public func isDone(_ job: Job) -> Bool {
        FileManager.default.fileExists(atPath: url(job, "summary").path)
    }

    public func save(_ job: Job, _ result: ReplicationResult, groupNames: [String]) throws {
        try Data(TimeseriesTable.rows(result).utf8).write(to: url(job, "timeseries"), options: .atomic)
        try Data(EquityTable.rows(result, groupNames: groupNames).utf8).write(to: url(job, "equity"), options: .atomic)
        try Data(SummaryTable.row(result).utf8).write(to: url(job, "summary"), options: .atomic)
    }

    public func timeseries(_ job: Job) throws -> String {
        try String(contentsOf: url(job, "timeseries"), encoding: .utf8)
    }

    public func equity(_ job: Job) throws -> String {
        try String(contentsOf: url(job, "equity"), encoding: .utf8)
    }

    public func summary(_ job: Job) throws -> String {
        try String(contentsOf: url(job, "summary"), encoding: .utf8)
    }

    /// Copies the parts of `jobs` from another store (merging shards).
    public func copy(_ jobs: [Job], from other: PartStore) throws {
        for job in jobs {
            for kind in ["timeseries", "equity", "summary"] {
                try Data(contentsOf: other.url(job, kind)).write(to: url(job, kind), options: .atomic)
            }
        }
    }
}
