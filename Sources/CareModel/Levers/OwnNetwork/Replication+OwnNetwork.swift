/// The family's own network (policies.own_network): at a referral to residential care or
/// a placement under youth protection, a share of the youths get a mentor they choose or a
/// network meeting; some placements are then not needed, and the others are shorter.
extension Replication {
    /// A referral to residential care: the service the youth goes to.
    func ownNetworkReferral(_ i: Int) -> ServiceKind {
        guard takesOwnNetworkCase(i) else { return .residential }
        if streams.levers.bernoulli(model.levers.ownNetwork.placementAvoided) {
            levers.ownNetwork.period.avoided += 1
            tell(i, OwnNetwork.stayedHomeLine)
            return .specialisedAmbulant
        }
        children.all[i].leverFlags |= LeverFlag.ownNetwork
        tell(i, OwnNetwork.shorterStayLine)
        return .residential
    }

    /// Youth protection would place the youth out of home: true when the network's plan avoids it.
    func ownNetworkAvoidsPlacement(_ i: Int) -> Bool {
        guard takesOwnNetworkCase(i), streams.levers.bernoulli(model.levers.ownNetwork.placementAvoided) else { return false }
        levers.ownNetwork.period.avoided += 1
        tell(i, OwnNetwork.notPlacedLine)
        return true
    }

    /// Whether this youth gets a mentor or a network meeting (counted as a case).
    private func takesOwnNetworkCase(_ i: Int) -> Bool {
        guard streams.levers.bernoulli(model.levers.ownNetwork.share) else { return false }
        levers.ownNetwork.period.cases += 1
        return true
    }

    /// The shorter stay ends with the stay in residential care (or the wait for it).
    @inline(__always) func ownNetworkPlaceChanged(_ i: Int) {
        let place = children.all[i].place
        if place != Place.waiting(.residential) && place != Place.inCare(.residential) {
            children.all[i].leverFlags &= ~LeverFlag.ownNetwork
        }
    }
}

/// The period's counters.
struct OwnNetworkState {
    var period = Period()

    struct Period {
        var cases = 0, avoided = 0
    }
}

extension OwnNetwork {
    static let stayedHomeLine = StoryBook.LeverLine(
        text: "before residential care, a network meeting (netwerkberaad) or a mentor the young person chose (JIM) made a plan with family and friends: no placement was needed, ambulant help instead.")
    static let shorterStayLine = StoryBook.LeverLine(
        text: "before residential care, a network meeting (netwerkberaad) or a mentor the young person chose (JIM) made a plan with family and friends: still a placement, but a shorter one.")
    static let notPlacedLine = StoryBook.LeverLine(
        text: "a network meeting (netwerkberaad) or a mentor the young person chose (JIM) made a plan with family and friends, so the child was not placed out of home.")
}
