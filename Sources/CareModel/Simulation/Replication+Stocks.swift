/// The only places a child's need and place change, so stocks, per-household providers and integrals stay consistent.
extension Replication {
    /// The only place a child's need changes, so the stocks stay consistent.
    @inline(__always) func setNeed(_ i: Int, _ newNeed: Int) {
        let old = Int(children.all[i].need)
        guard old != newNeed else { return }
        let g = Int(children.all[i].risk)
        needCount[old] -= 1
        needCount[newNeed] += 1
        weightedNeed += model.burdenWeight[newNeed] - model.burdenWeight[old]
        recorder.groups.integrate(g, until: events.now)
        recorder.groups.weightedNeed[g] += model.burdenWeight[newNeed] - model.burdenWeight[old]
        recorder.groups.severe[g] += (newNeed == 3 ? 1 : 0) - (old == 3 ? 1 : 0)
        let before = leversBeforeChange(i)
        defer { leversAfterChange(i, before) }
        if children.all[i].place == Place.home && !children.all[i].heldByLever {
            let change = (newNeed > 0 ? 1 : 0) - (old > 0 ? 1 : 0)
            undetectedCount += change
            recorder.groups.undetected[g] += change
        }
        children.all[i].need = UInt8(newNeed)
    }

    /// The only place a child's place changes.
    @inline(__always) func setPlace(_ i: Int, _ newPlace: UInt8) {
        let old = children.all[i].place
        let before = leversBeforeChange(i)
        defer { leversAfterChange(i, before) }
        if Place.isInCare(old) || Place.isInCare(newPlace) { updateHouseholdCare(i, from: old, to: newPlace) }
        if children.all[i].need > 0 {
            let change = (newPlace == Place.home ? 1 : 0) - (old == Place.home ? 1 : 0)
            undetectedCount += change
            recorder.groups.undetected[Int(children.all[i].risk)] += change
        }
        children.all[i].place = newPlace
    }

    /// Keeps the household's provider count (and the totals over households) in step.
    func updateHouseholdCare(_ i: Int, from old: UInt8, to new: UInt8) {
        let h = Int(children.all[i].household)
        let before = providers(householdCare[h])
        if Place.isInCare(old) { householdCare[h].add(Place.service(old), -1) }
        if Place.isInCare(new) { householdCare[h].add(Place.service(new), 1) }
        providerTally.change(from: before, to: providers(householdCare[h]))
    }

    /// Providers a household deals with at once: one per episode outside the team, the
    /// team (one or two) for all its children in team care; at most the coordination cap.
    @inline(__always) func providers(_ care: HouseholdCare) -> Int {
        min(model.maxProvidersPerHousehold, Int(care.otherEpisodes) + (care.teamChildren > 0 ? model.teamProviders : 0))
    }

    @inline(__always) func advanceIntegrals(to time: Double) {
        let dt = time - integrals.lastTime
        guard dt > 0 else { return }
        for r in 0..<Self.serviceCount {
            integrals.careDays[r] += Double(resources[r].inUse - othersInCare(r)) * dt
        }
        integrals.placedDays += Double(placedCount) * dt
        integrals.weightedNeedDays += weightedNeed * dt
        integrals.childDays += Double(aliveCount) * dt
        leversAdvance(dt)
        integrals.lastTime = time
    }
}
