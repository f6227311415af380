/// The transition to the new structures (policies.transition): team productivity and staffing, cases lost in the hand-over.
extension Replication {
    /// On the transition date the new teams take over: their productivity drops (it
    /// recovers period by period), and unless continuity is guaranteed a share of the
    /// cases in specialised care is lost in the hand-over: the child goes home and the
    /// need is no longer known to anyone.
    func handOver() throws(ModelError) {
        // The new teams start with part of their staff in post (hiring brings the rest).
        teamStaffedPlaces = min(teamStaffedPlaces, model.parameters.policies.transition.teamStartStaffing * Double(fundedTeamPlaces))
        try applyTeamProductivity()
        openTheThreshold()
        endTheOldRegime()
        let t = model.parameters.policies.transition
        guard !t.continuityGuaranteed && t.handoverLoss > 0 else { return }
        let specialised = [Place.inCare(.specialisedAmbulant), Place.inCare(.residential)]
        for i in children.all.indices where children.has(i, ChildFlag.alive) && specialised.contains(children.all[i].place) {
            if streams.transition.bernoulli(t.handoverLoss) {
                // A young person past the leaving age (in continued care) leaves; a child goes home.
                report(i, .lostInHandover)
                if age(i) >= model.leavingAgeDays - sameInstantDays {
                    ageOut(i)
                } else {
                    leaveCare(i)
                    scheduleHome(i)
                }
            }
        }
    }

    /// Team places = the staff in post (places' worth) x the teams' current productivity.
    /// Staff follow the funded places down at once, but up only as fast as hiring allows.
    func applyTeamProductivity() throws(ModelError) {
        let t = model.parameters.policies.transition
        let hired = model.teamHiringPlacesPerDay * (events.now - lastStaffingUpdate)
        teamStaffedPlaces = min(Double(fundedTeamPlaces), teamStaffedPlaces + hired)
        lastStaffingUpdate = events.now
        // Under the old regime there is no team yet.
        let productivity = oldRegimeNow ? 0 : t.teamProductivity(daysSinceTransition: events.now - model.transitionDay)
        resources[ServiceKind.neighbourhoodTeam.rawValue].setCapacity(try checkedInt(teamStaffedPlaces * productivity, "the neighbourhood team places in post"))
        admitFromQueue(.neighbourhoodTeam)
    }
}
