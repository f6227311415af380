/// One replication's totals over the horizon after warm-up (or over one year of it):
/// each timeseries column aggregated by its rule (`Aggregation`), plus the replication's
/// own bookkeeping.
public struct ReplicationSummary: Sendable {
    public let replication: Int
    /// In `MetricCatalog.definitions` order.
    public let values: [Double]
    public let periods: Int
    /// Per risk group, the `EquityCatalog` outcomes aggregated the same way.
    public let groups: [[Double]]

    public init(_ result: ReplicationResult) {
        self.init(result, rows: result.rows.filter { !$0.inWarmup })
    }

    /// The totals of one calendar (budget) year after warm-up; values are NaN when the
    /// replication has no such period.
    public init(_ result: ReplicationResult, year: Int) {
        self.init(result, rows: result.rows.filter { !$0.inWarmup && $0.periodStart.year == year })
    }

    private init(_ result: ReplicationResult, rows: [PeriodRow]) {
        replication = result.replication
        periods = rows.count
        let groupCount = rows.first?.groups.count ?? 0
        groups = (0..<groupCount).map { g in
            EquityCatalog.definitions.enumerated().map { k, definition in
                let column = rows.map { $0.groups[g][k] }
                guard !column.isEmpty else { return .nan }
                let sum = column.reduce(0, +)
                return definition.aggregation == .total ? sum : sum / Double(column.count)
            }
        }
        let definitions = MetricCatalog.definitions
        values = definitions.indices.map { m in
            let column = rows.map { $0.values[m] }
            guard !column.isEmpty else { return .nan }
            switch definitions[m].aggregation {
            case .total:
                return column.reduce(0, +)
            case .average, .stock:
                return column.reduce(0, +) / Double(column.count)
            case .final:
                return column[column.count - 1]
            case .weighted:
                let w = MetricCatalog.index(definitions[m].weightColumn!)
                let weights = rows.map { $0.values[w] }
                let totalWeight = weights.reduce(0, +)
                return totalWeight > 0 ? zip(column, weights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight : 0
            }
        }
    }
}
