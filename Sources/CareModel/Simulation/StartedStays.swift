/// The stays of each output period's starting cohort: how many of the stays begun in the
/// period have ended, and their realised days, per service. Filled in as stays end and
/// written into the period rows when the run ends (`filled(_:)`), so that a year's
/// stays are compared with those begun in other years (the stays that *end* in a year
/// mix episodes begun under different regimes: those ending in 2015 are old-regime ones).
struct StartedStays {
    private let boundaries: [Double]
    private var ended: [Int]
    private var days: [Double]
    private static let services = ServiceKind.allCases.count

    /// `boundaries`: the output periods' start times, then the horizon's end (days).
    init(periodBoundaries boundaries: [Double]) {
        self.boundaries = boundaries
        ended = [Int](repeating: 0, count: max(0, boundaries.count - 1) * Self.services)
        days = [Double](repeating: 0, count: ended.count)
    }

    /// A stay in `service` begun at `start` ended after `length` days. Stays begun before
    /// the horizon (met under way at a settled start) belong to no period and are left out.
    mutating func add(_ service: ServiceKind, startedAt start: Double, days length: Double) {
        guard start >= boundaries[0] else { return }
        // The last boundary at or before the start (binary search: periods are sorted).
        var low = 0, high = boundaries.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if boundaries[mid] <= start { low = mid } else { high = mid }
        }
        let k = low * Self.services + service.rawValue
        ended[k] += 1
        days[k] += length
    }

    /// The rows with the started-stay columns filled in: per period and service, the
    /// stays begun in it that have ended and their mean realised length (0 when none).
    func filled(_ rows: [PeriodRow]) -> [PeriodRow] {
        rows.enumerated().map { p, row in
            var values = row.values
            for service in ServiceKind.allCases {
                let k = p * Self.services + service.rawValue
                values[MetricCatalog.startedEnded[service.rawValue]] = Double(ended[k])
                values[MetricCatalog.startedMeanDays[service.rawValue]] = MetricCatalog.mean(days[k], over: ended[k])
            }
            return PeriodRow(periodStart: row.periodStart, inWarmup: row.inWarmup, values: values, groups: row.groups)
        }
    }
}
