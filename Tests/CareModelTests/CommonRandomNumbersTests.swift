import CareModel
import Experiments
import Stochastics
import Testing

/// Common random numbers make the interval of a scenario difference narrower than if
/// the two scenarios were run on independent numbers. Streams are per random process
/// (not per child), so after a policy change the draws slowly shift between children
/// and the gain is moderate for most metrics (about 1.2-2.3x; 20x for stocks pinned by
/// capacity); the test checks a flow metric with a clear gain.
@Suite struct CommonRandomNumbersTests {
    @Test func pairedIntervalIsNarrowerThanUnpaired() throws {
        let n = 16
        let a = try TestScenario.run(replications: n)
        let b = try TestScenario.run(["services.neighbourhood_team.budget_share=0.08"], replications: n)
        let m = MetricCatalog.index("onsets")
        let comparison = PairedComparison(a: a.map { ReplicationSummary($0).values[m] }, b: b.map { ReplicationSummary($0).values[m] })
        #expect(comparison.narrowing > 1.4, "unpaired / paired half-width = \(comparison.narrowing)")
        print("CRN narrowing for onsets, team budget share 0.07 -> 0.08, \(n) replications: \(comparison.narrowing)")
    }
}
