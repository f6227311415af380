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

    /// `perReplication`: summary values (MetricCatalog order) of each replication.
    public init(targets: [CalibrationTarget], perReplication: [[Double]], years: Double) {
        rows = targets.map { target in
            Row(target: target, simulated: SummaryStatistics(perReplication.map { target.quantity.value($0, years: years) }))
        }
    }

    /// The weighted sum of squared relative errors of the means (the calibration objective).
    public var objective: Double {
        rows.reduce(0) { $0 + $1.target.weight * $1.relativeError * $1.relativeError }
    }
}
