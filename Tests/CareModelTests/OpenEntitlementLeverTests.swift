import CareModel
import Experiments
import Testing

/// The regime after the transfer (policies.open_entitlement, capacity growth from the
/// transition, the per-day drift): each mechanism moves its outcome the way it says, on
/// common random numbers, and changes nothing before the transition date (2015 in the
/// small fixture, whose results run 2012-2017).
extension LeverTests {
    /// Every period before the transition is bit for bit the same with the mechanism on,
    /// but for the columns of the stays begun in it, which count them when they end (a
    /// stay begun in 2014 may end under the mechanism).
    static func expectSameBeforeTransition(off: [String], on: [String]) throws {
        let a = try TestScenario.run(off, replications: 1)[0].rows
        let b = try TestScenario.run(on, replications: 1)[0].rows
        let before = a.filter { $0.periodStart.year < 2015 }
        #expect(!before.isEmpty)
        for (x, y) in zip(before, b) {
            let same = MetricCatalog.sameWhenClosed(x.values, y.values)
            #expect(same, "\(x.periodStart): the mechanism changed a period before the transition")
        }
        #expect(zip(a, b).contains { $0.values != $1.values }, "the mechanism changed nothing after the transition")
    }

    @Test func supplyFollowsReferralsFromTheTransferAddsPlacesAndShortensWaits() throws {
        let growth = "services.specialised_capacity_growth."
        let on = Self.larger + [growth + "places_per_waiting_child=0.5", growth + "applies_from=transition"]
        let places = try Self.difference("capacity_ambulant", off: Self.larger, on: on)
        #expect(places.difference.lower95 > 0, "ambulant places, growing - fixed: \(places.difference.mean)")
        let waiting = try Self.difference("waiting_ambulant", off: Self.larger, on: on)
        #expect(waiting.difference.upper95 < 0, "ambulant list, growing - fixed: \(waiting.difference.mean)")
        try Self.expectSameBeforeTransition(off: [], on: [growth + "places_per_waiting_child=0.5", growth + "applies_from=transition"])
    }

    /// Added places that stand idle close: a fast growth overshoots the lists, and
    /// closing the idle added places leaves fewer places than keeping them.
    @Test func idleAddedPlacesClose() throws {
        let growth = "services.specialised_capacity_growth."
        let fast = Self.larger + [growth + "places_per_waiting_child=3", growth + "max_extra_fraction=2"]
        let places = try Self.difference("capacity_ambulant", off: fast + [growth + "shrink_per_year=0"], on: fast + [growth + "shrink_per_year=1"])
        #expect(places.difference.upper95 < 0, "ambulant places, closing idle ones - keeping them: \(places.difference.mean)")
    }

    @Test func aLowThresholdDrawsNeedsIntoCare() throws {
        let low = "policies.open_entitlement.low_threshold."
        let on = [low + "access_factor=2", low + "ramp_years=0"]
        let team = try Self.difference("starts_team", off: [], on: on)
        #expect(team.difference.lower95 > 0, "team starts, low threshold - off: \(team.difference.mean)")
        let users = try Self.difference("users_youth_help", off: [], on: on)
        #expect(users.difference.lower95 > 0, "youth-help users, low threshold - off: \(users.difference.mean)")
        let unseen = try Self.difference("needs_undetected", off: [], on: on)
        #expect(unseen.difference.upper95 < 0, "undetected needs, low threshold - off: \(unseen.difference.mean)")
        try Self.expectSameBeforeTransition(off: [], on: on)
        // A transition before the horizon's start: the threshold is low from the first day.
        let early = ["policies.transition.date=1999-01-01"]
        let teamEarly = try Self.difference("starts_team", off: early, on: early + on)
        #expect(teamEarly.difference.lower95 > 0, "team starts, transition before the start: \(teamEarly.difference.mean)")
    }

    @Test func thePerDayIncentiveLengthensEpisodesAfterTheTransfer() throws {
        let drift = "services.specialised_financing.per_day_drift."
        let on = [drift + "per_year=0.1", drift + "max_factor=1.5"]
        let planned = try Self.difference("mean_specialised_episode_days", off: [], on: on)
        #expect(planned.difference.lower95 > 0, "planned episode days, drift - none: \(planned.difference.mean)")
        let ended = try Self.difference("mean_stay_days_ended_ambulant", off: [], on: on)
        #expect(ended.difference.lower95 > 0, "ambulant stays ended, drift - none: \(ended.difference.mean)")
        try Self.expectSameBeforeTransition(off: [], on: on)
        // Payment per trajectory has no per-day incentive: the drift does nothing there.
        let perTrajectory = ["services.specialised_financing.model=per_trajectory"]
        let none = try Self.difference("mean_specialised_episode_days", off: perTrajectory, on: perTrajectory + on)
        #expect(none.difference.mean == 0 && none.difference.upper95 == 0)
    }

    /// With an indication step, an open GP route skips it for GP referrals.
    @Test func anOpenGPRouteSkipsTheIndicationStep() throws {
        let step = ["policies.indication_mean_days=21", "policies.indication_cost_eur=300"]
        let open = step + ["policies.open_entitlement.gp_route_open=true"]
        let indications = try Self.difference("indications", off: step, on: open)
        #expect(indications.difference.upper95 < 0, "indications, GP route open - closed: \(indications.difference.mean)")
        let administration = try Self.difference("spending_administration_eur", off: step, on: open)
        #expect(administration.difference.upper95 < 0)
        try Self.expectSameBeforeTransition(off: step, on: open)
    }

    /// A deep cut from 2013 with rationing: places are capped from 2014 on.
    static let rationed = ["budget.cut.fraction=0.5", "budget.cut.start=2013-01-01", "budget.deficit_policy=ration_specialised"]

    /// Under rationing, GP referrals still get the providers' places: the municipality
    /// spends more on ambulant care than its cap allows for, and the lists are shorter.
    @Test func rationingCannotHoldBackGPReferrals() throws {
        let ration = Self.rationed
        let open = ration + ["policies.open_entitlement.gp_route_open=true"]
        let spending = try Self.difference("spending_ambulant_eur", off: ration, on: open)
        #expect(spending.difference.lower95 > 0, "ambulant spending, GP route open - closed: \(spending.difference.mean)")
        let waiting = try Self.difference("waiting_ambulant", off: ration, on: open)
        #expect(waiting.difference.upper95 < 0, "ambulant list, GP route open - closed: \(waiting.difference.mean)")
    }

    /// Rationing counts every contracted residential place as spending, used or not (the
    /// baseline's residential places are about a third idle): more idle residential places
    /// leave less money for ambulant places.
    @Test func rationingCountsUnusedResidentialPlaces() throws {
        let idle = Self.rationed + ["services.residential.places_per_1000_children=15"]
        let ambulant = try Self.difference("capacity_ambulant", off: Self.rationed, on: idle)
        #expect(ambulant.difference.upper95 < 0, "rationed ambulant places, more idle residential places - baseline's: \(ambulant.difference.mean)")
    }
}
