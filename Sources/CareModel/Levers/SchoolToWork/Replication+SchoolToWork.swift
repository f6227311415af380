/// School-to-work support (services.school_to_work): from 16, and past the leaving age for those with a need and no care.
extension Replication {
    /// Whether the young person counts as a participant of school-to-work support: at home
    /// with a need from the support's starting age (and past the leaving age, in it).
    @inline(__always) func inSupport(_ i: Int) -> Bool {
        let c = children.all[i]
        return model.schoolToWork.enabled && c.place == Place.home && c.need > 0
            && (c.inAdultSupport || events.now - c.birthDay >= model.schoolToWork.fromDays - sameInstantDays)
    }

    /// Keeps `schoolToWorkParticipants.all` in step after a change to the young person's need or place.
    @inline(__always) func updateSupportCount(_ i: Int, was: Bool) {
        guard model.schoolToWork.enabled else { return }
        schoolToWorkParticipants.all += (inSupport(i) ? 1 : 0) - (was ? 1 : 0)
    }

    /// At the leaving age, a young person with a need who is not in care stays in
    /// school-to-work support (leaving any youth-care waiting list). Returns whether they stayed.
    func enterAdultSupport(_ i: Int) -> Bool {
        let c = children.all[i]
        guard model.schoolToWork.enabled, !c.inAdultSupport, c.need > 0, !Place.isInCare(c.place),
              model.schoolToWork.untilDays > age(i) + sameInstantDays else { return false }
        if Place.isWaiting(c.place) { leaveQueue(i) }
        // No longer an unnoticed need: the support knows it.
        let g = Int(c.risk)
        undetectedCount -= 1
        recorder.groups.undetected[g] -= 1
        children.all[i].inAdultSupport = true
        schoolToWorkParticipants.pastLeavingAge += 1
        report(i, .continuedInSchoolToWork)
        scheduleAdultSupport(i)
        return true
    }

    /// Past the leaving age only the need's own course and the support act (no youth service).
    func adultSupportRates(_ i: Int, actual: Bool) -> (escalate: Double, resolve: Double) {
        let need = Int(children.all[i].need)
        let resolve = actual ? model.resolutionPerDay[need] + model.schoolToWork.resolvePerDay
            : ceiling.resolutionPerDay[need] + ceiling.schoolToWork.resolvePerDay
        return (escalationRate(i, need: need, actual: actual), resolve)
    }

    func scheduleAdultSupport(_ i: Int) {
        let r = adultSupportRates(i, actual: false)
        let rate = r.escalate + r.resolve
        let time = rate > 0 ? events.now + streams.progression.exponential(mean: 1 / rate) : .infinity
        let until = children.all[i].birthDay + model.schoolToWork.untilDays
        if until <= time { schedule(i, at: until, .ageOut) } else { schedule(i, at: time, .hazard) }
    }

    func adultSupportTransition(_ i: Int) {
        let upper = adultSupportRates(i, actual: false), actual = adultSupportRates(i, actual: true)
        let u = streams.progression.uniform() * (upper.escalate + upper.resolve)
        if u < actual.resolve {
            setNeed(i, 0)
            report(i, .resolvedInSchoolToWork)
            ageOut(i)
        } else if u < actual.resolve + actual.escalate {
            escalate(i, need: Int(children.all[i].need))
            scheduleAdultSupport(i)
        } else {
            scheduleAdultSupport(i)
        }
    }
}
