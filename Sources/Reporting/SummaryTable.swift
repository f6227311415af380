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
        var out = CSVFormat.line(header)
        for result in results {
            let summary = ReplicationSummary(result)
            let bookkeeping = [result.replication, summary.periods, result.initialChildren, result.childrenBorn,
                               result.childrenLeft, result.childrenAtEnd, Int(result.events)].map(String.init)
            out += CSVFormat.line(bookkeeping + summary.values.map(CSVFormat.number))
        }
        return out
    }
}
