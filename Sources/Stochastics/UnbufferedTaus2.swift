import CGSL

/// GSL's taus2 without the blocks, seeded as `RandomStream` seeds it: the reference the
/// tests compare the buffered stream with (the same numbers, in the same order, for every
/// kind of draw). Not used by the model.
final class UnbufferedTaus2 {
    let rng: UnsafeMutablePointer<gsl_rng>

    init(seed: UInt64) {
        GSLRuntime.prepare()
        rng = gsl_rng_alloc(runway_rng_taus2())!
        gsl_rng_set(rng, RandomStream.taus2Seed(seed))
    }

    convenience init(seed: UInt64, replication: Int, stream: UInt32) {
        self.init(seed: StreamSeed.derive(seed: seed, replication: replication, stream: stream))
    }

    deinit { gsl_rng_free(rng) }

    func uniform() -> Double { gsl_rng_uniform(rng) }
    func integer(below n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }
    func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }
    func bernoulli(_ p: Double) -> Bool { gsl_ran_bernoulli(rng, p) == 1 }
    func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(rng, shape, scale) }
    func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, mu, sigma) }
    func weibull(scale: Double, shape: Double) -> Double { gsl_ran_weibull(rng, scale, shape) }
    func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }
    func geometric(_ p: Double) -> Int { Int(gsl_ran_geometric(rng, p)) }
    func discrete(_ d: DiscreteDistribution) -> Int { Int(gsl_ran_discrete(rng, d.table)) }
}
