import CareModel
import Experiments
import Testing

/// The three mechanisms of the Transition Committee's last report (TSD, "verkokering"),
/// each a lever through the seam: quick consultation for the team, the family's own
/// network before a placement, and community work the team tells what it sees.
extension LeverTests {
    static let consultation = ["policies.specialist_consultation.budget_eur_per_year=60000"]

    /// A consulted case the team would refer on is resolved by the team instead.
    @Test func quickConsultationResolvesTeamCasesAndLowersReferrals() throws {
        let referrals = try Self.difference("referrals_team", off: [], on: Self.consultation)
        #expect(referrals.difference.upper95 < 0, "team referrals, consultation - none: \(referrals.difference.mean) [\(referrals.difference.lower95), \(referrals.difference.upper95)]")
        let resolved = try Self.difference("resolved_in_care", off: [], on: Self.consultation)
        #expect(resolved.difference.lower95 > 0, "needs resolved in care: \(resolved.difference.mean)")
        let spent = try Self.difference("specialist_consultation_spending_eur", off: [], on: Self.consultation)
        #expect(spent.meanA == 0 && spent.meanB > 0)
    }

    /// The article's point: without a budget (or without the teams' time) there is no consultation.
    @Test func quickConsultationWithoutABudgetChangesNothing() throws {
        let off = try TestScenario.run([], replications: 2)
        let noBudget = try TestScenario.run(["policies.specialist_consultation.hours_per_team_per_week=8",
                                             "policies.specialist_consultation.budget_eur_per_year=0"], replications: 2)
        let noTime = try TestScenario.run(Self.consultation + ["policies.specialist_consultation.hours_per_team_per_week=0"], replications: 2)
        for run in [noBudget, noTime] {
            #expect(zip(off, run).allSatisfy { a, b in zip(a.rows, b.rows).allSatisfy { $0.values.elementsEqual($1.values) { $0 == $1 || ($0.isNaN && $1.isNaN) } } })
        }
    }

    /// A mentor or a network meeting before a placement: fewer children out of home, fewer
    /// protection placements, and shorter stays for those placed all the same. (Residential
    /// starts fall less than the referrals: a youth whose placement was avoided gets ambulant
    /// care, and when that does not resolve the need it is referred again, and may be placed.)
    @Test func anOwnNetworkMeansFewerAndShorterPlacements() throws {
        let network = ["policies.own_network.share=1"]
        let outOfHome = try Self.difference("out_of_home", off: [], on: network)
        #expect(outOfHome.difference.upper95 < 0, "children out of home, own network - none: \(outOfHome.difference.mean) [\(outOfHome.difference.lower95), \(outOfHome.difference.upper95)]")
        let placements = try Self.difference("placements", off: [], on: network)
        #expect(placements.difference.upper95 < 0, "placements under youth protection: \(placements.difference.mean)")
        // The length alone: every youth gets one, none avoids the placement (12,000 children:
        // at 3,000 too few stays end in six years).
        let shorter = Self.larger + network + ["policies.own_network.placement_avoided=0"]
        let stay = try Self.difference("mean_stay_days_ended_residential", off: Self.larger, on: shorter)
        #expect(stay.difference.upper95 < 0, "mean residential stay ended: \(stay.difference.mean) [\(stay.difference.lower95), \(stay.difference.upper95)]")
        let cost = try Self.difference("own_network_spending_eur", off: [], on: network)
        #expect(cost.meanA == 0 && cost.meanB > 0)
    }

    /// Households the team passes on have fewer new needs, and the sooner the effect is
    /// full the more onsets it saves (prevention pays late).
    @Test func communityWorkLowersOnsetsAfterALag() throws {
        let community = ["policies.community_work.share_flagged=1", "policies.community_work.onset_reduction=0.5"]
        let onsets = try Self.difference("onsets", off: [], on: community + ["policies.community_work.lag_years=1"])
        #expect(onsets.difference.upper95 < 0, "onsets, community work - none: \(onsets.difference.mean) [\(onsets.difference.lower95), \(onsets.difference.upper95)]")
        let lag = try Self.difference("onsets", off: community + ["policies.community_work.lag_years=30"], on: community + ["policies.community_work.lag_years=1"])
        #expect(lag.difference.upper95 < 0, "onsets, a lag of 1 year - 30 years: \(lag.difference.mean) [\(lag.difference.lower95), \(lag.difference.upper95)]")
    }

    /// The workshop's rounds date every decision: each lever may switch on during a run
    /// (community work's households then have their flags from the start), and does nothing before.
    @Test func theLeversMaySwitchOnDuringARun() throws {
        let dated = ["policies.community_work.share_flagged={values: {2000-01-01: 0, 2014-01-01: 0.5}}",
                     "policies.own_network.share={values: {2000-01-01: 0, 2014-01-01: 0.5}}",
                     "policies.specialist_consultation.budget_eur_per_year={values: {2000-01-01: 0, 2014-01-01: 60000}}"]
        let runs = try TestScenario.run(dated, replications: 2)
        for name in ["community_work_flagged", "own_network_cases", "specialist_consultations"] {
            for run in runs {
                let values = TestScenario.column(run, name)
                let switchOn = run.rows.firstIndex { $0.periodStart.year == 2014 }!
                #expect(values[..<switchOn].allSatisfy { $0 == 0 } && values[switchOn...].reduce(0, +) > 0, "\(name): \(values)")
            }
        }
    }
}
