import CareModel
import Experiments
import Testing

/// The open-ended entitlement as behaviour (issue 24): supply that follows paid demand,
/// places that draw referrals, the team as a front door, team capacity that follows its
/// list, and reviews that follow the money; and the exogenous money inputs. Each moves its
/// outcome the way it says on common random numbers (the small fixture, results 2012-2017,
/// the transition in 2015), and the behaviours change nothing before the transition.
extension LeverTests {
    @Test func providersEnterWhereStartsArePaidButNotUnderAPopulationBudget() throws {
        let growth = "services.specialised_capacity_growth."
        let entry = [growth + "places_per_paid_start=0.3", growth + "applies_from=transition"]
        let places = try Self.difference("capacity_ambulant", off: Self.larger, on: Self.larger + entry)
        #expect(places.difference.lower95 > 0, "ambulant places, entry - none: \(places.difference.mean)")
        let spending = try Self.difference("spending_ambulant_eur", off: Self.larger, on: Self.larger + entry)
        #expect(spending.difference.lower95 > 0, "ambulant spending, entry - none: \(spending.difference.mean)")
        // A population budget pays for no start: no provider enters.
        let budget = Self.larger + ["services.specialised_financing.model=population_budget"]
        let none = try Self.difference("capacity_ambulant", off: budget, on: budget + entry)
        #expect(none.difference.mean == 0 && none.difference.upper95 == 0)
        try Self.expectSameBeforeTransition(off: [], on: entry)
    }

    @Test func newPlacesDrawReferralsOfTheirOwn() throws {
        let growth = "services.specialised_capacity_growth."
        let places = Self.larger + [growth + "places_per_paid_start=0.3", growth + "applies_from=transition"]
        let induced = places + [growth + "induced_referrals=2"]
        let gp = try Self.difference("referrals_gp", off: places, on: induced)
        #expect(gp.difference.lower95 > 0, "GP referrals, induced - none: \(gp.difference.mean)")
        let factor = try Self.difference("induced_referral_factor", off: places, on: induced)
        #expect(factor.difference.lower95 > 0)
        // Without added places there is nothing to induce: the factor stays 1.
        let fixed = try TestScenario.run([growth + "induced_referrals=2"], replications: 1)[0]
        #expect(TestScenario.column(fixed, "induced_referral_factor").allSatisfy { $0 == 1 })
        try Self.expectSameBeforeTransition(off: [growth + "places_per_paid_start=0.3"], on: [growth + "places_per_paid_start=0.3", growth + "induced_referrals=2"])
    }

    /// The team sends on cases it could close: more referrals; where places are fixed they
    /// lengthen the list, where supply follows the lists they add places and spending.
    @Test func aFrontDoorTeamRefersOnCasesItCouldClose() throws {
        let on = ["policies.open_entitlement.team_refers_on=0.8"]
        let referrals = try Self.difference("referrals_team", off: Self.larger, on: Self.larger + on)
        #expect(referrals.difference.lower95 > 0, "team referrals, front door - off: \(referrals.difference.mean)")
        let waiting = try Self.difference("waiting_ambulant", off: Self.larger, on: Self.larger + on)
        #expect(waiting.difference.lower95 > 0, "ambulant list, front door - off: \(waiting.difference.mean)")
        let growing = Self.larger + Self.listGrowth
        let spending = try Self.difference("spending_ambulant_eur", off: growing, on: growing + on)
        #expect(spending.difference.lower95 > 0, "ambulant spending with growing places, front door - off: \(spending.difference.mean)")
        try Self.expectSameBeforeTransition(off: [], on: on)
    }

    /// Providers add places for their lists from the transition (as overnight-2015.yaml).
    static let listGrowth = ["services.specialised_capacity_growth.places_per_waiting_child=0.5", "services.specialised_capacity_growth.applies_from=transition"]

    /// The low threshold fills the team's list; a team whose places follow it shortens the
    /// list and costs more than its budget share.
    @Test func teamPlacesThatFollowTheListShortenItAndCostMore() throws {
        let low = ["policies.open_entitlement.low_threshold.access_factor=3", "policies.open_entitlement.low_threshold.ramp_years=0"]
        let follows = low + ["services.neighbourhood_team.places_per_waiting_child=1"]
        let places = try Self.difference("capacity_team", off: low, on: follows)
        #expect(places.difference.lower95 > 0, "team places, following - fixed: \(places.difference.mean)")
        let waiting = try Self.difference("waiting_team", off: low, on: follows)
        #expect(waiting.difference.upper95 < 0, "team list, following - fixed: \(waiting.difference.mean)")
        let spending = try Self.difference("spending_team_eur", off: low, on: follows)
        #expect(spending.difference.lower95 > 0, "team spending, following - fixed: \(spending.difference.mean)")
    }

