import Foundation

/// A positive random duration (days), given by its mean and spread as users think
/// of it, converted once to the distribution's own parameters.
///
/// Parameters are checked when the value is made, so sampling never fails.
public enum DurationDistribution: Sendable, Equatable {
    case exponential(mean: Double)
    /// Gamma with the given mean and coefficient of variation (sd / mean).
    case gamma(shape: Double, scale: Double, mean: Double, cv: Double)
    /// Log-normal with the given mean and coefficient of variation.
    case lognormal(mu: Double, sigma: Double, mean: Double, cv: Double)
    /// Weibull with the given mean and shape k.
    case weibull(scale: Double, shape: Double, mean: Double)

    public static let kinds = ["exponential", "gamma", "lognormal", "weibull"]

    /// Makes a duration of the named kind. `spread` is the coefficient of variation
    /// for gamma and lognormal, the shape k for Weibull, ignored for exponential.
    public static func make(kind: String, mean: Double, spread: Double) throws(DistributionError) -> DurationDistribution {
        guard mean > 0, mean.isFinite else { throw .invalid("mean must be > 0, got \(mean)") }
        switch kind {
        case "exponential":
            return .exponential(mean: mean)
        case "gamma":
            guard spread > 0, spread.isFinite else { throw .invalid("gamma cv must be > 0, got \(spread)") }
            let shape = 1 / (spread * spread)
            try usable(shape, "gamma shape (1 / cv^2)", spread)
            try usable(mean / shape, "gamma scale (mean x cv^2)", spread)
            return .gamma(shape: shape, scale: mean / shape, mean: mean, cv: spread)
        case "lognormal":
            guard spread > 0, spread.isFinite else { throw .invalid("lognormal cv must be > 0, got \(spread)") }
            let sigma2 = log(1 + spread * spread)
            try usable(sigma2, "lognormal sigma^2 (log(1 + cv^2))", spread)
            try usable(exp(log(mean) - sigma2 / 2 + 8 * sigma2.squareRoot()), "lognormal's far tail (8 sigma)", spread)
            return .lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot(), mean: mean, cv: spread)
        case "weibull":
            guard spread > 0, spread.isFinite else { throw .invalid("weibull shape must be > 0, got \(spread)") }
            try usable(mean / tgamma(1 + 1 / spread), "weibull scale (mean / gamma(1 + 1/k))", spread)
            return .weibull(scale: mean / tgamma(1 + 1 / spread), shape: spread, mean: mean)
        default:
            throw .invalid("unknown distribution '\(kind)' (expected one of: \(kinds.joined(separator: ", ")))")
        }
    }

    /// A derived parameter must be a positive finite number (a spread of 1e155 squares to
    /// infinity, a tiny one to 0), or samples would be NaN or infinite.
    private static func usable(_ x: Double, _ what: String, _ spread: Double) throws(DistributionError) {
        guard x.isFinite, x > 0 else { throw .invalid("spread \(spread) gives a \(what) of \(x), which cannot be sampled") }
    }

    public var mean: Double {
        switch self {
        case .exponential(let mean), .gamma(_, _, let mean, _), .lognormal(_, _, let mean, _), .weibull(_, _, let mean):
            mean
        }
    }

    /// An episode met under way at a random moment (renewal theory's residual life): its
    /// whole length L is length-biased (density x f(x) / mean, so longer episodes are met
    /// more often) and the moment falls uniformly inside it, so the time still to run is
    /// R = U L with U uniform(0, 1), and the time already run is L - R. R has mean
    /// E[D^2] / (2 E[D]) = mean (1 + cv^2) / 2 and density P(D > r) / mean.
    ///
    /// The length-biased draw is exact for every kind: gamma(k, scale) becomes
    /// gamma(k + 1, scale) (exponential: gamma(2, mean)), lognormal(mu, sigma) becomes
    /// lognormal(mu + sigma^2, sigma), Weibull(scale, k) becomes scale G^(1/k) with
    /// G ~ gamma(1 + 1/k, 1). Two draws from `stream`: L, then U.
    public func residual(_ stream: RandomStream) -> (remaining: Double, elapsed: Double) {
        let length: Double = switch self {
        case .exponential(let mean): stream.gamma(shape: 2, scale: mean)
        case .gamma(let shape, let scale, _, _): stream.gamma(shape: shape + 1, scale: scale)
        case .lognormal(let mu, let sigma, _, _): stream.lognormal(mu: mu + sigma * sigma, sigma: sigma)
        case .weibull(let scale, let shape, _): scale * pow(stream.gamma(shape: 1 + 1 / shape, scale: 1), 1 / shape)
        }
        let remaining = stream.uniform() * length
        return (remaining, length - remaining)
    }

    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        switch self {
        case .exponential(let mean): stream.exponential(mean: mean)
        case .gamma(let shape, let scale, _, _): stream.gamma(shape: shape, scale: scale)
        case .lognormal(let mu, let sigma, _, _): stream.lognormal(mu: mu, sigma: sigma)
        case .weibull(let scale, let shape, _): stream.weibull(scale: scale, shape: shape)
        }
    }
}
