import CGSL

/// Derivative-free minimisation with GSL's Nelder-Mead simplex (`nmsimplex2`).
public enum NelderMead {
    public struct Result: Sendable {
        public let x: [Double]
        public let value: Double
        public let iterations: Int
        /// True when the simplex shrank below the size tolerance.
        public let converged: Bool
    }

    final class Box {
        let f: ([Double]) -> Double
        init(_ f: @escaping ([Double]) -> Double) { self.f = f }
    }

    /// Minimises `f` from `start`, with initial simplex steps `steps`.
    public static func minimize(start: [Double], steps: [Double], sizeTolerance: Double = 1e-3, maxIterations: Int = 200,
                                _ f: @escaping ([Double]) -> Double) throws(GSLError) -> Result {
        GSLRuntime.prepare()
        let n = start.count
        precondition(n > 0 && steps.count == n)
        let box = Box(f)
        let callback: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?) -> Double = { v, params in
            let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
            let vector = v!.pointee
            let x = (0..<Int(vector.size)).map { gsl_vector_get(v, $0) }
            return box.f(x)
        }
        var function = gsl_multimin_function(f: callback, n: n, params: Unmanaged.passUnretained(box).toOpaque())
        guard let minimizer = gsl_multimin_fminimizer_alloc(runway_nmsimplex2(), n),
              let x = gsl_vector_alloc(n), let step = gsl_vector_alloc(n) else {
            fatalError("gsl_multimin_fminimizer_alloc failed: out of memory")
        }
        defer {
            gsl_multimin_fminimizer_free(minimizer)
            gsl_vector_free(x)
            gsl_vector_free(step)
        }
        for i in 0..<n {
            gsl_vector_set(x, i, start[i])
            gsl_vector_set(step, i, steps[i])
        }
        let status = withExtendedLifetime(box) { gsl_multimin_fminimizer_set(minimizer, &function, x, step) }
        guard status == GSL_SUCCESS else { throw GSLError(status: status, operation: "gsl_multimin_fminimizer_set") }
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            let iterate = withExtendedLifetime(box) { gsl_multimin_fminimizer_iterate(minimizer) }
            if iterate != GSL_SUCCESS { break } // no further progress possible
            if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), sizeTolerance) == GSL_SUCCESS {
                converged = true
                break
            }
        }
        let best = (0..<n).map { gsl_vector_get(minimizer.pointee.x, $0) }
        return Result(x: best, value: minimizer.pointee.fval, iterations: iterations, converged: converged)
    }
}
