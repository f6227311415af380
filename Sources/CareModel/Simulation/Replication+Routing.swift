/// Where a noticed need goes (by channel and severity), and the referral step on the way (indication, hand-over).
extension Replication {
    /// Where a newly noticed need goes, by channel and severity.
    func route(_ i: Int, channel: Channel) -> ServiceKind {
        let need = Int(children.all[i].need)
        switch channel {
        case .jgz:
            return need == 1 ? .jgzEarlyHelp : .neighbourhoodTeam
        case .school:
            return need < 3 ? .schoolCare : .neighbourhoodTeam
        case .team, .selfReferral:
            return .neighbourhoodTeam
        case .gp:
            return specialised(need: need, residentialShare: model.parameters.services.generalPractitioner.residentialShareOfSevereReferrals)
        case .crisis:
            return .youthProtection
        }
    }

    /// Ambulant or residential care for a referral; a consortium over its population
    /// budget keeps severe needs in ambulant care (lighter, cheaper).
    func specialised(need: Int, residentialShare: Double) -> ServiceKind {
        need == 3 && streams.routing.bernoulli(residentialShare) && !consortiumOverBudget ? .residential : .specialisedAmbulant
    }

    /// A referral to another organisation: through the referral step when it has a length
    /// (the indication, for the routes that need one, and the hand-over; needs keep
    /// progressing meanwhile), then onto the service's waiting list.
    func referOn(_ i: Int, to service: ServiceKind, indication: Bool) {
        if service == .neighbourhoodTeam && oldRegimeNow {
            referToIndicationBody(i)
            return
        }
        if indication && model.hasIndication {
            children.set(i, ChildFlag.referralIndication)
            report(i, .indicationStarted)
        }
        if model.hasHandover {
            children.set(i, ChildFlag.referralHandover)
            report(i, .handedOver)
        }
        guard referralStepRate(i) > 0 else {
            refer(i, to: service)
            return
        }
        enterReferralStep(i, service)
    }

    /// The child enters the referral step on its way to `service`'s waiting list (its
    /// flags already say which parts the step has).
    func enterReferralStep(_ i: Int, _ service: ServiceKind) {
        children.set(i, ChildFlag.inReferralStep)
        referralStepCount += 1
        setPlace(i, Place.waiting(service))
        scheduleWaiting(i)
    }

    /// The parts of the child's current referral (bit 0: indication, bit 1: hand-over).
    @inline(__always) func referralParts(_ i: Int) -> Int {
        (children.has(i, ChildFlag.referralIndication) ? 1 : 0) | (children.has(i, ChildFlag.referralHandover) ? 2 : 0)
    }
}
