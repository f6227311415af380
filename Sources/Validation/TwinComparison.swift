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

    public static func misses(simulation: [ReplicationResult], twin: ReplicationResult, familyAlpha: Double = 0.05) -> [Miss] {
        let periods = twin.rows.count
        let n = simulation.count
        let perTest = familyAlpha / Double(periods * stocks.count)
        let t = SummaryStatistics.tQuantile(1 - perTest / 2, degreesOfFreedom: Double(n - 1))
        var out: [Miss] = []
        for name in stocks {
            let m = MetricCatalog.index(name)
            for q in 0..<periods {
                let stats = SummaryStatistics(simulation.map { $0.rows[q].values[m] })
                let band = t * stats.standardDeviation / Double(n).squareRoot()
                // Counts are whole numbers (half a child where all replications agree), and
                // the twin's month-wide cohorts shift exits by up to half a cohort.
                let discretisation = max(0.5, 0.5 / 216 * abs(stats.mean))
                let ode = twin.rows[q].values[m]
                if abs(stats.mean - ode) > band + discretisation {
                    out.append(Miss(stock: name, period: twin.rows[q].periodStart, simulated: stats.mean, band: band, ode: ode))
                }
            }
        }
        return out
    }
}
