import SimKernel

/// Waiting lists and care episodes: joining and leaving a list, starting and ending care, stepping up.
extension Replication {
    /// Starts care at once if a place is free, otherwise joins the waiting list.
    func refer(_ i: Int, to service: ServiceKind) {
        if service == .neighbourhoodTeam && oldRegimeNow {
            referToIndicationBody(i)
            return
        }
        let service = leversReferral(i, to: service)
        let r = service.rawValue
        if resources[r].tryAcquire() || gpReferralTakesProviderPlace(i, service) {
            startCare(i, service, waited: 0)
            return
        }
        children.all[i].ticket &+= 1
        let level = resources[r].queue.levelCount > 1 ? Int(children.all[i].need) - 1 : 0
        resources[r].queue.push(QueueEntry(subject: Int32(i), ticket: children.all[i].ticket, enqueuedAt: events.now), level: level)
        setPlace(i, Place.waiting(service))
        report(i, .joinedWaitingList(service))
        scheduleWaiting(i)
    }

    func leaveQueue(_ i: Int) {
        let service = Place.service(children.all[i].place)
        children.all[i].since = -1
        children.all[i].gpReferral = false
        children.clear(i, ChildFlag.referralIndication | ChildFlag.referralHandover)
        if children.has(i, ChildFlag.inReferralStep) {
            // Still in the referral step: not on the list yet.
            children.clear(i, ChildFlag.inReferralStep)
            referralStepCount -= 1
            children.all[i].ticket &+= 1
            setPlace(i, Place.home)
            return
        }
        resources[service.rawValue].queue.withdraw()
        children.all[i].ticket &+= 1
        setPlace(i, Place.home)
    }

    func startCare(_ i: Int, _ service: ServiceKind, waited: Double) {
        setPlace(i, Place.inCare(service))
        // An episode under way at a settled start did not begin in the horizon: not a start.
        let underWay = !underWayAtStart.isEmpty && underWayAtStart.remove(i) != nil
        if !underWay { report(i, .started(service, waitedDays: waited)) }
        leversCareStarted(i, service)
        let noticedAt = children.all[i].since
        if noticedAt >= 0 {
            // The first care since the need was noticed: time to help. The moment it was
            // noticed is kept as a Float (the child table's compact record), so now is rounded
            // the same way: care that starts at the moment the need is noticed counts exactly
            // 0 days, not the rounding of now (up to 1e-5 days, noise in the warm-up's means).
            let days = Double(Float(events.now)) - Double(noticedAt)
            report(i, .helped(afterDays: max(0, days), schoolAge: age(i) >= model.schoolAgeDays))
        }
        // From now on `since` holds when the stay in this service began.
        children.all[i].since = Float(events.now)
        children.all[i].gpReferral = false
        if service == .youthProtection && streams.careOutcome.bernoulli(model.parameters.services.youthProtection.placementProbability)
            && !leversAvoidPlacement(i) {
            children.set(i, ChildFlag.placed)
            report(i, .placed)
            placedCount += 1
        }
        countUser(i)
        // After a hand-over the receiving organisation does its own intake first.
        let intake = children.has(i, ChildFlag.referralHandover) ? model.duplicateIntakeDays : 0
        children.clear(i, ChildFlag.referralIndication | ChildFlag.referralHandover)
        scheduleCareEnd(i, service, extraDays: intake, underWay: underWay, firstOfStay: !underWay)
    }

    /// Counts the child once per budget year as a user of each kind of care it is in.
    func countUser(_ i: Int) {
        let place = children.all[i].place
        guard Place.isInCare(place) else { return }
        var marks: UInt8 = 0
        switch Place.service(place) {
        case .neighbourhoodTeam, .specialisedAmbulant: marks = UserMark.youthHelp | UserMark.withoutStay
        case .residential: marks = UserMark.youthHelp | UserMark.stay
        case .youthProtection: marks = UserMark.protection | (children.has(i, ChildFlag.placed) ? UserMark.youthHelp | UserMark.stay : 0)
        case .jgzEarlyHelp, .schoolCare: return
        }
        let old = children.all[i].yearMarks
        let new = marks & ~old
        guard new != 0 else { return }
        children.all[i].yearMarks |= new
        if old & UserMark.youthCare == 0 { yearUsers += 1 }
        report(i, .newUser(marks: new, firstCare: old & UserMark.youthCare == 0))
    }

