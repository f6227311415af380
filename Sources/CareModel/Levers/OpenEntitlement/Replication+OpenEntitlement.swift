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
    /// factor: every child at home with an unnoticed need is rescheduled at it (hazards are
    /// memoryless, so this is exact) and thinned to the ramp's value when its event fires.
    func openTheThreshold() {
        let factor = ceiling.accessFactor
        guard factor > 1 else { return }
        accessUpper = factor
        for i in children.all.indices where children.has(i, ChildFlag.alive) && children.all[i].place == Place.home
            && children.all[i].need > 0 && !children.all[i].heldByLever {
            scheduleHome(i)
        }
    }
}
