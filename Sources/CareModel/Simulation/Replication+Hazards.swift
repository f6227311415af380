/// Scheduling a child's next event: competing hazards at their upper bounds, thinned when the event fires.
extension Replication {
    @inline(__always) func age(_ i: Int) -> Double { events.now - children.all[i].birthDay }

    @inline(__always) func schedule(_ i: Int, at time: Double, _ kind: EventKind, priority: UInt8 = ModelPriority.stateChange) {
        children.all[i].token &+= 1
        events.schedule(at: time, priority: priority, kind: kind.rawValue, subject: Int32(i), token: children.all[i].token)
    }

    /// Schedules the next event of a child at home (no service).
    func scheduleHome(_ i: Int) {
        if children.all[i].need == 0 {
            scheduleOnset(i)
            return
        }
        if children.all[i].heldByLever {
            leversScheduleHeld(i)
            return
        }
        let a = age(i)
        let rate = homeRates(i, need: Int(children.all[i].need), age: a, actual: false, into: nil)
        var time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        var kind = EventKind.hazard
        // Rates change with age only when school care starts to apply.
        let schoolStarts = children.has(i, ChildFlag.schoolCovered) && a < model.schoolAgeDays - sameInstantDays
        let milestone = schoolStarts ? model.schoolAgeDays : leversNextMilestone(afterAge: a) ?? model.leavingAgeDays
        let milestoneTime = children.all[i].birthDay + milestone
        if milestoneTime <= time {
            time = milestoneTime
            kind = milestone >= model.leavingAgeDays ? .ageOut : .ageMilestone
        }
        if let contact = model.contactAges.first(where: { $0 > a + sameInstantDays }) {
            let contactTime = children.all[i].birthDay + contact
            if contactTime < time {
                time = contactTime
                kind = .jgzContact
            }
        }
        schedule(i, at: time, kind)
    }

    /// Schedules the onset of a well child's next need, or its leaving if that comes
    /// first. The onset hazard is constant within an age band, so the onset time is
    /// found exactly by spending one unit-exponential draw of cumulative hazard band
    /// by band (no event is needed at band boundaries). With money problems modelled or
    /// dated values the hazard is at its upper bound (the ceiling), thinned in `onset`.
    func scheduleOnset(_ i: Int) {
        let child = children.all[i]
        let multiplier = ceiling.riskOnsetMultiplier[Int(child.risk)] * ceiling.levers.onsetUpper
        let relapse = child.flags & ChildFlag.relapseRisk != 0 ? ceiling.relapsePerDay : 0
        var remaining = streams.onset.exponential(mean: 1)
        var a = age(i)
        var band = onsetBand(atAge: a)
        while a < model.leavingAgeDays {
            let rate = ceiling.onsetPerDay[band] * multiplier + relapse
            let bandEnd = band + 1 < model.onsetBandStart.count ? min(model.onsetBandStart[band + 1], model.leavingAgeDays) : model.leavingAgeDays
            let hazardInBand = rate * (bandEnd - a)
            if remaining < hazardInBand {
                schedule(i, at: max(events.now, child.birthDay + a + remaining / rate), .hazard)
                return
            }
            remaining -= hazardInBand
            a = bandEnd
            band += 1
        }
        schedule(i, at: child.birthDay + model.leavingAgeDays, .ageOut)
    }

    /// Schedules the next event of a child on a waiting list.
    func scheduleWaiting(_ i: Int) {
        let rate = waitingRates(i, actual: false, into: nil)
        let leaveTime = children.all[i].birthDay + model.leavingAgeDays
        let time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        if let transfer = jgzTransferTime(i, service: Place.service(children.all[i].place)), transfer < min(time, leaveTime) {
            schedule(i, at: transfer, .jgzTransfer)
        } else if leaveTime <= time {
            schedule(i, at: leaveTime, .ageOut)
        } else {
            schedule(i, at: time, .hazard)
        }
    }

    /// Transitions of a child at home with a need, in this order.
    enum HomeTransition: Int { case escalate = 0, resolve, selfReferral, gp, team, school, crisis, rejected }

