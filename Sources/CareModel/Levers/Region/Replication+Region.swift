import SimKernel

extension Replication {
    /// Schedules the next referral from the other municipalities to `service`.
    /// At the ceiling over dated values, thinned in `outsideReferral`.
    func scheduleOutsideReferral(_ service: ServiceKind) {
        let rate = ceiling.levers.region.referralsPerDay[service.rawValue]
        guard rate > 0 else { return }
        let t = events.now + streams.region.exponential(mean: 1 / rate)
        guard t < model.endDay else { return }
        events.schedule(at: t, priority: ModelPriority.arrival, kind: Region.referralEvent, subject: Int32(service.rawValue))
    }

    func outsideReferral(_ service: ServiceKind) {
        scheduleOutsideReferral(service)
        let r = service.rawValue
        let upper = ceiling.levers.region.referralsPerDay[r], actual = model.levers.region.referralsPerDay[r]
        if isDated && upper > actual && streams.region.uniform() * upper >= actual { return }
        let slot = levers.region.clients.take(service)
        if resources[r].tryAcquire() {
            startOutsideCare(slot)
            return
        }
        levers.region.clients.ticket[slot] &+= 1
        levers.region.clients.waiting[r] += 1
        // Under severity-first they count as moderate needs (the middle level).
        let level = resources[r].queue.levelCount > 1 ? 1 : 0
        resources[r].queue.push(QueueEntry(subject: -1 - Int32(slot), ticket: levers.region.clients.ticket[slot], enqueuedAt: events.now), level: level)
        scheduleOutsideGiveUp(slot)
    }

    /// Giving up at the ceiling over dated values, thinned in `outsideGiveUp`.
    private func scheduleOutsideGiveUp(_ slot: Int) {
        guard ceiling.giveUpPerDay > 0 else { return }
        events.schedule(at: events.now + streams.region.exponential(mean: 1 / ceiling.giveUpPerDay), priority: ModelPriority.stateChange,
                        kind: Region.giveUpEvent, subject: Int32(slot), token: levers.region.clients.ticket[slot])
    }

    /// Called from the waiting list when an outside child gets a place.
    func admitOutside(_ entry: QueueEntry) {
        let slot = Int(-1 - entry.subject)
        levers.region.clients.waiting[Int(levers.region.clients.service[slot])] -= 1
        levers.region.clients.ticket[slot] &+= 1
        startOutsideCare(slot)
    }

    private func startOutsideCare(_ slot: Int) {
        let r = Int(levers.region.clients.service[slot])
        levers.region.clients.inCare[r] += 1
        let end = events.now + model.durations[r].sample(streams.region)
        events.schedule(at: end, priority: ModelPriority.release, kind: Region.careEndEvent,
                        subject: Int32(slot), token: levers.region.clients.ticket[slot])
    }

    func outsideCareEnd(_ slot: Int) {
        let service = ServiceKind(rawValue: Int(levers.region.clients.service[slot]))!
        levers.region.clients.inCare[service.rawValue] -= 1
        levers.region.clients.free(slot)
        resources[service.rawValue].release()
        admitFromQueue(service)
    }

    func outsideGiveUp(_ slot: Int) {
        if isDated && ceiling.giveUpPerDay > model.giveUpPerDay && streams.region.uniform() * ceiling.giveUpPerDay >= model.giveUpPerDay {
            scheduleOutsideGiveUp(slot)
            return
        }
        let r = Int(levers.region.clients.service[slot])
        resources[r].queue.withdraw()
        levers.region.clients.waiting[r] -= 1
        levers.region.clients.free(slot)
    }

    /// One of the region's events (`Region.referralEvent`, `.careEndEvent`, `.giveUpEvent`).
    func regionEvent(_ event: Event) {
        if event.kind == Region.referralEvent {
            outsideReferral(ServiceKind(rawValue: Int(event.subject))!)
            return
        }
        let slot = Int(event.subject)
        guard levers.region.clients.ticket[slot] == event.token else { return }
        if event.kind == Region.careEndEvent { outsideCareEnd(slot) } else { outsideGiveUp(slot) }
    }

    /// Whether an outside queue entry is still waiting.
    @inline(__always) func outsideIsLive(_ e: QueueEntry) -> Bool {
        levers.region.clients.ticket[Int(-1 - e.subject)] == e.ticket
    }
}
