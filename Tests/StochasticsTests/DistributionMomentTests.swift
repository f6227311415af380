import Testing
@testable import Stochastics

/// Sample means must fall within 4 standard errors of the true mean: with a fixed
/// seed the test is deterministic, and a correct sampler fails it with probability
/// about 6e-5 over seeds.
@Suite struct DistributionMomentTests {
    let n = 200_000

    func checkMean(_ draw: () -> Double, mean: Double, variance: Double, _ label: String) {
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let x = draw()
            sum += x
            sumSquares += x * x
        }
        let sampleMean = sum / Double(n)
        let sampleVariance = sumSquares / Double(n) - sampleMean * sampleMean
        let standardError = (variance / Double(n)).squareRoot()
        #expect(abs(sampleMean - mean) < 4 * standardError, "\(label): mean \(sampleMean) vs \(mean)")
        // The variance estimate's own spread is about variance * sqrt(kurtosis-ish / n); 5 % is loose enough for these shapes at n = 200,000.
        #expect(abs(sampleVariance - variance) < 0.05 * variance, "\(label): variance \(sampleVariance) vs \(variance)")
    }

    @Test func exponential() {
        let s = RandomStream(seed: 1)
        checkMean({ s.exponential(mean: 3) }, mean: 3, variance: 9, "exponential")
    }

    @Test func gammaFromMeanAndCV() throws {
        let s = RandomStream(seed: 2)
        let d = try DurationDistribution.make(kind: "gamma", mean: 120, spread: 0.8)
        checkMean({ d.sample(s) }, mean: 120, variance: (0.8 * 120) * (0.8 * 120), "gamma")
    }

    @Test func lognormalFromMeanAndCV() throws {
        let s = RandomStream(seed: 3)
        let d = try DurationDistribution.make(kind: "lognormal", mean: 410, spread: 0.6)
        checkMean({ d.sample(s) }, mean: 410, variance: (0.6 * 410) * (0.6 * 410), "lognormal")
    }

    @Test func weibullFromMeanAndShape() throws {
        let s = RandomStream(seed: 4)
        let d = try DurationDistribution.make(kind: "weibull", mean: 100, spread: 1.5)
        // Var = scale^2 (G(1 + 2/k) - G(1 + 1/k)^2)
        let scale = 100 / tgamma(1 + 1 / 1.5)
        let variance = scale * scale * (tgamma(1 + 2 / 1.5) - pow(tgamma(1 + 1 / 1.5), 2))
        checkMean({ d.sample(s) }, mean: 100, variance: variance, "weibull")
    }

    @Test func bernoulliAndPoisson() {
        let s = RandomStream(seed: 5)
        checkMean({ s.bernoulli(0.3) ? 1 : 0 }, mean: 0.3, variance: 0.21, "bernoulli")
        checkMean({ Double(s.poisson(mean: 4.5)) }, mean: 4.5, variance: 4.5, "poisson")
    }

    @Test func categoricalTablesAndDynamicWeights() throws {
        let s = RandomStream(seed: 6)
        let weights = [0.5, 0.3, 0.2]
        let table = try DiscreteDistribution(weights: weights)
        var counts = [0, 0, 0], dynamicCounts = [0, 0, 0]
        for _ in 0..<n {
            counts[table.sample(s)] += 1
            weights.withUnsafeBufferPointer { dynamicCounts[s.index(weights: $0, total: 1.0)] += 1 }
        }
        for i in 0..<3 {
            let se = (weights[i] * (1 - weights[i]) / Double(n)).squareRoot()
            #expect(abs(Double(counts[i]) / Double(n) - weights[i]) < 4 * se)
            #expect(abs(Double(dynamicCounts[i]) / Double(n) - weights[i]) < 4 * se)
        }
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: DistributionError.self) { try DurationDistribution.make(kind: "gamma", mean: 10, spread: 0) }
        #expect(throws: DistributionError.self) { try DurationDistribution.make(kind: "lognormal", mean: -1, spread: 1) }
        #expect(throws: DistributionError.self) { try DurationDistribution.make(kind: "triangular", mean: 1, spread: 1) }
        #expect(throws: DistributionError.self) { try DiscreteDistribution(weights: [0, 0]) }
        #expect(throws: DistributionError.self) { try DiscreteDistribution(weights: [1, -1]) }
    }
}

import Foundation
