import CareModel
import Experiments
import Testing

/// The financing model of specialised care.
extension LeverTests {
    static let financing = "services.specialised_financing."

    @Test func payingPerDayMeansLongerEpisodesThanPayingPerTrajectory() throws {
        let perTrajectory = [Self.financing + "model=per_trajectory"]
        let days = try Self.difference("mean_specialised_episode_days", off: perTrajectory, on: [])
        #expect(days.difference.lower95 > 0, "episode days, per day - per trajectory: \(days.difference.mean)")
        // Shorter episodes at a price set for the per-day mean: more episodes, each paid in full.
        let episodes = try Self.difference("specialised_episodes", off: [], on: perTrajectory)
        #expect(episodes.difference.lower95 > 0, "episodes, per trajectory - per day: \(episodes.difference.mean)")
    }

    /// A tight population budget: the municipality pays the contract, and the consortium,
    /// over it, keeps severe needs in ambulant care.
    @Test func aTightPopulationBudgetShiftsCareToLighterForms() throws {
        let tight = [Self.financing + "model=population_budget", Self.financing + "contract_share_of_income=0.45"]
        let residential = try Self.difference("starts_residential", off: [], on: tight)
        #expect(residential.difference.upper95 < 0, "residential starts, tight population budget - per day: \(residential.difference.mean)")
        let over = try Self.difference("consortium_over_budget", off: [], on: tight)
        #expect(over.meanA == 0 && over.meanB > 0)
        // The municipality pays exactly the contract: 0.45 of the income.
        for result in try TestScenario.run(tight, replications: 2) {
            let v = ReplicationSummary(result).values
            let paid = v[MetricCatalog.index("spending_ambulant_eur")] + v[MetricCatalog.index("spending_residential_eur")]
            #expect(abs(paid - 0.45 * v[MetricCatalog.index("income_eur")]) < 1e-6 * paid)
        }
    }
}
