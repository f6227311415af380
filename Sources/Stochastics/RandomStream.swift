import CGSL
import Foundation

/// One explicitly seeded GSL generator: L'Ecuyer's maximally equidistributed combined
/// Tausworthe generator (`gsl_rng_taus2`, period 2^88), one of the fastest of GSL's
/// simulation-quality generators. Runway used the Mersenne Twister (`gsl_rng_mt19937`)
/// until December 2026 (issue 17): taus2's step is a few shifts and xors, and both give
/// uniforms with 32 random bits.
///
/// Owns its C memory and frees it in `deinit`. Not thread-safe: a stream belongs to
/// one replication, which runs on one thread.
public final class RandomStream {
    /// GSL's name of the generator (recorded in run.json).
    public static let generatorName = String(cString: runway_rng_taus2().pointee.name)

    /// taus2 read in blocks (`rng_blocks.h`): every draw, GSL's distributions included,
    /// takes the next of the generator's uniforms from a buffer filled 128 at a time, so
    /// the numbers are taus2's, in taus2's order.
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// The buffer behind `rng`, read inline by `uniform()`.
    @usableFromInline let blocks: UnsafeMutablePointer<runway_blocks>
    /// The 64-bit seed this stream was derived from (recorded in run.json).
    public let seed: UInt64

    public init(seed: UInt64) {
        GSLRuntime.prepare()
        guard let rng = runway_blocks_alloc(runway_rng_taus2(), Self.taus2Seed(seed)) else {
            fatalError("runway_blocks_alloc failed: out of memory")
        }
        self.rng = rng
        blocks = rng.pointee.state.assumingMemoryBound(to: runway_blocks.self)
        self.seed = seed
    }

    /// taus2 seeds from the low 32 bits of an unsigned long; fold 64 bits so no seed bit is ignored.
    static func taus2Seed(_ seed: UInt64) -> UInt { UInt(truncatingIfNeeded: seed ^ (seed >> 32)) }

    public convenience init(seed: UInt64, replication: Int, stream: UInt32) {
        self.init(seed: StreamSeed.derive(seed: seed, replication: replication, stream: stream))
    }

    deinit { runway_blocks_free(rng) }

    /// Uniform on [0, 1): taus2's next `gsl_rng_uniform`, read from the buffer.
    @inlinable public func uniform() -> Double { runway_blocks_uniform(blocks) }

    /// Uniform integer on 0..<n.
    @inlinable public func integer(below n: Int) -> Int {
        Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// GSL's `gsl_ran_exponential` (randist/exponential.c: `-mu * log1p(-u)` on one
    /// `gsl_rng_uniform`), written out here so the event loop does not pay two calls into
    /// libgsl per draw; `StreamTests` checks it gives GSL's numbers bit for bit.
    @inlinable public func exponential(mean: Double) -> Double { -mean * log1p(-uniform()) }

    /// `gsl_ran_exponential` itself, for the test of `exponential(mean:)`.
    func libraryExponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    @inlinable public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(rng, shape, scale) }

    @inlinable public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, mu, sigma) }

    @inlinable public func weibull(scale: Double, shape: Double) -> Double { gsl_ran_weibull(rng, scale, shape) }

    /// GSL's `gsl_ran_bernoulli` (`u < p` on one `gsl_rng_uniform`), written out like `exponential`.
    @inlinable public func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// `gsl_ran_bernoulli` itself, for the test of `bernoulli(_:)`.
    func libraryBernoulli(_ p: Double) -> Bool { gsl_ran_bernoulli(rng, p) == 1 }

    @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }

    /// Number of Bernoulli(p) trials up to and including the first success (>= 1).
    @inlinable public func geometric(_ p: Double) -> Int { Int(gsl_ran_geometric(rng, p)) }

    /// Picks index i with probability weights[i] / sum(weights), for weights that
    /// change from draw to draw (competing hazards). Inverse transform on one GSL
    /// uniform: the same method `gsl_ran_discrete` ends in, without its per-table
    /// allocation. Fixed weights should use `DiscreteDistribution` instead.
    @inlinable
    public func index(weights: UnsafeBufferPointer<Double>, total: Double) -> Int {
        let target = uniform() * total
        var cumulative = 0.0
        for i in 0..<weights.count {
            cumulative += weights[i]
            if target < cumulative { return i }
        }
        return Self.lastPositive(weights)
    }

    /// As `index(weights:total:)` for the same uniform, with the weights' running sums
    /// precomputed (`runningSums[i]` = weights[0] + … + weights[i], added in that order):
    /// the same index, found by a binary search. For fixed tables drawn from many times
    /// whose draws must equal `index(weights:total:)`'s (the settled start's states).
    @inlinable
    public func index(runningSums sums: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>) -> Int {
        let target = uniform() * sums[sums.count - 1]
        // The first index whose running sum exceeds the target (the sums never decrease).
        var low = 0, high = sums.count
        while low < high {
            let middle = (low + high) / 2
            if target < sums[middle] { high = middle } else { low = middle + 1 }
        }
        return low < sums.count ? low : Self.lastPositive(weights)
    }

    /// Rounding can leave target == total: the last positive weight.
    @inlinable static func lastPositive(_ weights: UnsafeBufferPointer<Double>) -> Int {
        var last = weights.count - 1
        while last > 0 && weights[last] <= 0 { last -= 1 }
        return last
    }
}
