/// Flows counted during the current period. A period starts from a fresh value
/// (`PeriodCounters()`), so a new counter can never carry over from the last period.
struct PeriodCounters {
    var births = 0
    var leavers = 0
    var onsets = 0
    var resolved = 0
    var resolvedInCare = 0
    var escalations = 0
    var crises = 0
    var gaveUp = 0
    var placements = 0
    var agedOutWithNeed = 0
    var leftAfterContinuedCare = 0
    var indications = 0
    /// Under the old regime: the indication body's indications, and the light needs it turned away.
    var oldRegimeIndications = 0, turnedAway = 0
    /// Cases moved from one organisation to another (hand-overs).
    var handovers = 0
    /// Children counted for the first time this budget year as users of youth help, without
    /// stay, with stay, of youth protection, and of any youth care.
    var youthHelpUsers = 0, withoutStayUsers = 0, stayUsers = 0, protectionUsers = 0, youthCareUsers = 0
    /// Referrals to specialised care by a GP and by the neighbourhood team.
    var referralsGP = 0, referralsTeam = 0
    /// Reviews the money turned (`ReviewTurn`): the team's referrals of cases it could close,
    /// per-day prolongations, closures per trajectory or under a population budget.
    var teamReferredOn = 0, prolongedAtReview = 0, closedAtReview = 0
    /// Early-help cases handed from JGZ 0-4 to JGZ 4-18, and those lost on the way.
    var jgzTransfers = 0, jgzTransfersLost = 0
    /// First care starts after a need was noticed, and the days it took (all ages; school age).
    var helped = 0, daysToHelp = 0.0, helpedSchoolAge = 0, daysToHelpSchoolAge = 0.0
    var starts = [Int](repeating: 0, count: ServiceKind.allCases.count)
    /// Specialised episodes begun (first episodes and extensions) and their planned days.
    var specialisedEpisodes = [Int](repeating: 0, count: ServiceKind.allCases.count)
    var specialisedEpisodeDays = 0.0
    var waitDays = [Double](repeating: 0, count: ServiceKind.allCases.count)
    /// Stays in a service that ended (the child left it), and their days.
    var staysEnded = [Int](repeating: 0, count: ServiceKind.allCases.count)
    var staysEndedDays = [Double](repeating: 0, count: ServiceKind.allCases.count)
    /// Planned days of the stays begun (their first episode's drawn length), per service.
    var stayPlannedDays = [Double](repeating: 0, count: ServiceKind.allCases.count)
    var newEpisodes = [Int](repeating: 0, count: Channel.allCases.count)
}

/// Quantities integrated over time (value x days), for spending and the burden index.
struct TimeIntegrals {
    /// Time up to which the integrals are complete; a period starts from `TimeIntegrals(lastTime: start)`.
    var lastTime: Double = 0
    /// Care-days per service.
    var careDays = [Double](repeating: 0, count: ServiceKind.allCases.count)
    var placedDays: Double = 0
    var weightedNeedDays: Double = 0
    var childDays: Double = 0
}
