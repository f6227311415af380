/// The care a household receives at once, for counting its providers (one family often
/// deals with several organisations: the measure behind "one family, one plan, one
/// coordinator").
struct HouseholdCare {
    /// Children of the household in neighbourhood-team care (one team, or two, serve them all).
    var teamChildren: UInt16 = 0
    /// Children of the household in any other care: each episode has its own provider.
    var otherEpisodes: UInt16 = 0

    mutating func add(_ service: ServiceKind, _ delta: Int) {
        if service == .neighbourhoodTeam {
            teamChildren = UInt16(Int(teamChildren) + delta)
        } else {
            otherEpisodes = UInt16(Int(otherEpisodes) + delta)
        }
    }
}

/// Running totals over households with at least one provider, kept up to date as
/// children start and end care.
struct ProviderTally {
    var householdsInCare = 0
    var providers = 0
    var householdsWithThreeOrMore = 0

    mutating func change(from before: Int, to after: Int) {
        householdsInCare += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0)
        providers += after - before
        householdsWithThreeOrMore += (after >= 3 ? 1 : 0) - (before >= 3 ? 1 : 0)
    }
}
