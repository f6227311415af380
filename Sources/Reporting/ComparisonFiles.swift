import CareModel
import Experiments
import Foundation

/// The files of a comparison folder (`runway compare`, and a workshop page's "download
/// this run"): comparison.csv, comparison_timeseries.csv, each scenario's
/// yearly_stats_<a|b|…>.csv, report.html with charts/*.svg, and run.json.
public enum ComparisonFiles {
    public struct Output {
        public let files: [(name: String, contents: String)]
        /// What the run could not write, and why (e.g. no per-period comparison).
        public let notes: [String]
        /// Each scenario's results as the report reads them (A first).
        public let reportData: [ReportData]
        public let reportSeconds: Double
    }

    /// - Parameters:
    ///   - results: each scenario's replications, in the same order as `parameters`.
    ///   - manifest: run.json from the notes gathered here.
    public static func build(names: [String], parameters: [ModelParameters], results: [[ReplicationResult]],
                             manifest: (_ notes: [String]) throws -> RunManifest) throws -> Output {
        let values = results.map { $0.map { ReplicationSummary($0).values } }
        var summary = CSVFormat.header(ComparisonTables.summaryHeader)
        var timeseries = CSVFormat.header(ComparisonTables.timeseriesHeader)
        var notes: [String] = []
        for k in 1..<parameters.count {
            summary += ComparisonTables.summary(names[0], names[k], a: values[0], b: values[k])
            let a = parameters[0], b = parameters[k]
            if a.horizon == b.horizon && a.experiment.outputInterval == b.experiment.outputInterval {
                timeseries += ComparisonTables.timeseries(names[0], names[k], a: results[0], b: results[k])
            } else {
                notes.append("\(names[k]) has another horizon or output interval (experiment.output_interval) than \(names[0]): no per-period comparison")
            }
        }
        let reportStarted = Date()
        let reportData = zip(names, results).map { ReportData(scenario: $0, results: $1) }
        var report: [(name: String, contents: String)] = []
        do {
            report = try CompareReport.files(reportData, descriptions: parameters.map(\.description))
        } catch {
            notes.append("report.html not written: \(error)")
        }
        let reportSeconds = Date().timeIntervalSince(reportStarted)
        // Each scenario's own yearly statistics (A, B, C, … as in the report), to draw its curves without rerunning.
        let yearly = reportData.enumerated().map { k, data in
            ("yearly_stats_\(k < 26 ? String(UnicodeScalar(UInt8(97 + k))) : String(k)).csv", YearlyTables.stats(data))
        }
        let files = [("comparison.csv", summary), ("comparison_timeseries.csv", timeseries), ("run.json", try manifest(notes).json())]
            + yearly + report
        return Output(files: files, notes: notes, reportData: reportData, reportSeconds: reportSeconds)
    }
}