    /// Per day, reviews prolong episodes whose need has passed (longer stays, a longer list
    /// where places are fixed); per trajectory they close unresolved ones (shorter stays,
    /// repeat starts).
    @Test func reviewsFollowTheMoney() throws {
        let review = ["services.specialised_financing.review_share=0.5"]
        let longer = try Self.difference("mean_stay_days_ended_ambulant", off: [], on: review)
        #expect(longer.difference.lower95 > 0, "ambulant stays ended, per-day review - none: \(longer.difference.mean)")
        // Prolonged care holds places longer: with the places fixed the list grows.
        let waiting = try Self.difference("waiting_ambulant", off: Self.larger, on: Self.larger + review)
        #expect(waiting.difference.lower95 > 0, "ambulant list, per-day review - none: \(waiting.difference.mean)")
        try Self.expectSameBeforeTransition(off: [], on: review)
        let perTrajectory = ["services.specialised_financing.model=per_trajectory"]
        let shorter = try Self.difference("mean_stay_days_ended_ambulant", off: perTrajectory, on: perTrajectory + review)
        #expect(shorter.difference.upper95 < 0, "ambulant stays ended, per-trajectory review - none: \(shorter.difference.mean)")
        let closed = try Self.difference("episodes_closed_at_review", off: perTrajectory, on: perTrajectory + review)
        #expect(closed.difference.lower95 > 0)
        let repeats = try Self.difference("starts_ambulant", off: perTrajectory, on: perTrajectory + review)
        #expect(repeats.difference.lower95 > 0, "ambulant starts (repeat episodes), per-trajectory review - none: \(repeats.difference.mean)")
    }

    /// Exogenous money: a higher price index pays more per day of care and buys fewer team
    /// staff from the same budget; an income factor scales the income exactly.
    @Test func thePriceIndexAndTheIncomeFactorMoveMoneyTheirWay() throws {
        let prices = ["budget.price_index=1.25"]
        let ambulant = try Self.difference("spending_ambulant_eur", off: [], on: prices)
        #expect(ambulant.difference.lower95 > 0, "ambulant spending, prices x1.25 - x1: \(ambulant.difference.mean)")
        let team = try Self.difference("capacity_team", off: [], on: prices)
        #expect(team.difference.upper95 < 0, "team places, prices x1.25 - x1: \(team.difference.mean)")
        let a = try TestScenario.run([], replications: 1)[0], b = try TestScenario.run(["budget.income_factor=1.1"], replications: 1)[0]
        let income = MetricCatalog.index("income_eur")
        for (x, y) in zip(a.rows, b.rows) {
            #expect(abs(y.values[income] - 1.1 * x.values[income]) <= 1e-9 * x.values[income])
        }
    }

    /// The municipality's tariff factor (a cut passed on to the providers as prices): per
    /// day the same care costs less, exactly by the factor, and nothing else changes; under
    /// rationing the money left buys more places, so the list is shorter.
    @Test func aLowerTariffPaysLessForTheSameCareAndRationingBuysMorePlaces() throws {
        let lower = ["services.specialised_financing.tariff_factor=0.8"]
        let a = try TestScenario.run([], replications: 1)[0], b = try TestScenario.run(lower, replications: 1)[0]
        for (metric, factor) in [("spending_ambulant_eur", 0.8), ("spending_residential_eur", 0.8), ("spending_team_eur", 1), ("users_youth_help", 1)] {
            let m = MetricCatalog.index(metric)
            for (x, y) in zip(a.rows, b.rows) {
                #expect(abs(y.values[m] - factor * x.values[m]) <= 1e-9 * max(1, x.values[m]), "\(metric) at \(x.periodStart)")
            }
        }
        // Youth protection's orders cost the same, its placements less.
        let protection = MetricCatalog.index("spending_protection_eur")
        #expect(b.rows.reduce(0) { $0 + $1.values[protection] } < a.rows.reduce(0) { $0 + $1.values[protection] })
        // A cut of 30 % (at 50 % youth protection takes all the money left, at any tariff).
        let rationed = Self.cut + ["budget.deficit_policy=ration_specialised"]
        let off = try TestScenario.run(rationed, replications: Self.replications).map { ReplicationSummary($0) }
        let on = try TestScenario.run(rationed + lower, replications: Self.replications).map { ReplicationSummary($0) }
        func difference(_ metric: String) -> PairedComparison {
            let m = MetricCatalog.index(metric)
            return PairedComparison(a: off.map { $0.values[m] }, b: on.map { $0.values[m] })
        }
        let places = difference("capacity_ambulant"), waiting = difference("waiting_ambulant")
        #expect(places.difference.lower95 > 0, "ambulant places under rationing, tariffs x0.8 - x1: \(places.difference.mean)")
        #expect(waiting.difference.upper95 < 0, "ambulant list under rationing, tariffs x0.8 - x1: \(waiting.difference.mean)")
    }
}
