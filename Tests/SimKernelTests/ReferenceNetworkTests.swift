import Stochastics
import Testing
import Workloads

/// The benchmark's reference network agrees with its Jackson-network value; this is
/// also the benchmark's smoke test inside `make test`.
@Suite struct ReferenceNetworkTests {
    @Test func meanTimeInSystemMatchesJacksonNetwork() {
        let analytic = ReferenceNetwork.analyticMeanTimeInSystem
        #expect(abs(analytic - 2.29282) < 1e-4, "analytic value \(analytic)")
        // Independent runs; tolerance 4 standard errors of their mean.
        let means = (1...10).map { Double(ReferenceNetwork.run(arrivals: 20_000, seed: UInt64($0)).meanTimeInSystem) }
        let stats = SummaryStatistics(means)
        #expect(abs(stats.mean - analytic) < 4 * stats.standardDeviation / Double(means.count).squareRoot(),
                "simulated \(stats.mean) ± \(stats.standardDeviation), analytic \(analytic)")
        let one = ReferenceNetwork.run(arrivals: 1000, seed: 3)
        #expect(one.completed == 1000)
        #expect(one.events > 2000) // arrivals + at least one completion each
    }
}
