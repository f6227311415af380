import Testing
@testable import Stochastics

@Suite struct StreamTests {
    @Test func sameSeedSameNumbers() {
        let a = RandomStream(seed: 42, replication: 3, stream: 7)
        let b = RandomStream(seed: 42, replication: 3, stream: 7)
        for _ in 0..<1000 { #expect(a.uniform() == b.uniform()) }
    }

    /// The generator is GSL's taus2, recorded in run.json by this name.
    @Test func generatorIsGSLTaus2() {
        #expect(RandomStream.generatorName == "taus2")
    }

    /// The exponential and Bernoulli draws written out in `RandomStream` give exactly
    /// GSL's numbers from the same state.
    @Test func writtenOutDrawsAreGSLs() {
        let a = RandomStream(seed: 11, replication: 2, stream: 3)
        let b = RandomStream(seed: 11, replication: 2, stream: 3)
        for k in 0..<10_000 {
            let mean = 0.1 + Double(k % 7)
            #expect(a.exponential(mean: mean) == b.libraryExponential(mean: mean))
            #expect(a.bernoulli(0.3) == b.libraryBernoulli(0.3))
        }
    }

    @Test func streamsOfOneReplicationDiffer() {
        let seeds = Set((0..<64).map { StreamSeed.derive(seed: 42, replication: 0, stream: UInt32($0)) }
                        + (0..<64).map { StreamSeed.derive(seed: 42, replication: $0, stream: 1) })
        #expect(seeds.count == 127) // (rep 0, stream 1) appears in both lists
        let a = RandomStream(seed: 42, replication: 0, stream: 1)
        let b = RandomStream(seed: 42, replication: 0, stream: 2)
        let same = (0..<100).filter { _ in a.uniform() == b.uniform() }.count
        #expect(same == 0)
    }

    @Test func summaryStatisticsUseTQuantiles() {
        // t(0.975, 9) = 2.2622; the sample 1...10 has mean 5.5 and sd 3.0277.
        let s = SummaryStatistics((1...10).map(Double.init))
        #expect(abs(s.mean - 5.5) < 1e-12)
        #expect(abs(s.standardDeviation - 3.02765) < 1e-4)
        #expect(abs(s.halfWidth95 - 2.26216 * 3.02765 / 10.0.squareRoot()) < 1e-4)
        #expect(s.p50 == 5.5)
        #expect(GSLRuntime.version.hasPrefix("2."))
    }

    /// The binary search over running sums returns, uniform for uniform, the index the
    /// linear scan returns (zero weights included), so the settled start's draws did not change.
    @Test func runningSumsDrawTheSameIndexAsWeights() {
        let weights: [Double] = [0.1, 0, 0.25, 1e-9, 0.3, 0, 0.05, 0.2999999990, 0]
        var sums = weights
        for k in 1..<sums.count { sums[k] = sums[k - 1] + weights[k] }
        let total = sums[sums.count - 1]
        let a = RandomStream(seed: 5, replication: 1, stream: 2)
        let b = RandomStream(seed: 5, replication: 1, stream: 2)
        weights.withUnsafeBufferPointer { w in
            sums.withUnsafeBufferPointer { s in
                for _ in 0..<20_000 { #expect(a.index(weights: w, total: total) == b.index(runningSums: s, weights: w)) }
            }
        }
    }
}
