import SimKernel

/// The children of the other municipalities in a region that shares its specialised
/// providers: each has a slot while it waits or is in care. They arrive as a Poisson
/// stream per service, take a free place or join the same waiting list (entries with a
/// negative subject: -1 - slot), give up waiting at the scenario's hazard, and stay one
/// episode. Their days are not this municipality's spending.
struct OutsideClients {
    /// Matches the slot's live queue entry and pending event.
    var ticket: [UInt32] = []
    var service: [UInt8] = []
    var freeSlots: [Int32] = []
    /// Per service (ServiceKind order): outside children waiting and in care now.
    var waiting = [Int](repeating: 0, count: ServiceKind.allCases.count)
    var inCare = [Int](repeating: 0, count: ServiceKind.allCases.count)

    mutating func take(_ s: ServiceKind) -> Int {
        if let slot = freeSlots.popLast() {
            service[Int(slot)] = UInt8(s.rawValue)
            return Int(slot)
        }
        ticket.append(0)
        service.append(UInt8(s.rawValue))
        return ticket.count - 1
    }

    mutating func free(_ slot: Int) {
        ticket[slot] &+= 1
        freeSlots.append(Int32(slot))
    }
}

extension Replication {
    /// Schedules the next referral from the other municipalities to `service`.
    /// At the ceiling over dated values, thinned in `outsideReferral`.
    func scheduleOutsideReferral(_ service: ServiceKind) {
        let rate = ceiling.outsideReferralsPerDay[service.rawValue]
        guard rate > 0 else { return }
        let t = events.now + streams.region.exponential(mean: 1 / rate)
        guard t < model.endDay else { return }
        events.schedule(at: t, priority: ModelPriority.arrival, kind: EventKind.outsideReferral.rawValue, subject: Int32(service.rawValue))
    }

    func outsideReferral(_ service: ServiceKind) {
        scheduleOutsideReferral(service)
        let r = service.rawValue
        let upper = ceiling.outsideReferralsPerDay[r], actual = model.outsideReferralsPerDay[r]
        if isDated && upper > actual && streams.region.uniform() * upper >= actual { return }
        let slot = outside.take(service)
        if resources[r].tryAcquire() {
            startOutsideCare(slot)
            return
        }
        outside.ticket[slot] &+= 1
        outside.waiting[r] += 1
        // Under severity-first they count as moderate needs (the middle level).
        let level = resources[r].queue.levelCount > 1 ? 1 : 0
        resources[r].queue.push(QueueEntry(subject: -1 - Int32(slot), ticket: outside.ticket[slot], enqueuedAt: events.now), level: level)
        scheduleOutsideGiveUp(slot)
    }

    /// Giving up at the ceiling over dated values, thinned in `outsideGiveUp`.
    private func scheduleOutsideGiveUp(_ slot: Int) {
        guard ceiling.giveUpPerDay > 0 else { return }
        events.schedule(at: events.now + streams.region.exponential(mean: 1 / ceiling.giveUpPerDay), priority: ModelPriority.stateChange,
                        kind: EventKind.outsideGiveUp.rawValue, subject: Int32(slot), token: outside.ticket[slot])
    }

    /// Called from the waiting list when an outside child gets a place.
    func admitOutside(_ entry: QueueEntry) {
        let slot = Int(-1 - entry.subject)
        outside.waiting[Int(outside.service[slot])] -= 1
        outside.ticket[slot] &+= 1
        startOutsideCare(slot)
    }

    private func startOutsideCare(_ slot: Int) {
        let r = Int(outside.service[slot])
        outside.inCare[r] += 1
        let end = events.now + model.durations[r].sample(streams.region)
        events.schedule(at: end, priority: ModelPriority.release, kind: EventKind.outsideCareEnd.rawValue,
                        subject: Int32(slot), token: outside.ticket[slot])
    }

    func outsideCareEnd(_ slot: Int) {
        let service = ServiceKind(rawValue: Int(outside.service[slot]))!
        outside.inCare[service.rawValue] -= 1
        outside.free(slot)
        resources[service.rawValue].release()
        admitFromQueue(service)
    }

    func outsideGiveUp(_ slot: Int) {
        if isDated && ceiling.giveUpPerDay > model.giveUpPerDay && streams.region.uniform() * ceiling.giveUpPerDay >= model.giveUpPerDay {
            scheduleOutsideGiveUp(slot)
            return
        }
        let r = Int(outside.service[slot])
        resources[r].queue.withdraw()
        outside.waiting[r] -= 1
        outside.free(slot)
    }

    /// Whether an outside queue entry is still waiting.
    @inline(__always) func outsideIsLive(_ e: QueueEntry) -> Bool {
        outside.ticket[Int(-1 - e.subject)] == e.ticket
    }
}
