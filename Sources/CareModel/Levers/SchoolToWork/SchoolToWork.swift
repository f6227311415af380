/// School-to-work support (`SchoolToWorkParameters`) as the event loop uses it: ages in
/// days, hazards per day. Off: `enabled` is false and the resolution hazard is 0.
struct SchoolToWork: Sendable {
    let enabled: Bool
    /// Age (days) from which a young person at home with a need is in the support.
    let fromDays: Double
    /// Age (days) until which one who stayed in it past the leaving age may stay.
    let untilDays: Double
    /// Extra resolution hazard per day of a participant's need.
    var resolvePerDay: Double
    let costEurPerParticipantPerYear: Double

    init(_ p: SchoolToWorkParameters) {
        enabled = p.enabled
        fromDays = p.fromAgeYears * daysPerYear
        untilDays = p.untilAgeYears * daysPerYear
        resolvePerDay = p.enabled ? p.resolutionPerYear / daysPerYear : 0
        costEurPerParticipantPerYear = p.costEurPerParticipantPerYear
    }

    mutating func raise(to s: SchoolToWork) { resolvePerDay = max(resolvePerDay, s.resolvePerDay) }
}

/// The support's participants now, kept exactly where needs and places change, and its period's counters.
struct SchoolToWorkState {
    var all = 0
    /// Of them, those past the leaving age (they no longer count as undetected needs).
    var pastLeavingAge = 0
    var period = Period()

    struct Period {
        /// Young people who stayed in the support at the leaving age, and who left it past that age.
        var entrants = 0, leftAfter = 0
        /// Participant-days.
        var participantDays = 0.0
    }
}
