/// Split youth health care (services.youth_health_care.organisation: split): JGZ 0-4 hands early-help cases to JGZ 4-18 at school age.
extension Replication {
    /// With split youth health care, when the child's early-help case moves from JGZ 0-4 to
    /// JGZ 4-18 (at school age); nil when it does not.
    @inline(__always) func jgzTransferTime(_ i: Int, service: ServiceKind) -> Double? {
        guard model.splitJGZ, service == .jgzEarlyHelp, age(i) < model.schoolAgeDays - sameInstantDays else { return nil }
        return children.all[i].birthDay + model.schoolAgeDays
    }

    /// Split youth health care: at school age JGZ 0-4 hands the early-help case (helped or
    /// waiting) to JGZ 4-18. Some cases are lost: the child goes home, the need unnoticed.
    /// The others go through the hand-over step onto the 4-18 organisation's list (the
    /// early-help places are one pool, paid from one JGZ budget).
    func transferBetweenJGZ(_ i: Int) {
        // A waiting case keeps when its need was noticed; a case in care has been helped.
        let waiting = Place.isWaiting(children.all[i].place)
        let noticedAt = waiting ? children.all[i].since : -1
        if waiting { leaveQueue(i) } else { leaveCare(i) }
        let lost = streams.jgzTransfer.bernoulli(model.parameters.services.youthHealthCare.transferLoss)
        report(i, .transferredBetweenJGZ(lost: lost))
        if lost {
            scheduleHome(i)
        } else {
            children.all[i].since = noticedAt
            referOn(i, to: .jgzEarlyHelp, indication: false)
        }
    }
}
