import CareModel

/// `summary.csv`: one row per replication with totals over the horizon after warm-up.
public enum SummaryTable {
    public static let extraColumns: [(name: String, unit: String, meaning: String)] = [
        ("replication", "number", "replication number, from 0"),
        ("periods", "periods", "periods after warm-up that the row summarises"),
        ("children_initial", "children", "children at the start of the horizon"),
        ("children_born", "children", "children born over the whole horizon (warm-up included)"),
        ("children_left", "children", "young people who left at the leaving age over the whole horizon (warm-up included)"),
        ("children_at_end", "children", "children present at the end; children_initial + children_born = children_left + children_at_end"),
        ("events", "events", "events the simulation processed in this replication"),
    ]

    public static var header: [String] { extraColumns.map(\.name) + MetricCatalog.definitions.map(\.name) }

    public static func csv(_ results: [ReplicationResult]) -> String {
        CSVFormat.line(header) + results.map(row).joined()
    }

    /// The summary line of one replication, without the header (a part file of a run).
    public static func row(_ result: ReplicationResult) -> String {
        let summary = ReplicationSummary(result)
        let bookkeeping = [result.replication, summary.periods, result.initialChildren, result.childrenBorn,
                           result.childrenLeft, result.childrenAtEnd, Int(result.events)].map(String.init)
        return CSVFormat.line(bookkeeping + CSVFormat.metrics(summary.values))
    }

    /// Reads the metric values back from summary lines (CSVFormat writes numbers in a
    /// form that reads back exactly). Returns one array per line, in metric order.
    public static func metricValues(_ lines: [String]) -> [[Double]] {
        lines.map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(extraColumns.count)
                .map { $0.isEmpty ? .nan : Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan }
        }
    }

    /// Events recorded in a summary line (its `events` column).
    public static func events(_ line: String) -> UInt64 {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        let index = extraColumns.firstIndex { $0.name == "events" }!
        return UInt64(fields[index]) ?? 0
    }
}
