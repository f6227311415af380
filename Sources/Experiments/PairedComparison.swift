import Stochastics

/// The difference B - A of one quantity between two scenarios run on common random
/// numbers: replication r of both used the same random streams, so the differences
/// d_r = B_r - A_r are paired and their interval is usually much narrower than the
/// unpaired one.
public struct PairedComparison: Sendable {
    public let meanA: Double
    public let meanB: Double
    /// Statistics of the paired differences.
    public let difference: SummaryStatistics
    /// What the half-width would be if A and B were independent (Welch-style, t with 2n-2 degrees of freedom).
    public let unpairedHalfWidth95: Double

    public init(a: [Double], b: [Double]) {
        precondition(a.count == b.count, "paired samples of different sizes")
        let sa = SummaryStatistics(a), sb = SummaryStatistics(b)
        meanA = sa.mean
        meanB = sb.mean
        difference = SummaryStatistics(zip(a, b).map { $1 - $0 })
        let n = Double(a.count)
        unpairedHalfWidth95 = n > 1
            ? SummaryStatistics.tQuantile(0.975, degreesOfFreedom: 2 * n - 2) * ((sa.standardDeviation * sa.standardDeviation + sb.standardDeviation * sb.standardDeviation) / n).squareRoot()
            : .nan
    }

    /// True when the 95 % interval of the difference excludes zero.
    public var distinguishable: Bool { difference.lower95 > 0 || difference.upper95 < 0 }

    /// Unpaired / paired half-width: how much narrower common random numbers made the interval.
    public var narrowing: Double { unpairedHalfWidth95 / difference.halfWidth95 }
}
