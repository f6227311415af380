import Foundation
import Stochastics

/// Specialised ambulant care's episode length in the twin: two exponential phases (a
/// hyperexponential with balanced means) with the scenario's mean and coefficient of
/// variation, where the spread is above 1; one exponential phase otherwise.
///
/// Why: ambulant episodes spread widely (baseline: lognormal, cv 1.4), and care stops at
/// the leaving age. With one exponential phase of the same mean, teenagers' episodes cut
/// off at 18 held their places some 8 % longer than the simulation's (a 2-year remainder:
/// 341 days against 314), so the places admitted fewer and the twin's steady-state list
/// was a quarter longer (baseline: 176 against 139). With both durations exponential the
/// simulation's list is the twin's (170 against 176); two phases give 302 days there.
struct MeanFieldAmbulantPhases {
    /// Share of episodes in the short phase (the rest are in the long one).
    let shortShare: Double
    /// Per day, the rate at which an episode in each phase ends.
    let shortRate: Double, longRate: Double
    var longShare: Double { 1 - shortShare }

    init(_ duration: DurationDistribution) {
        let cv = Self.coefficientOfVariation(duration), mean = duration.mean
        guard cv > 1 else {
            (shortShare, shortRate, longRate) = (1, 1 / mean, 1 / mean)
            return
        }
        // Balanced means: each phase holds half the mean (p1 / rate1 = p2 / rate2 = mean / 2).
        let squared = cv * cv
        shortShare = (1 + ((squared - 1) / (squared + 1)).squareRoot()) / 2
        shortRate = 2 * shortShare / mean
        longRate = 2 * (1 - shortShare) / mean
    }

    static func coefficientOfVariation(_ duration: DurationDistribution) -> Double {
        switch duration {
        case .exponential: 1
        case .gamma(_, _, _, let cv), .lognormal(_, _, _, let cv): cv
        case .weibull(_, let shape, _): (tgamma(1 + 2 / shape) / pow(tgamma(1 + 1 / shape), 2) - 1).squareRoot()
        }
    }
}
