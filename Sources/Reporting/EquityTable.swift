import CareModel

/// `equity.csv`: the main outcomes per risk group, one row per replication and group,
/// aggregated over the periods after warm-up.
public enum EquityTable {
    public static var header: [String] { ["replication", "risk_group"] + EquityCatalog.definitions.map(\.name) }

    public static func rows(_ result: ReplicationResult, groupNames: [String]) -> String {
        let summary = ReplicationSummary(result)
        return zip(groupNames, summary.groups).map { name, values in
            CSVFormat.line([String(result.replication), name] + values.map(CSVFormat.number))
        }.joined()
    }
}