    /// Summed hazard of a child at home with a need. With `actual: false` every channel is
    /// at its upper bound (the ceiling over dated values, full funding; used to schedule);
    /// with `actual: true` at the set in force and this year's funding (used to choose).
    /// Fills `rates` when given.
    ///
    /// Each field is read from `model` or `ceiling` directly (never a whole set passed
    /// along): a copy of a set per call would cost the hot loop its retains.
    @inline(__always)
    func homeRates(_ i: Int, need: Int, age a: Double, actual: Bool, into rates: UnsafeMutableBufferPointer<Double>?) -> Double {
        let escalate = escalationRate(i, need: need, actual: actual)
        let resolve = (actual ? model.resolutionPerDay[need] : ceiling.resolutionPerDay[need]) + leversExtraResolvePerDay(atAge: a, actual: actual)
        // The low threshold (policies.open_entitlement) draws light and moderate needs to the team.
        let access = need < 3 ? (actual ? accessNow : accessUpper) : 1
        let selfReferral = (actual ? model.selfReferralPerDay[need] : ceiling.selfReferralPerDay[need]) * access
        let gp = actual ? model.gpPerDay[need] * inducedNow : ceiling.gpPerDay[need] * inducedUpper
        let team = (actual ? model.teamOutreachPerDay[need] * teamFactor : ceiling.teamOutreachPerDay[need]) * access
        let atSchool = a >= model.schoolAgeDays - sameInstantDays && children.has(i, ChildFlag.schoolCovered)
        let school = atSchool ? (actual ? model.schoolDetectionPerDay[need] * schoolFactor : ceiling.schoolDetectionPerDay[need]) : 0
        let crisis = need == 3 ? (actual ? model.crisisPerDaySevere : ceiling.crisisPerDaySevere) : 0
        if let rates {
            rates[0] = escalate; rates[1] = resolve; rates[2] = selfReferral; rates[3] = gp
            rates[4] = team; rates[5] = school; rates[6] = crisis
        }
        return escalate + resolve + selfReferral + gp + team + school + crisis
    }

    /// Hazard that the child's need gets heavier: by risk group and, with a lever (money problems),
    /// the household's state (`actual`) or its upper bound (to schedule).
    @inline(__always) func escalationRate(_ i: Int, need: Int, actual: Bool) -> Double {
        let risk = Int(children.all[i].risk)
        if actual {
            return model.escalationPerDay[need] * model.riskEscalationMultiplier[risk] * leversEscalationFactor(i)
        }
        return ceiling.escalationPerDay[need] * ceiling.riskEscalationMultiplier[risk] * ceiling.levers.escalationUpper
    }

    enum WaitingTransition: Int { case escalate = 0, resolve, giveUp, crisis, indicated, rejected }

    /// Hazards of a child waiting (on a list, or in the referral step before it); `actual`
    /// as in `homeRates` (only escalation depends on it, through money problems).
    @inline(__always)
    func waitingRates(_ i: Int, actual: Bool, into rates: UnsafeMutableBufferPointer<Double>?) -> Double {
        let need = Int(children.all[i].need)
        let escalate = escalationRate(i, need: need, actual: actual)
        let resolve = actual ? model.resolutionPerDay[need] : ceiling.resolutionPerDay[need]
        let giveUp = actual ? model.giveUpPerDay : ceiling.giveUpPerDay
        let crisis = need == 3 ? (actual ? model.crisisPerDaySevere : ceiling.crisisPerDaySevere) : 0
        let indicated = children.has(i, ChildFlag.inReferralStep) ? referralStepRate(i, upper: !actual) : 0
        if let rates {
            rates[0] = escalate; rates[1] = resolve; rates[2] = giveUp; rates[3] = crisis; rates[4] = indicated
        }
        return escalate + resolve + giveUp + crisis + indicated
    }

    /// The onset band that applies at age `a` (days).
    @inline(__always) func onsetBand(atAge a: Double) -> Int {
        var band = 0
        while band + 1 < model.onsetBandStart.count && model.onsetBandStart[band + 1] <= a + sameInstantDays { band += 1 }
        return band
    }

    /// Thinning of an onset scheduled at the ceiling (the upper money factor, the largest
    /// dated rates): accepted with the actual hazard over the scheduled one.
    func acceptOnset(_ i: Int) -> Bool {
        let band = onsetBand(atAge: age(i)), risk = Int(children.all[i].risk)
        let relapseRisk = children.has(i, ChildFlag.relapseRisk)
        let upper = ceiling.onsetPerDay[band] * ceiling.riskOnsetMultiplier[risk] * ceiling.levers.onsetUpper + (relapseRisk ? ceiling.relapsePerDay : 0)
        let actual = model.onsetPerDay[band] * model.riskOnsetMultiplier[risk] * leversOnsetFactor(i)
            + (relapseRisk ? model.relapsePerDay : 0)
        return actual >= upper || streams.onset.uniform() * upper < actual
    }
}
