import CGSL

/// One-time set-up of GSL for the whole process.
///
/// GSL's default error handler aborts the process; Runway turns it off once and
/// checks every status code itself.
public enum GSLRuntime {
    private static let errorHandlerOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Call before any other GSL use; cheap after the first call.
    public static func prepare() { _ = errorHandlerOff }

    /// The GSL version this binary was compiled against, e.g. "2.7.1".
    public static var version: String { String(cString: runway_gsl_version()) }
}

/// A GSL status code that was not `GSL_SUCCESS`.
public struct GSLError: Error, CustomStringConvertible {
    public let status: Int32
    public let operation: String
    public var description: String {
        "\(operation) failed: \(String(cString: gsl_strerror(status))) (GSL status \(status))"
    }
}
