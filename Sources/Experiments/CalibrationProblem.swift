import CareModel
import Foundation
import Stochastics

/// What `runway calibrate` minimises: the weighted sum of squared relative errors
/// (`CalibrationFit.objective`) of a few bounded parameters, every evaluation simulated
/// on the same seed and replications (common random numbers), so that the objective
/// changes only with the parameters.
///
/// The simplex moves in unbounded coordinates u; parameter k takes the value
/// lower + (upper - lower) / (1 + e^-u), always inside its bounds.
///
/// The problem does not read scenario files: `build` turns `key=value` settings of the
/// free parameters into a model (the command loads the scenario with them).
public struct CalibrationProblem {
    /// A parameter to fit: a dotted scenario key and its bounds.
    public struct Parameter: Sendable, Equatable {
        public let key: String
        public let lower: Double
        public let upper: Double

        public init(key: String, lower: Double, upper: Double) {
            self.key = key
            self.lower = lower
            self.upper = upper
        }
    }

    /// The outcome of `minimize`.
    public struct Outcome {
        /// The fitted parameter values (inside their bounds), in `parameters` order.
        public let best: [Double]
        /// The objective at `best`, as the simplex found it.
        public let objective: Double
        public let iterations: Int
        /// True when the simplex shrank below its size tolerance (not stopped by the iteration limit).
        public let converged: Bool
        /// Objective evaluations (simulations) made by the simplex.
        public let evaluations: Int
        /// The fit of `best`, simulated once more.
        public let fit: CalibrationFit
    }

    public let parameters: [Parameter]
    public let targets: [CalibrationTarget]
    /// Replications 0..<replications are run for every evaluation.
    public let replications: Int
    /// Threads (results do not depend on it).
    public let jobs: Int
    /// Years after warm-up (turns summary totals into yearly quantities).
    public let years: Double
    private let build: (_ overrides: [String]) throws -> CompiledModel

    public init(parameters: [Parameter], targets: [CalibrationTarget], replications: Int, jobs: Int, years: Double,
                build: @escaping (_ overrides: [String]) throws -> CompiledModel) {
        self.parameters = parameters
        self.targets = targets
        self.replications = replications
        self.jobs = jobs
        self.years = years
        self.build = build
    }

    /// The value of parameter k at the unbounded coordinate u (the logistic map).
    public func value(_ u: Double, _ k: Int) -> Double {
        parameters[k].lower + (parameters[k].upper - parameters[k].lower) / (1 + exp(-u))
    }

    /// The values of all parameters at the unbounded coordinates `u`.
    public func values(_ u: [Double]) -> [Double] {
        u.enumerated().map { value($1, $0) }
    }

    /// The unbounded coordinate of value x of parameter k (the inverse map, kept a
    /// little inside the bounds).
    public func unbounded(_ x: Double, _ k: Int) -> Double {
        let f = min(max((x - parameters[k].lower) / (parameters[k].upper - parameters[k].lower), 1e-6), 1 - 1e-6)
        return log(f / (1 - f))
    }

    /// Where the simplex starts (unbounded coordinates): each parameter's value in the
    /// scenario, or the middle of its bounds when it has none.
    public func start(_ scenarioValues: [Double?]) -> [Double] {
        parameters.enumerated().map { k, parameter in
            unbounded(scenarioValues[k] ?? (parameter.lower + parameter.upper) / 2, k)
        }
    }

    /// The `key=value` settings that give the parameters the values `x`.
    public func settings(_ x: [Double]) -> [String] {
        zip(parameters, x).map { "\($0.key)=\($1)" }
    }

    /// The replications with the parameters at `x`.
    public func simulate(_ x: [Double]) throws -> [ReplicationResult] {
        try ExperimentRunner.run(try build(settings(x)), replications: 0..<replications, jobs: jobs).results
    }

    /// The fit with the parameters at `x`.
    public func fit(_ x: [Double]) throws -> CalibrationFit {
        CalibrationFit(targets: targets, results: try simulate(x), years: years)
    }

    /// The objective at the unbounded coordinates `u`.
    public func objective(at u: [Double]) throws -> Double {
        try fit(values(u)).objective
    }

    /// Minimises the objective with GSL's Nelder-Mead simplex from the unbounded
    /// coordinates `start` (initial steps 0.7, size tolerance 0.01). A failing
    /// simulation stops the search and is thrown.
    public func minimize(from start: [Double], maxIterations: Int) throws -> Outcome {
        var evaluations = 0
        var failure: (any Error)?
        let result = try NelderMead.minimize(start: start, steps: start.map { _ in 0.7 }, sizeTolerance: 1e-2, maxIterations: maxIterations) { u in
            evaluations += 1
            do {
                return try objective(at: u)
            } catch {
                failure = error
                return .greatestFiniteMagnitude
            }
        }
        if let failure { throw failure }
        let best = values(result.x)
        return Outcome(best: best, objective: result.value, iterations: result.iterations, converged: result.converged,
                       evaluations: evaluations, fit: try fit(best))
    }
}
