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
        householdMoney[h].children += 1
        if householdMoney[h].children == 1 { scheduleMoney(h) }
    }

    /// A child left: without children the household's process stops (debt help running
    /// goes on to its end).
    func householdLost(_ h: Int) {
        householdMoney[h].children -= 1
        guard householdMoney[h].children == 0 else { return }
        switch householdMoney[h].state {
        case .none, .helped:
            break
        case .waiting:
            debtHelp.queue.withdraw()
            householdMoney[h].ticket &+= 1
            fallthrough
        case .problems:
            setMoneyState(h, .none)
        }
        if householdMoney[h].state != .helped { householdMoney[h].token &+= 1 }
    }

    /// The hazard of the household's next change of state in force (`actual`) or at its
    /// ceiling (nil in debt help, whose end is scheduled when it starts).
    private func moneyRate(_ h: Int, actual: Bool) -> Double? {
        switch householdMoney[h].state {
        case .none: actual ? model.moneyProblemsPerDay[Int(householdRisk[h])] : ceiling.moneyProblemsPerDay[Int(householdRisk[h])]
        case .problems: actual ? model.moneyResolvePerDay + model.debtHelpApplyPerDay : ceiling.moneyResolvePerDay + ceiling.debtHelpApplyPerDay
        case .waiting: actual ? model.moneyResolvePerDay : ceiling.moneyResolvePerDay
        case .helped: nil
        }
    }

    /// Schedules the household's next change of state at its ceiling over dated values
    /// (thinned in `moneyEvent`; the end of debt help is scheduled when it starts).
    func scheduleMoney(_ h: Int) {
        guard let rate = moneyRate(h, actual: false) else { return }
        householdMoney[h].token &+= 1
        guard rate > 0 else { return }
        let t = events.now + streams.households.exponential(mean: 1 / rate)
        guard t < model.endDay else { return }
        events.schedule(at: t, priority: ModelPriority.stateChange, kind: EventKind.household.rawValue,
                        subject: Int32(h), token: householdMoney[h].token)
    }

    func moneyEvent(_ h: Int) {
        // No draw when the hazard is at its ceiling: a run whose hazards are not dated draws as a plain one.
        if isDated, let upper = moneyRate(h, actual: false), let actual = moneyRate(h, actual: true),
           upper > actual, streams.households.uniform() * upper >= actual {
            scheduleMoney(h)
            return
        }
        switch householdMoney[h].state {
        case .none:
            setMoneyState(h, .problems)
        case .problems:
            let resolve = model.moneyResolvePerDay
            if streams.households.bernoulli(resolve / (resolve + model.debtHelpApplyPerDay)) {
                setMoneyState(h, .none)
            } else {
                applyForDebtHelp(h)
            }
        case .waiting:
            // The problems ended by themselves before help came.
            debtHelp.queue.withdraw()
            householdMoney[h].ticket &+= 1
            setMoneyState(h, .none)
        case .helped:
            endDebtHelp(h)
            return
        }
        if householdMoney[h].state != .helped { scheduleMoney(h) }
    }

    private func applyForDebtHelp(_ h: Int) {
        if debtHelp.tryAcquire() {
            startDebtHelp(h, waited: 0)
            return
        }
        householdMoney[h].ticket &+= 1
        debtHelp.queue.push(QueueEntry(subject: Int32(h), ticket: householdMoney[h].ticket, enqueuedAt: events.now), level: 0)
        setMoneyState(h, .waiting)
    }

    private func startDebtHelp(_ h: Int, waited: Double) {
        setMoneyState(h, .helped)
        recorder.count(.debtHelpStarted(waitedDays: waited), group: 0)
        householdMoney[h].token &+= 1
        let end = events.now + model.debtHelpDuration.sample(streams.households)
        events.schedule(at: end, priority: ModelPriority.release, kind: EventKind.household.rawValue,
                        subject: Int32(h), token: householdMoney[h].token)
    }

    private func endDebtHelp(_ h: Int) {
        let solved = streams.households.bernoulli(model.parameters.services.debtHelp.resolveProbability)
        setMoneyState(h, solved || householdMoney[h].children == 0 ? .none : .problems)
        debtHelp.release()
        admitToDebtHelp()
        if householdMoney[h].children > 0 { scheduleMoney(h) }
    }

    func admitToDebtHelp() {
        while let entry = debtHelp.admitNext(isLive: { e in
            self.householdMoney[Int(e.subject)].ticket == e.ticket && self.householdMoney[Int(e.subject)].state == .waiting
        }) {
            let h = Int(entry.subject)
            householdMoney[h].ticket &+= 1
            startDebtHelp(h, waited: events.now - entry.enqueuedAt)
        }
    }

    /// The only place a household's money state changes, so the count stays consistent.
    private func setMoneyState(_ h: Int, _ state: MoneyState) {
        let before = householdMoney[h].raisesHazards
        householdMoney[h].state = state
        householdsWithMoneyProblems += (householdMoney[h].raisesHazards ? 1 : 0) - (before ? 1 : 0)
    }

    /// The factor on a child's onset or escalation hazard now: `raised` while its household's
    /// problems are not under debt help, else 1.
    @inline(__always) func moneyFactor(_ i: Int, raised: Double) -> Double {
        guard model.hasMoneyProblems else { return 1 }
        return householdMoney[Int(children.all[i].household)].raisesHazards ? raised : 1
    }
}
