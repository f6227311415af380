import CGSL

/// An explicit adaptive Runge-Kutta solver (GSL `gsl_odeiv2`, embedded Runge-Kutta-
/// Fehlberg 4(5)) for dy/dt = f(t, y).
///
/// The right-hand side is a Swift closure; GSL's C callback cannot capture it, so it
/// reaches the closure through the system's `params` pointer.
public final class ODESolver {
    public typealias RightHandSide = (_ t: Double, _ y: UnsafePointer<Double>, _ dydt: UnsafeMutablePointer<Double>) -> Void

    final class Box {
        let rhs: RightHandSide
        init(_ rhs: @escaping RightHandSide) { self.rhs = rhs }
    }

    public let dimension: Int
    private let box: Box
    /// On the heap: the driver keeps a pointer to it.
    private let system: UnsafeMutablePointer<gsl_odeiv2_system>
    private let driver: UnsafeMutablePointer<gsl_odeiv2_driver>

    /// `absoluteTolerance`, `relativeTolerance`: the local error bounds per step.
    public init(dimension: Int, absoluteTolerance: Double = 1e-8, relativeTolerance: Double = 1e-8,
                initialStep: Double = 1, rhs: @escaping RightHandSide) {
        GSLRuntime.prepare()
        self.dimension = dimension
        box = Box(rhs)
        let callback: @convention(c) (Double, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutableRawPointer?) -> Int32 = { t, y, dydt, params in
            let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
            box.rhs(t, y!, dydt!)
            return Int32(GSL_SUCCESS)
        }
        system = .allocate(capacity: 1)
        system.initialize(to: gsl_odeiv2_system(function: callback, jacobian: nil, dimension: dimension,
                                                params: Unmanaged.passUnretained(box).toOpaque()))
        guard let driver = gsl_odeiv2_driver_alloc_y_new(system, runway_step_rkf45(), initialStep, absoluteTolerance, relativeTolerance) else {
            fatalError("gsl_odeiv2_driver_alloc_y_new failed: out of memory")
        }
        self.driver = driver
    }

    deinit {
        gsl_odeiv2_driver_free(driver)
        system.deinitialize(count: 1)
        system.deallocate()
    }

    /// Advances `y` from `t0` to `t1`.
    public func integrate(_ y: inout [Double], from t0: Double, to t1: Double) throws(GSLError) {
        precondition(y.count == dimension)
        guard t1 > t0 else { return }
        var t = t0
        gsl_odeiv2_driver_reset(driver)
        let status = y.withUnsafeMutableBufferPointer { gsl_odeiv2_driver_apply(driver, &t, t1, $0.baseAddress) }
        guard status == GSL_SUCCESS else { throw GSLError(status: status, operation: "gsl_odeiv2_driver_apply") }
    }
}
