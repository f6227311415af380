import Testing
import Stochastics

/// The 95 % t-intervals cover a known mean about 95 % of the time. The quantity is
/// the mean wait in queue of an M/M/1 queue started in its stationary state (the
/// number present drawn from the geometric stationary law), so every customer's
/// expected wait is exactly Wq = rho / (mu - lambda): no warm-up bias.
@Suite struct IntervalCoverageTests {
    static func meanWait(lambda: Double, mu: Double, customers: Int, stream: RandomStream) -> Double {
        let rho = lambda / mu
        // P(N = n) = (1 - rho) rho^n; GSL's geometric counts trials from 1.
        let present = stream.geometric(1 - rho) - 1
        // Memoryless service: the remaining work of those present is `present` exponentials.
        var workAhead = 0.0
        for _ in 0..<present { workAhead += stream.exponential(mean: 1 / mu) }
        var total = 0.0
        for _ in 0..<customers {
            let gap = stream.exponential(mean: 1 / lambda)
            workAhead = max(0, workAhead - gap)      // Lindley's recursion on the work in system
            total += workAhead
            workAhead += stream.exponential(mean: 1 / mu)
        }
        return total / Double(customers)
    }

    @Test func coverageIsCloseToNinetyFivePercent() {
        let lambda = 0.5, mu = 1.0
        let truth = lambda / mu / (mu - lambda)
        let experiments = 400
        var covered = 0
        for e in 0..<experiments {
            let means = (0..<10).map { r in
                Self.meanWait(lambda: lambda, mu: mu, customers: 2_000, stream: RandomStream(seed: 77, replication: e * 10 + r, stream: 1))
            }
            let s = SummaryStatistics(means)
            if s.lower95 <= truth && truth <= s.upper95 { covered += 1 }
        }
        let coverage = Double(covered) / Double(experiments)
        // Binomial sd at 95 % over 400 experiments is 1.1 %; allow 4 sd.
        #expect(abs(coverage - 0.95) < 4 * (0.95 * 0.05 / Double(experiments)).squareRoot(), "coverage \(coverage)")
    }
}
