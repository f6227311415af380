/// A value the model cannot use although it passed the scenario's checks: a bug in
/// those checks or in the model, never the user's fault alone. The command line
/// reports it as an internal failure (exit code 1) with this message.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The largest count the model converts from a `Double`: 2^53, beyond which a `Double`
/// no longer holds every whole number (far above any place count, day or replication
/// count a valid scenario gives).
public let largestCheckedInt = 9_007_199_254_740_992.0

/// The one door from a `Double` to an `Int` in the model: rounds `x` by `rounding` and
/// throws a `ModelError` naming `what` when the result is not a number, infinite,
/// negative (unless `allowNegative`) or above `largestCheckedInt`, instead of the trap
/// `Int(_:)` would be. Called where a run is set up (`CompiledModel`) and once per
/// budget year or period, never per event.
@inline(__always)
public func checkedInt(_ x: Double, _ what: @autoclosure () -> String,
                       rounding: FloatingPointRoundingRule = .down, allowNegative: Bool = false) throws(ModelError) -> Int {
    let rounded = x.rounded(rounding)
    guard rounded.isFinite, abs(rounded) <= largestCheckedInt, allowNegative || rounded >= 0 else {
        throw ModelError("\(what()) is \(x), not a whole number from \(allowNegative ? "-" : "")0 to 2^53; the scenario's checks should have refused the values that give it")
    }
    return Int(rounded)
}