    /// Schedules the end of the episode beginning now; `underWay`: of an episode met under
    /// way at a settled start, whose time still to run is the residual of the service's
    /// duration (stream 14) and whose stay is counted from the drawn moment it began;
    /// `firstOfStay`: the first episode of a stay begun now (its planned length is reported).
    func scheduleCareEnd(_ i: Int, _ service: ServiceKind, extraDays: Double = 0, underWay: Bool = false, firstOfStay: Bool = false) {
        var length: Double, elapsed = 0.0
        if underWay {
            (length, elapsed) = model.durations[service.rawValue].residual(streams.initialState)
        } else {
            length = model.durations[service.rawValue].sample(streams.careDuration)
        }
        if service == .specialisedAmbulant || service == .residential {
            length *= durationDriftNow * leversEpisodeFactor(i, service)
            elapsed *= durationDriftNow
            if !underWay { report(i, .specialisedEpisodeBegun(service, days: length)) }
        }
        // The stay counts from the drawn start of the episode (not before the child's birth).
        if underWay { children.all[i].since = Float(events.now - min(elapsed, age(i))) }
        if firstOfStay { report(i, .stayPlanned(service, plannedDays: extraDays + length)) }
        let end = events.now + extraDays + length
        // Care running at the leaving age may continue up to the continuation age.
        let leaveTime = children.all[i].birthDay + model.continuationAgeDays
        if let transfer = jgzTransferTime(i, service: service), transfer < end {
            schedule(i, at: transfer, .jgzTransfer)
        } else if leaveTime <= end {
            schedule(i, at: leaveTime, .ageOut)
        } else {
            schedule(i, at: end, .careEnd, priority: ModelPriority.release)
        }
    }

    /// Frees the child's place and offers it to the waiting list.
    func leaveCare(_ i: Int) {
        let service = Place.service(children.all[i].place)
        let stayStart = Double(children.all[i].since)
        report(i, .leftCare(service, afterDays: events.now - stayStart))
        startedStays.add(service, startedAt: stayStart, days: events.now - stayStart)
        children.all[i].since = -1
        if children.has(i, ChildFlag.placed) {
            children.clear(i, ChildFlag.placed)
            placedCount -= 1
        }
        setPlace(i, Place.home)
        resources[service.rawValue].release()
        admitFromQueue(service)
    }

    /// This municipality's children on the lists of `services` who joined more than `days` ago.
    func waitingLongerThan(days: Double, in services: [ServiceKind]) -> Double {
        services.reduce(0) { total, service in
            let waitingPlace = Place.waiting(service)
            return total + Double(resources[service.rawValue].queue.count(where: { e in
                e.subject >= 0 && events.now - e.enqueuedAt > days && isStillWaiting(e, at: waitingPlace)
            }))
        }
    }

    /// Whether this municipality's child of list entry `e` still waits there (`waitingPlace`):
    /// an entry whose child gave up, recovered or moved is stale.
    @inline(__always)
    func isStillWaiting(_ e: QueueEntry, at waitingPlace: UInt8) -> Bool {
        children.all[Int(e.subject)].ticket == e.ticket && children.all[Int(e.subject)].place == waitingPlace
    }

    func admitFromQueue(_ service: ServiceKind) {
        let r = service.rawValue
        let waitingPlace = Place.waiting(service)
        // The closure reads `self.children` when called; capturing a copy would make the
        // writes below copy the whole table.
        while let entry = resources[r].admitNext(isLive: { e in
            e.subject < 0 ? self.othersEntryIsLive(e) : self.isStillWaiting(e, at: waitingPlace)
        }) {
            if entry.subject < 0 {
                admitOther(entry)
                continue
            }
            let j = Int(entry.subject)
            children.all[j].ticket &+= 1
            startCare(j, service, waited: events.now - entry.enqueuedAt)
        }
    }

    func careEnd(_ i: Int) {
        let service = Place.service(children.all[i].place)
        let need = Int(children.all[i].need)
        var resolved = streams.careOutcome.bernoulli(model.resolveProbability[service.rawValue][need])
        if !resolved && service == .neighbourhoodTeam { resolved = leversTeamResolves(i) }
        let turn = turnAtReview(i, service, need: need, resolved: resolved)
        if let turn {
            // Every turn leaves the need in place (a closure only ever meets an unresolved one).
            report(i, .turnedAtReview(turn))
            resolved = false
        }
        report(i, .ended(service, resolved: resolved))
        if resolved { setNeed(i, 0) }
        if age(i) >= model.leavingAgeDays - sameInstantDays {
            // Care continued past the leaving age has ended: the young person leaves.
            ageOut(i)
            return
        }
        if resolved {
            leaveCare(i)
            children.set(i, ChildFlag.relapseRisk)
            scheduleHome(i)
            return
        }
        // Not resolved: step up, or continue in the same place.
        switch service {
        case .jgzEarlyHelp, .schoolCare:
            leaveCare(i)
            referOn(i, to: .neighbourhoodTeam, indication: false)
        case .neighbourhoodTeam:
            leaveCare(i)
            report(i, .referredByTeam)
            referOn(i, to: specialised(need: need, residentialShare: model.parameters.services.neighbourhoodTeam.residentialShareOfSevereReferrals), indication: true)
        case .specialisedAmbulant where need == 3 && !consortiumOverBudget && turn != .prolonged:
            leaveCare(i)
            referOn(i, to: .residential, indication: false)
        case .specialisedAmbulant, .residential, .youthProtection:
            if turn == .closedEarly {
                // Closed with its need: the child goes home, unnoticed again, and may come back.
                leaveCare(i)
                scheduleHome(i)
                return
            }
            scheduleCareEnd(i, service)
        }
    }
}
