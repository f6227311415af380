/// Community work (opbouwwerk): the neighbourhood team tells the community worker which
/// households it sees struggling, and the worker makes their problems collective (a parents'
/// group, a neighbourhood activity). In those households new needs begin less often, but
/// only after a while: the effect grows over `lagYears`.
public struct CommunityWorkParameters: Sendable, Codable, Equatable {
    /// Share of the households with a child starting neighbourhood-team care that the team
    /// passes on to community work (0: off).
    public var shareFlagged: Double
    /// Fraction by which the onset of (light) needs falls in a flagged household at full effect.
    public var onsetReduction: Double
    /// Years from the flag to the full effect (linear in between; 0: at once).
    public var lagYears: Double
    /// Cost of the collective work per household taken on (once).
    public var costEurPerHousehold: Double

    public init(shareFlagged: Double, onsetReduction: Double, lagYears: Double, costEurPerHousehold: Double) {
        self.shareFlagged = shareFlagged
        self.onsetReduction = onsetReduction
        self.lagYears = lagYears
        self.costEurPerHousehold = costEurPerHousehold
    }
}

/// Community work as the event loop uses it (the lag in days); off when no household is flagged.
struct CommunityWork: Sendable {
    /// In the hazard ceiling: on in some set of the run (then every household has its flag).
    var enabled: Bool { shareFlagged > 0 }
    var shareFlagged: Double
    let onsetReduction: Double
    let lagDays: Double
    let costEurPerHousehold: Double

    init(_ p: CommunityWorkParameters) {
        shareFlagged = p.shareFlagged
        onsetReduction = p.onsetReduction
        lagDays = p.lagYears * daysPerYear
        costEurPerHousehold = p.costEurPerHousehold
    }

    mutating func raise(to s: CommunityWork) { shareFlagged = max(shareFlagged, s.shareFlagged) }

    /// The factor on the onset hazard `daysSinceFlag` after a household was flagged.
    @inline(__always) func onsetFactor(daysSinceFlag d: Double) -> Double {
        1 - onsetReduction * (lagDays > 0 ? min(1, d / lagDays) : 1)
    }
}
