/// School-to-work support (services.school_to_work): from 16, and past the leaving age for those with a need and no care.
extension Replication {
    /// Whether the young person counts as a participant of school-to-work support: at home
    /// with a need from the support's starting age (and past the leaving age, in it).
    @inline(__always) func inSupport(_ i: Int) -> Bool {
        let c = children.all[i]
        return model.levers.schoolToWork.enabled && c.place == Place.home && c.need > 0
            && (c.heldByLever || events.now - c.birthDay >= model.levers.schoolToWork.fromDays - sameInstantDays)
    }

    /// Keeps the participant count in step after a change to the young person's need or place.
    @inline(__always) func updateSupportCount(_ i: Int, was: Bool) {
        guard model.levers.schoolToWork.enabled else { return }
        levers.schoolToWork.all += (inSupport(i) ? 1 : 0) - (was ? 1 : 0)
    }

    /// The support's starting age, while a child is younger (its rates change there).
    @inline(__always) func supportMilestone(afterAge a: Double) -> Double? {
        model.levers.schoolToWork.enabled && a < model.levers.schoolToWork.fromDays - sameInstantDays ? model.levers.schoolToWork.fromDays : nil
    }

    /// At the support's starting age a young person at home with a need joins it.
    @inline(__always) func supportMilestoneReached(_ i: Int) {
        if model.levers.schoolToWork.enabled && abs(age(i) - model.levers.schoolToWork.fromDays) < 1e-6 && inSupport(i) { levers.schoolToWork.all += 1 }
    }

    /// The support's extra resolution hazard per day at age `a`.
    @inline(__always) func supportResolvePerDay(atAge a: Double, actual: Bool) -> Double {
        guard a >= model.levers.schoolToWork.fromDays - sameInstantDays else { return 0 }
        return actual ? model.levers.schoolToWork.resolvePerDay : ceiling.levers.schoolToWork.resolvePerDay
    }

    /// At the leaving age, a young person with a need who is not in care stays in
    /// school-to-work support (leaving any youth-care waiting list). Returns whether they stayed.
    func enterAdultSupport(_ i: Int) -> Bool {
        let c = children.all[i]
        guard model.levers.schoolToWork.enabled, !c.heldByLever, c.need > 0, !Place.isInCare(c.place),
              model.levers.schoolToWork.untilDays > age(i) + sameInstantDays else { return false }
        if Place.isWaiting(c.place) { leaveQueue(i) }
        // No longer an unnoticed need: the support knows it.
        let g = Int(c.risk)
        undetectedCount -= 1
        recorder.groups.undetected[g] -= 1
        children.all[i].leverFlags |= LeverFlag.held
        levers.schoolToWork.pastLeavingAge += 1
        levers.schoolToWork.period.entrants += 1
        tell(i, SchoolToWork.stayed)
        scheduleAdultSupport(i)
        return true
    }

    /// A young person leaves the support past the leaving age.
    func leaveAdultSupport(_ i: Int) -> Happening.Leaving {
        levers.schoolToWork.pastLeavingAge -= 1
        levers.schoolToWork.period.leftAfter += 1
        return .afterLeverSupport
    }

    /// Past the leaving age only the need's own course and the support act (no youth service).
    func adultSupportRates(_ i: Int, actual: Bool) -> (escalate: Double, resolve: Double) {
        let need = Int(children.all[i].need)
        let resolve = actual ? model.resolutionPerDay[need] + model.levers.schoolToWork.resolvePerDay
            : ceiling.resolutionPerDay[need] + ceiling.levers.schoolToWork.resolvePerDay
        return (escalationRate(i, need: need, actual: actual), resolve)
    }

    func scheduleAdultSupport(_ i: Int) {
        let r = adultSupportRates(i, actual: false)
        let rate = r.escalate + r.resolve
        let time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        let until = children.all[i].birthDay + model.levers.schoolToWork.untilDays
        if until <= time { schedule(i, at: until, .ageOut) } else { schedule(i, at: time, .hazard) }
    }

    func adultSupportTransition(_ i: Int) {
        let upper = adultSupportRates(i, actual: false), actual = adultSupportRates(i, actual: true)
        let u = streams.progression.uniform() * (upper.escalate + upper.resolve)
        if u < actual.resolve {
            setNeed(i, 0)
            report(i, .resolvedByLever)
            tell(i, SchoolToWork.resolved)
            ageOut(i)
        } else if u < actual.resolve + actual.escalate {
            escalate(i, need: Int(children.all[i].need))
            scheduleAdultSupport(i)
        } else {
            scheduleAdultSupport(i)
        }
    }
}

extension SchoolToWork {
    static let stayed = StoryBook.LeverLine(text: "turned 18 with the need unresolved and stayed in school-to-work support.")
    static let resolved = StoryBook.LeverLine(text: "the need resolved during school-to-work support, and the young person left it.", resolvesNeed: true)
}
