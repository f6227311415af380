import CGSL

/// Mean, spread, confidence interval and percentiles of a sample, computed by GSL.
public struct SummaryStatistics: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    public let standardDeviation: Double
    /// Half-width of the two-sided 95 % confidence interval of the mean (t quantile).
    public let halfWidth95: Double
    public let p5: Double
    public let p50: Double
    public let p95: Double

    public var lower95: Double { mean - halfWidth95 }
    public var upper95: Double { mean + halfWidth95 }

    public init(_ values: [Double]) {
        GSLRuntime.prepare()
        count = values.count
        guard !values.isEmpty else {
            mean = .nan; standardDeviation = .nan; halfWidth95 = .nan; p5 = .nan; p50 = .nan; p95 = .nan
            return
        }
        var sorted = values
        sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        let n = values.count
        let m = sorted.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, n) }
        mean = m
        if n > 1 {
            let sd = sorted.withUnsafeBufferPointer { gsl_stats_sd_m($0.baseAddress, 1, n, m) }
            standardDeviation = sd
            halfWidth95 = Self.tQuantile(0.975, degreesOfFreedom: Double(n - 1)) * sd / Double(n).squareRoot()
        } else {
            standardDeviation = .nan
            halfWidth95 = .nan
        }
        func quantile(_ q: Double) -> Double {
            sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, n, q) }
        }
        p5 = quantile(0.05)
        p50 = quantile(0.5)
        p95 = quantile(0.95)
    }

    /// Upper quantile of Student's t distribution.
    public static func tQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }
}
