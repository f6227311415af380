import CareModel
import Experiments
import Testing

/// The short runway: the same cut landed overnight hurts more in the first two years
/// than phased over five, and the transition's disruption adds to it.
@Suite struct TransitionTests {
    static let replications = 10
    /// 12,000 children (budget scaled) so that two years hold a clear signal.
    static let cut = ["budget.cut.fraction=0.3", "budget.cut.start=2015-01-01",
                      "population.children=12000", "budget.baseline_eur_per_year=13866667"]

    /// Per replication: the largest value of `metric` (or its mean, with `peak: false`)
    /// over the periods of 2015 and 2016.
    static func firstTwoYears(_ overrides: [String], _ metrics: [String], peak: Bool) throws -> [Double] {
        try TestScenario.run(overrides, replications: replications).map { result in
            let rows = result.rows.filter { (2015...2016).contains($0.periodStart.year) }
            let values = rows.map { row in metrics.reduce(0.0) { $0 + row.values[MetricCatalog.index($1)] } }
            return peak ? values.max()! : values.reduce(0, +) / Double(values.count)
        }
    }

    static func paired(_ off: [String], _ on: [String], _ metrics: [String], peak: Bool) throws -> PairedComparison {
        PairedComparison(a: try firstTwoYears(off, metrics, peak: peak), b: try firstTwoYears(on, metrics, peak: peak))
    }

    @Test func overnightCutGivesHigherPeakWaitingAndBurdenThanAFiveYearRunway() throws {
        let phased = Self.cut + ["budget.cut.runway_years=5"], overnight = Self.cut + ["budget.cut.runway_years=0"]
        let waiting = try Self.paired(phased, overnight, ["waiting_team", "waiting_ambulant", "waiting_residential", "waiting_school"], peak: true)
        #expect(waiting.difference.lower95 > 0, "peak waiting overnight - phased: \(waiting.difference.mean) [\(waiting.difference.lower95), \(waiting.difference.upper95)]")
        let burden = try Self.paired(phased, overnight, ["burden_index"], peak: false)
        #expect(burden.difference.lower95 > 0, "burden overnight - phased: \(burden.difference.mean) [\(burden.difference.lower95), \(burden.difference.upper95)]")
    }

    /// New teams half staffed on the transition date: hiring slowly (10 % of the staff a
    /// year) keeps the team's list longer in 2015-16 than hiring fast.
    @Test func aHiringLimitKeepsTheTeamsWaitingListLongerAfterTheTransition() throws {
        let halfStaffed = "policies.transition.team_start_staffing=0.5"
        let d = try Self.paired([halfStaffed, "policies.transition.hiring_per_year=1"], [halfStaffed, "policies.transition.hiring_per_year=0.1"],
                                ["waiting_team"], peak: false)
        #expect(d.difference.lower95 > 0, "team waiting list 2015-16, slow - fast hiring: \(d.difference.mean)")
    }

    @Test func immatureTeamsLengthenTheTeamsWaitingList() throws {
        let mature = ["policies.transition.team_start_productivity=1"], immature = ["policies.transition.team_start_productivity=0.4"]
        let d = try Self.paired(mature, immature, ["waiting_team"], peak: true)
        #expect(d.difference.lower95 > 0, "peak team waiting list: \(d.difference.mean)")
    }

    @Test func guaranteedContinuityLeavesFewerNeedsUnnoticed() throws {
        let lost = ["policies.transition.handover_loss=0.3"], kept = lost + ["policies.transition.continuity_guaranteed=true"]
        let d = try Self.paired(lost, kept, ["needs_undetected"], peak: true)
        #expect(d.difference.upper95 < 0, "peak undetected needs: \(d.difference.mean)")
    }
}
