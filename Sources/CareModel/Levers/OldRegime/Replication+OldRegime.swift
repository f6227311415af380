/// The regime before the transfer (policies.old_regime): no neighbourhood team, and what
/// would have gone to it goes to the indication body (Bureau Jeugdzorg).
extension Replication {
    /// Whether the old regime holds now (enabled, and before the transition date).
    @inline(__always) var oldRegimeNow: Bool { model.parameters.policies.oldRegime.enabled && events.now < model.transitionDay }

    /// A need on its way to the team before the transfer goes to the indication body: a
    /// light one is mostly turned away (the child goes home, the need unnoticed); the others
    /// pass its indication step onto a specialised list (severe needs to residential care
    /// at the team's share).
    func referToIndicationBody(_ i: Int) {
        let need = Int(children.all[i].need)
        let old = model.parameters.policies.oldRegime
        if need == 1 && streams.routing.bernoulli(old.lightNeedsTurnedAway) {
            report(i, .turnedAway)
            children.all[i].since = -1
            scheduleHome(i)
            return
        }
        if old.indicationMeanDays > 0 {
            children.set(i, ChildFlag.referralIndication)
            report(i, .indicatedByOldBody)
        }
        let residentialShare = model.parameters.services.neighbourhoodTeam.residentialShareOfSevereReferrals
        referOn(i, to: specialised(need: need, residentialShare: residentialShare), indication: false)
    }

    /// The rate at which the child's referral step ends now (`upper`: its ceiling over
    /// dated values, to schedule at): the indication is the old body's before the
    /// transition under the old regime, the municipality's after it.
    @inline(__always) func referralStepRate(_ i: Int, upper: Bool = false) -> Double {
        let part = referralParts(i)
        if oldRegimeNow { return upper ? ceiling.oldRegimeReferralStepPerDay[part] : model.oldRegimeReferralStepPerDay[part] }
        return upper ? ceiling.referralStepPerDay[part] : model.referralStepPerDay[part]
    }

    /// On the transition date the team opens: its outreach starts, and children in the
    /// referral step continue at the new step's rate (rescheduled: the step is memoryless),
    /// or join their list at once where the new regime has no such step (a rate of 0 would
    /// leave them in the step for good).
    func endTheOldRegime() {
        guard model.parameters.policies.oldRegime.enabled else { return }
        teamFactor = fundedTeamFactor
        for i in children.all.indices where children.has(i, ChildFlag.alive) && children.has(i, ChildFlag.inReferralStep) {
            if referralStepRate(i) > 0 {
                scheduleWaiting(i)
            } else {
                children.clear(i, ChildFlag.inReferralStep)
                referralStepCount -= 1
                refer(i, to: Place.service(children.all[i].place))
            }
        }
    }
}
