/// Community work (policies.community_work): households the team passes on, and the lower
/// onset of needs in them once the collective work has had time to act.
extension Replication {
    /// A child started neighbourhood-team care: the team may pass its household on.
    func flagForCommunityWork(_ i: Int) {
        let h = Int(children.all[i].household)
        guard levers.communityWork.flaggedAt[h] < 0, streams.levers.bernoulli(model.levers.communityWork.shareFlagged) else { return }
        levers.communityWork.flaggedAt[h] = Float(events.now)
        levers.communityWork.households += 1
        levers.communityWork.period.flagged += 1
        tell(i, CommunityWork.flaggedLine)
    }

    /// The factor on child `i`'s onset hazard now (1 unless its household is flagged).
    @inline(__always) func communityWorkFactor(_ i: Int) -> Double {
        let since = levers.communityWork.flaggedAt[Int(children.all[i].household)]
        return since < 0 ? 1 : model.levers.communityWork.onsetFactor(daysSinceFlag: events.now - Double(since))
    }
}

/// When each household was passed on to community work (days; -1: not), and the counts.
struct CommunityWorkState {
    var flaggedAt: [Float] = []
    var households = 0
    var period = Period()

    struct Period {
        var flagged = 0
    }
}

extension CommunityWork {
    static let flaggedLine = StoryBook.LeverLine(
        text: "the neighbourhood team told the community worker (opbouwwerker) what it saw in this family; the household joined the neighbourhood's collective work, which takes years to pay off.")
}
