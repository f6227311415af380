/// The regime after the transfer (policies.open_entitlement and the post-transition levers
/// of specialised care): what changes on the transition date.
extension Replication {
    /// Years since the transition date (negative before it).
    @inline(__always) var yearsSinceTransition: Double { (events.now - model.transitionDay) / daysPerYear }

    /// Whether a GP's referral bypasses the municipality now.
    var gpRouteOpen: Bool { model.parameters.policies.openEntitlement.gpRouteOpen && events.now >= model.transitionDay }

    /// The low threshold's factor on the team channels now (1 before the transition).
    @inline(__always) var accessNow: Double { model.parameters.policies.openEntitlement.access(yearsSinceTransition: yearsSinceTransition) }

    /// The per-day incentive's factor on specialised durations now (1 before the transition).
    @inline(__always) var durationDriftNow: Double { model.parameters.services.specialisedFinancing.drift(yearsSinceTransition: yearsSinceTransition) }

    /// A GP-referred child finds the places the municipality buys full: while the GP route
    /// is open it still gets one of the provider's places if one is free (the places before
    /// rationing), as the municipality cannot refuse it. One who finds even those full
    /// waits on the common list and is admitted like any other referral.
    func gpReferralTakesProviderPlace(_ i: Int, _ service: ServiceKind) -> Bool {
        let r = service.rawValue
        guard children.all[i].gpReferral, resources[r].inUse < providerPlaces[r] else { return false }
        resources[r].acquireBeyondCapacity()
        return true
    }

    /// On the transition date the team channels' upper rate rises to the low threshold's full
    /// factor, and the GP channel's to the largest factor induced referrals can reach: every
    /// child at home with an unnoticed need is rescheduled at them (hazards are memoryless,
    /// so this is exact) and thinned to this year's values when its event fires.
    func openTheThreshold() {
        guard ceiling.accessFactor > 1 || ceiling.inducedReferralUpper > 1 else { return }
        accessUpper = ceiling.accessFactor
        inducedUpper = ceiling.inducedReferralUpper
        for i in children.all.indices where children.has(i, ChildFlag.alive) && children.all[i].place == Place.home
            && children.all[i].need > 0 && !children.all[i].heldByLever {
            scheduleHome(i)
        }
    }

    /// Induced referrals: from the transition date the GP channel is times 1 +
    /// induced_referrals x the places providers have added over the contracted ones.
    func updateInducedReferrals() {
        let growth = model.parameters.services.capacityGrowth
        guard growth.inducedReferrals > 0, events.now >= model.transitionDay else {
            inducedNow = 1
            return
        }
        let s = model.parameters.services
        let contracted = (s.specialisedAmbulant.placesPer1000Children + s.residential.placesPer1000Children) * Double(aliveCount) / 1000
        let added = extraPlaces[ServiceKind.specialisedAmbulant.rawValue] + extraPlaces[ServiceKind.residential.rawValue]
        inducedNow = contracted > 0 ? min(inducedUpper, 1 + growth.inducedReferrals * added / contracted) : 1
    }

    /// How the money turns a review, from the transition date (nil: the need decides):
    /// the team refers on a case it could close (policies.open_entitlement.team_refers_on);
    /// per-day payment prolongs a specialised episode whose need has resolved, payment per
    /// trajectory or a population budget closes one that would be extended
    /// (services.specialised_financing.review_share).
    func turnAtReview(_ i: Int, _ service: ServiceKind, need: Int, resolved: Bool) -> ReviewTurn? {
        guard events.now >= model.transitionDay else { return nil }
        switch service {
        case .neighbourhoodTeam:
            let share = model.parameters.policies.openEntitlement.teamRefersOn
            return resolved && share > 0 && streams.routing.bernoulli(share) ? .teamReferredOn : nil
        case .specialisedAmbulant, .residential:
            let f = model.parameters.services.specialisedFinancing
            guard f.reviewShare > 0 else { return nil }
            if f.model == .perDay {
                return resolved && streams.careOutcome.bernoulli(f.reviewShare) ? .prolonged : nil
            }
            let stepsUp = service == .specialisedAmbulant && need == 3 && !consortiumOverBudget
            return !resolved && !stepsUp && streams.careOutcome.bernoulli(f.reviewShare) ? .closedEarly : nil
        case .jgzEarlyHelp, .schoolCare, .youthProtection:
            return nil
        }
    }
}

/// What the money made of a review (`turnAtReview`).
public enum ReviewTurn: Sendable, Equatable {
    /// The team referred on to paid specialised care a case it could have closed.
    case teamReferredOn
    /// Per-day payment: an episode whose need had resolved was prolonged.
    case prolonged
    /// Per trajectory or a population budget: an unresolved episode was closed.
    case closedEarly
}
