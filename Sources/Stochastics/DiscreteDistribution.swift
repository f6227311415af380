import CGSL

/// A categorical distribution with fixed weights, sampled in O(1) by GSL's
/// Walker alias tables (`gsl_ran_discrete`).
public final class DiscreteDistribution {
    let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    public let weights: [Double]

    public init(weights: [Double]) throws(DistributionError) {
        guard !weights.isEmpty else { throw .invalid("categorical: no categories") }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw .invalid("categorical: weights must be finite and >= 0, got \(weights)")
        }
        guard weights.reduce(0, +) > 0 else { throw .invalid("categorical: weights sum to 0") }
        GSLRuntime.prepare()
        guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            throw .invalid("categorical: GSL could not build the table for \(weights)")
        }
        self.table = table
        self.weights = weights
    }

    deinit { gsl_ran_discrete_free(table) }

    public func sample(_ stream: RandomStream) -> Int {
        Int(gsl_ran_discrete(stream.rng, table))
    }
}

public enum DistributionError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let message): message }
    }
}
