import CareModel
import Stochastics

/// How well a model matches its targets: per target, the replications' mean with its
/// interval and the relative error. Used by `runway calibrate` (fit_report.csv) and
/// `runway validate-model --targets` (the fit of a scenario as it stands).
public struct CalibrationFit: Sendable {
    public struct Row: Sendable {
        public let target: CalibrationTarget
        public let simulated: SummaryStatistics
        public var relativeError: Double { (simulated.mean - target.value) / target.value }
    }
    public let rows: [Row]

    /// `results`: the replications; `years`: the years after warm-up (a target without
    /// a year is a yearly mean over them, one with a year is that budget year's value).
    public init(targets: [CalibrationTarget], results: [ReplicationResult], years: Double) {
        let overall = results.map { ReplicationSummary($0).values }
        var byYear: [Int: [[Double]]] = [:]
        for year in Set(targets.compactMap(\.year)) {
            byYear[year] = results.map { ReplicationSummary($0, year: year).values }
        }
        rows = targets.map { target in
            let values = target.year.map { year in byYear[year]!.map { target.quantity.value($0, years: 1) } }
                ?? overall.map { target.quantity.value($0, years: years) }
            return Row(target: target, simulated: SummaryStatistics(values))
        }
    }

    /// The weighted sum of squared relative errors of the means (the calibration objective).
    public var objective: Double {
        rows.reduce(0) { $0 + $1.target.weight * $1.relativeError * $1.relativeError }
    }
}
