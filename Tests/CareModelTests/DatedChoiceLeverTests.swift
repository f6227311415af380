import CareModel
import Experiments
import Testing

/// Step-dated choices in the simulation, on common random numbers: a choice that changes
/// on D leaves every period before D as it was (bit for bit: none of these choices raises
/// a hazard's ceiling in the small fixture, whose hand-overs take no time, so the run draws
/// exactly as the plain one until D) and moves the outcomes after D the way the undated
/// lever's test says.
@Suite struct DatedChoiceLeverTests {
    static let change = CalendarDate(year: 2015, month: 1, day: 1)!

    /// Every row before the change identical, for every replication.
    static func expectSamePast(_ plain: [ReplicationResult], _ dated: [ReplicationResult]) {
        for (a, b) in zip(plain, dated) {
            let before = a.rows.indices.filter { a.rows[$0].periodStart < change }
            #expect(!before.isEmpty && before.allSatisfy { MetricCatalog.sameWhenClosed(a.rows[$0].values, b.rows[$0].values) },
                    "replication \(a.replication): a row before \(change) changed")
        }
    }

    /// Paired comparison of a column summed over the periods from the change on.
    static func after(_ plain: [ReplicationResult], _ dated: [ReplicationResult], _ column: String) -> PairedComparison {
        PairedComparison(a: DatedParameterTests.total(plain, column, 2015...2017), b: DatedParameterTests.total(dated, column, 2015...2017))
    }

    /// As `LeverTests.cutPreventionLeavesMoreSevereNeedsThanAbsorb`, with cut_prevention from 2015.
    @Test func aDeficitPolicyDatedFrom2015ChangesOnlyTheYearsFromThen() throws {
        let cut = LeverTests.cut
        let plain = try TestScenario.run(cut, replications: LeverTests.replications)
        let dated = try TestScenario.run(cut + ["budget.deficit_policy={values: {2000-01-01: absorb, 2015-01-01: cut_prevention}}"],
                                         replications: LeverTests.replications)
        Self.expectSamePast(plain, dated)
        let team = Self.after(plain, dated, "capacity_team")
        #expect(team.difference.upper95 < 0, "team places 2015-17, dated cut_prevention - absorb: \(team.difference.mean)")
        let severe = Self.after(plain, dated, "needs_severe")
        #expect(severe.difference.lower95 > 0, "severe needs 2015-17, dated cut_prevention - absorb: \(severe.difference.mean) [\(severe.difference.lower95), \(severe.difference.upper95)]")
    }

    /// As `LeverTests.payingPerDayMeansLongerEpisodesThanPayingPerTrajectory`, with per-trajectory payment from 2015.
    @Test func aFinancingModelDatedFrom2015ChangesOnlyTheYearsFromThen() throws {
        let plain = try TestScenario.run([], replications: LeverTests.replications)
        let dated = try TestScenario.run(["services.specialised_financing.model={values: {2000-01-01: per_day, 2015-01-01: per_trajectory}}"],
                                         replications: LeverTests.replications)
        Self.expectSamePast(plain, dated)
        // The planned days of the episodes begun from 2015 on (weighted by episodes, as the summary weighs them): drawn at the per-trajectory factor (0.85).
        let m = MetricCatalog.index("mean_specialised_episode_days"), w = MetricCatalog.index("specialised_episodes")
        let days = { (r: [ReplicationResult]) in
            r.map { r in
                let rows = r.rows.filter { $0.periodStart >= Self.change && $0.values[w] > 0 }
                return rows.reduce(0) { $0 + $1.values[m] * $1.values[w] } / rows.reduce(0) { $0 + $1.values[w] }
            }
        }
        let shorter = PairedComparison(a: days(plain), b: days(dated))
        #expect(shorter.difference.upper95 < 0, "planned episode days from 2015, per trajectory - per day: \(shorter.difference.mean) [\(shorter.difference.lower95), \(shorter.difference.upper95)]")
        let episodes = Self.after(plain, dated, "specialised_episodes")
        #expect(episodes.difference.lower95 > 0, "episodes 2015-17, per trajectory - per day: \(episodes.difference.mean)")
    }

    /// The ODE twin follows a dated financing model (its care-ending rates are the set in
    /// force's): the same expected curves until 2015, fewer children in specialised care after.
    @Test func theTwinFollowsADatedFinancingModel() throws {
        let plain = try MeanFieldTwin.solve(CompiledModel(TestScenario.parameters()))
        let dated = try MeanFieldTwin.solve(CompiledModel(TestScenario.parameters(
            ["services.specialised_financing.model={values: {2000-01-01: per_day, 2015-01-01: per_trajectory}}"])))
        Self.expectSamePast([plain], [dated])
        let m = MetricCatalog.index("in_care_ambulant")
        let last = try #require(plain.rows.indices.last)
        #expect(dated.rows[last].values[m] < plain.rows[last].values[m], "ambulant care at the end: \(dated.rows[last].values[m]) vs \(plain.rows[last].values[m])")
    }

    /// As `LeverTests.oneCoordinatorPerFamilyMeansFewerProvidersAndShorterHandovers`: from the
    /// first period end after 2015-01-01 no household has three providers or more.
    @Test func aCoordinatorDatedFrom2015ChangesOnlyTheYearsFromThen() throws {
        // Three providers in one household is rare in the small fixture: 12 replications
        // make sure the plain run meets it after 2015.
        let plain = try TestScenario.run([], replications: 12)
        let dated = try TestScenario.run(["policies.coordination.enabled={values: {2000-01-01: false, 2015-01-01: true}}"], replications: 12)
        Self.expectSamePast(plain, dated)
        let many = MetricCatalog.index("households_3plus_providers_share")
        let after = { (r: [ReplicationResult]) in r.flatMap { $0.rows.filter { $0.periodStart >= Self.change }.map { $0.values[many] } } }
        #expect(after(plain).contains { $0 > 0 } && after(dated).allSatisfy { $0 == 0 || $0.isNaN })
    }

    /// With hand-overs that take time, the coordinator halves them: the referral step's rate
    /// is in the hazard ceiling from the start, so the past is the same in distribution only
    /// (thinning draws other numbers), and the time to help after 2015 is shorter.
    @Test func aDatedCoordinatorShortensHandoversAfterItsDate() throws {
        let base = LeverTests.handover + LeverTests.placesEnough
        let plain = try TestScenario.run(base, replications: LeverTests.replications)
        let dated = try TestScenario.run(base + ["policies.coordination.enabled={values: {2000-01-01: false, 2015-01-01: true}}"],
                                         replications: LeverTests.replications)
        let inStep = Self.after(plain, dated, "in_referral_step")
        #expect(inStep.difference.upper95 < 0, "children in the referral step 2015-17, dated coordinator - none: \(inStep.difference.mean)")
        let before = PairedComparison(a: DatedParameterTests.total(plain, "in_referral_step", 2012...2014),
                                      b: DatedParameterTests.total(dated, "in_referral_step", 2012...2014))
        #expect(before.difference.lower95 < 0 && before.difference.upper95 > 0,
                "children in the referral step 2012-14 should not move: \(before.difference.mean) [\(before.difference.lower95), \(before.difference.upper95)]")
    }
}
