import Testing
@testable import Stochastics

/// `RandomStream` reads taus2 in blocks of 128 (`rng_blocks.h`). Every draw, of every
/// kind, must take the same numbers in the same order as the plain generator, across
/// block boundaries: then the streams, and every stored output, are unchanged.
@Suite struct RandomBlocksTests {
    /// 10,037 uniforms: 78 whole blocks and a part, equal to taus2's without blocks.
    @Test(arguments: [1 as UInt64, 42, 0xDEAD_BEEF_CAFE])
    func uniformsAreTaus2s(seed: UInt64) {
        let blocked = RandomStream(seed: seed, replication: 2, stream: 5)
        let plain = UnbufferedTaus2(seed: seed, replication: 2, stream: 5)
        var differences = 0
        for _ in 0..<10_037 where blocked.uniform() != plain.uniform() { differences += 1 }
        #expect(differences == 0)
    }

    /// Draws of all kinds mixed, in an order that varies, so that GSL's distributions (which
    /// take a varying number of uniforms: gamma's and Poisson's rejection loops, lognormal's
    /// polar method, the alias table's two) start and end anywhere in a block and cross block boundaries: the same
    /// values as the plain generator's, and afterwards the same next uniform.
    @Test(arguments: [3 as UInt64, 17])
    func mixedDrawsAreTaus2s(seed: UInt64) {
        let blocked = RandomStream(seed: seed)
        let plain = UnbufferedTaus2(seed: seed)
        let chooser = UnbufferedTaus2(seed: seed + 1000) // picks the kind of each draw
        let categories = try! DiscreteDistribution(weights: [0.1, 0.6, 0.05, 0.25])
        var differences: [String] = []
        for k in 0..<20_000 {
            let kind = chooser.integer(below: 13)
            let (a, b): (Double, Double)
            switch kind {
            case 0: (a, b) = (blocked.uniform(), plain.uniform())
            case 1: (a, b) = (blocked.exponential(mean: 2.5), plain.exponential(mean: 2.5))
            case 2: (a, b) = (blocked.bernoulli(0.3) ? 1 : 0, plain.bernoulli(0.3) ? 1 : 0)
            case 3: (a, b) = (blocked.gamma(shape: 0.6, scale: 2), plain.gamma(shape: 0.6, scale: 2))
            case 4: (a, b) = (blocked.gamma(shape: 3.5, scale: 1), plain.gamma(shape: 3.5, scale: 1))
            case 5: (a, b) = (blocked.lognormal(mu: 1, sigma: 0.8), plain.lognormal(mu: 1, sigma: 0.8))
            case 6: (a, b) = (blocked.weibull(scale: 2, shape: 1.5), plain.weibull(scale: 2, shape: 1.5))
            case 7: (a, b) = (Double(blocked.poisson(mean: 40)), Double(plain.poisson(mean: 40)))
            case 8: (a, b) = (Double(blocked.geometric(0.2)), Double(plain.geometric(0.2)))
            case 9: (a, b) = (Double(blocked.integer(below: 7)), Double(plain.integer(below: 7)))
            case 10: (a, b) = (Double(blocked.integer(below: 1_000_003)), Double(plain.integer(below: 1_000_003)))
            case 11: (a, b) = (Double(categories.sample(blocked)), Double(plain.discrete(categories)))
            default:
                let weights = [0.25, 0.0, 0.5, 0.25] // running sums exact: 0.25, 0.25, 0.75, 1
                let i = weights.withUnsafeBufferPointer { blocked.index(weights: $0, total: 1) }
                let u = plain.uniform()
                (a, b) = (Double(i), Double(u < 0.25 ? 0 : u < 0.75 ? 2 : 3))
            }
            if a != b { differences.append("draw \(k), kind \(kind): \(a) != \(b)") }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(blocked.uniform() == plain.uniform())
    }

    /// A stream that is never drawn from, and one freed with a part-used block, are fine;
    /// streams of one seed are independent of when the others were made or freed.
    @Test func streamsOwnTheirBlocks() {
        var made: [RandomStream] = (0..<50).map { RandomStream(seed: 9, replication: 0, stream: UInt32($0)) }
        for stream in made.prefix(25) { _ = stream.uniform() }
        made.removeAll()
        let again = RandomStream(seed: 9, replication: 0, stream: 7)
        let plain = UnbufferedTaus2(seed: 9, replication: 0, stream: 7)
        for _ in 0..<300 { #expect(again.uniform() == plain.uniform()) }
    }
}
