import CareModel
import Stochastics

/// Compares the simulation's replications with the mean-field twin, stock by stock and
/// period by period, within confidence bands Bonferroni-corrected over all comparisons
/// (so a correct model fails with probability below `familyAlpha`).
public enum TwinComparison {
    public static let stocks = ["children", "needs_light", "needs_moderate", "needs_severe", "needs_undetected",
                                "in_care_school", "in_care_team", "in_care_ambulant", "in_care_residential", "in_care_protection"]

    /// The `--set` overrides that make the twin exact: one onset band, school from birth,
    /// no JGZ contacts, exponential durations, capacity that never binds.
    public static let exactConfiguration = [
        "population.school_age_years=0",
        "population.needs.onset_per_year=[{from_age_years: 0, rate: 0.1}]",
        "services.youth_health_care.contact_ages_years=[]",
        "services.school_care.budget_share=0.3", "services.neighbourhood_team.budget_share=0.4",
        "services.specialised_ambulant.places_per_1000_children=1000", "services.residential.places_per_1000_children=1000",
    ] + ["school_care", "neighbourhood_team", "specialised_ambulant", "residential", "youth_protection"].map {
        "services.\($0).duration.distribution=exponential"
    }

    public struct Miss: Sendable, CustomStringConvertible {
        public let stock: String
        public let period: CalendarDate
        public let simulated: Double
        public let band: Double
        public let ode: Double
        public var description: String { "\(stock) \(period): simulation \(simulated) ± \(band), ODE \(ode)" }
    }

    /// Per period, the simulation's mean of a stock and the half-width the twin must be
    /// within: the Bonferroni-corrected interval of the mean (`familyAlpha` over every
    /// period and stock) plus the discretisation allowance.
    public static func bands(simulation: [ReplicationResult], stock name: String, familyAlpha: Double = 0.05) -> [(mean: Double, halfWidth: Double)] {
        let periods = simulation.first?.rows.count ?? 0
        let n = simulation.count
        let perTest = familyAlpha / Double(periods * stocks.count)
        let t = SummaryStatistics.tQuantile(1 - perTest / 2, degreesOfFreedom: Double(n - 1))
        let m = MetricCatalog.index(name)
        return (0..<periods).map { q in
            let stats = SummaryStatistics(simulation.map { $0.rows[q].values[m] })
            // Counts are whole numbers (half a child where all replications agree), and
            // the twin's month-wide cohorts shift exits by up to half a cohort.
            let discretisation = max(0.5, 0.5 / 216 * abs(stats.mean))
            return (stats.mean, t * stats.standardDeviation / Double(n).squareRoot() + discretisation)
        }
    }

    public static func misses(simulation: [ReplicationResult], twin: ReplicationResult, familyAlpha: Double = 0.05) -> [Miss] {
        var out: [Miss] = []
        for name in stocks {
            let m = MetricCatalog.index(name)
            for (q, band) in bands(simulation: simulation, stock: name, familyAlpha: familyAlpha).enumerated() {
                let ode = twin.rows[q].values[m]
                if abs(band.mean - ode) > band.halfWidth {
                    out.append(Miss(stock: name, period: twin.rows[q].periodStart, simulated: band.mean, band: band.halfWidth, ode: ode))
                }
            }
        }
        return out
    }
}
