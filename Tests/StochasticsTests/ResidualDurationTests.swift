import Foundation
import Testing
@testable import Stochastics

/// The residual of an episode met under way (`DurationDistribution.residual`): the time
/// still to run R and the time already run A both have mean E[D^2] / (2 E[D]) and second
/// moment E[D^3] / (3 E[D]) (renewal theory: they share the density P(D > r) / E[D]).
/// Sample means must fall within 4 standard errors, the standard error from that
/// variance; fixed seeds make the test deterministic.
@Suite struct ResidualDurationTests {
    let n = 200_000

    /// Checks both parts' sample means against the residual's mean, given D's moments E[D^1..3].
    func check(_ d: DurationDistribution, moments m: (Double, Double, Double), seed: UInt64, _ label: String) {
        let stream = RandomStream(seed: seed)
        let mean = m.1 / (2 * m.0)
        let variance = m.2 / (3 * m.0) - mean * mean
        var remaining = 0.0, elapsed = 0.0
        for _ in 0..<n {
            let r = d.residual(stream)
            #expect(r.remaining >= 0 && r.elapsed >= 0)
            remaining += r.remaining
            elapsed += r.elapsed
        }
        let tolerance = 4 * (variance / Double(n)).squareRoot()
        #expect(abs(remaining / Double(n) - mean) < tolerance, "\(label): remaining \(remaining / Double(n)) vs \(mean) ± \(tolerance)")
        #expect(abs(elapsed / Double(n) - mean) < tolerance, "\(label): elapsed \(elapsed / Double(n)) vs \(mean) ± \(tolerance)")
    }

    @Test func exponentialResidualIsAFreshExponential() throws {
        let d = try DurationDistribution.make(kind: "exponential", mean: 90, spread: 0)
        check(d, moments: (90, 2 * 90 * 90, 6 * pow(90, 3)), seed: 11, "exponential")
    }

    @Test func gammaResidual() throws {
        // Youth protection's shape (spread 0.7): E[D^n] = scale^n k (k + 1) ... (k + n - 1).
        let d = try DurationDistribution.make(kind: "gamma", mean: 400, spread: 0.7)
        let k = 1 / (0.7 * 0.7), scale = 400 / k
        check(d, moments: (400, scale * scale * k * (k + 1), pow(scale, 3) * k * (k + 1) * (k + 2)), seed: 12, "gamma")
        // The mean in the terms of the issue: mean (1 + cv^2) / 2.
        #expect(abs(400 * (1 + 0.49) / 2 - scale * scale * k * (k + 1) / 800) < 1e-9)
    }

    @Test func lognormalResidual() throws {
        // The ambulant shape (spread 1.4): E[D^n] = exp(n mu + n^2 sigma^2 / 2).
        let d = try DurationDistribution.make(kind: "lognormal", mean: 200, spread: 1.4)
        let sigma2 = log(1 + 1.96), mu = log(200) - sigma2 / 2
        func moment(_ n: Double) -> Double { exp(n * mu + n * n * sigma2 / 2) }
        check(d, moments: (moment(1), moment(2), moment(3)), seed: 13, "lognormal")
    }

    @Test func weibullResidual() throws {
        // E[D^n] = scale^n Gamma(1 + n / k).
        let d = try DurationDistribution.make(kind: "weibull", mean: 150, spread: 1.5)
        let scale = 150 / tgamma(1 + 1 / 1.5)
        func moment(_ n: Double) -> Double { pow(scale, n) * tgamma(1 + n / 1.5) }
        check(d, moments: (moment(1), moment(2), moment(3)), seed: 14, "weibull")
    }
}
