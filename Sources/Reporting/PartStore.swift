import CareModel
import Experiments
import Foundation

/// Finished replications on disk, three text files each: its rows of
/// `timeseries.csv` and `equity.csv` and its line of `summary.csv`, exactly as they will appear in the
/// final files. Each file is written whole under a temporary name in
/// `temporaryFolder` and renamed, and the summary last, so a replication whose
/// summary exists is complete. The final files
/// are the header plus these parts in order: shards merge, and interrupted runs
/// resume, to byte-identical results.
public struct PartStore: Sendable {
    public static let folderName = "parts"
    public let folder: URL
    /// Where files are written before they are renamed into `folder` (the same file
    /// system; by default `tmp/` beside `folder`).
    public let temporaryFolder: URL

    public init(folder: URL, temporaryFolder: URL? = nil) {
        self.folder = folder
        self.temporaryFolder = temporaryFolder ?? folder.deletingLastPathComponent().appendingPathComponent("tmp")
    }

    /// Whether `name` is the name of a part (anything else in the folder is a leftover).
    static func isPartName(_ name: String) -> Bool {
        name.hasPrefix("p") && (name.hasSuffix(".timeseries.csv") || name.hasSuffix(".equity.csv") || name.hasSuffix(".summary.csv"))
    }

    func url(_ job: Job, _ kind: String) -> URL {
        let p = String(job.point), r = String(job.replication)
        let name = "p" + String(repeating: "0", count: max(0, 4 - p.count)) + p
            + "-r" + String(repeating: "0", count: max(0, 6 - r.count)) + r
        return folder.appendingPathComponent("\(name).\(kind).csv")
    }

    public func isDone(_ job: Job) -> Bool {
        FileManager.default.fileExists(atPath: url(job, "summary").path)
    }

    public func save(_ job: Job, _ result: ReplicationResult, groupNames: [String]) throws(FileProblem) {
        try write(TimeseriesTable.rows(result), job, "timeseries")
        try write(EquityTable.rows(result, groupNames: groupNames), job, "equity")
        try write(SummaryTable.row(result), job, "summary")
    }

    func write(_ text: String, _ job: Job, _ kind: String) throws(FileProblem) {
        try FileIO.writeAtomically(Data(text.utf8), to: url(job, kind), temporaryFolder: temporaryFolder)
    }

    public func timeseries(_ job: Job) throws(FileProblem) -> String {
        try FileIO.read(url(job, "timeseries"))
    }

    public func equity(_ job: Job) throws(FileProblem) -> String {
        try FileIO.read(url(job, "equity"))
    }

    public func summary(_ job: Job) throws(FileProblem) -> String {
        try FileIO.read(url(job, "summary"))
    }

    /// Copies the parts of `jobs` from another store (merging shards).
    public func copy(_ jobs: [Job], from other: PartStore) throws(FileProblem) {
        for job in jobs {
            for kind in ["timeseries", "equity", "summary"] {
                try write(try FileIO.read(other.url(job, kind)), job, kind)
            }
        }
    }
}
