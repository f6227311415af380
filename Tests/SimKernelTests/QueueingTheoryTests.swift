import Foundation
import Testing
@testable import SimKernel
import Stochastics
import Workloads

/// The kernel against queueing theory: the mean wait in queue of M/M/1 and M/M/c
/// (Erlang C). Each check runs independent replications with fixed seeds; the
/// tolerance is 4 standard errors of the replication means (plus 2 % for the bias of
/// a finite run that starts empty).
@Suite struct QueueingTheoryTests {
    func check(lambda: Double, mu: Double, servers: Int) {
        let theory = QueueingTheory.erlangCWait(lambda: lambda, mu: mu, servers: servers)
        let means = (0..<20).map { MMcQueue.meanWait(lambda: lambda, mu: mu, servers: servers, customers: 20_000, warmup: 2_000, seed: 2024, replication: $0) }
        let stats = SummaryStatistics(means)
        let standardError = stats.standardDeviation / Double(means.count).squareRoot()
        #expect(abs(stats.mean - theory) < 4 * standardError + 0.02 * theory,
                "M/M/\(servers) rho=\(lambda / (mu * Double(servers))): simulated \(stats.mean) ± \(standardError), Erlang C \(theory)")
    }

    @Test func mm1() { check(lambda: 0.7, mu: 1, servers: 1) }
    @Test func mm3() { check(lambda: 2.4, mu: 1, servers: 3) }
    @Test func mm10() { check(lambda: 8.5, mu: 1, servers: 10) }

    @Test func erlangCFormulaMatchesMM1() {
        // M/M/1: Wq = rho / (mu - lambda)
        #expect(abs(QueueingTheory.erlangCWait(lambda: 0.7, mu: 1, servers: 1) - 0.7 / 0.3) < 1e-12)
    }
}
