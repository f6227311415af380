@testable import CareModel
import Stochastics
import Testing

/// The twin's two phases of an ambulant episode keep the scenario's mean and spread
/// (Weibull: `spread` is its shape k; k 0.7 spreads more than an exponential).
@Suite struct MeanFieldAmbulantPhasesTests {
    /// Mean p1/r1 + p2/r2 and second moment 2 (p1/r1² + p2/r2²) of the hyperexponential.
    static func moments(_ phases: MeanFieldAmbulantPhases) -> (mean: Double, cv: Double) {
        let mean = phases.shortShare / phases.shortRate + phases.longShare / phases.longRate
        let second = 2 * (phases.shortShare / (phases.shortRate * phases.shortRate) + phases.longShare / (phases.longRate * phases.longRate))
        return (mean, (second / (mean * mean) - 1).squareRoot())
    }

    @Test func twoPhasesKeepTheMeanAndTheSpread() throws {
        for (kind, spread) in [("lognormal", 1.4), ("gamma", 2.0), ("weibull", 0.7)] {
            let duration = try DurationDistribution.make(kind: kind, mean: 410, spread: spread)
            let phases = MeanFieldAmbulantPhases(duration)
            let (mean, cv) = Self.moments(phases)
            #expect(abs(mean - 410) < 1e-9, "\(kind): mean \(mean)")
            #expect(abs(cv - MeanFieldAmbulantPhases.coefficientOfVariation(duration)) < 1e-9, "\(kind): cv \(cv)")
            #expect(phases.longShare > 0 && phases.longRate < phases.shortRate)
        }
        #expect(abs(MeanFieldAmbulantPhases.coefficientOfVariation(try DurationDistribution.make(kind: "lognormal", mean: 410, spread: 1.4)) - 1.4) < 1e-12)
    }

    /// No more spread than an exponential's: one phase, the old exponential episode.
    @Test func aNarrowerDurationIsOneExponentialPhase() throws {
        for (kind, spread) in [("exponential", 0.0), ("gamma", 0.7), ("lognormal", 1.0), ("weibull", 2.0)] {
            let phases = MeanFieldAmbulantPhases(try DurationDistribution.make(kind: kind, mean: 410, spread: spread))
            #expect(phases.shortShare == 1 && phases.longShare == 0 && phases.shortRate == 1 / 410.0, "\(kind)")
        }
    }
}
