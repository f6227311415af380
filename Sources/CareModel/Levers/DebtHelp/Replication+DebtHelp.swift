import SimKernel

/// Household money problems and debt help (services.debt_help). Each household with
/// children runs a small process: no problems -> problems -> (debt help, possibly after a
/// wait) -> no problems, or problems again. While the problems are not under debt help
/// its children's onset and escalation hazards are raised; children's events are
/// scheduled at the raised hazard and thinned, so a change of household state never
/// reschedules a child.
extension Replication {
    /// A child joined the household: start its money process with its first child.
    func householdGained(_ h: Int) {
        levers.debtHelp.households[h].children += 1
        if levers.debtHelp.households[h].children == 1 { scheduleMoney(h) }
    }

    /// A child left: without children the household's process stops (debt help running
    /// goes on to its end).
    func householdLost(_ h: Int) {
        levers.debtHelp.households[h].children -= 1
        guard levers.debtHelp.households[h].children == 0 else { return }
        switch levers.debtHelp.households[h].state {
        case .none, .helped:
            break
        case .waiting:
            levers.debtHelp.service.queue.withdraw()
            levers.debtHelp.households[h].ticket &+= 1
            fallthrough
        case .problems:
            setMoneyState(h, .none)
        }
        if levers.debtHelp.households[h].state != .helped { levers.debtHelp.households[h].token &+= 1 }
    }

    /// The hazard of the household's next change of state in force (`actual`) or at its
    /// ceiling (nil in debt help, whose end is scheduled when it starts).
    private func moneyRate(_ h: Int, actual: Bool) -> Double? {
        switch levers.debtHelp.households[h].state {
        case .none: actual ? model.levers.debtHelp.problemsPerDay[Int(householdRisk[h])] : ceiling.levers.debtHelp.problemsPerDay[Int(householdRisk[h])]
        case .problems: actual ? model.levers.debtHelp.resolvePerDay + model.levers.debtHelp.applyPerDay : ceiling.levers.debtHelp.resolvePerDay + ceiling.levers.debtHelp.applyPerDay
        case .waiting: actual ? model.levers.debtHelp.resolvePerDay : ceiling.levers.debtHelp.resolvePerDay
        case .helped: nil
        }
    }

    /// Schedules the household's next change of state at its ceiling over dated values
    /// (thinned in `moneyEvent`; the end of debt help is scheduled when it starts).
    func scheduleMoney(_ h: Int) {
        guard let rate = moneyRate(h, actual: false) else { return }
        levers.debtHelp.households[h].token &+= 1
        guard rate > 0 else { return }
        let t = events.now + streams.households.exponential(mean: 1 / rate)
        guard t < model.endDay else { return }
        events.schedule(at: t, priority: ModelPriority.stateChange, kind: DebtHelp.householdEvent,
                        subject: Int32(h), token: levers.debtHelp.households[h].token)
    }

    func moneyEvent(_ h: Int) {
        // No draw when the hazard is at its ceiling: a run whose hazards are not dated draws as a plain one.
        if isDated, let upper = moneyRate(h, actual: false), let actual = moneyRate(h, actual: true),
           upper > actual, streams.households.uniform() * upper >= actual {
            scheduleMoney(h)
            return
        }
        switch levers.debtHelp.households[h].state {
        case .none:
            setMoneyState(h, .problems)
        case .problems:
            let resolve = model.levers.debtHelp.resolvePerDay
            if streams.households.bernoulli(resolve / (resolve + model.levers.debtHelp.applyPerDay)) {
                setMoneyState(h, .none)
            } else {
                applyForDebtHelp(h)
            }
        case .waiting:
            // The problems ended by themselves before help came.
            levers.debtHelp.service.queue.withdraw()
            levers.debtHelp.households[h].ticket &+= 1
            setMoneyState(h, .none)
        case .helped:
            endDebtHelp(h)
            return
        }
        if levers.debtHelp.households[h].state != .helped { scheduleMoney(h) }
    }

    private func applyForDebtHelp(_ h: Int) {
        if levers.debtHelp.service.tryAcquire() {
            startDebtHelp(h, waited: 0)
            return
        }
        levers.debtHelp.households[h].ticket &+= 1
        levers.debtHelp.service.queue.push(QueueEntry(subject: Int32(h), ticket: levers.debtHelp.households[h].ticket, enqueuedAt: events.now), level: 0)
        setMoneyState(h, .waiting)
    }

    private func startDebtHelp(_ h: Int, waited: Double) {
        setMoneyState(h, .helped)
        levers.debtHelp.period.starts += 1
        levers.debtHelp.period.waitDays += waited
        levers.debtHelp.households[h].token &+= 1
        let end = events.now + model.levers.debtHelp.duration.sample(streams.households)
        events.schedule(at: end, priority: ModelPriority.release, kind: DebtHelp.householdEvent,
                        subject: Int32(h), token: levers.debtHelp.households[h].token)
    }

    private func endDebtHelp(_ h: Int) {
        let solved = streams.households.bernoulli(model.levers.debtHelp.resolveProbability)
        setMoneyState(h, solved || levers.debtHelp.households[h].children == 0 ? .none : .problems)
        levers.debtHelp.service.release()
        admitToDebtHelp()
        if levers.debtHelp.households[h].children > 0 { scheduleMoney(h) }
    }

    func admitToDebtHelp() {
        while let entry = nextFromDebtHelpList() {
            let h = Int(entry.subject)
            levers.debtHelp.households[h].ticket &+= 1
            startDebtHelp(h, waited: events.now - entry.enqueuedAt)
        }
    }

    /// Admits the next household still waiting, if a place is free. The service is moved
    /// out of the lever's state while it admits (no copy): its liveness test reads the
    /// households, which live in the same state, and two accesses to it may not overlap.
    private func nextFromDebtHelpList() -> QueueEntry? {
        var service = Resource(capacity: 0)
        swap(&service, &levers.debtHelp.service)
        let entry = service.admitNext(isLive: { e in
            self.levers.debtHelp.households[Int(e.subject)].ticket == e.ticket && self.levers.debtHelp.households[Int(e.subject)].state == .waiting
        })
        swap(&service, &levers.debtHelp.service)
        return entry
    }

    /// A dated parameter set took over: debt help's places follow its budget.
    func debtHelpParametersChanged() {
        if model.parameters.levers.debtHelp.enabled && levers.debtHelp.service.capacity != model.levers.debtHelp.places {
            levers.debtHelp.service.setCapacity(model.levers.debtHelp.places)
            admitToDebtHelp()
        }
    }

    /// The household event (`DebtHelp.householdEvent`), if still live.
    func debtHelpEvent(_ event: Event) {
        let h = Int(event.subject)
        guard levers.debtHelp.households[h].token == event.token else { return }
        moneyEvent(h)
    }

    /// The only place a household's money state changes, so the count stays consistent.
    private func setMoneyState(_ h: Int, _ state: MoneyState) {
        let before = levers.debtHelp.households[h].raisesHazards
        levers.debtHelp.households[h].state = state
        levers.debtHelp.householdsWithProblems += (levers.debtHelp.households[h].raisesHazards ? 1 : 0) - (before ? 1 : 0)
    }

    /// The factor on a child's onset or escalation hazard now: `raised` while its household's
    /// problems are not under debt help, else 1.
    @inline(__always) func moneyFactor(_ i: Int, raised: Double) -> Double {
        guard model.levers.debtHelp.enabled else { return 1 }
        return levers.debtHelp.households[Int(children.all[i].household)].raisesHazards ? raised : 1
    }
}
