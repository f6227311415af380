import Stochastics

/// Births, households and leaving: who is in the population.
extension Replication {
    func createInitialPopulation() {
        let target = model.parameters.population.children
        let stream = streams.population
        var waiting: [(child: Int, service: ServiceKind, stage: Int)] = []
        // Read once: each read of the model's settled start copies it (retaining its arrays).
        let settledStart = model.settledStart
        while aliveCount < target {
            let size = householdSizes.sample(stream) + 1
            let household = newHousehold(stream)
            for _ in 0..<min(size, target - aliveCount) {
                let age = stream.uniform() * model.leavingAgeDays
                let i = addChild(birthDay: -age, household: household, stream: stream, scheduling: settledStart == nil)
                if let settledStart, let list = startSettled(i, settledStart) { waiting.append((i, list.service, list.stage)) }
            }
        }
        startSettledWaiting(waiting)
        initialChildren = aliveCount
    }

    func newHousehold(_ stream: RandomStream) -> Int32 {
        householdRisk.append(UInt8(riskGroups.sample(stream)))
        householdCare.append(HouseholdCare())
        leversHouseholdFormed()
        return Int32(householdRisk.count - 1)
    }

    /// Adds a child; with `scheduling`, a well child's first event is scheduled too.
    @discardableResult
    func addChild(birthDay: Double, household: Int32, stream: RandomStream, scheduling: Bool = true) -> Int {
        let covered = stream.bernoulli(model.parameters.services.schoolCare.shareOfChildrenCovered)
        let i = children.add(birthDay: birthDay, household: household, risk: householdRisk[Int(household)],
                             flags: covered ? ChildFlag.schoolCovered : 0)
        if !recorder.storyHouseholds.isEmpty && recorder.storyHouseholds.contains(household) { follow(i) }
        aliveCount += 1
        recorder.groups.integrate(Int(children.all[i].risk), until: events.now)
        recorder.groups.alive[Int(children.all[i].risk)] += 1
        leversChildJoined(Int(household))
        if scheduling { scheduleHome(i) }
        return i
    }

    func scheduleNextBirth() {
        guard model.birthsPerDay > 0 else { return }
        let t = events.now + streams.births.exponential(mean: 1 / model.birthsPerDay)
        guard t < model.endDay else { return }
        events.schedule(at: t, priority: ModelPriority.arrival, kind: EventKind.birth.rawValue)
    }

    /// A newborn starts a new household with probability 1 / mean household size
    /// (so the household structure stays roughly stable), or joins an existing one.
    func addNewborn() {
        let stream = streams.births
        let household: Int32
        if householdRisk.isEmpty || stream.bernoulli(1 / model.meanHouseholdSize) {
            household = newHousehold(stream)
        } else {
            household = Int32(stream.integer(below: householdRisk.count))
        }
        born += 1
        addChild(birthDay: events.now, household: household, stream: stream)
        recorder.count(.born, group: 0)
    }

    func ageOut(_ i: Int) {
        if leversAtLeavingAge(i) { return }
        let place = children.all[i].place
        var how = Happening.Leaving.atLeavingAge
        if age(i) > model.leavingAgeDays + sameInstantDays {
            how = leversLeavingPastAge(i) ?? .afterContinuedCare
        }
        let group = Int(children.all[i].risk)
        report(i, .left(withNeed: children.all[i].need > 0, how: how))
        recorder.storyChild[i] = nil
        if Place.isWaiting(place) {
            leaveQueue(i)
        } else if Place.isInCare(place) {
            leaveCare(i)
        }
        setNeed(i, 0)
        leversChildLeaving(i)
        children.remove(i)
        aliveCount -= 1
        recorder.groups.integrate(group, until: events.now)
        recorder.groups.alive[group] -= 1
        left += 1
    }
}
