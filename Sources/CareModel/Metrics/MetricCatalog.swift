/// How one column of `timeseries.csv` is turned into one value of `summary.csv`.
public enum Aggregation: String, Sendable {
    /// Sum over the periods after warm-up (flows: counts, money).
    case total
    /// Mean over the periods after warm-up (rates over a period, shares of periods).
    case average
    /// A stock counted at the end of each period: the mean over the periods after warm-up
    /// in the summary, the value at the year's end in `yearly.csv`.
    case stock
    /// The value in the last period (e.g. the reserve at the end).
    case final
    /// Mean weighted by another column (a mean wait weighted by the number of starts).
    case weighted
}

/// One output column, declared once: its name, unit and meaning (the data dictionary and
/// the CSV headers are generated from these), how it is summarised, and how a
/// replication takes its value when a period closes.
public struct MetricDefinition: Sendable, Equatable {
    public let name: String
    public let unit: String
    public let meaning: String
    public let aggregation: Aggregation
    /// For `.weighted`: the column whose values are the weights.
    public let weightColumn: String?
    /// The value at the end of a period (stocks) or over it (flows), read from the
    /// replication after its period money is settled. Nil for the per-group outcomes
    /// (`EquityCatalog`), which `GroupTally` fills in their order.
    let value: (@Sendable (Replication) -> Double)?

    init(_ name: String, _ unit: String, _ meaning: String, _ aggregation: Aggregation, weightedBy weightColumn: String? = nil,
         value: (@Sendable (Replication) -> Double)? = nil) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
        self.aggregation = aggregation
        self.weightColumn = weightColumn
        self.value = value
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.unit == b.unit && a.meaning == b.meaning && a.aggregation == b.aggregation && a.weightColumn == b.weightColumn
    }
}

/// The columns of a period row, in output order.
///
/// Each group of columns is declared in its own file (`MetricCatalog+Needs.swift`, a
/// lever's own metrics beside the lever); this list only fixes their order. The hot loop
/// never looks metrics up: it reports to the `Recorder`, and rows are filled once per period.
public enum MetricCatalog {
    public static let definitions: [MetricDefinition] =
        needs + services + outcomes + leverColumns + money + leverSpending + wellbeing + careHistory + oldRegime + openEntitlement + laterLeverColumns

    private static let indexByName: [String: Int] = Dictionary(
        uniqueKeysWithValues: definitions.enumerated().map { ($0.element.name, $0.offset) })

    /// The column of the metric called `name` (the name must exist).
    public static func index(_ name: String) -> Int {
        guard let i = indexByName[name] else { preconditionFailure("no metric named \(name)") }
        return i
    }

    public static var count: Int { definitions.count }

    /// Waiting-list, place and in-care columns per service (ServiceKind order), read by capacity growth.
    static let waiting = ServiceKind.allCases.map { index("waiting_\($0.key)") }
    static let capacity = ServiceKind.allCases.map { index("capacity_\($0.key)") }
    static let inCare = ServiceKind.allCases.map { index("in_care_\($0.key)") }
    static let starts = ServiceKind.allCases.map { index("starts_\($0.key)") }
    /// The started-stay columns `StartedStays` fills in when the run ends, per service.
    static let startedEnded = ServiceKind.allCases.map { index("stays_started_ended_\($0.key)") }
    static let startedMeanDays = ServiceKind.allCases.map { index("mean_stay_days_started_\($0.key)") }
    /// Columns a period's row gets from later events (the stays begun in it, counted when
    /// they end): a change after the period can change them.
    public static let countedWhenStaysEnd = Set(startedEnded + startedMeanDays)

    /// Whether two rows of the same period agree bit for bit in every column that was
    /// final when the period closed (all but `countedWhenStaysEnd`): what "a later change
    /// left this period alone" means.
    public static func sameWhenClosed(_ a: [Double], _ b: [Double]) -> Bool {
        zip(a, b).enumerated().allSatisfy { k, v in countedWhenStaysEnd.contains(k) || v.0.bitPattern == v.1.bitPattern }
    }

    /// One period's row of a replication: every metric's value, in column order.
    static func row(of replication: Replication) -> [Double] {
        definitions.map { $0.value?(replication) ?? .nan }
    }

    /// The mean of `total` over `count` (0 when there is nothing to average).
    static func mean(_ total: Double, over count: Int) -> Double {
        count > 0 ? total / Double(count) : 0
    }
}
