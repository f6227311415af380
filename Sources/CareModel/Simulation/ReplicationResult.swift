/// One output period of one replication.
public struct PeriodRow: Sendable {
    public let periodStart: CalendarDate
    public let inWarmup: Bool
    /// Values in `MetricCatalog.definitions` order.
    public let values: [Double]
    /// Per risk group (scenario order), values in `EquityCatalog.definitions` order.
    public let groups: [[Double]]

    public init(periodStart: CalendarDate, inWarmup: Bool, values: [Double], groups: [[Double]]) {
        self.periodStart = periodStart
        self.inWarmup = inWarmup
        self.values = values
        self.groups = groups
    }
}

/// Everything one replication produced.
public struct ReplicationResult: Sendable {
    public let replication: Int
    public let rows: [PeriodRow]
    public let events: UInt64
    public let initialChildren: Int
    public let childrenBorn: Int
    public let childrenLeft: Int
    public let childrenAtEnd: Int
    public let initialReserve: Double
    /// The sampled households' stories, when asked for.
    public var stories: StoryBook? = nil
}
