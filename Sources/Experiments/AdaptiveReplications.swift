import CareModel

/// `runway run --target-half-width`: add replications until the 95 % interval of every
/// target metric is narrow enough, relative to its mean.
///
/// After each round the run measures the relative half-widths of the summary metrics
/// (half-width / |mean|, see `IntervalTables.relativeHalfWidths`) and asks `next` how
/// many replications to have in all. The half-width shrinks as 1/sqrt(n), so reaching
/// the target from the widest width w at n replications takes about n (w / target)²;
/// the estimate gets 10 % to spare, at least 2 more replications, and never more than
/// `maxReplications`. Without a width to estimate from (a single replication, or a
/// metric whose mean is 0) it takes the smallest step, 2 more.
public struct AdaptiveReplications: Sendable, Equatable {
    /// The metrics watched when none are named: total spending and the burden index.
    public static let defaultMetrics = ["spending_total_eur", "burden_index"]

    /// The largest acceptable half-width, as a fraction of the mean.
    public let target: Double
    /// The summary metrics (MetricCatalog names) whose widths must reach the target.
    public let metrics: [String]
    /// Replications at most.
    public let maxReplications: Int

    /// `metrics`: empty means `defaultMetrics`.
    public init(target: Double, metrics: [String] = [], maxReplications: Int) {
        self.target = target
        self.metrics = metrics.isEmpty ? Self.defaultMetrics : metrics
        self.maxReplications = maxReplications
    }

    /// The widest relative half-width among the watched metrics; a metric without a
    /// width (too few replications, or a zero mean) counts as infinitely wide.
    public func widest(_ widths: [String: Double]) -> Double {
        metrics.map { widths[$0] ?? .infinity }.max() ?? 0
    }

    /// How many replications to have in all after `count`, when the widest relative
    /// half-width is `widest`; nil when the run is done (target reached, or the limit).
    /// An infinite `widest` (no width yet) gives `count + 2`.
    public func next(after count: Int, widest: Double) -> Int? {
        if widest <= target || count >= maxReplications { return nil }
        // No width to estimate from (one replication, or a metric whose mean is 0): the smallest step.
        guard widest.isFinite else { return min(maxReplications, count + 2) }
        // The half-width shrinks as 1/sqrt(n): estimate the replications needed, with 10 % to spare.
        // (Computed as a Double and capped before it becomes an Int: a width far above a
        // tiny target would not fit in an Int.)
        let estimate = Double(count) * (widest / target) * (widest / target) * 1.1
        guard estimate < Double(maxReplications), let needed = try? checkedInt(estimate, "replications needed", rounding: .up) else {
            return maxReplications
        }
        return min(maxReplications, max(count + 2, needed))
    }
}

extension ModelParameters {
    /// The same parameters with `experiment.replications` set to `count` (what a run
    /// records once it knows how many replications it made).
    public func withReplications(_ count: Int) -> ModelParameters {
        var copy = self
        copy.experiment.replications = count
        return copy
    }
}
