/// What happens when a child's event fires: the transition is chosen in proportion to the rates.
extension Replication {
    func handleChildEvent(_ i: Int, kind: EventKind) {
        switch kind {
        case .ageOut:
            ageOut(i)
        case .ageMilestone:
            leversAgeMilestone(i)
            rescheduleAfterChange(i)
        case .jgzContact:
            jgzContact(i)
        case .careEnd:
            careEnd(i)
        case .jgzTransfer:
            transferBetweenJGZ(i)
        case .hazard:
            let place = children.all[i].place
            if Place.isWaiting(place) {
                waitingTransition(i)
            } else if children.all[i].need == 0 {
                onset(i)
            } else {
                homeTransition(i)
            }
        case .periodBoundary, .birth, .transition, .parameterChange:
            preconditionFailure("not a child event")
        }
    }

    func rescheduleAfterChange(_ i: Int) {
        if Place.isWaiting(children.all[i].place) { scheduleWaiting(i) } else { scheduleHome(i) }
    }

    func onset(_ i: Int) {
        if (model.levers.thinsOnset || isDated) && !acceptOnset(i) {
            scheduleOnset(i)
            return
        }
        children.clear(i, ChildFlag.relapseRisk)
        setNeed(i, 1)
        report(i, .onset)
        scheduleHome(i)
    }

    func homeTransition(_ i: Int) {
        if children.all[i].heldByLever {
            leversHeldTransition(i)
            return
        }
        let need = Int(children.all[i].need)
        let a = age(i)
        let chosen: HomeTransition = withUnsafeTemporaryAllocation(of: Double.self, capacity: 8) { rates in
            let actual = homeRates(i, need: need, age: a, actual: true, into: rates)
            let upper = homeRates(i, need: need, age: a, actual: false, into: nil)
            rates[7] = max(0, upper - actual)
            return HomeTransition(rawValue: streams.progression.index(weights: UnsafeBufferPointer(rates), total: upper))!
        }
        switch chosen {
        case .escalate:
            escalate(i, need: need)
            scheduleHome(i)
        case .resolve:
            resolveSpontaneously(i)
            scheduleHome(i)
        case .selfReferral: noticed(i, by: .selfReferral)
        case .gp: noticed(i, by: .gp)
        case .team: noticed(i, by: .team)
        case .school: noticed(i, by: .school)
        case .crisis: crisis(i)
        case .rejected: scheduleHome(i)
        }
    }

    func waitingTransition(_ i: Int) {
        let need = Int(children.all[i].need)
        let chosen: WaitingTransition = withUnsafeTemporaryAllocation(of: Double.self, capacity: 6) { rates in
            let actual = waitingRates(i, actual: true, into: rates)
            let upper = model.levers.thinsEscalation || isDated ? waitingRates(i, actual: false, into: nil) : actual
            rates[5] = max(0, upper - actual)
            return WaitingTransition(rawValue: streams.progression.index(weights: UnsafeBufferPointer(rates), total: upper))!
        }
        switch chosen {
        case .escalate:
            // Waiting does not stop a need from getting heavier; the child keeps its place in the queue.
            escalate(i, need: need)
            scheduleWaiting(i)
        case .resolve:
            leaveQueue(i)
            resolveSpontaneously(i)
            scheduleHome(i)
        case .giveUp:
            leaveQueue(i)
            report(i, .gaveUp)
            scheduleHome(i)
        case .crisis:
            leaveQueue(i)
            crisis(i)
        case .rejected:
            scheduleWaiting(i)
        case .indicated:
            // The referral step is done: now the child joins the service's waiting list.
            let service = Place.service(children.all[i].place)
            children.clear(i, ChildFlag.inReferralStep)
            referralStepCount -= 1
            refer(i, to: service)
        }
    }

    func escalate(_ i: Int, need: Int) {
        setNeed(i, need + 1)
        report(i, .escalated(to: need + 1))
    }

    func resolveSpontaneously(_ i: Int) {
        setNeed(i, 0)
        report(i, .resolvedByItself)
    }
}
